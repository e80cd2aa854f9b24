import { describe, expect, it } from 'vitest';
import { isFiltered, readLibraryState, toLibraryFilters, writeLibraryState } from './list-params.ts';

describe('library list state in the URL', () => {
  it('reads defaults from an empty query and writes nothing back', () => {
    const s = readLibraryState(new URLSearchParams());
    expect(s).toMatchObject({ q: '', page: 1, size: 20, sector: undefined, open: undefined });
    expect(writeLibraryState(s).toString()).toBe('');
    expect(isFiltered(s)).toBe(false);
  });

  it('round-trips every filter and drops values that are not allowed', () => {
    const p = new URLSearchParams(
      'q=培训&sector=EDU&lv1=OUTPUT&lv2=QUANTITY&func=205&kind=COMMON&status=ACTIVE&page=3&size=50&open=EDU-TRAIN-001',
    );
    const s = readLibraryState(p);
    expect(readLibraryState(writeLibraryState(s))).toEqual(s);
    expect(isFiltered(s)).toBe(true);
    const bad = readLibraryState(new URLSearchParams('sector=MOON&kind=X&func=20a&page=-1&size=9999'));
    expect(bad).toMatchObject({ sector: undefined, kind: undefined, func: undefined, page: 1, size: 200 });
  });

  it('maps the state to the API filters with the fiscal year of the scope', () => {
    const s = readLibraryState(new URLSearchParams('q=培训&func=205&page=2'));
    expect(toLibraryFilters(s, '2026')).toEqual({
      q: '培训',
      sector: undefined,
      kpi_lv1: undefined,
      kpi_lv2: undefined,
      func_class: '205',
      kind: undefined,
      status: undefined,
      fiscal_year: '2026',
      page: 2,
      page_size: 20,
    });
  });
});
