import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY, resolvePolicy } from '../policy/policy.ts';
import { checkTarget, normaliseTarget, type TargetRules } from './check-target.ts';
import { exampleProject } from './example.fixture.ts';

type Rec = Record<string, unknown>;
const rules: TargetRules = { policy: DEFAULT_POLICY, multiYear: false };

function target(): Rec & { indicators: Rec[] } {
  return exampleProject().target as Rec & { indicators: Rec[] };
}
function codes(t: unknown, r = rules) {
  return checkTarget(t, 'projects[0].target', r).map((i) => [i.level, i.code, i.path]);
}

describe('checkTarget', () => {
  it('accepts the worked example', () => {
    expect(codes(target())).toEqual([]);
  });

  it.each([
    ['kpi_lv3', undefined, 'FIELD.REQUIRED', 'kpi_lv3'],
    ['computesign', 'GTE', 'FIELD.ENUM', 'computesign'],
    ['kpi_lv1', 'INPUT', 'FIELD.ENUM', 'kpi_lv1'],
    ['meterunit', null, 'INDICATOR.UNIT_REQUIRED', 'meterunit'],
    ['meterunit', '  ', 'INDICATOR.UNIT_REQUIRED', 'meterunit'],
    ['kpi_val', '五百', 'INDICATOR.VALUE_NOT_NUMERIC', 'kpi_val'],
    ['kpi_val', '-5', 'FIELD.NEGATIVE', 'kpi_val'],
    ['kpi_val', '', 'FIELD.REQUIRED', 'kpi_val'],
    ['kpi_lv2', 'SOCIAL', 'INDICATOR.LEVEL_PAIR', 'kpi_lv2'],
    ['last_actual', 'abc', 'FIELD.TYPE', 'last_actual'],
    ['progress', 'MONTHLY', 'FIELD.ENUM', 'progress'],
  ])('indicator field %s = %j gives %s', (field, value, code, at) => {
    const t = target();
    const first = t.indicators[0] as Rec;
    first[field] = value;
    expect(codes(t)).toContainEqual(['error', code, `projects[0].target.indicators[0].${at}`]);
  });

  it('reports a negative weight, and a bad weight suppresses the weight-sum error', () => {
    const t = target();
    (t.indicators[1] as Rec).weight = '-20';
    expect(codes(t)).toEqual([['error', 'FIELD.NEGATIVE', 'projects[0].target.indicators[1].weight']]);
    (t.indicators[1] as Rec).weight = '0';
    expect(codes(t)).toEqual([['error', 'FIELD.TYPE', 'projects[0].target.indicators[1].weight']]);
    (t.indicators[1] as Rec).weight = '19.999';
    expect(codes(t)).toEqual([['error', 'FIELD.TYPE', 'projects[0].target.indicators[1].weight']]);
  });

  it('reports weights that do not add up to 100 − budget points with both figures', () => {
    const t = target();
    (t.indicators[1] as Rec).weight = '25';
    const issues = checkTarget(t, 'projects[0].target', rules);
    expect(issues).toContainEqual({
      level: 'error',
      code: 'TARGET.WEIGHT_SUM',
      path: 'projects[0].target.indicators',
      params: { expected: '90', actual: '95' },
    });
    const p = resolvePolicy({ budget_points: 15 });
    if (!p.ok) throw new Error('policy');
    expect(codes(target(), { policy: p.policy, multiYear: false })).toContainEqual([
      'error',
      'TARGET.WEIGHT_SUM',
      'projects[0].target.indicators',
    ]);
  });

  it('finds the second of two indicators with the same name', () => {
    const t = target();
    (t.indicators[3] as Rec).kpi_lv3 = '合格率';
    expect(codes(t)).toContainEqual([
      'error',
      'INDICATOR.DUPLICATE_NAME',
      'projects[0].target.indicators[3].kpi_lv3',
    ]);
  });

  it('needs a quantitative output indicator', () => {
    const t = target();
    for (const i of t.indicators.slice(0, 2)) {
      i.computesign = 'QUAL';
      i.kpi_val = '达标';
    }
    expect(codes(t)).toContainEqual([
      'error',
      'TARGET.NO_QUANTITATIVE_OUTPUT',
      'projects[0].target.indicators',
    ]);
  });

  it('needs an explanation for OTHER, and none for QUAL (which needs no unit either)', () => {
    const t = target();
    Object.assign(t.indicators[1] as Rec, { computesign: 'OTHER', kpi_val: '90-95', meterunit: null });
    expect(codes(t)).toEqual([
      ['error', 'INDICATOR.EXPLANATION_REQUIRED', 'projects[0].target.indicators[1].explanation'],
    ]);
    Object.assign(t.indicators[1] as Rec, { computesign: 'QUAL', kpi_val: '达标' });
    expect(codes(t)).toEqual([]);
  });

  it('warns about a level-1 split other than the policy’s unless it is explained', () => {
    const t = target();
    (t.indicators[1] as Rec).weight = '10';
    (t.indicators[3] as Rec).weight = '20';
    expect(codes(t)).toEqual([['warning', 'TARGET.LEVEL1_SPLIT', 'projects[0].target.indicators']]);
    t.explanation = '本项目以服务满意度为主要成效';
    expect(codes(t)).toEqual([]);
  });

  it('checks pairs against the policy’s framework', () => {
    const t = target();
    Object.assign(t.indicators[1] as Rec, { kpi_lv1: 'COST', kpi_lv2: 'ECON_COST' });
    expect(codes(t)).toContainEqual([
      'error',
      'INDICATOR.LEVEL_PAIR',
      'projects[0].target.indicators[1].kpi_lv2',
    ]);
    const p = resolvePolicy({ framework: '2021' });
    if (!p.ok) throw new Error('policy');
    expect(codes(t, { policy: p.policy, multiYear: false })).not.toContainEqual([
      'error',
      'INDICATOR.LEVEL_PAIR',
      'projects[0].target.indicators[1].kpi_lv2',
    ]);
  });

  it('needs the annual goal, and the long-term goal of a multi-year project', () => {
    const t = target();
    t.annual_goal = ' ';
    t.long_term_goal = null;
    expect(codes(t)).toEqual([['error', 'FIELD.REQUIRED', 'projects[0].target.annual_goal']]);
    expect(codes(t, { ...rules, multiYear: true })).toEqual([
      ['error', 'FIELD.REQUIRED', 'projects[0].target.long_term_goal'],
      ['error', 'FIELD.REQUIRED', 'projects[0].target.annual_goal'],
    ]);
  });

  it('keeps core indicators pushed down from the performance office', () => {
    const core = [
      { library_code: 'EDU-TRAIN-001', kpi_lv3: '培训人次', computesign: 'GE', meterunit: '人次' },
    ];
    expect(codes(target(), { ...rules, core })).toEqual([]);
    const t = target();
    (t.indicators[0] as Rec).meterunit = '人';
    expect(codes(t, { ...rules, core })).toContainEqual([
      'error',
      'INDICATOR.CORE_CHANGED',
      'projects[0].target.indicators[0].kpi_lv3',
    ]);
    t.indicators.shift();
    expect(codes(t, { ...rules, core })).toContainEqual([
      'error',
      'TARGET.CORE_MISSING',
      'projects[0].target.indicators',
    ]);
  });

  it('accepts JSON numbers and normalises them to text', () => {
    const t = target();
    Object.assign(t.indicators[0] as Rec, { kpi_val: 500, weight: 30 });
    expect(codes(t)).toEqual([]);
    expect(normaliseTarget(t).indicators[0]).toMatchObject({
      kpi_val: '500',
      weight: '30',
      progress: 'CUMULATIVE',
    });
  });

  it('reports an empty or missing indicator list', () => {
    const t = target();
    t.indicators = [];
    expect(codes(t)).toEqual([['error', 'FIELD.REQUIRED', 'projects[0].target.indicators']]);
    expect(codes('x')).toEqual([['error', 'FIELD.TYPE', 'projects[0].target']]);
  });
});
