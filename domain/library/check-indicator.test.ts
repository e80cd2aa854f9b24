import { describe, expect, it } from 'vitest';
import { libraryIssueMessage } from '../../contracts/library-issues.ts';
import { checkLibraryIndicator } from './check-indicator.ts';
import { loadStarterLibrary, starterProgressByCode } from './library.ts';

const base = {
  code: 'LOCAL-001',
  name: '培训人次',
  name_en: '',
  definition: '年度内参训人次',
  unit: '人次',
  formula: '',
  sign: 'GE',
  scoring_rule: null,
  sector: 'EDU',
  func_class: '2050803',
  kpi_lv1: 'OUTPUT',
  kpi_lv2: 'QUANTITY',
  kind: 'INDIVIDUAL',
  progress: 'CUMULATIVE',
  valid_from: 2020,
  valid_to: null,
};

describe('library indicator rule', () => {
  it('accepts a valid indicator, blanks as null and a year typed as a number', () => {
    const r = checkLibraryIndicator(base);
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.value).toMatchObject({ name_en: null, formula: null, valid_from: '2020' });
  });

  it('names every bad field once, in field order', () => {
    const r = checkLibraryIndicator({
      ...base,
      code: 'bad code',
      name: ' ',
      sign: 'GTE',
      func_class: '20',
      valid_to: 'x',
    });
    expect(r.issues.map((i) => [i.field, i.code])).toEqual([
      ['code', 'FIELD.TYPE'],
      ['name', 'FIELD.REQUIRED'],
      ['sign', 'FIELD.ENUM'],
      ['func_class', 'FIELD.TYPE'],
      ['valid_to', 'FIELD.TYPE'],
    ]);
    expect(libraryIssueMessage(r.issues[2] ?? { field: null, code: 'FIELD.TYPE' }, 'zh-CN')).toMatch(
      /^计算符号：取值须为 GE/,
    );
    expect(libraryIssueMessage(r.issues[3] ?? { field: null, code: 'FIELD.TYPE' }, 'en-US')).toBe(
      'Functional class: wrong format, expected 3, 5 or 7 digits, e.g. 2050803',
    );
  });

  it('checks the level pair against both frameworks, the unit of quantitative signs and the validity order', () => {
    expect(checkLibraryIndicator({ ...base, kpi_lv2: 'SOCIAL' }).issues).toEqual([
      { field: 'kpi_lv2', code: 'INDICATOR.LEVEL_PAIR', params: { lv1: 'OUTPUT' } },
    ]);
    expect(checkLibraryIndicator({ ...base, kpi_lv1: 'COST', kpi_lv2: 'ECON_COST' }).ok).toBe(true);
    expect(checkLibraryIndicator({ ...base, unit: '' }).issues).toEqual([
      { field: 'unit', code: 'INDICATOR.UNIT_REQUIRED' },
    ]);
    expect(checkLibraryIndicator({ ...base, unit: null, sign: 'QUAL', progress: 'LEVEL' }).ok).toBe(true);
    expect(checkLibraryIndicator({ ...base, valid_from: '2024', valid_to: '2023' }).issues).toEqual([
      { field: 'valid_to', code: 'LIBRARY.VALIDITY_ORDER', params: { from: '2024' } },
    ]);
  });

  it('parses every shipped entry and passes each through the same rule', () => {
    const entries = loadStarterLibrary();
    expect(entries.length).toBe(257);
    for (const e of entries) expect(checkLibraryIndicator(e).issues, e.code).toEqual([]);
    expect(starterProgressByCode().get('EDU-TRAIN-002')).toBe('LEVEL');
  });
});
