import { Decimal } from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY, type TPolicy } from '../policy/policy.ts';
import { normaliseTarget } from '../targets/check-target.ts';
import { exampleProject } from '../targets/example.fixture.ts';
import type { Sign, TargetDraft } from '../targets/indicator.ts';
import {
  computeMonitoringRound,
  executionLight,
  indicatorLight,
  LIGHTS,
  progressOf,
  projectLight,
  showLight,
  worstLight,
  type IndicatorLightInput,
  type Light,
} from './lights.ts';

type Rec = Record<string, unknown>;
const D = (s: string | number) => new Decimal(s);
const POS = DEFAULT_POLICY.lights.positive;
const EXE = DEFAULT_POLICY.lights.execution;
const BASE = 'projects[0].monitoring[0]';

function exampleTarget(): TargetDraft {
  return normaliseTarget(exampleProject().target as Rec);
}

/** The monitoring round of exchange-format.md. */
function exampleRound(): Rec {
  return {
    as_of: '2026-06-30',
    executed: '400000.00',
    forecast_executed: '980000.00',
    planned_executed: null,
    indicators: [
      {
        kpi_lv3: '培训人次',
        actual: '120',
        forecast: '480',
        planned: null,
        likelihood: 'POSSIBLE',
        deviation_causes: ['STAFF'],
        analysis: '春季师资不足',
        measures: '暑期集中培训',
      },
      { kpi_lv3: '合格率', actual: '96', likelihood: 'CERTAIN' },
      { kpi_lv3: '投诉率', actual: '1.5', likelihood: 'CERTAIN' },
      { kpi_lv3: '满意度', actual: '88', likelihood: 'POSSIBLE' },
    ],
  };
}

function run(round: unknown, opts: { target?: TargetDraft; amount?: string | null; policy?: TPolicy } = {}) {
  return computeMonitoringRound(round, opts.target ?? exampleTarget(), {
    policy: opts.policy ?? DEFAULT_POLICY,
    amount: opts.amount === undefined ? '1000000.00' : opts.amount,
    base: BASE,
  });
}

function light(input: Partial<IndicatorLightInput> & { actual: Decimal | null }) {
  return showLight(
    indicatorLight({
      sign: 'GE',
      target: D(100),
      progress: 'CUMULATIVE',
      month: 6,
      thresholds: POS,
      ...input,
    }),
  );
}

describe('computeMonitoringRound: the worked example', () => {
  it('gives exactly the validate output of exchange-format.md', () => {
    expect(run(exampleRound())).toEqual({
      issues: [],
      result: {
        as_of: '2026-06-30',
        execution: { value: '80.00', light: 'GREEN' },
        indicators: [
          { kpi_lv3: '培训人次', value: '48.00', light: 'RED' },
          { kpi_lv3: '合格率', value: '101.05', light: 'GREEN' },
          { kpi_lv3: '投诉率', value: null, light: 'GREEN' },
          { kpi_lv3: '满意度', value: '97.78', light: 'GREEN' },
        ],
        target_light: 'RED',
        project_light: 'RED',
      },
    });
  });

  it('accepts JSON numbers for the values', () => {
    const r = exampleRound();
    r.executed = 400000;
    (r.indicators as Rec[])[0] = { kpi_lv3: '培训人次', actual: 120 };
    expect(run(r).result?.indicators[0]).toEqual({ kpi_lv3: '培训人次', value: '48.00', light: 'RED' });
    expect(run(r).result?.execution).toEqual({ value: '80.00', light: 'GREEN' });
  });

  it('keeps the rows in input order, lists only reported rows', () => {
    const r = exampleRound();
    r.indicators = [...(r.indicators as Rec[])].reverse();
    expect(run(r).result?.indicators.map((i) => i.kpi_lv3)).toEqual([
      '满意度',
      '投诉率',
      '合格率',
      '培训人次',
    ]);
  });

  it('uses a planned execution in place of B × m / 12', () => {
    const r = { ...exampleRound(), planned_executed: '800000' };
    expect(run(r).result?.execution).toEqual({ value: '50.00', light: 'RED' });
  });

  it('gives execution NA when the project has no usable amount', () => {
    expect(run(exampleRound(), { amount: null }).result?.execution).toEqual({ value: null, light: 'NA' });
    expect(run(exampleRound(), { amount: '0' }).result?.project_light).toBe('RED');
  });
});

describe('computeMonitoringRound: errors', () => {
  it('requires as_of, executed and checks their types', () => {
    const r = exampleRound();
    delete r.as_of;
    delete r.executed;
    expect(run(r)).toEqual({
      issues: [
        { path: `${BASE}.as_of`, code: 'FIELD.REQUIRED', level: 'error' },
        { path: `${BASE}.executed`, code: 'FIELD.REQUIRED', level: 'error' },
      ],
      result: null,
    });
    const bad = { ...exampleRound(), as_of: '2026-02-30', executed: '-1', forecast_executed: 'x' };
    expect(run(bad).issues).toEqual([
      { path: `${BASE}.as_of`, code: 'FIELD.TYPE', level: 'error', params: { expected: 'date' } },
      { path: `${BASE}.executed`, code: 'FIELD.NEGATIVE', level: 'error' },
      {
        path: `${BASE}.forecast_executed`,
        code: 'FIELD.TYPE',
        level: 'error',
        params: { expected: 'decimal' },
      },
    ]);
    const money = { ...exampleRound(), executed: '1.234', planned_executed: '1.5.' };
    expect(run(money).issues.map((i) => [i.path, i.code])).toEqual([
      [`${BASE}.executed`, 'FIELD.TYPE'],
      [`${BASE}.planned_executed`, 'FIELD.TYPE'],
    ]);
  });

  it('reports a round that is not an object', () => {
    expect(run([])).toEqual({
      issues: [{ path: BASE, code: 'FIELD.TYPE', level: 'error', params: { expected: 'object' } }],
      result: null,
    });
  });

  it('checks each indicator row with exact paths', () => {
    const r = exampleRound();
    r.indicators = [
      {
        kpi_lv3: '培训人次',
        actual: 'abc',
        forecast: '-3',
        planned: 'x',
        level: 'DONE',
        likelihood: 'MAYBE',
        deviation_causes: ['STAFF', 'WEATHER'],
      },
      { kpi_lv3: '合格率', actual: '96' },
      { kpi_lv3: '投诉率', actual: '1.5' },
      { kpi_lv3: '满意度', actual: '88' },
      { kpi_lv3: '出勤率', actual: '1' },
      { actual: '1' },
      'row',
    ];
    const p = `${BASE}.indicators`;
    expect(run(r)).toEqual({
      issues: [
        { path: `${p}[0].actual`, code: 'FIELD.TYPE', level: 'error', params: { expected: 'decimal' } },
        { path: `${p}[0].forecast`, code: 'FIELD.NEGATIVE', level: 'error' },
        { path: `${p}[0].planned`, code: 'FIELD.TYPE', level: 'error', params: { expected: 'decimal' } },
        {
          path: `${p}[0].level`,
          code: 'FIELD.ENUM',
          level: 'error',
          params: { allowed: 'ACHIEVED, PARTIAL, NOT_ACHIEVED' },
        },
        {
          path: `${p}[0].likelihood`,
          code: 'FIELD.ENUM',
          level: 'error',
          params: { allowed: 'CERTAIN, POSSIBLE, IMPOSSIBLE' },
        },
        {
          path: `${p}[0].deviation_causes[1]`,
          code: 'FIELD.ENUM',
          level: 'error',
          params: { allowed: 'FUNDING, INSTITUTIONAL, STAFF, HARDWARE, OTHER' },
        },
        {
          path: `${p}[4].kpi_lv3`,
          code: 'MONITORING.UNKNOWN_INDICATOR',
          level: 'error',
          params: { name: '出勤率' },
        },
        { path: `${p}[5].kpi_lv3`, code: 'FIELD.REQUIRED', level: 'error' },
        { path: `${p}[6]`, code: 'FIELD.TYPE', level: 'error', params: { expected: 'object' } },
      ],
      result: null,
    });
  });

  it('requires an actual for every quantitative indicator, one error per indicator', () => {
    const r = exampleRound();
    r.indicators = [
      { kpi_lv3: '合格率', likelihood: 'CERTAIN' },
      { kpi_lv3: '投诉率', actual: '1.5' },
    ];
    expect(run(r)).toEqual({
      issues: [
        {
          path: `${BASE}.indicators`,
          code: 'MONITORING.ACTUAL_REQUIRED',
          level: 'error',
          params: { name: '培训人次' },
        },
        {
          path: `${BASE}.indicators`,
          code: 'MONITORING.ACTUAL_REQUIRED',
          level: 'error',
          params: { name: '合格率' },
        },
        {
          path: `${BASE}.indicators`,
          code: 'MONITORING.ACTUAL_REQUIRED',
          level: 'error',
          params: { name: '满意度' },
        },
      ],
      result: null,
    });
    const none = exampleRound();
    delete none.indicators;
    expect(run(none).issues).toHaveLength(4);
  });

  it('reports a second row for the same indicator', () => {
    const r = exampleRound();
    (r.indicators as Rec[]).push({ kpi_lv3: '合格率', actual: '90' });
    expect(run(r).issues).toEqual([
      {
        path: `${BASE}.indicators[4].kpi_lv3`,
        code: 'INDICATOR.DUPLICATE_NAME',
        level: 'error',
        params: { name: '合格率' },
      },
    ]);
  });

  it('accepts deviation causes as one ;-separated text', () => {
    const r = exampleRound();
    (r.indicators as Rec[])[0] = { kpi_lv3: '培训人次', actual: '120', deviation_causes: 'STAFF；FUNDING' };
    expect(run(r).issues).toEqual([]);
    (r.indicators as Rec[])[0] = { kpi_lv3: '培训人次', actual: '120', deviation_causes: 'STAFF;RAIN' };
    expect(run(r).issues.map((i) => i.path)).toEqual([`${BASE}.indicators[0].deviation_causes[1]`]);
  });

  it('does not require rows for qualitative indicators; their level gives the light', () => {
    const t = exampleTarget();
    t.indicators.push({
      ...(t.indicators[0] as TargetDraft['indicators'][number]),
      kpi_lv3: '制度建设',
      computesign: 'QUAL',
      kpi_val: '健全',
      meterunit: null,
    });
    expect(run(exampleRound(), { target: t }).issues).toEqual([]);
    const r = exampleRound();
    (r.indicators as Rec[]).push({ kpi_lv3: '制度建设', level: 'PARTIAL' });
    expect(run(r, { target: t }).result?.indicators[4]).toEqual({
      kpi_lv3: '制度建设',
      value: null,
      light: 'YELLOW',
    });
    (r.indicators as Rec[])[4] = { kpi_lv3: '制度建设' };
    expect(run(r, { target: t }).result?.indicators[4]?.light).toBe('NA');
  });
});

describe('executionLight', () => {
  const cases: [
    string,
    { budget: string | null; executed: string; month: number; planned?: string },
    string | null,
    Light,
  ][] = [
    ['worked example', { budget: '1000000', executed: '400000', month: 6 }, '80.00', 'GREEN'],
    ['B = 0', { budget: '0', executed: '10', month: 6 }, null, 'NA'],
    ['B unknown', { budget: null, executed: '10', month: 6 }, null, 'NA'],
    ['planned 0', { budget: '100', executed: '10', month: 6, planned: '0' }, null, 'NA'],
    [
      'planned replaces B × m / 12',
      { budget: '1200', executed: '45', month: 6, planned: '50' },
      '90.00',
      'GREEN',
    ],
    ['exactly 60 is YELLOW', { budget: '1200', executed: '360', month: 6 }, '60.00', 'YELLOW'],
    ['just under 60 is RED', { budget: '1200', executed: '359.99', month: 6 }, '60.00', 'RED'],
    ['exactly 80 is GREEN', { budget: '1200', executed: '480', month: 6 }, '80.00', 'GREEN'],
    ['m = 12', { budget: '1000', executed: '1000', month: 12 }, '100.00', 'GREEN'],
    ['m = 1', { budget: '36', executed: '1', month: 1 }, '33.33', 'RED'],
  ];
  it.each(cases)('%s', (_, c, value, l) => {
    const r = executionLight({
      budget: c.budget === null ? null : D(c.budget),
      executed: D(c.executed),
      month: c.month,
      planned: c.planned === undefined ? null : D(c.planned),
      thresholds: EXE,
    });
    expect(showLight(r)).toEqual({ value, light: l });
  });

  it('uses the policy thresholds on the exact value', () => {
    // v = 100 × 1 × 12 / (3 × 6) = 66.666…: YELLOW under [60, 80], GREEN under [50, 66.66]
    const input = { budget: D(3), executed: D(1), month: 6 };
    expect(executionLight({ ...input, thresholds: [60, 80] }).light).toBe('YELLOW');
    expect(executionLight({ ...input, thresholds: [50, 66.66] }).light).toBe('GREEN');
    expect(executionLight({ ...input, thresholds: [50, 66.67] }).light).toBe('YELLOW');
  });

  it('rejects a month out of 1–12', () => {
    expect(() => executionLight({ budget: D(1), executed: D(1), month: 13, thresholds: EXE })).toThrow(
      RangeError,
    );
  });
});

describe('indicatorLight', () => {
  const cases: [string, Partial<IndicatorLightInput> & { actual: Decimal | null }, string | null, Light][] = [
    ['cumulative pro-rated', { target: D(500), actual: D(120) }, '48.00', 'RED'],
    ['T = 0 → NA', { target: D(0), actual: D(5) }, null, 'NA'],
    ['T = 0 LEVEL → NA', { target: D(0), actual: D(5), progress: 'LEVEL' }, null, 'NA'],
    ['planned 0 → NA', { target: D(500), actual: D(5), planned: D(0) }, null, 'NA'],
    ['planned replaces T × m / 12', { target: D(500), actual: D(120), planned: D(100) }, '120.00', 'BLUE'],
    ['planned with T = 0 still computes', { target: D(0), actual: D(90), planned: D(100) }, '90.00', 'GREEN'],
    [
      'LEVEL ignores planned',
      { target: D(95), actual: D(96), progress: 'LEVEL', planned: D(10) },
      '101.05',
      'GREEN',
    ],
    ['LEVEL 97.78', { target: D(90), actual: D(88), progress: 'LEVEL' }, '97.78', 'GREEN'],
    ['exactly 60 YELLOW', { target: D(100), actual: D(60), progress: 'LEVEL' }, '60.00', 'YELLOW'],
    ['exactly 80 GREEN', { target: D(100), actual: D(80), progress: 'LEVEL' }, '80.00', 'GREEN'],
    ['exactly 120 BLUE', { target: D(100), actual: D(120), progress: 'LEVEL' }, '120.00', 'BLUE'],
    [
      '79.999 is YELLOW though shown 80.00',
      { target: D(100), actual: D('79.999'), progress: 'LEVEL' },
      '80.00',
      'YELLOW',
    ],
    ['m = 12 compares the full target', { target: D(500), actual: D(500), month: 12 }, '100.00', 'GREEN'],
    [
      'EQ uses the positive rules',
      { sign: 'EQ', target: D(100), actual: D(130), progress: 'LEVEL' },
      '130.00',
      'BLUE',
    ],
    ['GT like GE', { sign: 'GT', target: D(100), actual: D(100), progress: 'LEVEL' }, '100.00', 'GREEN'],
    ['negative A > T RED', { sign: 'LE', target: D(2), actual: D('2.01') }, null, 'RED'],
    ['negative A = T GREEN', { sign: 'LT', target: D(2), actual: D(2) }, null, 'GREEN'],
    [
      'negative A < T GREEN, ignores planned',
      { sign: 'LE', target: D(2), actual: D(1), planned: D(0) },
      null,
      'GREEN',
    ],
    ['negative T = 0, A = 0 GREEN', { sign: 'LE', target: D(0), actual: D(0) }, null, 'GREEN'],
    [
      'IMPOSSIBLE → RED, value kept',
      { target: D(100), actual: D(90), progress: 'LEVEL', likelihood: 'IMPOSSIBLE' },
      '90.00',
      'RED',
    ],
    [
      'IMPOSSIBLE on negative',
      { sign: 'LE', target: D(2), actual: D(1), likelihood: 'IMPOSSIBLE' },
      null,
      'RED',
    ],
    ['IMPOSSIBLE on NA', { target: D(0), actual: D(1), likelihood: 'IMPOSSIBLE' }, null, 'RED'],
    [
      'CERTAIN changes nothing',
      { target: D(100), actual: D(10), progress: 'LEVEL', likelihood: 'CERTAIN' },
      '10.00',
      'RED',
    ],
    ['no actual → NA', { actual: null }, null, 'NA'],
    ['unusable target → NA', { target: null, actual: D(1) }, null, 'NA'],
    ['QUAL ACHIEVED', { sign: 'QUAL', level: 'ACHIEVED', actual: null }, null, 'GREEN'],
    ['QUAL PARTIAL', { sign: 'QUAL', level: 'PARTIAL', actual: null }, null, 'YELLOW'],
    ['OTHER NOT_ACHIEVED', { sign: 'OTHER', level: 'NOT_ACHIEVED', actual: D(5) }, null, 'RED'],
    ['QUAL without level', { sign: 'QUAL', actual: null }, null, 'NA'],
    [
      'QUAL IMPOSSIBLE',
      { sign: 'QUAL', level: 'ACHIEVED', likelihood: 'IMPOSSIBLE', actual: null },
      null,
      'RED',
    ],
  ];
  it.each(cases)('%s', (_, input, value, l) => {
    expect(light(input)).toEqual({ value, light: l });
  });

  it('uses custom policy thresholds, boundaries included', () => {
    const thresholds: TPolicy['lights']['positive'] = [50, 70, 110];
    const at = (a: string) => light({ target: D(100), actual: D(a), progress: 'LEVEL', thresholds }).light;
    expect([at('49.99'), at('50'), at('69.99'), at('70'), at('109.99'), at('110')]).toEqual([
      'RED',
      'YELLOW',
      'YELLOW',
      'GREEN',
      'GREEN',
      'BLUE',
    ]);
  });

  it('compares the exact fraction, not a rounded one', () => {
    // 100 × 1 × 12 / (3 × 5) = 80 exactly → GREEN; 100 × 2 / 3 = 66.666… < 66.67 → YELLOW
    expect(light({ target: D(3), actual: D(1), month: 5 })).toEqual({ value: '80.00', light: 'GREEN' });
    const t: TPolicy['lights']['positive'] = [60, 66.67, 120];
    expect(light({ target: D(3), actual: D(2), progress: 'LEVEL', thresholds: t }).light).toBe('YELLOW');
  });

  it('is monotone in the actual for positive indicators', () => {
    const rank: Record<Light, number> = { NA: -1, RED: 0, YELLOW: 1, GREEN: 2, BLUE: 3 };
    fc.assert(
      fc.property(
        fc.constantFrom<Sign>('GE', 'GT', 'EQ'),
        fc.constantFrom<'CUMULATIVE' | 'LEVEL'>('CUMULATIVE', 'LEVEL'),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.integer({ min: 0, max: 2_000_000 }),
        fc.integer({ min: 0, max: 2_000_000 }),
        fc.option(fc.integer({ min: 1, max: 1_000_000 }), { nil: null }),
        (sign, progress, month, t, a1, a2, planned) => {
          const [lo, hi] = a1 <= a2 ? [a1, a2] : [a2, a1];
          const of = (a: number) =>
            indicatorLight({
              sign,
              progress,
              month,
              target: D(t).div(100),
              actual: D(a).div(100),
              planned: planned === null ? null : D(planned).div(100),
              thresholds: POS,
            });
          const l1 = of(lo);
          const l2 = of(hi);
          expect(rank[l1.light]).toBeGreaterThanOrEqual(0);
          expect(rank[l2.light]).toBeGreaterThanOrEqual(rank[l1.light]);
          expect(l2.value?.gte(l1.value ?? 0)).toBe(true);
        },
      ),
    );
  });
});

describe('worstLight, projectLight, progressOf', () => {
  it('orders RED > YELLOW > GREEN > BLUE and ignores NA', () => {
    expect(worstLight(['GREEN', 'BLUE'])).toBe('GREEN');
    expect(worstLight(['BLUE', 'NA'])).toBe('BLUE');
    expect(worstLight(['YELLOW', 'RED', 'GREEN'])).toBe('RED');
    expect(worstLight(['NA', 'NA'])).toBe('NA');
    expect(worstLight([])).toBe('NA');
    expect(projectLight('NA', 'NA')).toBe('NA');
    expect(projectLight('GREEN', 'NA')).toBe('GREEN');
    expect(projectLight('YELLOW', 'BLUE')).toBe('YELLOW');
  });

  it('is the maximum of a total order, independent of order, with NA as identity', () => {
    const order: Light[] = ['NA', 'BLUE', 'GREEN', 'YELLOW', 'RED'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...LIGHTS), { maxLength: 12 }), (ls) => {
        const w = worstLight(ls);
        const expected = ls.reduce<Light>((m, l) => (order.indexOf(l) > order.indexOf(m) ? l : m), 'NA');
        expect(w).toBe(expected);
        expect(worstLight([...ls].reverse())).toBe(w);
        expect(worstLight([...ls, 'NA'])).toBe(w);
        for (const l of ls) expect(worstLight([w, l])).toBe(w);
      }),
    );
  });

  it('takes the progress kind from the indicator or the unit', () => {
    expect(progressOf({ progress: 'LEVEL', meterunit: '人次' })).toBe('LEVEL');
    expect(progressOf({ progress: null, meterunit: '%' })).toBe('LEVEL');
    expect(progressOf({ progress: null, meterunit: '‰' })).toBe('LEVEL');
    expect(progressOf({ progress: 'BAD', meterunit: '人次' })).toBe('CUMULATIVE');
    expect(progressOf({ progress: 'CUMULATIVE', meterunit: '%' })).toBe('CUMULATIVE');
  });
});
