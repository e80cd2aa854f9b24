import { and, eq, inArray, sql } from 'drizzle-orm';
import type { TReviewRequest } from '../../../contracts/targets.ts';
import { issueMessage } from '../../../contracts/issues.ts';
import { checkTarget } from '../../../domain/targets/check-target.ts';
import { justificationIssues } from '../../../domain/targets/difficulty.ts';
import {
  GRADING_STEP,
  gradeConsequence,
  REVIEW_DIMENSIONS,
  STEP_ROLE,
  transition,
  type ReviewAction,
  type ReviewStep,
} from '../../../domain/targets/workflow.ts';
import type { Actor } from '../../context.ts';
import type { Database, Executor } from '../../db/client.ts';
import { sectionDepartments, userRoles, users } from '../../db/schema.ts';
import { AppError, notFound } from '../../errors.ts';
import type { AuditService } from '../audit/index.ts';
import type { NotificationsService } from '../notifications/index.ts';
import type { PoliciesService } from '../policies/index.ts';
import * as repo from './targets.repository.ts';
import { actsAt, canPrepare, chainOf } from './target-view.ts';
import type { TargetsService } from './targets.service.ts';
import type { Subject } from './targets.types.ts';

/**
 * The review chain of targets (domain.md §3–4): submit with every rule checked, approve or
 * return at each step, the finance section's grades and their consequence, unlock by the
 * approving level, and adjustment into a new version. Each change is audited and the next
 * people in the chain are notified in the same transaction.
 */
export function makeReviewService(deps: {
  database: Database;
  audit: AuditService;
  policies: PoliciesService;
  notifications: NotificationsService;
  targets: TargetsService;
}) {
  const db = deps.database.db;

  async function load(actor: Actor, id: string) {
    const t0 = await repo.findTargetInScope(db, actor.scope, id);
    if (!t0) throw notFound();
    const subject = await deps.targets.subjectOfTarget(actor, t0);
    const policy = await deps.policies.effective(t0.mofDivCode, t0.fiscalYear);
    return { subject, policy, chain: chainOf(subject.kind, policy) };
  }

  /** Lock the target row and check the caller's row version. */
  async function lockFresh(tx: Executor, actor: Actor, id: string, rowVersion: number) {
    const t = await repo.findTargetInScope(tx, actor.scope, id, true);
    if (!t) throw notFound();
    if (t.rowVersion !== rowVersion) throw new AppError('TARGET.STALE_VERSION');
    const v = await repo.findVersion(tx, t.id, t.currentVersion);
    if (!v) throw notFound();
    return { t, v };
  }

  function apply(t: repo.TargetRow, action: ReviewAction, chain: ReviewStep[]) {
    const r = transition({ status: t.status, step: t.step, unlockedAt: t.unlockedAt }, action, chain);
    if (!r.ok) throw new AppError(r.code);
    return r;
  }

  async function submit(actor: Actor, id: string, rowVersion: number) {
    const { subject, policy, chain } = await load(actor, id);
    if (!canPrepare(actor, subject)) throw new AppError('AUTH.FORBIDDEN');
    const core = await deps.targets.coreOf(subject);
    await db.transaction(async (tx) => {
      const { t, v } = await lockFresh(tx, actor, id, rowVersion);
      const draft = repo.draftOf(v, await repo.findIndicators(tx, v.id));
      const flags = await deps.targets.flagsOf(tx, subject, draft, t.id, policy);
      const issues = [
        ...checkTarget(draft, '', { policy, multiYear: subject.multiYear, core }),
        ...justificationIssues(draft, flags, ''),
      ]
        .filter((i) => i.level === 'error')
        .map((i) => ({ ...i, message: issueMessage(i, actor.lang) }));
      if (issues.length > 0) throw new AppError('TARGET.INVALID', { issues });
      const r = apply(t, { type: 'SUBMIT' }, chain);
      const now = new Date();
      await repo.updateVersion(tx, v.id, { status: 'SUBMITTED', submittedAt: now, flags });
      await repo.updateTarget(tx, t.id, {
        status: r.state.status,
        step: r.state.step,
        unlockedAt: r.state.unlockedAt,
        submittedBy: actor.userId,
      });
      await repo.insertReview(tx, {
        targetId: t.id,
        versionNo: v.versionNo,
        step: null,
        action: 'SUBMIT',
        actorId: actor.userId,
        actorName: actor.displayName,
      });
      await deps.audit.record(tx, {
        actor,
        entity: 'target',
        entityId: t.id,
        action: 'SUBMIT',
        before: { status: t.status, step: t.step },
        after: { status: r.state.status, step: r.state.step, version_no: v.versionNo, flags: flags.length },
        mofDivCode: t.mofDivCode,
      });
      await notifyStep(tx, subject, r.state.step, t.id, 'submitted');
    });
    return deps.targets.viewById(actor, id);
  }

  async function review(actor: Actor, id: string, req: TReviewRequest) {
    const { subject, chain } = await load(actor, id);
    await db.transaction(async (tx) => {
      const { t, v } = await lockFresh(tx, actor, id, req.row_version);
      if (t.status !== 'SUBMITTED') throw new AppError('REVIEW.NOT_ALLOWED');
      if (!actsAt(actor, t.step)) throw new AppError('REVIEW.WRONG_STEP');
      if (t.submittedBy === actor.userId) throw new AppError('REVIEW.OWN_SUBMISSION');
      const step = t.step as ReviewStep;
      checkDecision(step, req);
      const r = apply(t, { type: req.action, step }, chain);
      const now = new Date();
      await repo.updateTarget(tx, t.id, {
        status: r.state.status,
        step: r.state.step,
        unlockedAt: r.state.unlockedAt,
        ...(r.state.status === 'APPROVED' ? { inForceVersion: v.versionNo } : {}),
      });
      await repo.updateVersion(tx, v.id, {
        status: r.state.status,
        ...(r.state.status === 'APPROVED' ? { approvedAt: now } : {}),
        ...(step === GRADING_STEP ? { grade: req.grade ?? null, fixes: req.fixes ?? null } : {}),
      });
      await repo.insertReview(tx, {
        targetId: t.id,
        versionNo: v.versionNo,
        step,
        action: req.action,
        comment: req.comment ?? null,
        indicatorComments: req.indicator_comments,
        grades: req.grades ?? null,
        grade: req.grade ?? null,
        fixes: req.fixes ?? null,
        actorId: actor.userId,
        actorName: actor.displayName,
      });
      await deps.audit.record(tx, {
        actor,
        entity: 'target',
        entityId: t.id,
        action: req.action,
        before: { status: t.status, step: t.step },
        after: { status: r.state.status, step: r.state.step, grade: req.grade ?? null },
        reason: req.comment ?? null,
        mofDivCode: t.mofDivCode,
      });
      if (r.state.status === 'SUBMITTED') await notifyStep(tx, subject, r.state.step, t.id, 'submitted');
      else if (t.submittedBy) await notifyUser(tx, t.submittedBy, subject, t.id, r.state.status);
    });
    return deps.targets.viewById(actor, id);
  }

  async function unlock(actor: Actor, id: string, input: { row_version: number; reason: string }) {
    const { subject, chain } = await load(actor, id);
    await db.transaction(async (tx) => {
      const { t, v } = await lockFresh(tx, actor, id, input.row_version);
      const last = chain[chain.length - 1] ?? null;
      if (!actsAt(actor, last)) throw new AppError('REVIEW.WRONG_STEP');
      const r = apply(t, { type: 'UNLOCK', step: last as ReviewStep }, chain);
      await repo.updateTarget(tx, t.id, {
        status: r.state.status,
        step: null,
        unlockedAt: r.state.unlockedAt,
      });
      await repo.updateVersion(tx, v.id, { status: 'UNLOCKED' });
      await repo.insertReview(tx, {
        targetId: t.id,
        versionNo: v.versionNo,
        step: last,
        action: 'UNLOCK',
        comment: input.reason,
        actorId: actor.userId,
        actorName: actor.displayName,
      });
      await deps.audit.record(tx, {
        actor,
        entity: 'target',
        entityId: t.id,
        action: 'UNLOCK',
        before: { status: t.status },
        after: { status: r.state.status, unlocked_at: r.state.unlockedAt },
        reason: input.reason,
        mofDivCode: t.mofDivCode,
      });
      if (t.submittedBy) await notifyUser(tx, t.submittedBy, subject, t.id, 'UNLOCKED');
    });
    return deps.targets.viewById(actor, id);
  }

  /** A change of substance after approval: a new version that goes through review again. */
  async function adjust(actor: Actor, id: string, input: { row_version: number; reason: string }) {
    const { subject } = await load(actor, id);
    if (!canPrepare(actor, subject)) throw new AppError('AUTH.FORBIDDEN');
    await db.transaction(async (tx) => {
      const { t, v } = await lockFresh(tx, actor, id, input.row_version);
      if (t.status !== 'APPROVED') throw new AppError('REVIEW.NOT_ALLOWED');
      const draft = repo.draftOf(v, await repo.findIndicators(tx, v.id));
      const next = await repo.insertVersion(tx, {
        targetId: t.id,
        versionNo: v.versionNo + 1,
        status: 'DRAFT',
        longTermGoal: v.longTermGoal,
        annualGoal: v.annualGoal,
        justification: v.justification,
        explanation: v.explanation,
        flags: v.flags,
        adjustmentReason: input.reason,
        createdBy: actor.userId,
      });
      await repo.replaceIndicators(tx, next.id, draft);
      await repo.updateTarget(tx, t.id, {
        status: 'DRAFT',
        step: null,
        unlockedAt: null,
        currentVersion: next.versionNo,
      });
      await repo.insertReview(tx, {
        targetId: t.id,
        versionNo: next.versionNo,
        step: null,
        action: 'ADJUST',
        comment: input.reason,
        actorId: actor.userId,
        actorName: actor.displayName,
      });
      await deps.audit.record(tx, {
        actor,
        entity: 'target',
        entityId: t.id,
        action: 'ADJUST',
        before: { version_no: v.versionNo },
        after: { version_no: next.versionNo },
        reason: input.reason,
        mofDivCode: t.mofDivCode,
      });
    });
    return deps.targets.viewById(actor, id);
  }

  /** In-app reminders to the people who act at a step for this subject. */
  async function notifyStep(
    tx: Executor,
    s: Subject,
    step: ReviewStep | null,
    targetId: string,
    _what: 'submitted',
  ) {
    if (step === null) return;
    const role = STEP_ROLE[step];
    const orgCond =
      step === 'UNIT_LEADER'
        ? eq(users.agencyCode, s.agencyCode ?? '')
        : step === 'DEPARTMENT'
          ? eq(users.deptCode, s.deptCode)
          : step === 'SECTION'
            ? inArray(
                users.sectionCode,
                tx
                  .select({ c: sectionDepartments.sectionCode })
                  .from(sectionDepartments)
                  .where(
                    and(
                      eq(sectionDepartments.mofDivCode, s.mofDivCode),
                      eq(sectionDepartments.deptCode, s.deptCode),
                    ),
                  ),
              )
            : sql`true`;
    const rows = await tx
      .select({ id: users.id })
      .from(users)
      .innerJoin(userRoles, eq(userRoles.userId, users.id))
      .where(
        and(
          eq(userRoles.role, role),
          eq(users.mofDivCode, s.mofDivCode),
          eq(users.status, 'ACTIVE'),
          orgCond,
        ),
      );
    for (const u of rows) {
      await deps.notifications.notify(tx, {
        userId: u.id,
        mofDivCode: s.mofDivCode,
        title: `待审核绩效目标：${s.proCode ?? ''} ${s.name}`.trim(),
        link: linkOf(s, targetId),
      });
    }
  }

  async function notifyUser(tx: Executor, userId: string, s: Subject, targetId: string, status: string) {
    const words: Record<string, string> = {
      APPROVED: '已审核通过',
      RETURNED: '已被退回，请修改后重新提交',
      REJECTED: '未通过审核',
      UNLOCKED: '已解锁，可修改后重新提交',
    };
    await deps.notifications.notify(tx, {
      userId,
      mofDivCode: s.mofDivCode,
      title: `绩效目标${words[status] ?? status}：${s.proCode ?? ''} ${s.name}`,
      link: linkOf(s, targetId),
    });
  }

  return { submit, review, unlock, adjust };
}

export type ReviewService = ReturnType<typeof makeReviewService>;

function linkOf(s: Subject, targetId: string): string {
  return s.projectId
    ? `/projects/${s.projectId}?tab=target`
    : `/targets/department?dept_code=${encodeURIComponent(s.deptCode)}&target=${targetId}`;
}

/** The finance section grades; its grade must agree with the decision (domain.md §4). */
function checkDecision(step: ReviewStep, req: TReviewRequest) {
  const hasComment = Boolean(req.comment?.trim()) || req.indicator_comments.length > 0;
  if (step === GRADING_STEP) {
    const complete = REVIEW_DIMENSIONS.every((d) => req.grades?.[d] !== undefined);
    if (!complete || !req.grade) throw new AppError('REVIEW.GRADE_REQUIRED');
    const consequence = gradeConsequence(req.grade);
    const expected =
      consequence === 'APPROVE' || consequence === 'APPROVE_WITH_FIXES' ? 'APPROVE' : consequence;
    if (req.action !== expected) throw new AppError('REVIEW.GRADE_MISMATCH');
    if (consequence === 'APPROVE_WITH_FIXES' && !req.fixes?.trim())
      throw new AppError('REVIEW.FIXES_REQUIRED');
  } else if (req.action === 'REJECT') {
    throw new AppError('REVIEW.NOT_ALLOWED');
  }
  if (req.action !== 'APPROVE' && !hasComment) throw new AppError('REVIEW.COMMENT_REQUIRED');
}
