import { z } from 'zod';

/**
 * The policy document of a region and fiscal year (domain.md, exchange-format.md "Policy"):
 * every threshold the rules use. Stored documents hold only overrides; `resolvePolicy` merges
 * them over the defaults and validates the result.
 */
const ZPct = z.number().min(0).max(1000);
const ZRatio = z.number().min(0).max(100);
const ZBand = z.tuple([z.number().min(0).max(1), z.number().min(0).max(1)]);

export const ZPolicy = z
  .object({
    grade_cuts: z
      .tuple([ZPct.max(100), ZPct.max(100), ZPct.max(100)])
      .refine(([a, b, c]) => a > b && b > c, { message: 'grade_cuts must be strictly decreasing' }),
    budget_points: z.number().min(0).max(100),
    level1_weights: z.partialRecord(
      z.enum(['OUTPUT', 'BENEFIT', 'SATISFACTION', 'COST']),
      z.number().min(0).max(100),
    ),
    qual_bands: z.object({ ACHIEVED: ZBand, PARTIAL: ZBand, NOT_ACHIEVED: ZBand }),
    overshoot_ratio: ZRatio,
    lights: z.object({
      execution: z.tuple([ZPct, ZPct]).refine(([a, b]) => a <= b, { message: 'must be ascending' }),
      positive: z
        .tuple([ZPct, ZPct, ZPct])
        .refine(([a, b, c]) => a <= b && b <= c, { message: 'must be ascending' }),
    }),
    difficulty: z.object({
      peer_low: ZRatio,
      peer_high: ZRatio,
      min_peers: z.number().int().min(1),
      infeasible: ZRatio,
      overshot: ZRatio,
      money_threshold: z.string().regex(/^\d+(\.\d{1,2})?$/, 'a decimal amount in yuan'),
      min_quantitative: z.number().int().min(0),
    }),
    framework: z.enum(['2015', '2021']),
    recheck: z.object({ share: z.number().gt(0).max(1), min: z.number().int().min(0) }),
    ex_ante_threshold: z.string().regex(/^\d+(\.\d{1,2})?$/, 'a decimal amount in yuan'),
    /** Whether target review ends with the performance office after the finance section. */
    review: z.object({ perf_office: z.boolean() }).strict(),
  })
  .strict();

export type TPolicy = z.infer<typeof ZPolicy>;

export const DEFAULT_POLICY: TPolicy = {
  grade_cuts: [90, 80, 60],
  budget_points: 10,
  level1_weights: { OUTPUT: 50, BENEFIT: 30, SATISFACTION: 10 },
  qual_bands: { ACHIEVED: [0.8, 1], PARTIAL: [0.6, 0.8], NOT_ACHIEVED: [0, 0.6] },
  overshoot_ratio: 1.3,
  lights: { execution: [60, 80], positive: [60, 80, 120] },
  difficulty: {
    peer_low: 0.7,
    peer_high: 1.3,
    min_peers: 5,
    infeasible: 1.5,
    overshot: 1.3,
    money_threshold: '1000000',
    min_quantitative: 3,
  },
  framework: '2015',
  recheck: { share: 0.1, min: 1 },
  ex_ante_threshold: '5000000',
  review: { perf_office: false },
};

/** A stored override document: any subset of the policy's top-level keys. */
export const ZPolicyOverrides = z.record(z.string(), z.unknown());

export type PolicyResult =
  { ok: true; policy: TPolicy } | { ok: false; issues: { path: string; message: string }[] };

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Deep-merge overrides over the defaults (objects merge, arrays and scalars replace). */
function merge(base: unknown, over: unknown): unknown {
  if (isPlainObject(base) && isPlainObject(over)) {
    const out: Record<string, unknown> = { ...base };
    for (const [k, v] of Object.entries(over)) out[k] = k in base ? merge(base[k], v) : v;
    return out;
  }
  return over === undefined ? base : over;
}

/**
 * Merge a document of overrides over the defaults and validate it. Unknown keys and values out
 * of range are reported with their JSON path.
 */
export function resolvePolicy(overrides: unknown): PolicyResult {
  if (overrides !== undefined && overrides !== null && !isPlainObject(overrides)) {
    return { ok: false, issues: [{ path: '', message: 'the policy must be a JSON object' }] };
  }
  const merged = merge(DEFAULT_POLICY, overrides ?? {});
  const parsed = ZPolicy.safeParse(merged);
  if (parsed.success) return { ok: true, policy: parsed.data };
  return {
    ok: false,
    issues: parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
  };
}
