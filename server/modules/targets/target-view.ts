import type { TTargetView } from '../../../contracts/targets.ts';
import type { TargetDraft } from '../../../domain/targets/indicator.ts';
import {
  reviewChain,
  STEP_ROLE,
  isEditable,
  type ReviewStep,
  type TargetKind,
} from '../../../domain/targets/workflow.ts';
import type { TPolicy } from '../../../domain/policy/policy.ts';
import type { Actor } from '../../context.ts';
import type { Flag } from '../../../domain/targets/difficulty.ts';
import type { CoreRequirementView, Subject } from './targets.types.ts';
import type { IndicatorRow, ReviewRow, TargetRow, VersionRow } from './targets.repository.ts';
import { draftOf } from './targets.repository.ts';

type Action = TTargetView['allowed_actions'][number];

/** Whether the actor prepares targets of this subject (the unit's preparer, or the department's reviewer). */
export function canPrepare(
  actor: Actor,
  s: Pick<Subject, 'kind' | 'mofDivCode' | 'deptCode' | 'agencyCode'>,
): boolean {
  if (!actor.permissions.includes('target:prepare')) return false;
  if (s.kind === 'PROJECT') {
    return (
      actor.roles.includes('PREPARER') &&
      actor.scope.units.some(
        (u) => u.mofDivCode === s.mofDivCode && u.agencyCodes.includes(s.agencyCode ?? ''),
      )
    );
  }
  return (
    actor.roles.includes('DEPT_REVIEWER') &&
    actor.scope.departments.some((d) => d.mofDivCode === s.mofDivCode && d.deptCodes.includes(s.deptCode))
  );
}

/** Whether the actor acts at a review step (holds its role; the target is already in scope). */
export function actsAt(actor: Actor, step: ReviewStep | null): boolean {
  return (
    step !== null && actor.roles.includes(STEP_ROLE[step]) && actor.permissions.includes('target:approve')
  );
}

export function chainOf(kind: TargetKind, policy: TPolicy): ReviewStep[] {
  return reviewChain(kind, policy.review.perf_office);
}

/** The buttons the actor may use now. */
export function allowedActions(
  actor: Actor,
  subject: Subject,
  t: TargetRow | null,
  chain: ReviewStep[],
): Action[] {
  const out: Action[] = [];
  const status = t?.status ?? 'DRAFT';
  const prepare = canPrepare(actor, subject);
  if (prepare && isEditable(status)) out.push('edit', 'submit');
  if (t && status === 'SUBMITTED' && actsAt(actor, t.step) && t.submittedBy !== actor.userId) {
    out.push('approve', 'return');
    if (t.step === 'SECTION') out.push('grade', 'reject');
  }
  if (t && status === 'APPROVED') {
    if (actsAt(actor, chain[chain.length - 1] ?? null)) out.push('unlock');
    if (prepare) out.push('adjust');
  }
  return out;
}

export function reviewDto(r: ReviewRow): TTargetView['reviews'][number] {
  return {
    id: r.id,
    version_no: r.versionNo,
    step: (r.step as ReviewStep | null) ?? null,
    action: r.action,
    comment: r.comment,
    indicator_comments: r.indicatorComments,
    grades: (r.grades as TTargetView['reviews'][number]['grades']) ?? null,
    grade: (r.grade as TTargetView['reviews'][number]['grade']) ?? null,
    fixes: r.fixes,
    actor_name: r.actorName,
    at: r.at.toISOString(),
  };
}

export function versionDto(v: VersionRow, rows: IndicatorRow[]): TTargetView['version'] {
  return {
    version_no: v.versionNo,
    status: v.status,
    draft: draftOf(v, rows),
    flags: (v.flags as Flag[]) ?? [],
    grade: v.grade,
    fixes: v.fixes,
    adjustment_reason: v.adjustmentReason,
    created_at: v.createdAt.toISOString(),
    submitted_at: v.submittedAt?.toISOString() ?? null,
    approved_at: v.approvedAt?.toISOString() ?? null,
  };
}

/** The view of a subject that has no target yet: a proposed draft, nothing stored. */
export function proposedVersion(draft: TargetDraft, flags: Flag[]): TTargetView['version'] {
  return {
    version_no: 1,
    status: 'DRAFT',
    draft,
    flags,
    grade: null,
    fixes: null,
    adjustment_reason: null,
    created_at: new Date().toISOString(),
    submitted_at: null,
    approved_at: null,
  };
}

export function subjectDto(s: Subject): TTargetView['subject'] {
  return {
    kind: s.kind,
    project_id: s.projectId,
    pro_code: s.proCode,
    name: s.name,
    mof_div_code: s.mofDivCode,
    fiscal_year: s.fiscalYear,
    dept_code: s.deptCode,
    dept_name: s.deptName,
    agency_code: s.agencyCode,
    agency_name: s.agencyName,
    amount: s.amount,
    func_class: s.funcClass,
    multi_year: s.multiYear,
  };
}

export type { CoreRequirementView };
