import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY } from '../../../../domain/policy/policy.ts';
import { toFormValues, toOverrides, validatePolicy } from './policy-model.ts';

describe('policy form model', () => {
  it('shows the defaults when nothing is overridden, and sends no override back', () => {
    const values = toFormValues(DEFAULT_POLICY);
    expect(values.grade_cuts).toEqual([90, 80, 60]);
    expect(values.level1_weights.COST).toBeNull();
    expect(toOverrides(values, DEFAULT_POLICY)).toEqual({});
    expect(validatePolicy(values, DEFAULT_POLICY)).toEqual([]);
  });

  it('sends only the top-level keys that differ from the defaults', () => {
    const values = toFormValues(DEFAULT_POLICY);
    values.grade_cuts = [92, 80, 60];
    values.difficulty.min_peers = 7;
    expect(toOverrides(values, DEFAULT_POLICY)).toEqual({
      grade_cuts: [92, 80, 60],
      difficulty: { ...DEFAULT_POLICY.difficulty, min_peers: 7 },
    });
  });

  it('adds the cost weight only when it is filled in', () => {
    const values = toFormValues({ ...DEFAULT_POLICY, framework: '2021' });
    values.level1_weights.COST = 10;
    expect(toOverrides(values, DEFAULT_POLICY).level1_weights).toEqual({
      OUTPUT: 50,
      BENEFIT: 30,
      SATISFACTION: 10,
      COST: 10,
    });
  });

  it('reports the shared rule violations with their paths', () => {
    const values = toFormValues(DEFAULT_POLICY);
    values.grade_cuts = [80, 90, 60];
    values.lights.execution = [90, 60];
    values.recheck.share = null;
    const paths = validatePolicy(values, DEFAULT_POLICY).map((i) => i.path);
    expect(paths).toEqual(expect.arrayContaining(['grade_cuts', 'lights.execution', 'recheck.share']));
  });

  it('reads a partial or odd effective document leniently', () => {
    const values = toFormValues({ grade_cuts: [95], framework: 'nonsense', ex_ante_threshold: 123 });
    expect(values.grade_cuts).toEqual([95, 80, 60]);
    expect(values.framework).toBe('2015');
    expect(values.ex_ante_threshold).toBe('123');
  });
});
