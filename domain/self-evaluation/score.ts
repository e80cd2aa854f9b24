import { Decimal } from 'decimal.js';
import { fixed2, isPresent, readDecimal } from '../decimal-text.ts';
import { checkDecimal, checkEnum, isRecord, join, requireText } from '../fields.ts';
import { error, warning, type Issue } from '../issues.ts';
import { indicatorsByName } from '../monitoring/lights.ts';
import type { TPolicy } from '../policy/policy.ts';
import {
  isNegative,
  isPositive,
  isQuantitative,
  SIGNS,
  type IndicatorDraft,
  type Sign,
  type TargetDraft,
} from '../targets/indicator.ts';
import { LEVELS as QUAL_LEVELS, type Level as QualLevel } from '../monitoring/lights.ts';

/**
 * Unit self-evaluation (domain.md §6): indicator scores, the budget execution score, the total
 * and the grade, and the check of a project's `self_evaluation` object of the exchange document.
 *
 * Scores are computed exactly with decimal.js as the single fraction of the rule book
 * (`w × A / T`, `w × (2T − A) / T`, `p × E / B`), bands and thresholds are compared on the exact
 * value, and each shown score is rounded half-up to 2 decimals; the total is the sum of the
 * rounded scores.
 */

export const GRADES = ['EXCELLENT', 'GOOD', 'FAIR', 'POOR', 'NOT_DEMONSTRATED'] as const;
export type Grade = (typeof GRADES)[number];

/** The qualitative levels are those of monitoring (domain.md §5–6). */
export { QUAL_LEVELS, type QualLevel };

const ZERO = new Decimal(0);
const TWO = new Decimal(2);

/**
 * The exact score of a quantitative indicator (`w` weight, `T` target, `A` actual):
 * - positive (GE, GT, EQ with T ≠ 0): A ≥ T → w, else w × A / T; GE/GT with T = 0 → w;
 * - EQ with T = 0: A = 0 → w, else 0;
 * - negative (LE, LT): A ≤ T → w; T < A < 2T → w × (2T − A) / T; A ≥ 2T → 0;
 *   T = 0: A = 0 → w, else 0;
 * - an actual of null (not measurable) scores 0.
 */
export function quantitativeScore(sign: Sign, w: Decimal, t: Decimal, a: Decimal | null): Decimal {
  if (a === null || !isQuantitative(sign)) return ZERO;
  if (isNegative(sign)) {
    if (t.isZero()) return a.isZero() ? w : ZERO;
    if (a.lte(t)) return w;
    if (a.gte(TWO.times(t))) return ZERO;
    return w.times(TWO.times(t).minus(a)).div(t);
  }
  if (t.isZero()) return sign === 'EQ' ? (a.isZero() ? w : ZERO) : w;
  return a.gte(t) ? w : w.times(a).div(t);
}

/** The band of scores a qualitative level allows: [low, high], or [low, high) when `highOpen`. */
export interface QualBand {
  low: Decimal;
  high: Decimal;
  highOpen: boolean;
}

/**
 * The score band of a qualitative level for weight `w`: policy.qual_bands × w, closed at the top
 * for ACHIEVED (`[0.8w, w]`), half-open for PARTIAL (`[0.6w, 0.8w)`) and NOT_ACHIEVED (`[0, 0.6w)`).
 */
export function qualBand(level: QualLevel, w: Decimal, bands: TPolicy['qual_bands']): QualBand {
  const [lo, hi] = bands[level];
  return { low: w.times(lo), high: w.times(hi), highOpen: level !== 'ACHIEVED' };
}

/** A band as text, `[8.00, 10.00]` or `[6.00, 8.00)`; bounds with more than 2 decimals stay exact. */
export function describeBand(band: QualBand): string {
  const show = (d: Decimal) => (d.decimalPlaces() <= 2 ? fixed2(d) : d.toFixed());
  return `[${show(band.low)}, ${show(band.high)}${band.highOpen ? ')' : ']'}`;
}

/** Whether a qualitative score lies inside the band of its level (compared exactly). */
export function inQualBand(score: Decimal, band: QualBand): boolean {
  return score.gte(band.low) && (band.highOpen ? score.lt(band.high) : score.lte(band.high));
}

/** Inputs of `indicatorScore`: a quantitative indicator, or a qualitative one with level and score. */
export type ScoreInput =
  | { sign: 'GE' | 'GT' | 'EQ' | 'LE' | 'LT'; weight: Decimal; target: Decimal; actual: Decimal | null }
  | {
      sign: 'QUAL' | 'OTHER';
      weight: Decimal;
      level: QualLevel | null;
      score: Decimal | null;
      bands: TPolicy['qual_bands'];
    };

export type ScoreOutcome =
  | { ok: true; score: Decimal }
  | { ok: false; reason: 'LEVEL_REQUIRED' | 'SCORE_REQUIRED' | 'SCORE_OUT_OF_BAND' };

/**
 * The exact score of one indicator (domain.md §6). Quantitative: `quantitativeScore`. Qualitative
 * (QUAL, OTHER scored by level): the score as given, when it lies inside the band of the level;
 * a missing level or score, or a score outside the band, is not a score.
 */
export function indicatorScore(input: ScoreInput): ScoreOutcome {
  switch (input.sign) {
    case 'QUAL':
    case 'OTHER': {
      if (input.level === null) return { ok: false, reason: 'LEVEL_REQUIRED' };
      if (input.score === null) return { ok: false, reason: 'SCORE_REQUIRED' };
      const band = qualBand(input.level, input.weight, input.bands);
      return inQualBand(input.score, band)
        ? { ok: true, score: input.score }
        : { ok: false, reason: 'SCORE_OUT_OF_BAND' };
    }
    default:
      return { ok: true, score: quantitativeScore(input.sign, input.weight, input.target, input.actual) };
  }
}

/** The budget execution score (`p` points): B > 0 → min(p, p × E / B); B = 0 → 0. Exact. */
export function budgetScore(budget: Decimal, executed: Decimal, points: Decimal.Value): Decimal {
  const p = new Decimal(points);
  if (budget.isZero()) return ZERO;
  return Decimal.min(p, p.times(executed).div(budget));
}

/**
 * The grade of a total by the policy cut-offs [EXCELLENT from, GOOD from, FAIR from] (default
 * 90/80/60, totals at a cut-off reach it); NOT_DEMONSTRATED when no quantitative indicator has an
 * actual (`demonstrated` false), whatever the total.
 */
export function gradeOf(total: Decimal, cuts: TPolicy['grade_cuts'], demonstrated: boolean): Grade {
  if (!demonstrated) return 'NOT_DEMONSTRATED';
  const [excellent, good, fair] = cuts;
  if (total.gte(excellent)) return 'EXCELLENT';
  if (total.gte(good)) return 'GOOD';
  if (total.gte(fair)) return 'FAIR';
  return 'POOR';
}

/** One computed self-evaluation, exactly the shape of the `validate` output. */
export interface SelfEvaluationResult {
  indicators: { kpi_lv3: string; score: string }[];
  budget_score: string;
  total: string;
  grade: Grade;
}

export interface SelfEvaluationContext {
  policy: TPolicy;
  /** Path of the part in the document: `projects[0].self_evaluation`. */
  base: string;
}

interface ScoredRow {
  kpi_lv3: string;
  score: Decimal;
  /** A quantitative indicator with a measured actual. */
  demonstrates: boolean;
}

/**
 * Check a project's raw `self_evaluation` object (exchange-format.md) against its target and
 * score it. Errors carry exact paths under `ctx.base`; `result` is null when there is any error
 * (warnings do not block). Rules the rule book leaves open, decided here:
 * - a quantitative indicator of the target without a row, or with a row that has neither an
 *   actual nor an explanation, is SELF_EVAL.ACTUAL_REQUIRED at `…indicators` (params name);
 * - a qualitative indicator of the target without a row is SELF_EVAL.SCORE_REQUIRED at
 *   `…indicators` (params name): it cannot be scored, like a row without a score;
 * - a second row for the same indicator is INDICATOR.DUPLICATE_NAME at its `kpi_lv3`;
 * - a score with more than 2 decimals is FIELD.TYPE (`decimal-2`), a negative one FIELD.NEGATIVE;
 * - over-achievement applies to GE, GT and EQ (the positive signs) with T > 0;
 * - an indicator whose target row is unusable (bad sign, value or weight — the target check
 *   reports it) scores 0.
 */
export function computeSelfEvaluation(
  raw: unknown,
  target: TargetDraft,
  ctx: SelfEvaluationContext,
): { issues: Issue[]; result: SelfEvaluationResult | null } {
  const { base, policy } = ctx;
  const issues: Issue[] = [];
  if (!isRecord(raw)) {
    issues.push(error(base, 'FIELD.TYPE', { expected: 'object' }));
    return { issues, result: null };
  }
  checkDecimal(raw, 'budget', base, issues, { required: true, maxDecimals: 2 });
  checkDecimal(raw, 'executed', base, issues, { required: true, maxDecimals: 2 });

  const byName = indicatorsByName(target);
  const listPath = join(base, 'indicators');
  const list = raw.indicators;
  if (isPresent(list) && !Array.isArray(list))
    issues.push(error(listPath, 'FIELD.TYPE', { expected: 'list' }));
  const items: unknown[] = Array.isArray(list) ? list : [];
  const seen = new Set<string>();
  /** Indicators whose missing actual or score is already reported (or that are fully given). */
  const covered = new Set<string>();
  const rows: ScoredRow[] = [];
  items.forEach((item, k) => {
    const row = scoreRow(item, `${listPath}[${k}]`, byName, seen, covered, policy, issues);
    if (row) rows.push(row);
  });
  for (const ind of byName.values()) {
    if (ind.kpi_lv3 === null || covered.has(ind.kpi_lv3)) continue;
    if (!SIGNS.some((s) => s === ind.computesign)) continue; // the target check reports the sign
    const code = isQuantitative(ind.computesign) ? 'SELF_EVAL.ACTUAL_REQUIRED' : 'SELF_EVAL.SCORE_REQUIRED';
    issues.push(error(listPath, code, { name: ind.kpi_lv3 }));
  }

  const budget = readDecimal(raw.budget, 2);
  const executed = readDecimal(raw.executed, 2);
  if (issues.some((i) => i.level === 'error') || !budget.ok || !executed.ok) return { issues, result: null };
  const shown = rows.map((r) => ({ kpi_lv3: r.kpi_lv3, score: fixed2(r.score) }));
  const bScore = fixed2(budgetScore(budget.value, executed.value, policy.budget_points));
  const total = shown.reduce((s, r) => s.plus(r.score), new Decimal(bScore));
  return {
    issues,
    result: {
      indicators: shown,
      budget_score: bScore,
      total: fixed2(total),
      grade: gradeOf(
        total,
        policy.grade_cuts,
        rows.some((r) => r.demonstrates),
      ),
    },
  };
}

function scoreRow(
  item: unknown,
  p: string,
  byName: Map<string, IndicatorDraft>,
  seen: Set<string>,
  covered: Set<string>,
  policy: TPolicy,
  issues: Issue[],
): ScoredRow | null {
  if (!isRecord(item)) {
    issues.push(error(p, 'FIELD.TYPE', { expected: 'object' }));
    return null;
  }
  const name = requireText(item, 'kpi_lv3', p, issues);
  const ind = name === null ? undefined : byName.get(name);
  let duplicate = false;
  if (name !== null) {
    if (ind === undefined) issues.push(error(join(p, 'kpi_lv3'), 'SELF_EVAL.UNKNOWN_INDICATOR', { name }));
    else if (seen.has(name)) {
      issues.push(error(join(p, 'kpi_lv3'), 'INDICATOR.DUPLICATE_NAME', { name }));
      duplicate = true;
    }
    seen.add(name);
  }
  const actualOk = checkDecimal(item, 'actual', p, issues, { required: false });
  const level = checkEnum(item, 'level', QUAL_LEVELS, p, issues, false);
  if (name === null || ind === undefined || duplicate) return null;
  covered.add(name);

  const sign = SIGNS.find((s) => s === ind.computesign);
  const w = readDecimal(ind.weight, 2);
  const weight = w.ok ? w.value : null;
  const explained = isPresent(item.explanation);
  if (sign === undefined) return { kpi_lv3: name, score: ZERO, demonstrates: false };
  if (!isQuantitative(sign)) {
    // QUAL and OTHER: scored by level, the score as given checked against the band of the level.
    if (level === null && !isPresent(item.level)) issues.push(error(join(p, 'level'), 'FIELD.REQUIRED'));
    const scorePath = join(p, 'score');
    if (!isPresent(item.score)) {
      issues.push(error(scorePath, 'SELF_EVAL.SCORE_REQUIRED'));
      return null;
    }
    if (!checkDecimal(item, 'score', p, issues, { required: true, maxDecimals: 2 })) return null;
    const score = readDecimal(item.score, 2);
    if (!score.ok || level === null) return null;
    if (weight === null) return { kpi_lv3: name, score: ZERO, demonstrates: false };
    const band = qualBand(level, weight, policy.qual_bands);
    if (!inQualBand(score.value, band)) {
      issues.push(error(scorePath, 'SELF_EVAL.SCORE_OUT_OF_BAND', { level, band: describeBand(band) }));
      return null;
    }
    return { kpi_lv3: name, score: score.value, demonstrates: false };
  }

  if (isPresent(item.score)) issues.push(warning(join(p, 'score'), 'SELF_EVAL.SCORE_IGNORED'));
  if (!actualOk) return null;
  const actual = readDecimal(item.actual);
  if (!actual.ok) {
    if (explained) {
      issues.push(warning(join(p, 'actual'), 'SELF_EVAL.NOT_MEASURABLE', { name }));
      return { kpi_lv3: name, score: ZERO, demonstrates: false };
    }
    covered.delete(name);
    return null;
  }
  const t = readDecimal(ind.kpi_val);
  if (!t.ok || weight === null) return { kpi_lv3: name, score: ZERO, demonstrates: true };
  const ratio = new Decimal(policy.overshoot_ratio);
  if (isPositive(sign) && t.value.gt(0) && actual.value.gte(ratio.times(t.value)) && !explained) {
    issues.push(
      error(join(p, 'explanation'), 'SELF_EVAL.EXPLANATION_REQUIRED', {
        name,
        ratio: ratio.times(100).toFixed(),
      }),
    );
  }
  return {
    kpi_lv3: name,
    score: quantitativeScore(sign, weight, t.value, actual.value),
    demonstrates: true,
  };
}
