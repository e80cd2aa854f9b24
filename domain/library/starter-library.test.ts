import { describe, expect, it } from 'vitest';
import lib from './starter-library.json' with { type: 'json' };

/** The shipped starter indicator library (指标库, domain.md §4) is data; these checks keep it usable. */
interface LibraryEntry {
  code: string;
  name: string;
  name_en: string;
  definition: string;
  unit: string | null;
  formula: string | null;
  sign: string;
  scoring_rule: string;
  sector: string;
  func_class: string;
  kpi_lv1: string;
  kpi_lv2: string;
  kind: string;
  progress: string;
  valid_from: string;
  valid_to: string | null;
  typical: string | null;
}

const entries = lib as LibraryEntry[];

const KEYS = [
  'code',
  'name',
  'name_en',
  'definition',
  'unit',
  'formula',
  'sign',
  'scoring_rule',
  'sector',
  'func_class',
  'kpi_lv1',
  'kpi_lv2',
  'kind',
  'progress',
  'valid_from',
  'valid_to',
  'typical',
].sort();

const SECTORS = [
  'EDU',
  'HEALTH',
  'AGRI',
  'TRANSPORT',
  'SOCIAL',
  'ECO',
  'CULTURE',
  'SECURITY',
  'SCITECH',
  'GENERAL',
  'HOUSING',
  'WATER',
];

/** Framework "2015": level 1 → its level-2 categories. */
const PAIRS_2015: Record<string, readonly string[]> = {
  OUTPUT: ['QUANTITY', 'QUALITY', 'TIMELINESS', 'COST'],
  BENEFIT: ['ECONOMIC', 'SOCIAL', 'ECOLOGICAL', 'SUSTAINABLE'],
  SATISFACTION: ['SATISFACTION'],
};

const countBy = (key: (e: LibraryEntry) => string): Map<string, number> => {
  const counts = new Map<string, number>();
  for (const e of entries) counts.set(key(e), (counts.get(key(e)) ?? 0) + 1);
  return counts;
};

describe('starter indicator library', () => {
  it('has at least 150 entries over all 12 sectors', () => {
    expect(entries.length).toBeGreaterThanOrEqual(150);
    const bySector = countBy((e) => e.sector);
    expect(bySector.size).toBeGreaterThanOrEqual(10);
    expect([...bySector.keys()].sort()).toEqual([...SECTORS].sort());
    for (const sector of SECTORS) expect(bySector.get(sector), sector).toBeGreaterThanOrEqual(10);
    for (const sector of ['EDU', 'HEALTH', 'AGRI']) {
      expect(bySector.get(sector), sector).toBeGreaterThanOrEqual(15);
    }
  });

  it('gives every entry exactly the documented keys', () => {
    for (const e of entries) expect(Object.keys(e).sort(), e.code).toEqual(KEYS);
  });

  it('has unique, well-formed codes that start with the sector', () => {
    const codes = entries.map((e) => e.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const e of entries) {
      expect(e.code).toMatch(/^[A-Z]+-[A-Z0-9]+-\d{3}$/);
      expect(e.code.startsWith(`${e.sector}-`), e.code).toBe(true);
    }
  });

  it('has unique names within a sector and text in every field that needs it', () => {
    for (const sector of SECTORS) {
      const names = entries.filter((e) => e.sector === sector).map((e) => e.name);
      expect(new Set(names).size, sector).toBe(names.length);
    }
    for (const e of entries) {
      for (const text of [e.name, e.name_en, e.definition, e.scoring_rule]) {
        expect(typeof text, e.code).toBe('string');
        expect(text.trim().length, e.code).toBeGreaterThan(0);
      }
      expect(
        e.formula === null || (typeof e.formula === 'string' && e.formula.trim().length > 0),
        e.code,
      ).toBe(true);
    }
  });

  it('uses valid enumerations and 2015 level pairs', () => {
    for (const e of entries) {
      expect(['GE', 'LE', 'EQ', 'QUAL'], e.code).toContain(e.sign);
      expect(['CUMULATIVE', 'LEVEL'], e.code).toContain(e.progress);
      expect(['COMMON', 'INDIVIDUAL'], e.code).toContain(e.kind);
      expect(PAIRS_2015[e.kpi_lv1], e.code).toBeDefined();
      expect(PAIRS_2015[e.kpi_lv1], e.code).toContain(e.kpi_lv2);
      expect(SECTORS, e.code).toContain(e.sector);
    }
  });

  it('covers every level-2 category and both kinds', () => {
    const lv2 = new Set(entries.map((e) => e.kpi_lv2));
    for (const list of Object.values(PAIRS_2015)) for (const c of list) expect(lv2.has(c), c).toBe(true);
    expect(new Set(entries.map((e) => e.kind))).toEqual(new Set(['COMMON', 'INDIVIDUAL']));
  });

  it('has a unit unless qualitative, and rates are LEVEL', () => {
    for (const e of entries) {
      if (e.sign === 'QUAL') {
        expect(e.progress, e.code).toBe('LEVEL');
      } else {
        expect(typeof e.unit, e.code).toBe('string');
        expect((e.unit ?? '').trim().length, e.code).toBeGreaterThan(0);
      }
      if (e.unit === '%' || e.unit === '‰') expect(e.progress, e.code).toBe('LEVEL');
    }
  });

  it('has a valid function classification, validity and typical value', () => {
    for (const e of entries) {
      expect(e.func_class, e.code).toMatch(/^\d{3}(\d{2}){0,2}$/);
      expect(e.valid_from, e.code).toBe('2020');
      expect(e.valid_to, e.code).toBeNull();
      if (e.sign === 'QUAL') expect(e.typical, e.code).toBeNull();
      else expect(e.typical, e.code).toMatch(/^\d+(\.\d+)?$/);
    }
  });

  it('ships EDU-TRAIN-001 培训人次 as the worked example uses it', () => {
    const e = entries.find((x) => x.code === 'EDU-TRAIN-001');
    expect(e).toMatchObject({
      name: '培训人次',
      unit: '人次',
      sign: 'GE',
      progress: 'CUMULATIVE',
      kpi_lv1: 'OUTPUT',
      kpi_lv2: 'QUANTITY',
      sector: 'EDU',
      func_class: '2050803',
      valid_from: '2020',
      valid_to: null,
      typical: '500',
    });
  });
});
