import { Decimal } from 'decimal.js';
import { fixed2, isPresent, readDecimal, textOf } from '../decimal-text.ts';
import { checkDate, checkDecimal, checkEnum, isRecord, join, requireText, type Rec } from '../fields.ts';
import { error, type Issue } from '../issues.ts';
import type { TPolicy } from '../policy/policy.ts';
import {
  defaultProgress,
  isNegative,
  isPositive,
  isQuantitative,
  PROGRESS_KINDS,
  SIGNS,
  type IndicatorDraft,
  type ProgressKind,
  type Sign,
  type TargetDraft,
} from '../targets/indicator.ts';

/**
 * In-year monitoring (domain.md §5): the execution light, the indicator lights, the target and
 * project lights, and the check of one monitoring round of the exchange document.
 *
 * Every value is the single fraction of the rule book evaluated exactly with decimal.js
 * (`100 × E × 12 / (B × m)`, `100 × A × 12 / (T × m)`, `100 × A / T`, `100 × A / P`); thresholds
 * are compared on the exact value; only the value shown is rounded half-up to 2 decimals.
 */

export const LIGHTS = ['RED', 'YELLOW', 'GREEN', 'BLUE', 'NA'] as const;
export type Light = (typeof LIGHTS)[number];

export const LEVELS = ['ACHIEVED', 'PARTIAL', 'NOT_ACHIEVED'] as const;
export type Level = (typeof LEVELS)[number];

export const LIKELIHOODS = ['CERTAIN', 'POSSIBLE', 'IMPOSSIBLE'] as const;
export type Likelihood = (typeof LIKELIHOODS)[number];

export const DEVIATION_CAUSES = ['FUNDING', 'INSTITUTIONAL', 'STAFF', 'HARDWARE', 'OTHER'] as const;
export type DeviationCause = (typeof DEVIATION_CAUSES)[number];

/** A light with its exact value (null where the rule has none: negative, qualitative, NA). */
export interface LightValue {
  value: Decimal | null;
  light: Light;
}

/** A light as the `validate` output shows it: the value as a 2-decimal string or null. */
export interface ShownLight {
  value: string | null;
  light: Light;
}

export interface MonitoringIndicatorResult {
  kpi_lv3: string;
  value: string | null;
  light: Light;
}

/** One computed monitoring round, exactly the shape of the `validate` output. */
export interface MonitoringResult {
  as_of: string;
  execution: ShownLight;
  indicators: MonitoringIndicatorResult[];
  target_light: Light;
  project_light: Light;
}

const HUNDRED = new Decimal(100);
const TWELVE = new Decimal(12);

function na(): LightValue {
  return { value: null, light: 'NA' };
}

/** Whether `m` is a month number 1–12. */
function checkMonth(month: number): void {
  if (!Number.isInteger(month) || month < 1 || month > 12) throw new RangeError(`month ${month} not in 1–12`);
}

/**
 * The execution light (domain.md §5): `v = 100 × E × 12 / (B × m)`, or `100 × E / P` when a
 * planned cumulative execution `P` for the as-of date is given. A zero denominator (B = 0,
 * P = 0) or an unknown budget gives NA with no value. RED below `thresholds[0]`, YELLOW below
 * `thresholds[1]`, else GREEN (execution has no BLUE).
 */
export function executionLight(input: {
  budget: Decimal | null;
  executed: Decimal;
  month: number;
  planned?: Decimal | null;
  thresholds: TPolicy['lights']['execution'];
}): LightValue {
  checkMonth(input.month);
  const { executed, planned, thresholds } = input;
  let v: Decimal;
  if (planned !== undefined && planned !== null) {
    if (planned.isZero()) return na();
    v = HUNDRED.times(executed).div(planned);
  } else {
    const b = input.budget;
    if (b === null || b.isZero()) return na();
    v = HUNDRED.times(executed).times(TWELVE).div(b.times(input.month));
  }
  const [red, yellow] = thresholds;
  const light: Light = v.lt(red) ? 'RED' : v.lt(yellow) ? 'YELLOW' : 'GREEN';
  return { value: v, light };
}

/** The light of a positive value `v` against the thresholds [RED below, YELLOW below, BLUE from]. */
export function positiveLightOf(v: Decimal, thresholds: TPolicy['lights']['positive']): Light {
  const [red, yellow, blue] = thresholds;
  if (v.lt(red)) return 'RED';
  if (v.lt(yellow)) return 'YELLOW';
  if (v.lt(blue)) return 'GREEN';
  return 'BLUE';
}

/** Input of one indicator light; `target` null means the target value is unusable. */
export interface IndicatorLightInput {
  sign: Sign;
  target: Decimal | null;
  progress: ProgressKind;
  month: number;
  actual: Decimal | null;
  /** Planned cumulative value for the as-of date (CUMULATIVE positive indicators only). */
  planned?: Decimal | null;
  /** Level of a qualitative (QUAL/OTHER) indicator. */
  level?: Level | null;
  likelihood?: Likelihood | null;
  thresholds: TPolicy['lights']['positive'];
}

/**
 * The light of one indicator (domain.md §5 table):
 * - positive and EQ, CUMULATIVE: `v = 100 × A × 12 / (T × m)`, or `100 × A / P` with a planned
 *   value P; LEVEL: `v = 100 × A / T` (planned ignored); a zero denominator → NA, no value;
 * - negative (LE, LT): A > T RED, else GREEN, no value (planned ignored);
 * - qualitative (QUAL, OTHER): ACHIEVED GREEN, PARTIAL YELLOW, NOT_ACHIEVED RED, no level NA;
 * - a missing actual or an unusable target of a quantitative indicator → NA;
 * - likelihood IMPOSSIBLE makes the light RED whatever else holds, the value is still reported.
 */
export function indicatorLight(input: IndicatorLightInput): LightValue {
  checkMonth(input.month);
  const base = baseIndicatorLight(input);
  return input.likelihood === 'IMPOSSIBLE' ? { value: base.value, light: 'RED' } : base;
}

function baseIndicatorLight(input: IndicatorLightInput): LightValue {
  const { sign, target: t, actual: a } = input;
  if (!isQuantitative(sign)) {
    switch (input.level) {
      case 'ACHIEVED':
        return { value: null, light: 'GREEN' };
      case 'PARTIAL':
        return { value: null, light: 'YELLOW' };
      case 'NOT_ACHIEVED':
        return { value: null, light: 'RED' };
      default:
        return na();
    }
  }
  if (a === null) return na();
  if (isNegative(sign)) {
    if (t === null) return na();
    return { value: null, light: a.gt(t) ? 'RED' : 'GREEN' };
  }
  let v: Decimal;
  const planned = input.planned ?? null;
  if (input.progress === 'LEVEL') {
    if (t === null || t.isZero()) return na();
    v = HUNDRED.times(a).div(t);
  } else if (planned !== null) {
    if (planned.isZero()) return na();
    v = HUNDRED.times(a).div(planned);
  } else {
    if (t === null || t.isZero()) return na();
    v = HUNDRED.times(a).times(TWELVE).div(t.times(input.month));
  }
  return { value: v, light: positiveLightOf(v, input.thresholds) };
}

const SEVERITY: Record<Light, number> = { RED: 4, YELLOW: 3, GREEN: 2, BLUE: 1, NA: 0 };

/** The worst of some lights, RED > YELLOW > GREEN > BLUE; NA is ignored; none or all NA → NA. */
export function worstLight(lights: readonly Light[]): Light {
  let worst: Light = 'NA';
  for (const l of lights) if (SEVERITY[l] > SEVERITY[worst]) worst = l;
  return worst;
}

/** The target light of a project: the worst of its indicator lights. */
export function targetLight(indicatorLights: readonly Light[]): Light {
  return worstLight(indicatorLights);
}

/** The project light: the worst of the execution light and the target light. */
export function projectLight(execution: Light, target: Light): Light {
  return worstLight([execution, target]);
}

/** The progress kind of an indicator: its own `progress`, else the default of its unit. */
export function progressOf(ind: Pick<IndicatorDraft, 'progress' | 'meterunit'>): ProgressKind {
  const p = PROGRESS_KINDS.find((k) => k === ind.progress);
  return p ?? defaultProgress(ind.meterunit);
}

/** A light for the output: the value rounded half-up to 2 decimals. */
export function showLight(l: LightValue): ShownLight {
  return { value: l.value === null ? null : fixed2(l.value), light: l.light };
}

/** The month (1–12) of an ISO date `YYYY-MM-DD`. */
export function monthOf(isoDate: string): number {
  return Number(isoDate.slice(5, 7));
}

export interface MonitoringContext {
  policy: TPolicy;
  /** The project's `amount` (B, the current full-year budget), null when it has none. */
  amount: string | null;
  /** Path of the round in the document: `projects[0].monitoring[0]`. */
  base: string;
}

/** The indicators of a target by name (the first of a duplicated name; the target check reports it). */
export function indicatorsByName(target: TargetDraft): Map<string, IndicatorDraft> {
  const map = new Map<string, IndicatorDraft>();
  for (const ind of target.indicators) {
    if (ind.kpi_lv3 !== null && !map.has(ind.kpi_lv3)) map.set(ind.kpi_lv3, ind);
  }
  return map;
}

interface RowReport {
  kpi_lv3: string;
  ind: IndicatorDraft;
  actual: Decimal | null;
  planned: Decimal | null;
  level: Level | null;
  likelihood: Likelihood | null;
}

/**
 * Check one raw entry of a project's `monitoring` array (exchange-format.md) against the project's
 * target and compute its lights. Errors carry exact paths under `ctx.base`; `result` is null when
 * the round has any error. Rules the rule book leaves open, decided here:
 * - an unusable project amount (`ctx.amount` null or not a decimal) gives the execution light NA
 *   (the project check reports the amount itself);
 * - an indicator of the target with an unusable sign or target value gives NA (the target check
 *   reports it);
 * - a second row for the same indicator is INDICATOR.DUPLICATE_NAME at its `kpi_lv3`;
 * - `deviation_causes` may also be one `;`-separated string (the CSV notation);
 * - qualitative indicators need no row; indicators without a row are not listed in the result.
 */
export function computeMonitoringRound(
  round: unknown,
  target: TargetDraft,
  ctx: MonitoringContext,
): { issues: Issue[]; result: MonitoringResult | null } {
  const { base, policy } = ctx;
  const issues: Issue[] = [];
  if (!isRecord(round)) {
    issues.push(error(base, 'FIELD.TYPE', { expected: 'object' }));
    return { issues, result: null };
  }
  const asOf = checkDate(round, 'as_of', base, issues, true);
  const executedOk = checkDecimal(round, 'executed', base, issues, { required: true, maxDecimals: 2 });
  checkDecimal(round, 'forecast_executed', base, issues, { required: false, maxDecimals: 2 });
  const plannedExecOk = checkDecimal(round, 'planned_executed', base, issues, {
    required: false,
    maxDecimals: 2,
  });

  const byName = indicatorsByName(target);
  const listPath = join(base, 'indicators');
  const rows: RowReport[] = [];
  const reported = new Set<string>();
  const list = round.indicators;
  if (isPresent(list) && !Array.isArray(list))
    issues.push(error(listPath, 'FIELD.TYPE', { expected: 'list' }));
  const items: unknown[] = Array.isArray(list) ? list : [];
  items.forEach((item, k) => {
    const row = checkRow(item, `${listPath}[${k}]`, byName, reported, issues);
    if (row) rows.push(row);
  });
  for (const ind of byName.values()) {
    if (isQuantitative(ind.computesign) && ind.kpi_lv3 !== null && !reported.has(ind.kpi_lv3)) {
      issues.push(error(listPath, 'MONITORING.ACTUAL_REQUIRED', { name: ind.kpi_lv3 }));
    }
  }

  if (issues.length > 0 || asOf === null || !executedOk || !plannedExecOk) return { issues, result: null };
  const month = monthOf(asOf);
  const executed = readDecimal(round.executed);
  if (!executed.ok) return { issues, result: null };
  const plannedExec = readDecimal(round.planned_executed);
  const amount = readDecimal(ctx.amount, 2);
  const execution = executionLight({
    budget: amount.ok ? amount.value : null,
    executed: executed.value,
    month,
    planned: plannedExec.ok ? plannedExec.value : null,
    thresholds: policy.lights.execution,
  });
  const indicators = rows.map((r) => {
    const sign = SIGNS.find((s) => s === r.ind.computesign);
    const t = readDecimal(r.ind.kpi_val);
    const l: LightValue =
      sign === undefined
        ? na()
        : indicatorLight({
            sign,
            target: t.ok ? t.value : null,
            progress: progressOf(r.ind),
            month,
            actual: r.actual,
            planned: isPositive(sign) ? r.planned : null,
            level: r.level,
            likelihood: r.likelihood,
            thresholds: policy.lights.positive,
          });
    return { kpi_lv3: r.kpi_lv3, ...showLight(l) };
  });
  const tLight = targetLight(indicators.map((i) => i.light));
  return {
    issues,
    result: {
      as_of: asOf,
      execution: showLight(execution),
      indicators,
      target_light: tLight,
      project_light: projectLight(execution.light, tLight),
    },
  };
}

function checkRow(
  item: unknown,
  p: string,
  byName: Map<string, IndicatorDraft>,
  reported: Set<string>,
  issues: Issue[],
): RowReport | null {
  if (!isRecord(item)) {
    issues.push(error(p, 'FIELD.TYPE', { expected: 'object' }));
    return null;
  }
  const name = requireText(item, 'kpi_lv3', p, issues);
  const ind = name === null ? undefined : byName.get(name);
  let duplicate = false;
  if (name !== null) {
    if (ind === undefined) issues.push(error(join(p, 'kpi_lv3'), 'MONITORING.UNKNOWN_INDICATOR', { name }));
    else if (reported.has(name)) {
      issues.push(error(join(p, 'kpi_lv3'), 'INDICATOR.DUPLICATE_NAME', { name }));
      duplicate = true;
    }
  }
  const actualOk = checkDecimal(item, 'actual', p, issues, { required: false });
  checkDecimal(item, 'forecast', p, issues, { required: false });
  const plannedOk = checkDecimal(item, 'planned', p, issues, { required: false });
  const level = checkEnum(item, 'level', LEVELS, p, issues, false);
  const likelihood = checkEnum(item, 'likelihood', LIKELIHOODS, p, issues, false);
  checkCauses(item, p, issues);
  checkOptionalText(item, 'analysis', p, issues);
  checkOptionalText(item, 'measures', p, issues);
  if (name === null || ind === undefined || duplicate) return null;
  const actual = readDecimal(item.actual);
  // A quantitative indicator counts as reported only with an actual (a bad actual is reported
  // as its own FIELD error, not again as missing).
  if (!isQuantitative(ind.computesign) || actual.ok || !actualOk) reported.add(name);
  const planned = readDecimal(item.planned);
  return {
    kpi_lv3: name,
    ind,
    actual: actual.ok ? actual.value : null,
    planned: plannedOk && planned.ok ? planned.value : null,
    level,
    likelihood,
  };
}

function checkCauses(item: Rec, p: string, issues: Issue[]): void {
  const v = item.deviation_causes;
  if (!isPresent(v)) return;
  const path = join(p, 'deviation_causes');
  let list: unknown[];
  if (Array.isArray(v)) list = v;
  else if (typeof v === 'string') list = v.split(/[;；]/).filter((s) => s.trim() !== '');
  else {
    issues.push(error(path, 'FIELD.TYPE', { expected: 'list' }));
    return;
  }
  list.forEach((c, n) => {
    const t = typeof c === 'string' ? c.trim() : null;
    if (!DEVIATION_CAUSES.some((x) => x === t)) {
      issues.push(error(`${path}[${n}]`, 'FIELD.ENUM', { allowed: DEVIATION_CAUSES.join(', ') }));
    }
  });
}

function checkOptionalText(item: Rec, key: string, p: string, issues: Issue[]): void {
  const v = item[key];
  if (isPresent(v) && textOf(v) === null)
    issues.push(error(join(p, key), 'FIELD.TYPE', { expected: 'text' }));
}
