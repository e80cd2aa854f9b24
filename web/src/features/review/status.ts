import type { TTargetListItem } from '../../../../contracts/targets.ts';
import type { Role } from '../../../../contracts/permissions.ts';
import {
  REVIEW_STEPS,
  STEP_ROLE,
  TARGET_STATUSES,
  type ReviewStep,
  type TargetStatus,
} from '../../../../domain/targets/workflow.ts';
import type { Light } from '../../components/light-tag.tsx';

/** The status of a target as shown in lists; NOT_STARTED is a project with no target yet. */
export type ShownStatus = TargetStatus | 'NOT_STARTED';

export function isTargetStatus(v: string): v is TargetStatus {
  return (TARGET_STATUSES as readonly string[]).includes(v);
}

export function isReviewStep(v: string | null): v is ReviewStep {
  return v !== null && (REVIEW_STEPS as readonly string[]).includes(v);
}

/** A status string from the API (an overdue item may carry anything) as a status we can show. */
export function toShownStatus(status: string): ShownStatus {
  return isTargetStatus(status) ? status : 'NOT_STARTED';
}

/**
 * The i18n key of a target's status word: a submitted target says where it waits
 * (待主管部门审核), every other status its own word (草稿, 已退回, …).
 */
export function statusLabelKey(status: ShownStatus, step: string | null): string {
  if (status === 'SUBMITTED' && isReviewStep(step)) return `review.step.${step}`;
  return `review.status.${status}`;
}

/** The colour of a status in the one palette of ui.md (always shown with an icon and a word). */
export function statusLight(status: ShownStatus): Light {
  switch (status) {
    case 'DRAFT':
    case 'NOT_STARTED':
      return 'NA';
    case 'SUBMITTED':
      return 'BLUE';
    case 'RETURNED':
    case 'UNLOCKED':
      return 'YELLOW';
    case 'APPROVED':
      return 'GREEN';
    case 'REJECTED':
      return 'RED';
  }
}

/** Where a row of the list leads: the project's target tab, or the department target page. */
export function targetLink(item: Pick<TTargetListItem, 'kind' | 'project_id' | 'dept_code'>): string {
  if (item.kind === 'PROJECT' && item.project_id !== null) {
    return `/projects/${encodeURIComponent(item.project_id)}?tab=target`;
  }
  return `/targets/department?dept_code=${encodeURIComponent(item.dept_code)}`;
}

/** The review steps at which a user with these roles acts. */
export function stepsOf(roles: readonly Role[]): ReviewStep[] {
  return REVIEW_STEPS.filter((s) => roles.includes(STEP_ROLE[s]));
}

/**
 * Whether a row may join a bulk approval: it waits at a step the user acts at, that step is not
 * the finance section's (which must grade each target), and it is the step of the rows already
 * chosen (`chosenStep`, null when none is chosen).
 */
export function canBulkApprove(
  item: Pick<TTargetListItem, 'status' | 'step'>,
  myStep: readonly ReviewStep[],
  chosenStep: ReviewStep | null,
): boolean {
  if (item.status !== 'SUBMITTED' || item.step === null) return false;
  if (item.step === 'SECTION' || !myStep.includes(item.step)) return false;
  return chosenStep === null || chosenStep === item.step;
}

/** A translate function, as i18next's `t` (kept narrow so that helpers stay testable). */
export type Translate = (key: string, values?: Record<string, string>) => string;

/** What a to-do waits for, in words: 待您审核 · 主管部门, 已退回，待修改后重新提交, … */
export function awaitedText(item: Pick<TTargetListItem, 'status' | 'step'>, t: Translate): string {
  if (item.status === 'SUBMITTED' && item.step !== null) {
    return t('review.awaited.review', { step: t(`review.stepName.${item.step}`) });
  }
  if (item.status === 'DRAFT' || item.status === 'RETURNED' || item.status === 'UNLOCKED') {
    return t(`review.awaited.${item.status}`);
  }
  return t(`review.status.${item.status}`);
}
