import { DEFAULT_POLICY, resolvePolicy } from '../../../../domain/policy/policy.ts';

/**
 * The policy form's values and their conversion to and from the stored document. The form
 * always shows the effective policy; saving sends only what differs from the defaults.
 */
export type Num = number | null;
export type Level1 = 'OUTPUT' | 'BENEFIT' | 'SATISFACTION' | 'COST';
export type QualBand = 'ACHIEVED' | 'PARTIAL' | 'NOT_ACHIEVED';

export interface PolicyFormValues {
  grade_cuts: [Num, Num, Num];
  budget_points: Num;
  level1_weights: Record<Level1, Num>;
  qual_bands: Record<QualBand, [Num, Num]>;
  overshoot_ratio: Num;
  lights: { execution: [Num, Num]; positive: [Num, Num, Num] };
  difficulty: {
    peer_low: Num;
    peer_high: Num;
    min_peers: Num;
    infeasible: Num;
    overshot: Num;
    money_threshold: string | null;
    min_quantitative: Num;
  };
  framework: '2015' | '2021';
  recheck: { share: Num; min: Num };
  ex_ante_threshold: string | null;
  review: { perf_office: boolean };
  reason?: string;
}

type Obj = Record<string, unknown>;

function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function obj(v: unknown): Obj {
  return isObj(v) ? v : {};
}

function num(v: unknown, fallback: Num): Num {
  return typeof v === 'number' && Number.isFinite(v) ? v : fallback;
}

function str(v: unknown, fallback: string): string {
  return typeof v === 'string' ? v : typeof v === 'number' ? String(v) : fallback;
}

function tuple<N extends number>(v: unknown, fallback: readonly number[], n: N): Num[] {
  const arr = Array.isArray(v) ? v : [];
  return Array.from({ length: n }, (_, i) => num(arr[i], fallback[i] ?? null));
}

function pair(v: unknown, fallback: readonly number[]): [Num, Num] {
  const [a = null, b = null] = tuple(v, fallback, 2);
  return [a, b];
}

function triple(v: unknown, fallback: readonly number[]): [Num, Num, Num] {
  const [a = null, b = null, c = null] = tuple(v, fallback, 3);
  return [a, b, c];
}

/** Read the effective policy leniently into form values (anything missing falls back to defaults). */
export function toFormValues(effective: unknown): PolicyFormValues {
  const e = obj(effective);
  const d = DEFAULT_POLICY;
  const w = obj(e.level1_weights);
  const dw: Partial<Record<Level1, number>> = d.level1_weights;
  const q = obj(e.qual_bands);
  const l = obj(e.lights);
  const df = obj(e.difficulty);
  const r = obj(e.recheck);
  return {
    grade_cuts: triple(e.grade_cuts, d.grade_cuts),
    budget_points: num(e.budget_points, d.budget_points),
    level1_weights: {
      OUTPUT: num(w.OUTPUT, dw.OUTPUT ?? null),
      BENEFIT: num(w.BENEFIT, dw.BENEFIT ?? null),
      SATISFACTION: num(w.SATISFACTION, dw.SATISFACTION ?? null),
      COST: num(w.COST, dw.COST ?? null),
    },
    qual_bands: {
      ACHIEVED: pair(q.ACHIEVED, d.qual_bands.ACHIEVED),
      PARTIAL: pair(q.PARTIAL, d.qual_bands.PARTIAL),
      NOT_ACHIEVED: pair(q.NOT_ACHIEVED, d.qual_bands.NOT_ACHIEVED),
    },
    overshoot_ratio: num(e.overshoot_ratio, d.overshoot_ratio),
    lights: {
      execution: pair(l.execution, d.lights.execution),
      positive: triple(l.positive, d.lights.positive),
    },
    difficulty: {
      peer_low: num(df.peer_low, d.difficulty.peer_low),
      peer_high: num(df.peer_high, d.difficulty.peer_high),
      min_peers: num(df.min_peers, d.difficulty.min_peers),
      infeasible: num(df.infeasible, d.difficulty.infeasible),
      overshot: num(df.overshot, d.difficulty.overshot),
      money_threshold: str(df.money_threshold, d.difficulty.money_threshold),
      min_quantitative: num(df.min_quantitative, d.difficulty.min_quantitative),
    },
    framework: e.framework === '2021' ? '2021' : '2015',
    recheck: { share: num(r.share, d.recheck.share), min: num(r.min, d.recheck.min) },
    ex_ante_threshold: str(e.ex_ante_threshold, d.ex_ante_threshold),
    review: { perf_office: obj(e.review).perf_office === true },
  };
}

/** The whole policy document the form describes (the reason is not part of it). */
export function toPolicyDocument(v: PolicyFormValues): Obj {
  const weights: Obj = {
    OUTPUT: v.level1_weights.OUTPUT,
    BENEFIT: v.level1_weights.BENEFIT,
    SATISFACTION: v.level1_weights.SATISFACTION,
  };
  // COST (成本指标) exists only in the 2021 framework; an empty field means "no cost weight".
  if (v.level1_weights.COST !== null && v.level1_weights.COST !== undefined)
    weights.COST = v.level1_weights.COST;
  return {
    grade_cuts: v.grade_cuts,
    budget_points: v.budget_points,
    level1_weights: weights,
    qual_bands: v.qual_bands,
    overshoot_ratio: v.overshoot_ratio,
    lights: v.lights,
    difficulty: v.difficulty,
    framework: v.framework,
    recheck: v.recheck,
    ex_ante_threshold: v.ex_ante_threshold,
    review: v.review,
  };
}

function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (isObj(v)) {
    return `{${Object.keys(v)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical(v[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(v ?? null);
}

/** Only the top-level keys that differ from the defaults are stored as overrides. */
export function toOverrides(v: PolicyFormValues, defaults: unknown): Obj {
  const doc = toPolicyDocument(v);
  const d =
    isObj(defaults) && Object.keys(defaults).length > 0 ? defaults : (DEFAULT_POLICY as unknown as Obj);
  const out: Obj = {};
  for (const [k, value] of Object.entries(doc)) {
    if (canonical(value) !== canonical(d[k])) out[k] = value;
  }
  return out;
}

export interface Issue {
  path: string;
  message: string;
}

/** Validate with the same rule the server applies (domain resolvePolicy). */
export function validatePolicy(v: PolicyFormValues, defaults: unknown): Issue[] {
  const r = resolvePolicy(toOverrides(v, defaults));
  return r.ok ? [] : r.issues;
}
