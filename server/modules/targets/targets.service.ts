import { Decimal } from 'decimal.js';
import type { TTargetView, TSaveTarget, TPeerStats } from '../../../contracts/targets.ts';
import type { TPolicy } from '../../../domain/policy/policy.ts';
import { normaliseTarget } from '../../../domain/targets/check-target.ts';
import { computeFlags, peerKey, peerStatsOf } from '../../../domain/targets/difficulty.ts';
import { diffTargets } from '../../../domain/targets/diff.ts';
import type { IndicatorDraft, TargetDraft } from '../../../domain/targets/indicator.ts';
import { isEditable } from '../../../domain/targets/workflow.ts';
import type { Actor } from '../../context.ts';
import type { Database, Executor } from '../../db/client.ts';
import { AppError, notFound } from '../../errors.ts';
import type { AuditService } from '../audit/index.ts';
import type { PoliciesService } from '../policies/index.ts';
import type { ProjectsService } from '../projects/index.ts';
import * as repo from './targets.repository.ts';
import {
  allowedActions,
  canPrepare,
  chainOf,
  proposedVersion,
  reviewDto,
  subjectDto,
  versionDto,
} from './target-view.ts';
import type { CoreLookup, CoreRequirementView, Subject } from './targets.types.ts';

export interface TargetsDeps {
  database: Database;
  audit: AuditService;
  policies: PoliciesService;
  projects: ProjectsService;
  coreFor: CoreLookup;
}

/**
 * Targets of projects and of departments' overall expenditure: the view with its proposed
 * start, draft saving with difficulty flags, versions and their diff, and the scoped lists.
 * Review transitions are in review.service.ts.
 */
export function makeTargetsService(deps: TargetsDeps) {
  const db = deps.database.db;

  async function projectSubject(actor: Actor, projectId: string): Promise<Subject> {
    const p = await deps.projects.findInScope(actor, projectId);
    if (!p) throw notFound();
    return {
      kind: 'PROJECT',
      projectId: p.project.id,
      proCode: p.project.proCode,
      name: p.project.proName,
      mofDivCode: p.project.mofDivCode,
      fiscalYear: p.project.fiscalYear,
      deptCode: p.project.deptCode,
      deptName: p.deptName,
      agencyCode: p.project.agencyCode,
      agencyName: p.agencyName,
      amount: p.project.amount,
      funcClass: p.project.funcClass,
      multiYear: p.project.endYear > p.project.startYear,
    };
  }

  async function departmentSubject(
    actor: Actor,
    q: { mofDivCode: string; fiscalYear: string; deptCode: string },
    amount: string | null,
  ): Promise<Subject> {
    const inScope =
      actor.scope.regions.includes(q.mofDivCode) ||
      actor.scope.departments.some((d) => d.mofDivCode === q.mofDivCode && d.deptCodes.includes(q.deptCode));
    const d = inScope ? await repo.findDepartment(db, q.mofDivCode, q.deptCode) : undefined;
    if (!d) throw notFound();
    return {
      kind: 'DEPARTMENT',
      projectId: null,
      proCode: null,
      name: d.name,
      mofDivCode: q.mofDivCode,
      fiscalYear: q.fiscalYear,
      deptCode: q.deptCode,
      deptName: d.name,
      agencyCode: null,
      agencyName: null,
      amount: amount ?? '0.00',
      funcClass: null,
      multiYear: false,
    };
  }

  /** The subject of a stored target (already known to be in scope). */
  async function subjectOfTarget(actor: Actor, t: repo.TargetRow): Promise<Subject> {
    if (t.kind === 'PROJECT' && t.projectId) return projectSubject(actor, t.projectId);
    return departmentSubject(
      actor,
      { mofDivCode: t.mofDivCode, fiscalYear: t.fiscalYear, deptCode: t.deptCode },
      t.amount,
    );
  }

  async function coreOf(s: Subject): Promise<CoreRequirementView[]> {
    return deps.coreFor({
      mofDivCode: s.mofDivCode,
      fiscalYear: s.fiscalYear,
      funcClass: s.funcClass,
      deptCode: s.deptCode,
    });
  }

  /** Peer statistics by peer key for the library indicators of a draft, this target left out. */
  async function peersOf(
    exec: Executor,
    s: Subject,
    codes: string[],
    targetId: string | null,
  ): Promise<TPeerStats> {
    if (s.kind !== 'PROJECT' || codes.length === 0) return {};
    const level = await repo.regionLevel(exec, s.mofDivCode);
    const rows = await repo.peerValues(exec, {
      fiscalYear: s.fiscalYear,
      level,
      codes,
      excludeTargetId: targetId,
    });
    const lists = new Map<string, Decimal[]>();
    for (const r of rows) {
      const key = peerKey({
        library_code: r.libraryCode,
        computesign: r.computesign,
        meterunit: r.meterunit,
      });
      if (key === null || r.value === null) continue;
      const list = lists.get(key) ?? [];
      list.push(new Decimal(r.value));
      lists.set(key, list);
    }
    const out: TPeerStats = {};
    for (const [key, list] of lists) {
      list.sort((a, b) => a.comparedTo(b));
      const s2 = peerStatsOf(list);
      if (s2)
        out[key] = {
          count: s2.count,
          median: s2.median.toFixed(),
          min: s2.min.toFixed(),
          max: s2.max.toFixed(),
        };
    }
    return out;
  }

  /** Difficulty flags of a draft with the region's policy and the peers in the database. */
  async function flagsOf(
    exec: Executor,
    s: Subject,
    draft: TargetDraft,
    targetId: string | null,
    policy: TPolicy,
  ) {
    const codes = [...new Set(draft.indicators.map((i) => i.library_code).filter((c): c is string => !!c))];
    const stats = await peersOf(exec, s, codes, targetId);
    return computeFlags(draft, {
      policy,
      amount: s.amount,
      peers: (ind) => {
        const key = peerKey(ind);
        const st = key ? stats[key] : undefined;
        return st
          ? {
              count: st.count,
              median: new Decimal(st.median),
              min: new Decimal(st.min),
              max: new Decimal(st.max),
            }
          : null;
      },
    });
  }

  /** A new target's start: last year's indicators of the same project, and the core indicators. */
  async function proposal(s: Subject, core: CoreRequirementView[]): Promise<TargetDraft> {
    const last = s.proCode ? await repo.lastYearIndicators(db, s.mofDivCode, s.fiscalYear, s.proCode) : [];
    const indicators: IndicatorDraft[] = last.map(({ row: r }) => ({
      kpi_lv1: r.kpiLv1,
      kpi_lv2: r.kpiLv2,
      kpi_lv3: r.kpiLv3,
      computesign: r.computesign,
      kpi_val: r.kpiVal,
      meterunit: r.meterunit,
      weight: repo.plain(r.weight),
      progress: r.progress,
      value_basis: r.valueBasis,
      library_code: r.libraryCode,
      last_target: repo.plain(r.kpiValNum),
      last_actual: repo.plain(r.finalActual),
      data_source: r.dataSource,
      scoring_standard: r.scoringStandard,
      justification: null,
      explanation: r.explanation,
    }));
    for (const c of core) {
      const hit = indicators.find((i) => i.library_code === c.library_code);
      if (hit) hit.is_core = true;
      else indicators.push(coreIndicator(c));
    }
    return { long_term_goal: null, annual_goal: null, justification: null, explanation: null, indicators };
  }

  async function buildView(actor: Actor, s: Subject, t: repo.TargetRow | undefined): Promise<TTargetView> {
    const policy = await deps.policies.effective(s.mofDivCode, s.fiscalYear);
    const chain = chainOf(s.kind, policy);
    const core = await coreOf(s);
    if (!t) {
      const draft = await proposal(s, core);
      return {
        id: null,
        subject: subjectDto(s),
        status: 'DRAFT',
        step: null,
        locked: false,
        row_version: 0,
        current_version: 1,
        in_force_version: null,
        chain,
        version: proposedVersion(draft, await flagsOf(db, s, draft, null, policy)),
        versions: [],
        reviews: [],
        core,
        allowed_actions: allowedActions(actor, s, null, chain),
      };
    }
    const v = await repo.findVersion(db, t.id, t.currentVersion);
    if (!v) throw notFound();
    const rows = await repo.findIndicators(db, v.id);
    const versions = await repo.listVersions(db, t.id);
    const reviews = await repo.listReviews(db, t.id);
    return {
      id: t.id,
      subject: subjectDto(s),
      status: t.status,
      step: t.step,
      locked: t.status === 'APPROVED',
      row_version: t.rowVersion,
      current_version: t.currentVersion,
      in_force_version: t.inForceVersion,
      chain,
      version: versionDto(v, rows),
      versions: versions.map((x) => ({
        version_no: x.versionNo,
        status: x.status,
        created_at: x.createdAt.toISOString(),
        approved_at: x.approvedAt?.toISOString() ?? null,
      })),
      reviews: reviews.map(reviewDto),
      core,
      allowed_actions: allowedActions(actor, s, t, chain),
    };
  }

  async function viewForProject(actor: Actor, projectId: string) {
    const s = await projectSubject(actor, projectId);
    return buildView(actor, s, await repo.findTargetByProject(db, projectId));
  }

  async function viewById(actor: Actor, id: string) {
    const t = await repo.findTargetInScope(db, actor.scope, id);
    if (!t) throw notFound();
    return buildView(actor, await subjectOfTarget(actor, t), t);
  }

  async function viewForDepartment(
    actor: Actor,
    q: { mofDivCode: string; fiscalYear: string; deptCode: string },
  ) {
    const t = await repo.findDepartmentTarget(db, q.mofDivCode, q.fiscalYear, q.deptCode);
    const s = await departmentSubject(actor, q, t?.amount ?? null);
    return buildView(actor, s, t);
  }

  /** Save a draft (creating the target on first save); rule errors never block a draft. */
  async function save(
    actor: Actor,
    s: Subject,
    input: TSaveTarget,
    lock: (tx: Executor) => Promise<repo.TargetRow | undefined>,
  ) {
    if (!canPrepare(actor, s)) throw new AppError('AUTH.FORBIDDEN');
    const draft = normaliseTarget(input.draft);
    const policy = await deps.policies.effective(s.mofDivCode, s.fiscalYear);
    await db.transaction(async (tx) => {
      const t = await lock(tx);
      if ((t?.rowVersion ?? 0) !== input.row_version) throw new AppError('TARGET.STALE_VERSION');
      if (t && !isEditable(t.status)) throw new AppError('TARGET.LOCKED');
      const flags = await flagsOf(tx, s, draft, t?.id ?? null, policy);
      const fields = {
        longTermGoal: draft.long_term_goal,
        annualGoal: draft.annual_goal,
        justification: draft.justification,
        explanation: draft.explanation,
        flags,
      };
      if (!t) {
        const task = await repo.taskFor(tx, s.mofDivCode, s.fiscalYear, s.deptCode, s.agencyCode);
        const created = await repo.insertTarget(tx, {
          mofDivCode: s.mofDivCode,
          fiscalYear: s.fiscalYear,
          kind: s.kind,
          projectId: s.projectId,
          proCode: s.proCode,
          deptCode: s.deptCode,
          agencyCode: s.agencyCode,
          amount: s.kind === 'DEPARTMENT' ? (input.amount ?? '0') : s.amount,
          status: 'DRAFT',
          taskId: task?.id ?? null,
        });
        const v = await repo.insertVersion(tx, {
          targetId: created.id,
          versionNo: 1,
          status: 'DRAFT',
          createdBy: actor.userId,
          ...fields,
        });
        await repo.replaceIndicators(tx, v.id, draft);
        await deps.audit.record(tx, {
          actor,
          entity: 'target',
          entityId: created.id,
          action: 'CREATE',
          after: { subject: s.proCode ?? s.deptCode, version_no: 1, draft },
          mofDivCode: s.mofDivCode,
        });
        return;
      }
      const v = await repo.findVersion(tx, t.id, t.currentVersion);
      if (!v) throw notFound();
      const before = repo.draftOf(v, await repo.findIndicators(tx, v.id));
      await repo.updateVersion(tx, v.id, fields);
      await repo.replaceIndicators(tx, v.id, draft);
      await repo.updateTarget(
        tx,
        t.id,
        s.kind === 'DEPARTMENT' && input.amount ? { amount: input.amount } : {},
      );
      await deps.audit.record(tx, {
        actor,
        entity: 'target',
        entityId: t.id,
        action: 'UPDATE',
        before: { version_no: v.versionNo, draft: before },
        after: { version_no: v.versionNo, draft },
        mofDivCode: s.mofDivCode,
      });
    });
  }

  async function saveForProject(actor: Actor, projectId: string, input: TSaveTarget) {
    const s = await projectSubject(actor, projectId);
    await save(actor, s, input, (tx) => repo.findTargetByProject(tx, projectId, true));
    return viewForProject(actor, projectId);
  }

  async function saveForDepartment(
    actor: Actor,
    q: { mofDivCode: string; fiscalYear: string; deptCode: string },
    input: TSaveTarget,
  ) {
    const s = await departmentSubject(actor, q, input.amount ?? null);
    await save(actor, s, input, (tx) =>
      repo.findDepartmentTarget(tx, q.mofDivCode, q.fiscalYear, q.deptCode, true),
    );
    return viewForDepartment(actor, q);
  }

  async function peersForProject(actor: Actor, projectId: string, codes: string[]) {
    const s = await projectSubject(actor, projectId);
    const t = await repo.findTargetByProject(db, projectId);
    return peersOf(db, s, codes, t?.id ?? null);
  }

  async function version(actor: Actor, id: string, n: number) {
    const t = await repo.findTargetInScope(db, actor.scope, id);
    const v = t ? await repo.findVersion(db, t.id, n) : undefined;
    if (!v) throw notFound();
    return versionDto(v, await repo.findIndicators(db, v.id));
  }

  async function diff(actor: Actor, id: string, from: number, to: number) {
    const a = await version(actor, id, from);
    const b = await version(actor, id, to);
    return { from, to, ...diffTargets(a.draft, b.draft) };
  }

  return {
    viewForProject,
    viewById,
    viewForDepartment,
    saveForProject,
    saveForDepartment,
    peersForProject,
    version,
    diff,
    subjectOfTarget,
    flagsOf,
    coreOf,
  };
}

export type TargetsService = ReturnType<typeof makeTargetsService>;

function coreIndicator(c: CoreRequirementView): IndicatorDraft {
  return {
    kpi_lv1: c.kpi_lv1,
    kpi_lv2: c.kpi_lv2,
    kpi_lv3: c.kpi_lv3,
    computesign: c.computesign,
    kpi_val: null,
    meterunit: c.meterunit,
    weight: null,
    progress: c.progress,
    value_basis: null,
    library_code: c.library_code,
    last_target: null,
    last_actual: null,
    data_source: null,
    scoring_standard: null,
    justification: null,
    explanation: null,
    is_core: true,
  };
}
