import { describe, expect, it } from 'vitest';
import { readListState, toFilters, writeListState } from './list-params.ts';

const scope = { mof_div_code: '360121', fiscal_year: '2026' };

describe('project registry URL state', () => {
  it('round-trips through the URL', () => {
    const state = readListState(
      new URLSearchParams('q=补助&dept=101&kind=GOV_FUND&min=1.5&max=200&sort=-amount&page=3&size=50'),
    );
    expect(readListState(writeListState(state))).toEqual(state);
  });

  it('ignores what it does not know', () => {
    const state = readListState(new URLSearchParams('kind=NOPE&sort=evil&page=-2&size=100000'));
    expect(state).toMatchObject({ kind: undefined, sort: undefined, page: 1, size: 200 });
  });

  it('sends amounts in yuan, typed in 万元', () => {
    const filters = toFilters(readListState(new URLSearchParams('min=1.5&max=0.0001')), scope);
    expect(filters).toMatchObject({ amount_min: '15000', amount_max: '1', page: 1, page_size: 20, ...scope });
  });
});
