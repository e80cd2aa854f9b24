import { Decimal } from 'decimal.js';
import { decimalOrNull, isPresent, readDecimal, textOf } from '../decimal-text.ts';
import { checkDecimal, checkEnum, isRecord, join, requireText, type Rec } from '../fields.ts';
import { error, warning, type Issue } from '../issues.ts';
import type { TPolicy } from '../policy/policy.ts';
import { isValidPair, LV1_CODES, LV2_CODES } from './framework.ts';
import {
  INDICATOR_FIELDS,
  isQuantitative,
  PROGRESS_KINDS,
  SIGNS,
  VALUE_BASES,
  type IndicatorDraft,
  type TargetDraft,
} from './indicator.ts';

/** A core indicator the performance office pushed down: the target must carry it unchanged. */
export interface CoreRequirement {
  library_code: string;
  kpi_lv3: string;
  computesign: string;
  meterunit: string | null;
}

export interface TargetRules {
  policy: TPolicy;
  /** A project running over several years must state its long-term goal. */
  multiYear: boolean;
  core?: readonly CoreRequirement[];
}

/**
 * Check a target as a submission (domain.md §4 "Validation"): field types, the indicator rules,
 * the weight total, the quantitative output and the level-1 split. `base` is the path of the
 * target in the document (`projects[0].target`, or `` for a form). Difficulty flags are
 * computed separately (difficulty.ts).
 */
export function checkTarget(raw: unknown, base: string, rules: TargetRules): Issue[] {
  const out: Issue[] = [];
  if (!isRecord(raw)) {
    out.push(error(base, 'FIELD.TYPE', { expected: 'object' }));
    return out;
  }
  if (rules.multiYear) requireText(raw, 'long_term_goal', base, out);
  requireText(raw, 'annual_goal', base, out);
  const listPath = join(base, 'indicators');
  const list = raw.indicators;
  if (!Array.isArray(list) || list.length === 0) {
    out.push(error(listPath, isPresent(list) && !Array.isArray(list) ? 'FIELD.TYPE' : 'FIELD.REQUIRED'));
    return out;
  }
  const seen = new Set<string>();
  let weightsOk = true;
  let weightSum = new Decimal(0);
  const byLv1 = new Map<string, Decimal>();
  let quantitativeOutput = false;
  list.forEach((item, j) => {
    const p = `${listPath}[${j}]`;
    if (!isRecord(item)) {
      out.push(error(p, 'FIELD.TYPE', { expected: 'object' }));
      weightsOk = false;
      return;
    }
    const r = checkIndicator(item, p, rules, seen);
    if (r.weight === null) weightsOk = false;
    else {
      weightSum = weightSum.plus(r.weight);
      if (r.lv1) byLv1.set(r.lv1, (byLv1.get(r.lv1) ?? new Decimal(0)).plus(r.weight));
    }
    if (r.lv1 === 'OUTPUT' && isQuantitative(r.sign)) quantitativeOutput = true;
    out.push(...r.issues);
  });
  const expected = new Decimal(100).minus(rules.policy.budget_points);
  if (weightsOk && !weightSum.eq(expected)) {
    out.push(
      error(listPath, 'TARGET.WEIGHT_SUM', { expected: expected.toFixed(), actual: weightSum.toFixed() }),
    );
  }
  if (!quantitativeOutput) out.push(error(listPath, 'TARGET.NO_QUANTITATIVE_OUTPUT'));
  if (weightsOk && !isPresent(raw.explanation) && !splitMatches(byLv1, rules.policy.level1_weights)) {
    out.push(
      warning(listPath, 'TARGET.LEVEL1_SPLIT', { expected: describeSplit(rules.policy.level1_weights) }),
    );
  }
  for (const core of rules.core ?? []) {
    const hit = list.some((i: unknown) => isRecord(i) && textOf(i.library_code) === core.library_code);
    if (!hit)
      out.push(error(listPath, 'TARGET.CORE_MISSING', { name: core.kpi_lv3, code: core.library_code }));
  }
  return out;
}

interface IndicatorResult {
  issues: Issue[];
  weight: Decimal | null;
  lv1: string | null;
  sign: string | null;
}

function checkIndicator(o: Rec, p: string, rules: TargetRules, seen: Set<string>): IndicatorResult {
  const issues: Issue[] = [];
  const lv1 = checkEnum(o, 'kpi_lv1', LV1_CODES, p, issues, true);
  const lv2 = checkEnum(o, 'kpi_lv2', LV2_CODES, p, issues, true);
  if (lv1 && lv2 && !isValidPair(rules.policy.framework, lv1, lv2)) {
    issues.push(
      error(join(p, 'kpi_lv2'), 'INDICATOR.LEVEL_PAIR', { lv1, framework: rules.policy.framework }),
    );
  }
  const name = requireText(o, 'kpi_lv3', p, issues);
  if (name !== null) {
    if (seen.has(name)) issues.push(error(join(p, 'kpi_lv3'), 'INDICATOR.DUPLICATE_NAME', { name }));
    seen.add(name);
  }
  const sign = checkEnum(o, 'computesign', SIGNS, p, issues, true);
  const quantitative = isQuantitative(sign);
  if (!isPresent(o.kpi_val)) issues.push(error(join(p, 'kpi_val'), 'FIELD.REQUIRED'));
  else if (quantitative) {
    const v = readDecimal(o.kpi_val);
    if (!v.ok) {
      issues.push(
        error(join(p, 'kpi_val'), v.reason === 'negative' ? 'FIELD.NEGATIVE' : 'INDICATOR.VALUE_NOT_NUMERIC'),
      );
    }
  }
  if (quantitative && !isPresent(o.meterunit))
    issues.push(error(join(p, 'meterunit'), 'INDICATOR.UNIT_REQUIRED'));
  let weight: Decimal | null = null;
  if (checkDecimal(o, 'weight', p, issues, { required: true, maxDecimals: 2 })) {
    const w = decimalOrNull(o.weight);
    if (w && w.gt(0)) weight = w;
    else issues.push(error(join(p, 'weight'), 'FIELD.TYPE', { expected: 'weight' }));
  }
  checkEnum(o, 'progress', PROGRESS_KINDS, p, issues, false);
  checkEnum(o, 'value_basis', VALUE_BASES, p, issues, false);
  checkDecimal(o, 'last_target', p, issues, { required: false });
  checkDecimal(o, 'last_actual', p, issues, { required: false });
  if (sign === 'OTHER' && !isPresent(o.explanation)) {
    issues.push(error(join(p, 'explanation'), 'INDICATOR.EXPLANATION_REQUIRED'));
  }
  const code = textOf(o.library_code);
  const core = code ? rules.core?.find((c) => c.library_code === code) : undefined;
  if (
    core &&
    (name !== core.kpi_lv3 || sign !== core.computesign || textOf(o.meterunit) !== core.meterunit)
  ) {
    issues.push(error(join(p, 'kpi_lv3'), 'INDICATOR.CORE_CHANGED', { name: core.kpi_lv3 }));
  }
  return { issues, weight, lv1, sign };
}

function splitMatches(byLv1: Map<string, Decimal>, expected: TPolicy['level1_weights']): boolean {
  const keys = new Set<string>([...byLv1.keys(), ...Object.keys(expected)]);
  for (const k of keys) {
    const want = new Decimal((expected as Record<string, number | undefined>)[k] ?? 0);
    if (!(byLv1.get(k) ?? new Decimal(0)).eq(want)) return false;
  }
  return true;
}

function describeSplit(w: TPolicy['level1_weights']): string {
  return Object.entries(w)
    .map(([k, v]) => `${k} ${String(v)}`)
    .join(', ');
}

/** The target's values as text (JSON numbers become decimal text); unknown keys are dropped. */
export function normaliseTarget(raw: Rec): TargetDraft {
  const list = Array.isArray(raw.indicators) ? raw.indicators : [];
  return {
    long_term_goal: textOf(raw.long_term_goal),
    annual_goal: textOf(raw.annual_goal),
    justification: textOf(raw.justification),
    explanation: textOf(raw.explanation),
    indicators: list.filter(isRecord).map(normaliseIndicator),
  };
}

/** One indicator's values as text. */
export function normaliseIndicator(o: Rec): IndicatorDraft {
  const d: Record<string, string | null | true> = {};
  for (const k of INDICATOR_FIELDS) d[k] = textOf(o[k]);
  if (o.is_core === true) d.is_core = true;
  return d as unknown as IndicatorDraft;
}
