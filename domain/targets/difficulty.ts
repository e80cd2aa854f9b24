import { Decimal } from 'decimal.js';
import { decimalOrNull, isPresent } from '../decimal-text.ts';
import { join } from '../fields.ts';
import { error, type Issue } from '../issues.ts';
import type { TPolicy } from '../policy/policy.ts';
import { isCostPair } from './framework.ts';
import {
  isNegative,
  isPositive,
  isQuantitative,
  MONEY_UNITS,
  type IndicatorDraft,
  type TargetDraft,
} from './indicator.ts';

/** The difficulty flags of domain.md §4. */
export const FLAG_CODES = [
  'BELOW_LAST_ACTUAL',
  'BELOW_PEERS',
  'OVERSHOT_BEFORE',
  'INFEASIBLE',
  'MONEY_MISMATCH',
] as const;
export type FlagCode = (typeof FLAG_CODES)[number];

/** Targets of the peers of one indicator (other projects, same library indicator, direction and unit). */
export interface PeerStats {
  count: number;
  median: Decimal;
  min: Decimal;
  max: Decimal;
}

/** What a reviewer sees next to a flag; every figure as decimal text. */
export interface FlagEvidence {
  target?: string;
  last_target?: string;
  last_actual?: string;
  peer_count?: number;
  peer_median?: string;
  peer_best?: string;
  amount?: string;
  quantitative_count?: number;
}

export interface Flag {
  /** Index of the indicator in the target, null for a project-level flag. */
  index: number | null;
  kpi_lv3: string | null;
  flag: FlagCode;
  evidence: FlagEvidence;
}

export interface FlagContext {
  policy: TPolicy;
  /** The project's amount in yuan (null: unknown, no money rule). */
  amount: string | null;
  /** Peer targets of an indicator, or null when it has no library link or no peers. */
  peers: (indicator: IndicatorDraft, index: number) => PeerStats | null;
}

/** The direction of an indicator for peer grouping: P positive (EQ included), N negative. */
export function directionOf(sign: string | null): 'P' | 'N' | null {
  if (isPositive(sign)) return 'P';
  if (isNegative(sign)) return 'N';
  return null;
}

/** The key that groups peers: library indicator, direction and unit; null when not comparable. */
export function peerKey(
  i: Pick<IndicatorDraft, 'library_code' | 'computesign' | 'meterunit'>,
): string | null {
  const dir = directionOf(i.computesign);
  if (!i.library_code || !dir) return null;
  return `${i.library_code}|${dir}|${i.meterunit ?? ''}`;
}

type Factors = Record<
  'peerLow' | 'peerHigh' | 'overshot' | 'overshotN' | 'infeasible' | 'infeasibleN',
  Decimal
>;
const FACTORS = new WeakMap<TPolicy['difficulty'], Factors>();

/** The policy's factors as decimals, made once per policy rather than once per comparison. */
function factorsOf(d: TPolicy['difficulty']): Factors {
  let f = FACTORS.get(d);
  if (f === undefined) {
    f = {
      peerLow: new Decimal(d.peer_low),
      peerHigh: new Decimal(d.peer_high),
      overshot: new Decimal(d.overshot),
      overshotN: new Decimal(2 - d.overshot),
      infeasible: new Decimal(d.infeasible),
      infeasibleN: new Decimal(2 - d.infeasible),
    };
    FACTORS.set(d, f);
  }
  return f;
}

/**
 * Compute the difficulty flags of a target (domain.md §4 "Reasonable difficulty") from last
 * year's values carried on each indicator, the peers' targets and the project amount. Flags of
 * one indicator come in the order of the rule book; the project-level money flag comes last.
 */
export function computeFlags(target: TargetDraft, ctx: FlagContext): Flag[] {
  const d = ctx.policy.difficulty;
  const factor = factorsOf(d);
  const flags: Flag[] = [];
  let quantitativeCount = 0;
  target.indicators.forEach((ind, index) => {
    if (isQuantitative(ind.computesign)) quantitativeCount += 1;
    const t = decimalOrNull(ind.kpi_val);
    const dir = directionOf(ind.computesign);
    if (t === null || dir === null) return;
    const last = decimalOrNull(ind.last_actual);
    const lastTarget = decimalOrNull(ind.last_target);
    const peers = ctx.peers(ind, index);
    const enough = peers !== null && peers.count >= d.min_peers ? peers : null;
    // The evidence is put into words only for an indicator that gets a flag.
    const evidence = (): FlagEvidence => ({
      target: t.toFixed(),
      ...(last ? { last_actual: last.toFixed() } : {}),
      ...(lastTarget ? { last_target: lastTarget.toFixed() } : {}),
      ...(enough
        ? {
            peer_count: enough.count,
            peer_median: enough.median.toFixed(),
            peer_best: (dir === 'P' ? enough.max : enough.min).toFixed(),
          }
        : {}),
    });
    const add = (flag: FlagCode, extra: FlagEvidence = {}) =>
      flags.push({ index, kpi_lv3: ind.kpi_lv3, flag, evidence: { ...evidence(), ...extra } });
    if (last && (dir === 'P' ? t.lt(last) : t.gt(last))) add('BELOW_LAST_ACTUAL');
    if (
      enough &&
      (dir === 'P' ? t.lt(enough.median.times(factor.peerLow)) : t.gt(enough.median.times(factor.peerHigh)))
    ) {
      add('BELOW_PEERS');
    }
    if (
      last &&
      lastTarget &&
      lastTarget.gt(0) &&
      (dir === 'P'
        ? last.gte(lastTarget.times(factor.overshot))
        : last.lte(lastTarget.times(factor.overshotN)))
    ) {
      add('OVERSHOT_BEFORE');
    }
    if (isInfeasible(t, dir, last, enough, dir === 'P' ? factor.infeasible : factor.infeasibleN)) {
      add('INFEASIBLE');
    }
    const perUnit = MONEY_UNITS[ind.meterunit ?? ''];
    if (
      ctx.amount !== null &&
      perUnit &&
      ind.kpi_lv1 &&
      ind.kpi_lv2 &&
      isCostPair(ind.kpi_lv1, ind.kpi_lv2)
    ) {
      if (t.times(perUnit).gt(ctx.amount)) add('MONEY_MISMATCH', { amount: ctx.amount });
    }
  });
  if (
    ctx.amount !== null &&
    new Decimal(ctx.amount).gte(d.money_threshold) &&
    quantitativeCount < d.min_quantitative
  ) {
    flags.push({
      index: null,
      kpi_lv3: null,
      flag: 'MONEY_MISMATCH',
      evidence: { amount: ctx.amount, quantitative_count: quantitativeCount },
    });
  }
  return flags;
}

/** A positive target above ratio × the best base, or a negative one below (2 − ratio) × it. */
function isInfeasible(
  t: Decimal,
  dir: 'P' | 'N',
  last: Decimal | null,
  peers: PeerStats | null,
  factor: Decimal,
): boolean {
  const best = dir === 'P' ? peers?.max : peers?.min;
  let base: Decimal | null = best ?? null;
  if (last !== null)
    base = base === null ? last : dir === 'P' ? Decimal.max(base, last) : Decimal.min(base, last);
  if (base === null) return false;
  return dir === 'P' ? t.gt(base.times(factor)) : t.lt(base.times(factor));
}

/**
 * Every flag without a justification is an error TARGET.JUSTIFICATION_REQUIRED, at the
 * indicator's justification or, for a project-level flag, at the target's.
 */
export function justificationIssues(target: TargetDraft, flags: readonly Flag[], base: string): Issue[] {
  const out: Issue[] = [];
  for (const f of flags) {
    if (f.index === null) {
      if (!isPresent(target.justification)) {
        out.push(error(join(base, 'justification'), 'TARGET.JUSTIFICATION_REQUIRED', { flag: f.flag }));
      }
    } else if (!isPresent(target.indicators[f.index]?.justification)) {
      out.push(
        error(join(base, `indicators[${f.index}].justification`), 'TARGET.JUSTIFICATION_REQUIRED', {
          flag: f.flag,
        }),
      );
    }
  }
  return out;
}

/**
 * Peer statistics over an ascending list of target values with some values of the project
 * itself removed (a peer is another project). The median of an even count is the mean of the
 * two middle values. Removal is by index arithmetic, so a large peer list is never copied.
 */
export function peerStatsOf(sorted: readonly Decimal[], exclude: readonly Decimal[] = []): PeerStats | null {
  const removed: number[] = [];
  for (const x of exclude) {
    let i = lowerBound(sorted, x);
    while (removed.includes(i)) i += 1;
    const v = sorted[i];
    if (v !== undefined && v.eq(x)) removed.push(i);
  }
  removed.sort((p, q) => p - q);
  const n = sorted.length - removed.length;
  if (n <= 0) return null;
  const at = (k: number): Decimal => {
    let j = k;
    for (const r of removed) if (r <= j) j += 1;
    const v = sorted[j];
    if (v === undefined) throw new RangeError('peer index out of range');
    return v;
  };
  return {
    count: n,
    median: at(Math.floor((n - 1) / 2))
      .plus(at(Math.floor(n / 2)))
      .div(2),
    min: at(0),
    max: at(n - 1),
  };
}

function lowerBound(sorted: readonly Decimal[], x: Decimal): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const v = sorted[mid];
    if (v !== undefined && v.lt(x)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
