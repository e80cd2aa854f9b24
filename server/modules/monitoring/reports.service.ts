import type {
  TMonitoringDraft,
  TProjectMonitoring,
  TReportListQuery,
  TReportView,
  ZReportList,
} from '../../../contracts/monitoring.ts';
import type { z } from 'zod';
import { issueMessage } from '../../../contracts/issues.ts';
import { error, type Issue } from '../../../domain/issues.ts';
import { LIGHTS } from '../../../domain/monitoring/lights.ts';
import type { Actor } from '../../context.ts';
import type { Database, Executor } from '../../db/client.ts';
import { AppError, notFound } from '../../errors.ts';
import type { AuditService } from '../audit/index.ts';
import type { PoliciesService } from '../policies/index.ts';
import type { ProjectsService } from '../projects/index.ts';
import { draftOf } from '../targets/index.ts';
import * as crepo from './compute.repository.ts';
import * as repo from './monitoring.repository.ts';
import {
  budgetOf,
  checkRound,
  executedOf,
  moneyOf,
  type Money,
  numberOf,
  recomputeReports,
  storedDraft,
  unstorable,
} from './report-compute.ts';
import { canReport, dispositionDto, lightOf, listItemDto, reportView } from './report-view.ts';

const blank = (t: string | null | undefined): string | null =>
  t === null || t === undefined || t.trim() === '' ? null : t;

/**
 * Monitoring reports (domain.md §5): the scoped view with its issues, the unit's draft saved with
 * its lights recomputed, submission with every rule checked, the scoped lists (to-dos, the
 * warnings page and its export) and a project's lights across rounds.
 */
export function makeReportsService(deps: {
  database: Database;
  audit: AuditService;
  policies: PoliciesService;
  projects: ProjectsService;
}) {
  const db = deps.database.db;
  const policyOf = (mof: string, year: string) => deps.policies.effective(mof, year);

  async function view(actor: Actor, id: string): Promise<TReportView> {
    const rw = await repo.findReportInScope(db, actor.scope, id);
    if (!rw) throw notFound();
    return reportView({
      actor,
      rw,
      rows: await repo.findIndicatorRows(db, id),
      target: (await crepo.loadTargets(db, [id])).get(id),
      policy: await policyOf(rw.report.mofDivCode, rw.report.fiscalYear),
      dispositions: await repo.findDispositions(db, rw.report.projectId),
    });
  }

  /** Lock the report for a change by its preparer: open round, still a draft, the caller's version. */
  async function lockEditable(tx: Executor, actor: Actor, id: string, rowVersion: number) {
    const r = await repo.lockReport(tx, actor.scope, id);
    if (!r) throw notFound();
    if (!canReport(actor, r)) throw new AppError('AUTH.FORBIDDEN');
    const rw = await repo.findReportInScope(tx, actor.scope, id);
    if (!rw) throw notFound();
    if (rw.roundStatus !== 'OPEN') throw new AppError('MONITORING.ROUND_CLOSED');
    if (r.status !== 'DRAFT') throw new AppError('MONITORING.NOT_EDITABLE');
    if (r.rowVersion !== rowVersion) throw new AppError('MONITORING.STALE_VERSION');
    const [row] = await crepo.loadComputeRows(tx, [id]);
    const t = (await crepo.loadTargets(tx, [id])).get(id);
    if (!row || !t) throw notFound();
    return { r, row, target: draftOf(t.version, t.rows) };
  }

  const shown = (issues: Issue[], actor: Actor) =>
    issues.map((i) => ({ path: i.path, code: i.code, level: i.level, message: issueMessage(i, actor.lang) }));

  /** The policy of a report in scope, read before its transaction (PGlite has one connection). */
  async function policyFor(actor: Actor, id: string) {
    const rw = await repo.findReportInScope(db, actor.scope, id);
    if (!rw) throw notFound();
    return policyOf(rw.report.mofDivCode, rw.report.fiscalYear);
  }

  async function save(actor: Actor, id: string, input: { row_version: number; draft: TMonitoringDraft }) {
    const policy = await policyFor(actor, id);
    await db.transaction(async (tx) => {
      const { r, row, target } = await lockEditable(tx, actor, id, input.row_version);
      const d = input.draft;
      const typed = row.payments === 0;
      const { executed } = executedOf(row, blank(d.executed));
      const checked = checkRound(row.asOf, { ...d, executed }, target, { policy, amount: budgetOf(row) });
      const refused = unstorable(checked.issues, typed);
      const money = {
        executed: typed ? moneyOf(blank(d.executed)) : ({ ok: true, value: r.executed } as const),
        forecastExecuted: moneyOf(blank(d.forecast_executed)),
        plannedExecuted: moneyOf(blank(d.planned_executed)),
      };
      for (const [path, v] of [
        ['executed', money.executed],
        ['forecast_executed', money.forecastExecuted],
        ['planned_executed', money.plannedExecuted],
      ] as const) {
        if (!v.ok && !refused.some((i) => i.path === path))
          refused.push(error(path, 'FIELD.TYPE', { expected: 'decimal-2' }));
      }
      if (refused.length > 0) throw new AppError('MONITORING.INVALID', { issues: shown(refused, actor) });
      const ok = (v: Money) => (v.ok ? v.value : null);
      await repo.updateReport(tx, id, {
        executed: ok(money.executed),
        executedSource: typed ? (ok(money.executed) === null ? null : 'TYPED') : r.executedSource,
        forecastExecuted: ok(money.forecastExecuted),
        plannedExecuted: ok(money.plannedExecuted),
      });
      const byName = new Map(d.indicators.map((x) => [x.kpi_lv3, x]));
      for (const m of await repo.findIndicatorRows(tx, id)) {
        const x = byName.get(m.kpiLv3);
        const actual = blank(x?.actual);
        await repo.updateIndicatorRow(tx, id, m.seq, {
          actual,
          actualNum: numberOf(actual),
          forecast: blank(x?.forecast),
          planned: blank(x?.planned),
          likelihood: x?.likelihood ?? null,
          level: x?.level ?? null,
          deviationCauses: x?.deviation_causes ?? [],
          analysis: blank(x?.analysis),
          measures: blank(x?.measures),
        });
      }
      await recomputeReports(tx, [id], () => Promise.resolve(policy));
      const after = await repo.lockReport(tx, actor.scope, id);
      await deps.audit.record(tx, {
        actor,
        entity: 'monitoring_report',
        entityId: id,
        action: 'SAVE',
        before: { row_version: r.rowVersion, project_light: r.projectLight },
        after: {
          executed: after?.executed ?? null,
          executed_source: after?.executedSource ?? null,
          execution_light: after?.executionLight ?? null,
          target_light: after?.targetLight ?? null,
          project_light: after?.projectLight ?? null,
        },
        mofDivCode: r.mofDivCode,
      });
    });
    return view(actor, id);
  }

  async function submit(actor: Actor, id: string, rowVersion: number) {
    const policy = await policyFor(actor, id);
    await db.transaction(async (tx) => {
      const { r, target } = await lockEditable(tx, actor, id, rowVersion);
      // The payments may have moved since the last save: the lights are those of now.
      await recomputeReports(tx, [id], () => Promise.resolve(policy));
      const [row] = await crepo.loadComputeRows(tx, [id]);
      if (!row) throw notFound();
      const draft = storedDraft(row, await repo.findIndicatorRows(tx, id));
      const errors = checkRound(row.asOf, draft, target, { policy, amount: budgetOf(row) }).issues.filter(
        (i) => i.level === 'error',
      );
      if (errors.length > 0) throw new AppError('MONITORING.INVALID', { issues: shown(errors, actor) });
      await repo.updateReport(tx, id, {
        status: 'SUBMITTED',
        submittedBy: actor.userId,
        submittedAt: new Date(),
      });
      const after = await repo.lockReport(tx, actor.scope, id);
      await deps.audit.record(tx, {
        actor,
        entity: 'monitoring_report',
        entityId: id,
        action: 'SUBMIT',
        before: { status: r.status },
        after: {
          status: 'SUBMITTED',
          executed: after?.executed ?? null,
          executed_source: after?.executedSource ?? null,
          project_light: after?.projectLight ?? null,
        },
        mofDivCode: r.mofDivCode,
      });
    });
    return view(actor, id);
  }

  function filterOf(actor: Actor, q: Omit<TReportListQuery, 'page' | 'page_size'>): repo.ReportListFilter {
    const lights =
      q.lights === undefined
        ? undefined
        : q.lights
            .split(',')
            .map((s) => s.trim().toUpperCase())
            .filter((s) => LIGHTS.some((l) => l === s));
    const mine = actor.permissions.includes('monitoring:report') ? actor.scope.units : [];
    return {
      roundId: q.round_id,
      fiscalYear: q.fiscal_year,
      lights,
      status: q.status,
      deptCode: q.dept_code,
      section: q.section_id,
      q: q.q?.trim() || undefined,
      todoUnits: q.todo ? mine : undefined,
    };
  }

  async function list(actor: Actor, q: TReportListQuery): Promise<z.infer<typeof ZReportList>> {
    const { items, total } = await repo.findReportPage(
      db,
      actor.scope,
      filterOf(actor, q),
      q.page,
      q.page_size,
    );
    return { items: items.map(listItemDto), total };
  }

  async function* stream(actor: Actor, q: Omit<TReportListQuery, 'page' | 'page_size'>) {
    for await (const batch of repo.streamReports(db, actor.scope, filterOf(actor, q)))
      yield batch.map(listItemDto);
  }

  /** A project's lights across the rounds (the timeline) and its dispositions; project read scope. */
  async function projectMonitoring(actor: Actor, projectId: string): Promise<TProjectMonitoring> {
    const p = await deps.projects.findInScope(actor, projectId);
    if (!p) throw notFound();
    const reports = await repo.projectReports(db, projectId);
    return {
      funds_status: p.project.fundsStatus,
      rounds: reports.map(({ report: r, title, asOf }) => ({
        round_id: r.roundId,
        title,
        as_of: asOf,
        report_id: r.id,
        status: r.status,
        execution_light: lightOf(r.executionLight),
        target_light: lightOf(r.targetLight),
        project_light: lightOf(r.projectLight),
        execution_value: r.executionValue,
      })),
      dispositions: (await repo.findDispositions(db, projectId)).map(dispositionDto),
    };
  }

  return { view, save, submit, list, stream, projectMonitoring };
}

export type ReportsService = ReturnType<typeof makeReportsService>;
