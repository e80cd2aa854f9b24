import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY, resolvePolicy } from './policy.ts';

describe('resolvePolicy', () => {
  it('gives the rule book defaults for an empty document', () => {
    expect(resolvePolicy({})).toEqual({ ok: true, policy: DEFAULT_POLICY });
    expect(resolvePolicy(null)).toEqual({ ok: true, policy: DEFAULT_POLICY });
  });

  it('merges nested overrides and keeps the other defaults', () => {
    const r = resolvePolicy({ grade_cuts: [80, 70, 60], difficulty: { min_peers: 3 } });
    expect(r.ok && r.policy.grade_cuts).toEqual([80, 70, 60]);
    expect(r.ok && r.policy.difficulty).toEqual({ ...DEFAULT_POLICY.difficulty, min_peers: 3 });
    expect(r.ok && r.policy.budget_points).toBe(10);
  });

  it.each([
    [{ grade_cuts: [60, 80, 90] }, 'grade_cuts'],
    [{ budget_points: -1 }, 'budget_points'],
    [{ lights: { execution: [80, 60] } }, 'lights.execution'],
    [{ framework: '2030' }, 'framework'],
    [{ difficulty: { money_threshold: '1e6' } }, 'difficulty.money_threshold'],
    [{ unknown_key: 1 }, ''],
  ])('rejects %j naming %s', (doc, path) => {
    const r = resolvePolicy(doc);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues.map((i) => i.path)).toContain(path);
  });

  it('rejects a document that is not an object', () => {
    expect(resolvePolicy([1, 2]).ok).toBe(false);
    expect(resolvePolicy('x').ok).toBe(false);
  });
});
