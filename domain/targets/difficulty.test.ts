import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY } from '../policy/policy.ts';
import { normaliseTarget } from './check-target.ts';
import { computeFlags, justificationIssues, peerStatsOf, type PeerStats } from './difficulty.ts';
import { exampleProject } from './example.fixture.ts';
import type { IndicatorDraft } from './indicator.ts';

type Rec = Record<string, unknown>;
const d = (xs: number[]) => xs.map((x) => new Decimal(x)).sort((a, b) => a.comparedTo(b));

function one(ind: Rec, opts: { amount?: string | null; peers?: PeerStats | null } = {}) {
  const base = {
    kpi_lv1: 'OUTPUT',
    kpi_lv2: 'QUANTITY',
    kpi_lv3: 'x',
    computesign: 'GE',
    meterunit: '人次',
    weight: '90',
  };
  const t = normaliseTarget({ indicators: [{ ...base, ...ind }] });
  return computeFlags(t, {
    policy: DEFAULT_POLICY,
    amount: opts.amount === undefined ? '100' : opts.amount,
    peers: () => opts.peers ?? null,
  }).map((f) => f.flag);
}

describe('computeFlags', () => {
  it('flags the worked example below last year’s actual only', () => {
    const p = exampleProject();
    const t = normaliseTarget(p.target as Rec);
    const flags = computeFlags(t, { policy: DEFAULT_POLICY, amount: '1000000.00', peers: () => null });
    expect(flags).toEqual([
      {
        index: 0,
        kpi_lv3: '培训人次',
        flag: 'BELOW_LAST_ACTUAL',
        evidence: { target: '500', last_actual: '520', last_target: '520' },
      },
    ]);
    expect(justificationIssues(t, flags, 'projects[0].target')).toEqual([]);
    t.indicators[0] = { ...(t.indicators[0] as IndicatorDraft), justification: null };
    expect(justificationIssues(t, flags, 'projects[0].target')).toEqual([
      {
        level: 'error',
        code: 'TARGET.JUSTIFICATION_REQUIRED',
        path: 'projects[0].target.indicators[0].justification',
        params: { flag: 'BELOW_LAST_ACTUAL' },
      },
    ]);
  });

  it('BELOW_LAST_ACTUAL: positive below, negative above; equal is fine', () => {
    expect(one({ kpi_val: '99', last_actual: '100' })).toEqual(['BELOW_LAST_ACTUAL']);
    expect(one({ kpi_val: '100', last_actual: '100' })).toEqual([]);
    expect(one({ computesign: 'EQ', kpi_val: '99', last_actual: '100' })).toEqual(['BELOW_LAST_ACTUAL']);
    expect(one({ computesign: 'LE', kpi_val: '3', last_actual: '2' })).toEqual(['BELOW_LAST_ACTUAL']);
    expect(one({ computesign: 'LT', kpi_val: '2', last_actual: '2' })).toEqual([]);
  });

  // peers 100, 200, 300, 400, 500, 600 → median (300 + 400) / 2 = 350; 70 % = 245; 130 % = 455
  const six = peerStatsOf(d([100, 200, 300, 400, 500, 600]));
  it('BELOW_PEERS against 70 % / 130 % of the median, only with at least 5 peers', () => {
    expect(six?.median.toFixed()).toBe('350');
    expect(one({ kpi_val: '244' }, { peers: six })).toEqual(['BELOW_PEERS']);
    expect(one({ kpi_val: '245' }, { peers: six })).toEqual([]);
    expect(one({ computesign: 'LE', kpi_val: '456' }, { peers: six })).toEqual(['BELOW_PEERS']);
    expect(one({ computesign: 'LE', kpi_val: '455' }, { peers: six })).toEqual([]);
    const four = peerStatsOf(d([100, 200, 300, 400]));
    expect(one({ kpi_val: '10' }, { peers: four })).toEqual([]);
  });

  it('OVERSHOT_BEFORE when last year’s actual reached 130 % of its target (negative: 70 %)', () => {
    expect(one({ kpi_val: '150', last_target: '100', last_actual: '130' })).toEqual(['OVERSHOT_BEFORE']);
    expect(one({ kpi_val: '150', last_target: '100', last_actual: '129.99' })).toEqual([]);
    expect(one({ computesign: 'LE', kpi_val: '5', last_target: '10', last_actual: '7' })).toEqual([
      'OVERSHOT_BEFORE',
    ]);
    expect(one({ computesign: 'LE', kpi_val: '5', last_target: '10', last_actual: '7.01' })).toEqual([]);
    expect(one({ kpi_val: '6', last_target: '0', last_actual: '5' })).toEqual([]);
  });

  it('INFEASIBLE above 150 % of the higher of best peer and last actual (negative: below 50 % of the lower)', () => {
    // best peer 600, last actual 700 → 1.5 × 700 = 1050
    expect(one({ kpi_val: '1051', last_actual: '700' }, { peers: six })).toEqual(['INFEASIBLE']);
    expect(one({ kpi_val: '1050', last_actual: '700' }, { peers: six })).toEqual([]);
    // no last actual: 1.5 × 600 = 900
    expect(one({ kpi_val: '901' }, { peers: six })).toEqual(['INFEASIBLE']);
    // negative: lowest peer 100, last 80 → 0.5 × 80 = 40
    expect(one({ computesign: 'LE', kpi_val: '39', last_actual: '80' }, { peers: six })).toEqual([
      'INFEASIBLE',
    ]);
    expect(one({ computesign: 'LE', kpi_val: '40', last_actual: '80' }, { peers: six })).toEqual([]);
    expect(one({ kpi_val: '99999' })).toEqual([]);
  });

  it('MONEY_MISMATCH for a money cost above the amount, and for big projects with few quantitative indicators', () => {
    const cost = { kpi_lv2: 'COST', computesign: 'LE', meterunit: '万元' };
    expect(one({ ...cost, kpi_val: '100.01' }, { amount: '1000000.00' })).toEqual([
      'MONEY_MISMATCH',
      'MONEY_MISMATCH',
    ]);
    expect(one({ ...cost, kpi_val: '100' }, { amount: '999999.99' })).toEqual(['MONEY_MISMATCH']);
    expect(one({ ...cost, kpi_val: '99.99', meterunit: '万元' }, { amount: '999999.99' })).toEqual([]);
    expect(one({ ...cost, meterunit: '元', kpi_val: '1000' }, { amount: '999' })).toEqual(['MONEY_MISMATCH']);
    expect(one({ kpi_val: '1' }, { amount: '999999.99' })).toEqual([]);
    expect(one({ kpi_val: '1' }, { amount: null })).toEqual([]);
  });

  it('puts the project-level money flag last, with no indicator, and asks for the target’s justification', () => {
    const t = normaliseTarget({
      indicators: [{ kpi_lv1: 'OUTPUT', kpi_lv2: 'QUANTITY', kpi_lv3: 'a', computesign: 'GE', kpi_val: '1' }],
    });
    const flags = computeFlags(t, { policy: DEFAULT_POLICY, amount: '1000000', peers: () => null });
    expect(flags).toEqual([
      {
        index: null,
        kpi_lv3: null,
        flag: 'MONEY_MISMATCH',
        evidence: { amount: '1000000', quantitative_count: 1 },
      },
    ]);
    expect(justificationIssues(t, flags, 'projects[2].target').map((i) => i.path)).toEqual([
      'projects[2].target.justification',
    ]);
    expect(justificationIssues({ ...t, justification: '一次性设备购置' }, flags, 'x')).toEqual([]);
  });
});

describe('peerStatsOf', () => {
  it('median of odd and even counts, min and max', () => {
    const s = peerStatsOf(d([5, 1, 3]));
    expect([s?.count, s?.median.toFixed(), s?.min.toFixed(), s?.max.toFixed()]).toEqual([3, '3', '1', '5']);
    expect(peerStatsOf(d([1, 2, 3, 10]))?.median.toFixed()).toBe('2.5');
    expect(peerStatsOf([])).toBeNull();
  });

  it('leaves out the project’s own values without copying', () => {
    const all = d([1, 2, 3, 4, 100]);
    const s = peerStatsOf(all, [new Decimal(100)]);
    expect([s?.count, s?.median.toFixed(), s?.max.toFixed()]).toEqual([4, '2.5', '4']);
    const t = peerStatsOf(all, [new Decimal(1), new Decimal(2)]);
    expect([t?.count, t?.median.toFixed(), t?.min.toFixed()]).toEqual([3, '4', '3']);
    expect(peerStatsOf(d([7]), [new Decimal(7)])).toBeNull();
    const dup = peerStatsOf(d([5, 5, 5, 9]), [new Decimal(5), new Decimal(5)]);
    expect([dup?.count, dup?.min.toFixed(), dup?.max.toFixed()]).toEqual([2, '5', '9']);
  });
});
