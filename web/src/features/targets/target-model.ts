import { Decimal } from 'decimal.js';
import type { TLibraryIndicator } from '../../../../contracts/library.ts';
import type { TPeerStats, TReview } from '../../../../contracts/targets.ts';
import { decimalOrNull } from '../../../../domain/decimal-text.ts';
import type { Issue } from '../../../../domain/issues.ts';
import type { TPolicy } from '../../../../domain/policy/policy.ts';
import { checkTarget, type CoreRequirement } from '../../../../domain/targets/check-target.ts';
import {
  computeFlags,
  justificationIssues,
  peerKey,
  type Flag,
  type PeerStats,
} from '../../../../domain/targets/difficulty.ts';
import {
  FRAMEWORKS,
  isValidPair,
  type FrameworkVersion,
  type Lv1,
  type Lv2,
} from '../../../../domain/targets/framework.ts';
import {
  defaultProgress,
  isQuantitative,
  type IndicatorDraft,
  type TargetDraft,
} from '../../../../domain/targets/indicator.ts';
import { gradeConsequence, type ReviewGrade } from '../../../../domain/targets/workflow.ts';

/**
 * The pure side of the target editor: grouping by the framework's tree, weight totals, the live
 * check (the shared rules of domain/targets), and where an issue's path points in the form.
 */

const ZERO = new Decimal(0);

/** A new, empty level-3 row under a level-2 category. */
export function emptyIndicator(lv1: string | null, lv2: string | null): IndicatorDraft {
  return {
    kpi_lv1: lv1,
    kpi_lv2: lv2,
    kpi_lv3: null,
    computesign: 'GE',
    kpi_val: null,
    meterunit: null,
    weight: null,
    progress: 'CUMULATIVE',
    value_basis: null,
    library_code: null,
    last_target: null,
    last_actual: null,
    data_source: null,
    scoring_standard: null,
    justification: null,
    explanation: null,
  };
}

/** A weight as typed, when it is a valid non-negative number; else nothing. */
export function weightOf(text: string | null): Decimal | null {
  return decimalOrNull(text);
}

function sumWeights(draft: TargetDraft, indexes: readonly number[]): Decimal {
  return indexes.reduce((acc, i) => acc.plus(weightOf(draft.indicators[i]?.weight ?? null) ?? ZERO), ZERO);
}

export interface Level2Group {
  lv2: Lv2;
  /** Indexes into draft.indicators, in the draft's order. */
  indexes: number[];
  weight: Decimal;
}

export interface Level1Group {
  lv1: Lv1;
  groups: Level2Group[];
  weight: Decimal;
  /** The default weight of the level-1 category in the policy (null when the policy names none). */
  expected: number | null;
}

export interface Grouping {
  level1: Level1Group[];
  /** Rows whose level 1 / level 2 is missing or not a pair of the framework. */
  unclassified: number[];
}

/** Group the indicators by the framework's tree (level 1, then level 2), with weight subtotals. */
export function groupIndicators(draft: TargetDraft, policy: TPolicy): Grouping {
  const framework = FRAMEWORKS[policy.framework];
  const placed = new Set<number>();
  const level1 = framework.map((node): Level1Group => {
    const groups = node.lv2.map((lv2): Level2Group => {
      const indexes: number[] = [];
      draft.indicators.forEach((ind, i) => {
        if (ind.kpi_lv1 === node.lv1 && ind.kpi_lv2 === lv2) {
          indexes.push(i);
          placed.add(i);
        }
      });
      return { lv2, indexes, weight: sumWeights(draft, indexes) };
    });
    const expected = (policy.level1_weights as Partial<Record<string, number>>)[node.lv1];
    return {
      lv1: node.lv1,
      groups,
      weight: groups.reduce((acc, g) => acc.plus(g.weight), ZERO),
      expected: expected ?? null,
    };
  });
  const unclassified = draft.indicators.map((_, i) => i).filter((i) => !placed.has(i));
  return { level1, unclassified };
}

export interface WeightSummary {
  total: Decimal;
  /** 100 − the budget execution points of the policy (90 by default). */
  expected: Decimal;
  exact: boolean;
  split: { lv1: Lv1; actual: Decimal; expected: number }[];
  splitMatches: boolean;
}

/** The running weight total against the policy, and the level-1 split against its defaults. */
export function summarizeWeights(draft: TargetDraft, policy: TPolicy): WeightSummary {
  const total = draft.indicators.reduce((acc, ind) => acc.plus(weightOf(ind.weight) ?? ZERO), ZERO);
  const expected = new Decimal(100).minus(policy.budget_points);
  const weights = policy.level1_weights as Partial<Record<string, number>>;
  const lv1s = new Set<Lv1>(FRAMEWORKS[policy.framework].map((n) => n.lv1));
  for (const k of Object.keys(weights)) if (isLv1(k)) lv1s.add(k);
  const split = [...lv1s].map((lv1) => ({
    lv1,
    actual: draft.indicators
      .filter((i) => i.kpi_lv1 === lv1)
      .reduce((acc, i) => acc.plus(weightOf(i.weight) ?? ZERO), ZERO),
    expected: weights[lv1] ?? 0,
  }));
  return {
    total,
    expected,
    exact: total.eq(expected),
    split,
    splitMatches: split.every((s) => s.actual.eq(s.expected)),
  };
}

function isLv1(k: string): k is Lv1 {
  return k === 'OUTPUT' || k === 'BENEFIT' || k === 'SATISFACTION' || k === 'COST';
}

// ---- where an issue points ----

export const TARGET_FIELDS = [
  'long_term_goal',
  'annual_goal',
  'justification',
  'explanation',
  'indicators',
  'amount',
] as const;
export type TargetField = (typeof TARGET_FIELDS)[number];

export type FieldRef =
  { kind: 'target'; field: TargetField } | { kind: 'indicator'; index: number; field: string };

/** Fields of a row shown in its expandable detail (the rest are inline in the row). */
export const DETAIL_FIELDS: readonly string[] = [
  'kpi_lv1',
  'kpi_lv2',
  'value_basis',
  'data_source',
  'scoring_standard',
  'justification',
  'explanation',
  'last_target',
  'last_actual',
  'library_code',
];

/**
 * Map an issue path (relative to the target: `indicators[2].meterunit`, `annual_goal`,
 * `.justification`) to a field of the form. Anything unknown lands on the indicator list.
 */
export function parseIssuePath(path: string): FieldRef {
  const p = path.replace(/^\./, '').replace(/^target\./, '');
  const m = /^indicators\[(\d+)\](?:\.([a-z_0-9]+))?/.exec(p);
  if (m) return { kind: 'indicator', index: Number(m[1]), field: m[2] ?? 'kpi_lv3' };
  const field = TARGET_FIELDS.find((f) => f === p);
  return { kind: 'target', field: field ?? 'indicators' };
}

/** The key of a field for lookups: `annual_goal`, or `3.meterunit` for a row. */
export function fieldKey(ref: FieldRef): string {
  return ref.kind === 'target' ? ref.field : `${String(ref.index)}.${ref.field}`;
}

/** The DOM id of a field, for scrolling to it from the issue list. */
export function fieldDomId(ref: FieldRef): string {
  return ref.kind === 'target' ? `tgt-f-${ref.field}` : `tgt-i-${String(ref.index)}-${ref.field}`;
}

/** Issues grouped by the field they point at. */
export function issuesByField<T extends { path: string }>(issues: readonly T[]): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const issue of issues) {
    const key = fieldKey(parseIssuePath(issue.path));
    out.set(key, [...(out.get(key) ?? []), issue]);
  }
  return out;
}

/** An issue the server sent with a 400 TARGET.INVALID (`details.issues`), with the field it points at. */
export interface ServerIssue {
  path: string;
  code: string;
  level: 'error' | 'warning';
  message: string;
  ref: FieldRef;
}

/** Read `details.issues` of a 400 TARGET.INVALID defensively: anything malformed is skipped. */
export function serverIssuesOf(issues: unknown, fallback: string): ServerIssue[] {
  if (!Array.isArray(issues)) return [];
  return issues.flatMap((raw: unknown): ServerIssue[] => {
    if (typeof raw !== 'object' || raw === null) return [];
    const r = raw as Record<string, unknown>;
    const path = typeof r.path === 'string' ? r.path.replace(/^\./, '') : '';
    const message = typeof r.message === 'string' && r.message !== '' ? r.message : fallback;
    const level = r.level === 'warning' ? 'warning' : 'error';
    const code = typeof r.code === 'string' ? r.code : 'TARGET.INVALID';
    return [{ path, code, level, message, ref: parseIssuePath(path) }];
  });
}

// ---- the live check ----

export interface CheckContext {
  policy: TPolicy;
  multiYear: boolean;
  core: readonly CoreRequirement[];
  /** The subject's amount in yuan. */
  amount: string | null;
  peers: TPeerStats | undefined;
}

export interface Validation {
  issues: Issue[];
  flags: Flag[];
  errors: number;
  warnings: number;
}

/** Peer statistics of the API as the difficulty rule reads them. */
export function peerLookup(stats: TPeerStats | undefined): (ind: IndicatorDraft) => PeerStats | null {
  return (ind) => {
    const key = peerKey(ind);
    const s = key === null ? undefined : stats?.[key];
    if (s === undefined) return null;
    return {
      count: s.count,
      median: new Decimal(s.median),
      min: new Decimal(s.min),
      max: new Decimal(s.max),
    };
  };
}

/**
 * Check a draft as the server will at submission: the target rules, the difficulty flags and the
 * justifications they require. Paths are relative to the target (`indicators[0].weight`).
 */
export function validateDraft(draft: TargetDraft, ctx: CheckContext): Validation {
  const base = checkTarget(draft, '', { policy: ctx.policy, multiYear: ctx.multiYear, core: ctx.core });
  const flags = computeFlags(draft, { policy: ctx.policy, amount: ctx.amount, peers: peerLookup(ctx.peers) });
  const just = justificationIssues(draft, flags, '').map((i) => ({ ...i, path: i.path.replace(/^\./, '') }));
  const issues = [...base, ...just];
  return {
    issues,
    flags,
    errors: issues.filter((i) => i.level === 'error').length,
    warnings: issues.filter((i) => i.level === 'warning').length,
  };
}

/** The library codes of a draft, sorted and unique: the peers query depends on this set only. */
export function libraryCodes(draft: TargetDraft): string[] {
  const codes = new Set<string>();
  for (const i of draft.indicators) if (i.library_code) codes.add(i.library_code);
  return [...codes].sort();
}

/** Flags by row index; project-level flags under -1. */
export function flagsByRow<F extends { index: number | null }>(flags: readonly F[]): Map<number, F[]> {
  const out = new Map<number, F[]>();
  for (const f of flags) {
    const k = f.index ?? -1;
    out.set(k, [...(out.get(k) ?? []), f]);
  }
  return out;
}

// ---- the library picker ----

/**
 * A row prefilled from a library indicator. Its own level 1 / 2 is used when it is a pair of the
 * framework, else the group the picker was opened from. The value basis is the industry standard
 * the library stands for; the preparer still types the target value and weight.
 */
export function fromLibrary(
  item: Pick<
    TLibraryIndicator,
    'code' | 'name' | 'unit' | 'sign' | 'progress' | 'scoring_rule' | 'kpi_lv1' | 'kpi_lv2'
  >,
  fallback: { lv1: string | null; lv2: string | null },
  framework: FrameworkVersion,
): IndicatorDraft {
  const own = isValidPair(framework, item.kpi_lv1, item.kpi_lv2);
  return {
    ...emptyIndicator(own ? item.kpi_lv1 : fallback.lv1, own ? item.kpi_lv2 : fallback.lv2),
    kpi_lv3: item.name,
    computesign: item.sign,
    meterunit: item.unit,
    progress: item.progress,
    library_code: item.code,
    scoring_standard: item.scoring_rule,
    value_basis: 'INDUSTRY',
  };
}

/** Apply a change to a row; a new unit proposes its default progress kind unless a library set it. */
export function patchIndicator(ind: IndicatorDraft, patch: Partial<IndicatorDraft>): IndicatorDraft {
  const next = { ...ind, ...patch };
  if (patch.meterunit && ind.library_code === null && patch.progress === undefined) {
    next.progress = defaultProgress(patch.meterunit);
  }
  if (patch.computesign !== undefined && !isQuantitative(patch.computesign) && ind.library_code === null) {
    next.progress = 'LEVEL';
  }
  return next;
}

/** Text of a form input as the draft stores it: blank is null. */
export function textValue(v: string): string | null {
  return v.trim() === '' ? null : v;
}

// ---- review ----

/** The decision the overall finance grade stands for (domain/targets/workflow.ts). */
export function actionForGrade(grade: ReviewGrade): 'APPROVE' | 'RETURN' | 'REJECT' {
  const c = gradeConsequence(grade);
  switch (c) {
    case 'APPROVE':
    case 'APPROVE_WITH_FIXES':
      return 'APPROVE';
    case 'RETURN':
      return 'RETURN';
    case 'REJECT':
      return 'REJECT';
  }
}

/**
 * The reviews that send the target back to its preparer and are still in force: the latest
 * RETURN or REJECT, when nothing was submitted after it.
 */
export function latestReturn(reviews: readonly TReview[]): TReview | null {
  const sorted = [...reviews].sort((a, b) => a.at.localeCompare(b.at));
  const last = sorted[sorted.length - 1];
  return last !== undefined && (last.action === 'RETURN' || last.action === 'REJECT') ? last : null;
}

/** The indicator comments of a review by indicator name. */
export function commentsByName(review: TReview | null): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const c of review?.indicator_comments ?? [])
    out.set(c.kpi_lv3, [...(out.get(c.kpi_lv3) ?? []), c.comment]);
  return out;
}
