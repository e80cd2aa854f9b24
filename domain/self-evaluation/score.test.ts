import { Decimal } from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY, type TPolicy } from '../policy/policy.ts';
import { normaliseTarget } from '../targets/check-target.ts';
import { exampleProject } from '../targets/example.fixture.ts';
import type { Sign, TargetDraft } from '../targets/indicator.ts';
import {
  budgetScore,
  computeSelfEvaluation,
  describeBand,
  gradeOf,
  indicatorScore,
  inQualBand,
  qualBand,
  quantitativeScore,
  type QualLevel,
} from './score.ts';

type Rec = Record<string, unknown>;
const D = (s: string | number) => new Decimal(s);
const BASE = 'projects[0].self_evaluation';
const BANDS = DEFAULT_POLICY.qual_bands;

function exampleTarget(): TargetDraft {
  return normaliseTarget(exampleProject().target as Rec);
}

/** The self-evaluation of exchange-format.md. */
function exampleSelf(): Rec {
  return {
    budget: '1000000.00',
    executed: '920000.00',
    indicators: [
      { kpi_lv3: '培训人次', actual: '450', explanation: '' },
      { kpi_lv3: '合格率', actual: '97' },
      { kpi_lv3: '投诉率', actual: '2.5' },
      { kpi_lv3: '满意度', actual: '88' },
    ],
  };
}

function run(raw: unknown, opts: { target?: TargetDraft; policy?: TPolicy } = {}) {
  return computeSelfEvaluation(raw, opts.target ?? exampleTarget(), {
    policy: opts.policy ?? DEFAULT_POLICY,
    base: BASE,
  });
}

/** A target of the given indicators (output/quantity, unit 人次 unless told). */
function targetOf(...inds: Rec[]): TargetDraft {
  return normaliseTarget({
    indicators: inds.map((i) => ({ kpi_lv1: 'OUTPUT', kpi_lv2: 'QUANTITY', meterunit: '人次', ...i })),
  });
}

/** The example target with a qualitative indicator 制度建设 of weight 10 in place of 满意度. */
function withQualitative(): TargetDraft {
  return targetOf(
    { kpi_lv3: '培训人次', computesign: 'GE', kpi_val: '500', weight: '30' },
    { kpi_lv3: '合格率', computesign: 'GE', kpi_val: '95', weight: '20', meterunit: '%' },
    { kpi_lv3: '投诉率', computesign: 'LE', kpi_val: '2', weight: '30', meterunit: '%' },
    { kpi_lv3: '制度建设', computesign: 'QUAL', kpi_val: '健全', weight: '10', meterunit: null },
  );
}

function selfWithQual(row: Rec): Rec {
  const r = exampleSelf();
  r.indicators = [...(r.indicators as Rec[]).slice(0, 3), { kpi_lv3: '制度建设', ...row }];
  return r;
}

describe('computeSelfEvaluation: the worked example', () => {
  it('gives exactly the validate output of exchange-format.md', () => {
    expect(run(exampleSelf())).toEqual({
      issues: [],
      result: {
        indicators: [
          { kpi_lv3: '培训人次', score: '27.00' },
          { kpi_lv3: '合格率', score: '20.00' },
          { kpi_lv3: '投诉率', score: '22.50' },
          { kpi_lv3: '满意度', score: '9.78' },
        ],
        budget_score: '9.20',
        total: '88.48',
        grade: 'GOOD',
      },
    });
  });

  it('grades with custom cut-offs 80/70/60', () => {
    const policy: TPolicy = { ...DEFAULT_POLICY, grade_cuts: [80, 70, 60] };
    expect(run(exampleSelf(), { policy }).result?.grade).toBe('EXCELLENT');
  });

  it('accepts JSON numbers and keeps the row order', () => {
    const r = exampleSelf();
    r.budget = 1000000;
    r.executed = 920000;
    r.indicators = [...(r.indicators as Rec[])].reverse().map((i) => ({ ...i, actual: Number(i.actual) }));
    const out = run(r).result;
    expect(out?.indicators.map((i) => i.kpi_lv3)).toEqual(['满意度', '投诉率', '合格率', '培训人次']);
    expect(out?.total).toBe('88.48');
  });

  it('sums the rounded scores: 3 × 2/3-point scores give 2.01, not 2.00', () => {
    const t = targetOf(
      { kpi_lv3: 'a', computesign: 'GE', kpi_val: '3', weight: '1' },
      { kpi_lv3: 'b', computesign: 'GE', kpi_val: '3', weight: '1' },
      { kpi_lv3: 'c', computesign: 'GE', kpi_val: '3', weight: '88' },
    );
    const raw = {
      budget: '0',
      executed: '0',
      indicators: [
        { kpi_lv3: 'a', actual: '2' },
        { kpi_lv3: 'b', actual: '2' },
        { kpi_lv3: 'c', actual: '0' },
      ],
    };
    expect(run(raw, { target: t }).result).toEqual({
      indicators: [
        { kpi_lv3: 'a', score: '0.67' },
        { kpi_lv3: 'b', score: '0.67' },
        { kpi_lv3: 'c', score: '0.00' },
      ],
      budget_score: '0.00',
      total: '1.34',
      grade: 'POOR',
    });
  });
});

describe('computeSelfEvaluation: errors and warnings', () => {
  it('requires budget and executed as money', () => {
    expect(run({ ...exampleSelf(), budget: null, executed: '1.005' })).toEqual({
      issues: [
        { path: `${BASE}.budget`, code: 'FIELD.REQUIRED', level: 'error' },
        { path: `${BASE}.executed`, code: 'FIELD.TYPE', level: 'error', params: { expected: 'decimal-2' } },
      ],
      result: null,
    });
    expect(run({ ...exampleSelf(), budget: '-5' }).issues).toEqual([
      { path: `${BASE}.budget`, code: 'FIELD.NEGATIVE', level: 'error' },
    ]);
    expect(run('x').issues).toEqual([
      { path: BASE, code: 'FIELD.TYPE', level: 'error', params: { expected: 'object' } },
    ]);
  });

  it('reports unknown and duplicated indicators and bad rows', () => {
    const r = exampleSelf();
    (r.indicators as Rec[]).push(
      { kpi_lv3: '出勤率', actual: '1' },
      { kpi_lv3: '合格率', actual: '1' },
      7 as unknown as Rec,
    );
    expect(run(r)).toEqual({
      issues: [
        {
          path: `${BASE}.indicators[4].kpi_lv3`,
          code: 'SELF_EVAL.UNKNOWN_INDICATOR',
          level: 'error',
          params: { name: '出勤率' },
        },
        {
          path: `${BASE}.indicators[5].kpi_lv3`,
          code: 'INDICATOR.DUPLICATE_NAME',
          level: 'error',
          params: { name: '合格率' },
        },
        { path: `${BASE}.indicators[6]`, code: 'FIELD.TYPE', level: 'error', params: { expected: 'object' } },
      ],
      result: null,
    });
  });

  it('requires an actual for each quantitative indicator (missing row or no actual, no explanation)', () => {
    const r = exampleSelf();
    r.indicators = [
      { kpi_lv3: '培训人次', actual: null },
      { kpi_lv3: '合格率', actual: 'n/a' },
      { kpi_lv3: '满意度', actual: '88' },
    ];
    expect(run(r)).toEqual({
      issues: [
        {
          path: `${BASE}.indicators[1].actual`,
          code: 'FIELD.TYPE',
          level: 'error',
          params: { expected: 'decimal' },
        },
        {
          path: `${BASE}.indicators`,
          code: 'SELF_EVAL.ACTUAL_REQUIRED',
          level: 'error',
          params: { name: '培训人次' },
        },
        {
          path: `${BASE}.indicators`,
          code: 'SELF_EVAL.ACTUAL_REQUIRED',
          level: 'error',
          params: { name: '投诉率' },
        },
      ],
      result: null,
    });
  });

  it('scores a not-measurable indicator 0 with a warning', () => {
    const r = exampleSelf();
    (r.indicators as Rec[])[3] = { kpi_lv3: '满意度', actual: null, explanation: '未开展问卷调查' };
    expect(run(r)).toEqual({
      issues: [
        {
          path: `${BASE}.indicators[3].actual`,
          code: 'SELF_EVAL.NOT_MEASURABLE',
          level: 'warning',
          params: { name: '满意度' },
        },
      ],
      result: {
        indicators: [
          { kpi_lv3: '培训人次', score: '27.00' },
          { kpi_lv3: '合格率', score: '20.00' },
          { kpi_lv3: '投诉率', score: '22.50' },
          { kpi_lv3: '满意度', score: '0.00' },
        ],
        budget_score: '9.20',
        total: '78.70',
        grade: 'FAIR',
      },
    });
  });

  it('ignores a score on a quantitative indicator with a warning', () => {
    const r = exampleSelf();
    (r.indicators as Rec[])[1] = { kpi_lv3: '合格率', actual: '97', score: '5' };
    expect(run(r).issues).toEqual([
      { path: `${BASE}.indicators[1].score`, code: 'SELF_EVAL.SCORE_IGNORED', level: 'warning' },
    ]);
    expect(run(r).result?.indicators[1]).toEqual({ kpi_lv3: '合格率', score: '20.00' });
  });

  const overshoot: [string, string, string | null, boolean][] = [
    ['A = 1.3 T without explanation', '650', null, true],
    ['A = 1.3 T with explanation', '650', '追加了一期培训', false],
    ['A just under 1.3 T', '649.99', null, false],
    ['A above 1.3 T, blank explanation', '700', '  ', true],
  ];
  it.each(overshoot)('over-achievement: %s', (_, actual, explanation, expectError) => {
    const r = exampleSelf();
    (r.indicators as Rec[])[0] = { kpi_lv3: '培训人次', actual, explanation };
    const issues = run(r).issues;
    expect(issues).toEqual(
      expectError
        ? [
            {
              path: `${BASE}.indicators[0].explanation`,
              code: 'SELF_EVAL.EXPLANATION_REQUIRED',
              level: 'error',
              params: { name: '培训人次', ratio: '130' },
            },
          ]
        : [],
    );
  });

  it('over-achievement: not for negative indicators, nor T = 0; EQ counts as positive', () => {
    const t = targetOf(
      { kpi_lv3: 'neg', computesign: 'LE', kpi_val: '1', weight: '30' },
      { kpi_lv3: 'zero', computesign: 'GE', kpi_val: '0', weight: '30' },
      { kpi_lv3: 'eq', computesign: 'EQ', kpi_val: '10', weight: '30' },
    );
    const raw = {
      budget: '1',
      executed: '1',
      indicators: [
        { kpi_lv3: 'neg', actual: '0' },
        { kpi_lv3: 'zero', actual: '100' },
        { kpi_lv3: 'eq', actual: '13' },
      ],
    };
    expect(run(raw, { target: t }).issues.map((i) => [i.path, i.code])).toEqual([
      [`${BASE}.indicators[2].explanation`, 'SELF_EVAL.EXPLANATION_REQUIRED'],
    ]);
  });

  it('respects a policy overshoot ratio', () => {
    const r = exampleSelf();
    (r.indicators as Rec[])[0] = { kpi_lv3: '培训人次', actual: '600' };
    expect(run(r).issues).toEqual([]);
    expect(run(r, { policy: { ...DEFAULT_POLICY, overshoot_ratio: 1.2 } }).issues.map((i) => i.code)).toEqual(
      ['SELF_EVAL.EXPLANATION_REQUIRED'],
    );
  });
});

describe('computeSelfEvaluation: qualitative indicators', () => {
  const t = withQualitative();
  const cases: [string, Rec, string | null, string | null][] = [
    ['ACHIEVED at 0.8w', { level: 'ACHIEVED', score: '8' }, '8.00', null],
    ['ACHIEVED at w', { level: 'ACHIEVED', score: '10.00' }, '10.00', null],
    ['ACHIEVED above w', { level: 'ACHIEVED', score: '10.01' }, null, 'SELF_EVAL.SCORE_OUT_OF_BAND'],
    ['ACHIEVED under 0.8w', { level: 'ACHIEVED', score: '7.99' }, null, 'SELF_EVAL.SCORE_OUT_OF_BAND'],
    ['PARTIAL at 0.8w is out', { level: 'PARTIAL', score: '8' }, null, 'SELF_EVAL.SCORE_OUT_OF_BAND'],
    ['PARTIAL at 0.6w', { level: 'PARTIAL', score: '6' }, '6.00', null],
    ['PARTIAL just under 0.8w', { level: 'PARTIAL', score: '7.99' }, '7.99', null],
    ['NOT_ACHIEVED at 0', { level: 'NOT_ACHIEVED', score: 0 }, '0.00', null],
    [
      'NOT_ACHIEVED at 0.6w is out',
      { level: 'NOT_ACHIEVED', score: '6' },
      null,
      'SELF_EVAL.SCORE_OUT_OF_BAND',
    ],
    ['NOT_ACHIEVED at 5.99', { level: 'NOT_ACHIEVED', score: '5.99' }, '5.99', null],
    ['score missing', { level: 'ACHIEVED' }, null, 'SELF_EVAL.SCORE_REQUIRED'],
    ['score with 3 decimals', { level: 'ACHIEVED', score: '8.125' }, null, 'FIELD.TYPE'],
    ['negative score', { level: 'NOT_ACHIEVED', score: '-1' }, null, 'FIELD.NEGATIVE'],
    ['level missing', { score: '9' }, null, 'FIELD.REQUIRED'],
    ['level unknown', { level: 'DONE', score: '9' }, null, 'FIELD.ENUM'],
  ];
  it.each(cases)('%s', (_, row, score, code) => {
    const out = run(selfWithQual(row), { target: t });
    if (code === null) {
      expect(out.issues).toEqual([]);
      expect(out.result?.indicators[3]).toEqual({ kpi_lv3: '制度建设', score });
    } else {
      expect(out.result).toBeNull();
      expect(out.issues.map((i) => i.code)).toEqual([code]);
      const field = code === 'FIELD.REQUIRED' || code === 'FIELD.ENUM' ? 'level' : 'score';
      expect(out.issues[0]?.path).toBe(`${BASE}.indicators[3].${field}`);
    }
  });

  it('names the band in an out-of-band error', () => {
    expect(run(selfWithQual({ level: 'PARTIAL', score: '9' }), { target: t }).issues).toEqual([
      {
        path: `${BASE}.indicators[3].score`,
        code: 'SELF_EVAL.SCORE_OUT_OF_BAND',
        level: 'error',
        params: { level: 'PARTIAL', band: '[6.00, 8.00)' },
      },
    ]);
  });

  it('treats a qualitative indicator without a row as a missing score', () => {
    const r = exampleSelf();
    r.indicators = (r.indicators as Rec[]).slice(0, 3);
    expect(run(r, { target: t }).issues).toEqual([
      {
        path: `${BASE}.indicators`,
        code: 'SELF_EVAL.SCORE_REQUIRED',
        level: 'error',
        params: { name: '制度建设' },
      },
    ]);
  });

  it('grades an all-qualitative project NOT_DEMONSTRATED, total still shown', () => {
    const q = targetOf(
      { kpi_lv3: 'q1', computesign: 'QUAL', kpi_val: '完成', weight: '50', meterunit: null },
      {
        kpi_lv3: 'q2',
        computesign: 'OTHER',
        kpi_val: '1–3',
        weight: '40',
        meterunit: null,
        explanation: '区间',
      },
    );
    const raw = {
      budget: '100',
      executed: '100',
      indicators: [
        { kpi_lv3: 'q1', level: 'ACHIEVED', score: '50' },
        { kpi_lv3: 'q2', level: 'ACHIEVED', score: '40' },
      ],
    };
    expect(run(raw, { target: q }).result).toEqual({
      indicators: [
        { kpi_lv3: 'q1', score: '50.00' },
        { kpi_lv3: 'q2', score: '40.00' },
      ],
      budget_score: '10.00',
      total: '100.00',
      grade: 'NOT_DEMONSTRATED',
    });
  });

  it('grades NOT_DEMONSTRATED when every quantitative actual is not measurable', () => {
    const r = exampleSelf();
    r.indicators = (r.indicators as Rec[]).map((i) => ({
      kpi_lv3: i.kpi_lv3,
      actual: null,
      explanation: '无法计量',
    }));
    const out = run(r);
    expect(out.issues.map((i) => i.code)).toEqual(Array(4).fill('SELF_EVAL.NOT_MEASURABLE'));
    expect(out.result).toEqual({
      indicators: ['培训人次', '合格率', '投诉率', '满意度'].map((k) => ({ kpi_lv3: k, score: '0.00' })),
      budget_score: '9.20',
      total: '9.20',
      grade: 'NOT_DEMONSTRATED',
    });
  });
});

describe('quantitativeScore', () => {
  const cases: [string, Sign, string, string, string | null, string][] = [
    ['GE A ≥ T', 'GE', '30', '500', '600', '30'],
    ['GE A < T', 'GE', '30', '500', '450', '27'],
    ['GE T = 0', 'GE', '30', '0', '0', '30'],
    ['GT T = 0', 'GT', '30', '0', '5', '30'],
    ['EQ T ≠ 0, A > T', 'EQ', '10', '50', '60', '10'],
    ['EQ T ≠ 0, A < T', 'EQ', '10', '50', '25', '5'],
    ['EQ T = 0, A = 0', 'EQ', '10', '0', '0', '10'],
    ['EQ T = 0, A > 0', 'EQ', '10', '0', '0.01', '0'],
    ['LE A = T', 'LE', '30', '2', '2', '30'],
    ['LE A < T', 'LE', '30', '2', '1', '30'],
    ['LE between T and 2T', 'LE', '30', '2', '2.5', '22.5'],
    ['LT between T and 2T', 'LT', '30', '2', '3.5', '7.5'],
    ['LE exactly 2T', 'LE', '30', '2', '4', '0'],
    ['LE above 2T', 'LE', '30', '2', '9', '0'],
    ['LE T = 0, A = 0', 'LE', '30', '0', '0', '30'],
    ['LT T = 0, A > 0', 'LT', '30', '0', '0.1', '0'],
    ['not measurable', 'GE', '30', '500', null, '0'],
  ];
  it.each(cases)('%s', (_, sign, w, t, a, expected) => {
    expect(quantitativeScore(sign, D(w), D(t), a === null ? null : D(a)).toFixed()).toBe(expected);
  });

  it('keeps the exact fraction: 10 × 88 / 90 rounds to 9.78', () => {
    expect(quantitativeScore('GE', D(10), D(90), D(88)).toFixed(2, Decimal.ROUND_HALF_UP)).toBe('9.78');
    expect(quantitativeScore('GE', D(10), D(90), D(88)).eq(D(880).div(90))).toBe(true);
  });

  it('stays within [0, w] for every sign', () => {
    fc.assert(
      fc.property(
        fc.constantFrom<Sign>('GE', 'GT', 'EQ', 'LE', 'LT'),
        fc.integer({ min: 1, max: 9000 }),
        fc.integer({ min: 0, max: 100_000 }),
        fc.option(fc.integer({ min: 0, max: 300_000 }), { nil: null }),
        (sign, w, t, a) => {
          const s = quantitativeScore(sign, D(w).div(100), D(t).div(100), a === null ? null : D(a).div(100));
          expect(s.gte(0) && s.lte(D(w).div(100))).toBe(true);
        },
      ),
    );
  });
});

describe('indicatorScore, qualBand', () => {
  it('scores quantitative and qualitative inputs', () => {
    expect(indicatorScore({ sign: 'GE', weight: D(30), target: D(500), actual: D(450) })).toEqual({
      ok: true,
      score: D(27),
    });
    const q = { sign: 'QUAL' as const, weight: D(10), bands: BANDS };
    expect(indicatorScore({ ...q, level: 'ACHIEVED', score: D(9) })).toEqual({ ok: true, score: D(9) });
    expect(indicatorScore({ ...q, level: 'PARTIAL', score: D(9) })).toEqual({
      ok: false,
      reason: 'SCORE_OUT_OF_BAND',
    });
    expect(indicatorScore({ ...q, level: 'PARTIAL', score: null })).toEqual({
      ok: false,
      reason: 'SCORE_REQUIRED',
    });
    expect(indicatorScore({ ...q, level: null, score: D(1) })).toEqual({
      ok: false,
      reason: 'LEVEL_REQUIRED',
    });
  });

  it('describes a band for the message', () => {
    expect(describeBand(qualBand('ACHIEVED', D(10), BANDS))).toBe('[8.00, 10.00]');
    expect(describeBand(qualBand('PARTIAL', D('12.55'), BANDS))).toBe('[7.53, 10.04)');
    expect(describeBand(qualBand('NOT_ACHIEVED', D('12.55'), { ...BANDS, NOT_ACHIEVED: [0, 0.55] }))).toBe(
      '[0.00, 6.9025)',
    );
  });

  it('builds the bands from the policy, half-open below ACHIEVED', () => {
    const w = D('12.5');
    const edge = (level: QualLevel, s: string) => inQualBand(D(s), qualBand(level, w, BANDS));
    expect([edge('ACHIEVED', '10'), edge('ACHIEVED', '12.5'), edge('ACHIEVED', '9.99')]).toEqual([
      true,
      true,
      false,
    ]);
    expect([edge('PARTIAL', '7.5'), edge('PARTIAL', '9.99'), edge('PARTIAL', '10')]).toEqual([
      true,
      true,
      false,
    ]);
    expect([edge('NOT_ACHIEVED', '0'), edge('NOT_ACHIEVED', '7.49'), edge('NOT_ACHIEVED', '7.5')]).toEqual([
      true,
      true,
      false,
    ]);
    const custom: TPolicy['qual_bands'] = { ACHIEVED: [0.9, 1], PARTIAL: [0.5, 0.9], NOT_ACHIEVED: [0, 0.5] };
    expect(inQualBand(D(9), qualBand('ACHIEVED', D(10), custom))).toBe(true);
    expect(inQualBand(D('8.99'), qualBand('ACHIEVED', D(10), custom))).toBe(false);
  });
});

describe('budgetScore and gradeOf', () => {
  const cases: [string, string, string, string][] = [
    ['worked example', '1000000', '920000', '9.2'],
    ['zero budget', '0', '100', '0'],
    ['zero budget, zero executed', '0', '0', '0'],
    ['over-executed capped at p', '100', '150', '10'],
    ['exact fraction', '3', '1', '3.3333333333333333333'],
  ];
  it.each(cases)('budget score: %s', (_, b, e, expected) => {
    expect(budgetScore(D(b), D(e), 10).toFixed()).toBe(expected);
  });

  it('uses the policy points', () => {
    expect(budgetScore(D(100), D(50), 20).toFixed()).toBe('10');
  });

  it('grades at the cut-offs, default and 80/70/60', () => {
    const g = (t: string, cuts: TPolicy['grade_cuts'] = [90, 80, 60]) => gradeOf(D(t), cuts, true);
    expect([g('90'), g('89.99'), g('80'), g('79.99'), g('60'), g('59.99'), g('0')]).toEqual([
      'EXCELLENT',
      'GOOD',
      'GOOD',
      'FAIR',
      'FAIR',
      'POOR',
      'POOR',
    ]);
    expect([g('80', [80, 70, 60]), g('75', [80, 70, 60]), g('69.99', [80, 70, 60])]).toEqual([
      'EXCELLENT',
      'GOOD',
      'FAIR',
    ]);
    expect(gradeOf(D(100), [90, 80, 60], false)).toBe('NOT_DEMONSTRATED');
  });
});

describe('property: the total of a valid self-evaluation', () => {
  it('lies within [0, 100] and each score within [0, w] when the weights sum to 100 − p', () => {
    const signs: Sign[] = ['GE', 'GT', 'EQ', 'LE', 'LT', 'QUAL'];
    const arb = fc
      .array(
        fc.record({
          sign: fc.constantFrom(...signs),
          cents: fc.integer({ min: 1, max: 2000 }),
          t: fc.integer({ min: 0, max: 10_000 }),
          a: fc.integer({ min: 0, max: 30_000 }),
          level: fc.constantFrom<QualLevel>('ACHIEVED', 'PARTIAL', 'NOT_ACHIEVED'),
          frac: fc.integer({ min: 0, max: 99 }),
        }),
        { minLength: 1, maxLength: 8 },
      )
      .chain((rows) =>
        fc.record({
          rows: fc.constant(rows),
          budget: fc.integer({ min: 0, max: 1_000_000 }),
          executed: fc.integer({ min: 0, max: 2_000_000 }),
          p: fc.integer({ min: 0, max: 20 }),
        }),
      );
    fc.assert(
      fc.property(arb, ({ rows, budget, executed, p }) => {
        // Scale the weights so that they add up exactly to 100 − p (the last takes the rest).
        const total = rows.reduce((s, r) => s + r.cents, 0);
        const target = new Decimal(100 - p);
        let used = new Decimal(0);
        const weights = rows.map((r, i) => {
          const w =
            i === rows.length - 1
              ? target.minus(used)
              : target.times(r.cents).div(total).toDecimalPlaces(2, Decimal.ROUND_DOWN);
          used = used.plus(w);
          return w;
        });
        const inds = rows.map((r, i) => ({
          kpi_lv1: 'OUTPUT',
          kpi_lv2: 'QUANTITY',
          kpi_lv3: `i${i}`,
          computesign: r.sign,
          kpi_val: r.sign === 'QUAL' ? '完成' : String(r.t),
          meterunit: '人次',
          weight: weights[i]?.toFixed(),
        }));
        const lines = rows.map((r, i) => {
          const w = weights[i] ?? new Decimal(0);
          if (r.sign !== 'QUAL') return { kpi_lv3: `i${i}`, actual: String(r.a), explanation: '说明' };
          const band = qualBand(r.level, w, BANDS);
          // A 2-decimal score inside the band: low rounded up, plus a fraction of the width.
          const low = band.low.toDecimalPlaces(2, Decimal.ROUND_UP);
          const score = Decimal.max(
            low,
            band.low.plus(band.high.minus(band.low).times(r.frac).div(100)),
          ).toDecimalPlaces(2, Decimal.ROUND_DOWN);
          return { kpi_lv3: `i${i}`, level: r.level, score: Decimal.max(score, low).toFixed(2) };
        });
        const policy: TPolicy = { ...DEFAULT_POLICY, budget_points: p };
        const out = computeSelfEvaluation(
          { budget: String(budget), executed: String(executed), indicators: lines },
          normaliseTarget({ indicators: inds }),
          { policy, base: BASE },
        );
        // A rare band too narrow for any 2-decimal score is an out-of-band error, not a result.
        if (out.result === null) {
          expect(out.issues.every((i) => i.code === 'SELF_EVAL.SCORE_OUT_OF_BAND')).toBe(true);
          return;
        }
        out.result.indicators.forEach((s, i) => {
          const v = new Decimal(s.score);
          expect(v.gte(0) && v.lte(weights[i] ?? 0)).toBe(true);
        });
        const b = new Decimal(out.result.budget_score);
        expect(b.gte(0) && b.lte(p)).toBe(true);
        const t = new Decimal(out.result.total);
        expect(t.gte(0) && t.lte(100)).toBe(true);
      }),
    );
  });
});
