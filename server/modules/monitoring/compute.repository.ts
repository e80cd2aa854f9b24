/**
 * What computing a report's lights needs from the database, loaded for many reports at once
 * (the round's as-of date, B, the payments, the in-force target version and the stored rows), and
 * the set-based write of the computed values.
 */
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import {
  monitoringIndicators,
  monitoringReports,
  monitoringRounds,
  projects,
  targetIndicators,
  targetVersions,
} from '../../db/schema.ts';
import type { MonitoringIndicatorRow } from './monitoring.repository.ts';

export type VersionRow = typeof targetVersions.$inferSelect;
export type TargetIndicatorRow = typeof targetIndicators.$inferSelect;

export interface ComputeRow {
  id: string;
  mofDivCode: string;
  fiscalYear: string;
  executed: string | null;
  executedSource: 'PAYMENTS' | 'TYPED' | null;
  forecastExecuted: string | null;
  plannedExecuted: string | null;
  asOf: string;
  /** The project's amount now (B). */
  amount: string;
  /** Payment records of the project in its region and year (any date). */
  payments: number;
  /** Their sum up to the round's as-of date. */
  paid: string;
}

const paymentsOf = sql`from payments x where x.mof_div_code = ${monitoringReports.mofDivCode}
  and x.fiscal_year = ${monitoringReports.fiscalYear} and x.pro_code = ${monitoringReports.proCode}`;

export async function loadComputeRows(exec: Executor, ids: string[]): Promise<ComputeRow[]> {
  if (ids.length === 0) return [];
  const rows = await exec
    .select({
      id: monitoringReports.id,
      mofDivCode: monitoringReports.mofDivCode,
      fiscalYear: monitoringReports.fiscalYear,
      executed: monitoringReports.executed,
      executedSource: monitoringReports.executedSource,
      forecastExecuted: monitoringReports.forecastExecuted,
      plannedExecuted: monitoringReports.plannedExecuted,
      asOf: monitoringRounds.asOf,
      amount: projects.amount,
      payments: sql<number>`(select count(*)::int ${paymentsOf})`,
      paid: sql<string>`(select coalesce(sum(x.amount), 0)::numeric(18,2)::text ${paymentsOf}
        and x.pay_date <= ${monitoringRounds.asOf})`,
    })
    .from(monitoringReports)
    .innerJoin(monitoringRounds, eq(monitoringRounds.id, monitoringReports.roundId))
    .innerJoin(projects, eq(projects.id, monitoringReports.projectId))
    .where(inArray(monitoringReports.id, ids));
  return rows.map((r) => ({ ...r, payments: Number(r.payments) }));
}

/** The in-force target version (the one the report was opened on) and its indicators, per report. */
export async function loadTargets(exec: Executor, ids: string[]) {
  const out = new Map<string, { version: VersionRow; rows: TargetIndicatorRow[] }>();
  if (ids.length === 0) return out;
  const join = and(
    eq(targetVersions.targetId, monitoringReports.targetId),
    eq(targetVersions.versionNo, monitoringReports.targetVersion),
  );
  const versions = await exec
    .select({ reportId: monitoringReports.id, version: targetVersions })
    .from(monitoringReports)
    .innerJoin(targetVersions, join)
    .where(inArray(monitoringReports.id, ids));
  for (const v of versions) out.set(v.reportId, { version: v.version, rows: [] });
  const rows = await exec
    .select({ reportId: monitoringReports.id, row: targetIndicators })
    .from(monitoringReports)
    .innerJoin(targetVersions, join)
    .innerJoin(targetIndicators, eq(targetIndicators.versionId, targetVersions.id))
    .where(inArray(monitoringReports.id, ids))
    .orderBy(asc(monitoringReports.id), asc(targetIndicators.seq));
  for (const r of rows) out.get(r.reportId)?.rows.push(r.row);
  return out;
}

/** The stored indicator rows of reports, in seq order. */
export async function loadIndicatorRows(exec: Executor, ids: string[]) {
  const out = new Map<string, MonitoringIndicatorRow[]>();
  if (ids.length === 0) return out;
  const rows = await exec
    .select()
    .from(monitoringIndicators)
    .where(inArray(monitoringIndicators.reportId, ids))
    .orderBy(asc(monitoringIndicators.reportId), asc(monitoringIndicators.seq));
  for (const r of rows) {
    const list = out.get(r.reportId) ?? [];
    list.push(r);
    out.set(r.reportId, list);
  }
  return out;
}

export interface ComputedReport {
  id: string;
  budget: string;
  executed: string | null;
  executedSource: 'PAYMENTS' | 'TYPED' | null;
  executionValue: string | null;
  executionLight: string | null;
  targetLight: string | null;
  projectLight: string | null;
}

export interface ComputedIndicator {
  reportId: string;
  seq: number;
  value: string | null;
  light: string | null;
}

const param = (values: unknown[], type: 'text' | 'uuid' | 'int' | 'numeric') =>
  sql`${sql.param(values)}::${sql.raw(type)}[]`;

/** Write computed values (budget, execution, lights) with one UPDATE per table. */
export async function storeComputed(exec: Executor, reports: ComputedReport[], rows: ComputedIndicator[]) {
  if (reports.length > 0) {
    await exec.execute(sql`
      update monitoring_reports r set budget = u.budget, executed = u.executed, executed_source = u.src,
        execution_value = u.ev, execution_light = u.el, target_light = u.tl, project_light = u.pl
      from unnest(${param(
        reports.map((r) => r.id),
        'uuid',
      )}, ${param(
        reports.map((r) => r.budget),
        'numeric',
      )}, ${param(
        reports.map((r) => r.executed),
        'numeric',
      )}, ${param(
        reports.map((r) => r.executedSource),
        'text',
      )}, ${param(
        reports.map((r) => r.executionValue),
        'numeric',
      )}, ${param(
        reports.map((r) => r.executionLight),
        'text',
      )}, ${param(
        reports.map((r) => r.targetLight),
        'text',
      )}, ${param(
        reports.map((r) => r.projectLight),
        'text',
      )}) as u(id, budget, executed, src, ev, el, tl, pl)
      where r.id = u.id`);
  }
  if (rows.length > 0) {
    await exec.execute(sql`
      update monitoring_indicators m set value = u.value, light = u.light
      from unnest(${param(
        rows.map((r) => r.reportId),
        'uuid',
      )}, ${param(
        rows.map((r) => r.seq),
        'int',
      )}, ${param(
        rows.map((r) => r.value),
        'numeric',
      )}, ${param(
        rows.map((r) => r.light),
        'text',
      )}) as u(report_id, seq, value, light)
      where m.report_id = u.report_id and m.seq = u.seq`);
  }
}

/** Reports in OPEN rounds of the projects with these codes (region, year). */
export async function openReportsOf(exec: Executor, mof: string, keys: { year: string; proCode: string }[]) {
  if (keys.length === 0) return [];
  const rows = await exec
    .select({ id: monitoringReports.id })
    .from(monitoringReports)
    .innerJoin(monitoringRounds, eq(monitoringRounds.id, monitoringReports.roundId))
    .where(
      and(
        eq(monitoringReports.mofDivCode, mof),
        eq(monitoringRounds.status, 'OPEN'),
        sql`(${monitoringReports.fiscalYear}, ${monitoringReports.proCode}) in (select * from unnest(${param(
          keys.map((k) => k.year),
          'text',
        )}, ${param(
          keys.map((k) => k.proCode),
          'text',
        )}))`,
      ),
    );
  return rows.map((r) => r.id);
}
