import { describe, expect, it } from 'vitest';
import { gradeConsequence, reviewChain, transition, type ReviewState } from './workflow.ts';

const draft: ReviewState = { status: 'DRAFT', step: null, unlockedAt: null };

function run(
  state: ReviewState,
  actions: Parameters<typeof transition>[1][],
  chain = reviewChain('PROJECT', false),
) {
  let s = state;
  let locked = false;
  for (const a of actions) {
    const r = transition(s, a, chain);
    if (!r.ok) return r.code;
    s = r.state;
    locked = r.locked;
  }
  return { ...s, locked };
}

describe('target review workflow', () => {
  it('chains by kind and policy', () => {
    expect(reviewChain('PROJECT', false)).toEqual(['UNIT_LEADER', 'DEPARTMENT', 'SECTION']);
    expect(reviewChain('PROJECT', true)).toEqual(['UNIT_LEADER', 'DEPARTMENT', 'SECTION', 'PERF_OFFICE']);
    expect(reviewChain('DEPARTMENT', false)).toEqual(['SECTION']);
  });

  it('walks the chain and locks on the last approval', () => {
    expect(run(draft, [{ type: 'SUBMIT' }, { type: 'APPROVE', step: 'UNIT_LEADER' }])).toEqual({
      status: 'SUBMITTED',
      step: 'DEPARTMENT',
      unlockedAt: null,
      locked: false,
    });
    expect(
      run(draft, [
        { type: 'SUBMIT' },
        { type: 'APPROVE', step: 'UNIT_LEADER' },
        { type: 'APPROVE', step: 'DEPARTMENT' },
        { type: 'APPROVE', step: 'SECTION' },
      ]),
    ).toEqual({ status: 'APPROVED', step: null, unlockedAt: null, locked: true });
  });

  it('refuses an action at the wrong step or status', () => {
    expect(run(draft, [{ type: 'SUBMIT' }, { type: 'APPROVE', step: 'SECTION' }])).toBe('REVIEW.WRONG_STEP');
    expect(run(draft, [{ type: 'APPROVE', step: 'UNIT_LEADER' }])).toBe('REVIEW.NOT_ALLOWED');
    expect(run(draft, [{ type: 'SUBMIT' }, { type: 'SUBMIT' }])).toBe('REVIEW.NOT_ALLOWED');
  });

  it('returns to the preparer, who resubmits from the start', () => {
    expect(
      run(draft, [
        { type: 'SUBMIT' },
        { type: 'APPROVE', step: 'UNIT_LEADER' },
        { type: 'RETURN', step: 'DEPARTMENT' },
        { type: 'SUBMIT' },
      ]),
    ).toMatchObject({ status: 'SUBMITTED', step: 'UNIT_LEADER' });
  });

  it('unlocks only at the approving level and sends the correction straight back there', () => {
    const approved: ReviewState = { status: 'APPROVED', step: null, unlockedAt: null };
    expect(run(approved, [{ type: 'UNLOCK', step: 'DEPARTMENT' }])).toBe('REVIEW.WRONG_STEP');
    expect(run(approved, [{ type: 'UNLOCK', step: 'SECTION' }, { type: 'SUBMIT' }])).toMatchObject({
      status: 'SUBMITTED',
      step: 'SECTION',
    });
    expect(
      run(approved, [
        { type: 'UNLOCK', step: 'SECTION' },
        { type: 'SUBMIT' },
        { type: 'APPROVE', step: 'SECTION' },
      ]),
    ).toMatchObject({ status: 'APPROVED', locked: true, unlockedAt: null });
  });

  it('maps finance grades to their consequence', () => {
    expect(['EXCELLENT', 'GOOD', 'FAIR', 'POOR'].map((g) => gradeConsequence(g as 'GOOD'))).toEqual([
      'APPROVE',
      'APPROVE_WITH_FIXES',
      'RETURN',
      'REJECT',
    ]);
  });
});
