/**
 * The review chain of a target (domain.md §3–4) as a transition table and a pure function.
 * A project target goes preparer → unit leader → department → finance section (→ performance
 * office where the policy says so); a department's overall target starts at the finance section.
 * The finance section grades the target; its grade decides the outcome.
 */
export const TARGET_STATUSES = [
  'DRAFT',
  'SUBMITTED',
  'RETURNED',
  'APPROVED',
  'REJECTED',
  'UNLOCKED',
] as const;
export type TargetStatus = (typeof TARGET_STATUSES)[number];

export const REVIEW_STEPS = ['UNIT_LEADER', 'DEPARTMENT', 'SECTION', 'PERF_OFFICE'] as const;
export type ReviewStep = (typeof REVIEW_STEPS)[number];

export const REVIEW_GRADES = ['EXCELLENT', 'GOOD', 'FAIR', 'POOR'] as const;
export type ReviewGrade = (typeof REVIEW_GRADES)[number];

export const REVIEW_DIMENSIONS = ['completeness', 'relevance', 'appropriateness', 'feasibility'] as const;
export type ReviewDimension = (typeof REVIEW_DIMENSIONS)[number];

/** The role that acts at each step. */
export const STEP_ROLE = {
  UNIT_LEADER: 'UNIT_LEADER',
  DEPARTMENT: 'DEPT_REVIEWER',
  SECTION: 'SECTION_REVIEWER',
  PERF_OFFICE: 'PERF_OFFICE',
} as const satisfies Record<ReviewStep, string>;

export type TargetKind = 'PROJECT' | 'DEPARTMENT';

/** The steps a target passes, in order. */
export function reviewChain(kind: TargetKind, perfOfficeStep: boolean): ReviewStep[] {
  const base: ReviewStep[] = kind === 'PROJECT' ? ['UNIT_LEADER', 'DEPARTMENT', 'SECTION'] : ['SECTION'];
  return perfOfficeStep ? [...base, 'PERF_OFFICE'] : base;
}

/** The step that grades (the finance section). */
export const GRADING_STEP: ReviewStep = 'SECTION';

/** What a finance grade means (domain.md §4 "Review"). */
export function gradeConsequence(grade: ReviewGrade): 'APPROVE' | 'APPROVE_WITH_FIXES' | 'RETURN' | 'REJECT' {
  switch (grade) {
    case 'EXCELLENT':
      return 'APPROVE';
    case 'GOOD':
      return 'APPROVE_WITH_FIXES';
    case 'FAIR':
      return 'RETURN';
    case 'POOR':
      return 'REJECT';
  }
}

export interface ReviewState {
  status: TargetStatus;
  /** The step the target waits at (SUBMITTED), else null. */
  step: ReviewStep | null;
  /** The step that unlocked an approved target; its resubmission goes straight back there. */
  unlockedAt: ReviewStep | null;
}

export type ReviewAction =
  | { type: 'SUBMIT' }
  | { type: 'APPROVE'; step: ReviewStep }
  | { type: 'RETURN'; step: ReviewStep }
  | { type: 'REJECT'; step: ReviewStep }
  | { type: 'UNLOCK'; step: ReviewStep };

export type TransitionResult =
  | { ok: true; state: ReviewState; locked: boolean }
  | { ok: false; code: 'REVIEW.NOT_ALLOWED' | 'REVIEW.WRONG_STEP' };

/**
 * Apply an action to a review state. `chain` is the target's review chain. Approving at the last
 * step approves and locks; a return goes back to the preparer; unlocking is done by the last
 * (approving) step and sends a corrected target straight back to it.
 */
export function transition(
  state: ReviewState,
  action: ReviewAction,
  chain: readonly ReviewStep[],
): TransitionResult {
  const last = chain[chain.length - 1] ?? null;
  const first = chain[0] ?? null;
  const at = (
    step: ReviewStep | null,
    status: TargetStatus,
    locked = false,
    unlockedAt: ReviewStep | null = null,
  ) => ({ ok: true, state: { status, step, unlockedAt }, locked }) as const;
  switch (action.type) {
    case 'SUBMIT':
      if (state.status === 'DRAFT' || state.status === 'RETURNED') return at(first, 'SUBMITTED');
      if (state.status === 'UNLOCKED')
        return at(state.unlockedAt ?? last, 'SUBMITTED', false, state.unlockedAt);
      return { ok: false, code: 'REVIEW.NOT_ALLOWED' };
    case 'APPROVE':
    case 'RETURN':
    case 'REJECT': {
      if (state.status !== 'SUBMITTED') return { ok: false, code: 'REVIEW.NOT_ALLOWED' };
      if (state.step !== action.step) return { ok: false, code: 'REVIEW.WRONG_STEP' };
      if (action.type === 'RETURN') return at(null, 'RETURNED');
      if (action.type === 'REJECT') return at(null, 'REJECTED');
      if (state.unlockedAt !== null || action.step === last) return at(null, 'APPROVED', true);
      const next = chain[chain.indexOf(action.step) + 1] ?? null;
      return next === null ? at(null, 'APPROVED', true) : at(next, 'SUBMITTED');
    }
    case 'UNLOCK':
      if (state.status !== 'APPROVED') return { ok: false, code: 'REVIEW.NOT_ALLOWED' };
      if (action.step !== last) return { ok: false, code: 'REVIEW.WRONG_STEP' };
      return at(null, 'UNLOCKED', false, action.step);
  }
}

/** Whether the preparer may edit the target in this status. */
export function isEditable(status: TargetStatus): boolean {
  return status === 'DRAFT' || status === 'RETURNED' || status === 'UNLOCKED';
}

/** An open declaration task: the departments and units it covers (empty: all of them). */
export interface TaskCover {
  deptCodes: readonly string[];
  agencyCodes: readonly string[];
}

/**
 * The task a new target of a unit joins: the first of the open tasks (newest deadline first)
 * whose scope covers the unit's department and the unit.
 */
export function coveringTask<T extends TaskCover>(
  openTasksNewestFirst: readonly T[],
  dept: string,
  agency: string | null,
): T | undefined {
  return openTasksNewestFirst.find(
    (t) =>
      (t.deptCodes.length === 0 || t.deptCodes.includes(dept)) &&
      (t.agencyCodes.length === 0 || (agency !== null && t.agencyCodes.includes(agency))),
  );
}
