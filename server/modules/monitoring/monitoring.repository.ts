/**
 * SQL of monitoring rounds, reports and their indicator rows, dispositions and the warnings list.
 * Every read of reports is filtered by the actor's data scope (identity scopeCondition on the
 * report's region, department, unit and project), so out of scope is not found.
 */
import { and, asc, desc, eq, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { DataScope } from '../../context.ts';
import type { Executor } from '../../db/client.ts';
import {
  agencies,
  departments,
  dispositions,
  monitoringIndicators,
  monitoringReports,
  monitoringRounds,
  projects,
  users,
} from '../../db/schema.ts';
import { scopeCondition } from '../identity/index.ts';

export type RoundRow = typeof monitoringRounds.$inferSelect;
export type ReportRow = typeof monitoringReports.$inferSelect;
export type MonitoringIndicatorRow = typeof monitoringIndicators.$inferSelect;

/** The SQL condition that keeps only the reports inside a data scope. */
export function reportScope(scope: DataScope): SQL {
  return scopeCondition(scope, {
    mofDivCode: monitoringReports.mofDivCode,
    deptCode: monitoringReports.deptCode,
    agencyCode: monitoringReports.agencyCode,
    projectId: monitoringReports.projectId,
  });
}

// ---- rounds ----

export async function findRounds(exec: Executor, regions: string[], fiscalYear: string | undefined) {
  if (regions.length === 0) return [];
  const conds = [inArray(monitoringRounds.mofDivCode, regions)];
  if (fiscalYear) conds.push(eq(monitoringRounds.fiscalYear, fiscalYear));
  return exec
    .select()
    .from(monitoringRounds)
    .where(and(...conds))
    .orderBy(desc(monitoringRounds.asOf), desc(monitoringRounds.createdAt));
}

export async function findRound(exec: Executor, regions: string[], id: string, lock = false) {
  if (regions.length === 0) return undefined;
  const q = exec
    .select()
    .from(monitoringRounds)
    .where(and(eq(monitoringRounds.id, id), inArray(monitoringRounds.mofDivCode, regions)));
  const rows = lock ? await q.for('update') : await q;
  return rows[0];
}

export async function insertRound(exec: Executor, row: typeof monitoringRounds.$inferInsert) {
  const [r] = await exec.insert(monitoringRounds).values(row).returning();
  if (!r) throw new Error('insert monitoring round');
  return r;
}

export async function closeRound(exec: Executor, id: string) {
  const [r] = await exec
    .update(monitoringRounds)
    .set({ status: 'CLOSED' })
    .where(eq(monitoringRounds.id, id))
    .returning();
  if (!r) throw new Error('close monitoring round');
  return r;
}

/** Reports of rounds in a scope, counted by status and project light. */
export async function roundCounts(exec: Executor, scope: DataScope, roundIds: string[]) {
  if (roundIds.length === 0) return [];
  const rows = await exec
    .select({
      roundId: monitoringReports.roundId,
      status: monitoringReports.status,
      light: monitoringReports.projectLight,
      n: sql<number>`count(*)::int`,
    })
    .from(monitoringReports)
    .where(and(inArray(monitoringReports.roundId, roundIds), reportScope(scope)))
    .groupBy(monitoringReports.roundId, monitoringReports.status, monitoringReports.projectLight);
  return rows.map((r) => ({ ...r, n: Number(r.n) }));
}

const codeList = (codes: string[]) =>
  sql.join(
    codes.map((c) => sql`${c}`),
    sql`, `,
  );

/**
 * Open one DRAFT report per project of the round's region and year (narrowed to its departments
 * and units) whose target has an in-force version, with B = the project's amount and the payments
 * up to the as-of date; then one indicator row per indicator of that version. Set-based.
 */
export async function openReports(
  exec: Executor,
  r: RoundRow,
): Promise<{ reports: number; indicators: number }> {
  const dept = r.deptCodes.length > 0 ? sql`and p.dept_code in (${codeList(r.deptCodes)})` : sql``;
  const unit = r.agencyCodes.length > 0 ? sql`and p.agency_code in (${codeList(r.agencyCodes)})` : sql``;
  const reports = await exec.execute(sql`
    insert into monitoring_reports (round_id, project_id, target_id, target_version, mof_div_code, fiscal_year,
                                    dept_code, agency_code, pro_code, budget, executed, executed_source)
    select ${r.id}, p.id, t.id, t.in_force_version, p.mof_div_code, p.fiscal_year, p.dept_code, p.agency_code,
           p.pro_code, p.amount, case when pay.n > 0 then pay.paid end, case when pay.n > 0 then 'PAYMENTS' end
    from projects p
    join targets t on t.project_id = p.id and t.in_force_version is not null
    left join lateral (
      select count(*) as n, coalesce(sum(x.amount) filter (where x.pay_date <= ${r.asOf}), 0) as paid
      from payments x
      where x.mof_div_code = p.mof_div_code and x.fiscal_year = p.fiscal_year and x.pro_code = p.pro_code
    ) pay on true
    where p.mof_div_code = ${r.mofDivCode} and p.fiscal_year = ${r.fiscalYear} ${dept} ${unit}`);
  const indicators = await exec.execute(sql`
    insert into monitoring_indicators (report_id, seq, kpi_lv3)
    select r.id, ti.seq, ti.kpi_lv3
    from monitoring_reports r
    join target_versions v on v.target_id = r.target_id and v.version_no = r.target_version
    join target_indicators ti on ti.version_id = v.id
    where r.round_id = ${r.id}`);
  return { reports: affected(reports), indicators: affected(indicators) };
}

/** Rows written by an INSERT/UPDATE (node-postgres: rowCount; PGlite: affectedRows). */
export function affected(res: unknown): number {
  if (typeof res !== 'object' || res === null) return 0;
  if ('rowCount' in res && typeof res.rowCount === 'number') return res.rowCount;
  if ('affectedRows' in res && typeof res.affectedRows === 'number') return res.affectedRows;
  return 0;
}

/** The units of a round's reports (their preparers are told). */
export async function roundUnits(exec: Executor, roundId: string) {
  return exec
    .selectDistinct({ mofDivCode: monitoringReports.mofDivCode, agencyCode: monitoringReports.agencyCode })
    .from(monitoringReports)
    .where(eq(monitoringReports.roundId, roundId));
}

// ---- reports ----

const reportColumns = {
  report: monitoringReports,
  roundTitle: monitoringRounds.title,
  asOf: monitoringRounds.asOf,
  deadline: monitoringRounds.deadline,
  roundStatus: monitoringRounds.status,
  proName: projects.proName,
  fundsStatus: projects.fundsStatus,
  deptName: departments.name,
  agencyName: agencies.name,
  sectionName: sql<string | null>`(select min(s.name) from section_departments sd
    join finance_sections s on s.mof_div_code = sd.mof_div_code and s.section_code = sd.section_code
    where sd.mof_div_code = ${monitoringReports.mofDivCode} and sd.dept_code = ${monitoringReports.deptCode})`,
  disposition: sql<
    string | null
  >`(select d.kind from dispositions d where d.report_id = ${monitoringReports.id}
    order by d.created_at desc limit 1)`,
};

export type ReportWithNames = {
  report: ReportRow;
  roundTitle: string;
  asOf: string;
  deadline: string;
  roundStatus: 'OPEN' | 'CLOSED';
  proName: string;
  fundsStatus: 'NORMAL' | 'SUSPENDED' | 'STOPPED';
  deptName: string | null;
  agencyName: string | null;
  sectionName: string | null;
  disposition: string | null;
};

function withNames(exec: Executor) {
  return exec
    .select(reportColumns)
    .from(monitoringReports)
    .innerJoin(monitoringRounds, eq(monitoringRounds.id, monitoringReports.roundId))
    .innerJoin(projects, eq(projects.id, monitoringReports.projectId))
    .leftJoin(
      departments,
      and(
        eq(departments.mofDivCode, monitoringReports.mofDivCode),
        eq(departments.deptCode, monitoringReports.deptCode),
      ),
    )
    .leftJoin(
      agencies,
      and(
        eq(agencies.mofDivCode, monitoringReports.mofDivCode),
        eq(agencies.agencyCode, monitoringReports.agencyCode),
      ),
    );
}

export async function findReportInScope(
  exec: Executor,
  scope: DataScope,
  id: string,
): Promise<ReportWithNames | undefined> {
  const rows = await withNames(exec).where(and(eq(monitoringReports.id, id), reportScope(scope)));
  return rows[0];
}

/** Lock a report row in scope (inside a transaction) and return it. */
export async function lockReport(exec: Executor, scope: DataScope, id: string) {
  const rows = await exec
    .select()
    .from(monitoringReports)
    .where(and(eq(monitoringReports.id, id), reportScope(scope)))
    .for('update');
  return rows[0];
}

export async function findIndicatorRows(exec: Executor, reportId: string) {
  return exec
    .select()
    .from(monitoringIndicators)
    .where(eq(monitoringIndicators.reportId, reportId))
    .orderBy(asc(monitoringIndicators.seq));
}

export async function updateReport(
  exec: Executor,
  id: string,
  patch: Partial<typeof monitoringReports.$inferInsert>,
) {
  await exec
    .update(monitoringReports)
    .set({ ...patch, updatedAt: new Date(), rowVersion: sql`${monitoringReports.rowVersion} + 1` })
    .where(eq(monitoringReports.id, id));
}

export async function updateIndicatorRow(
  exec: Executor,
  reportId: string,
  seq: number,
  patch: Partial<typeof monitoringIndicators.$inferInsert>,
) {
  await exec
    .update(monitoringIndicators)
    .set(patch)
    .where(and(eq(monitoringIndicators.reportId, reportId), eq(monitoringIndicators.seq, seq)));
}

export interface ReportListFilter {
  roundId?: string | undefined;
  fiscalYear?: string | undefined;
  lights?: string[] | undefined;
  status?: 'DRAFT' | 'SUBMITTED' | undefined;
  deptCode?: string | undefined;
  section?: string | undefined;
  q?: string | undefined;
  /** Only the DRAFT reports of these units in OPEN rounds. */
  todoUnits?: { mofDivCode: string; agencyCodes: string[] }[] | undefined;
}

function listWhere(scope: DataScope, f: ReportListFilter): SQL | undefined {
  const conds: SQL[] = [reportScope(scope)];
  if (f.roundId) conds.push(eq(monitoringReports.roundId, f.roundId));
  if (f.fiscalYear) conds.push(eq(monitoringReports.fiscalYear, f.fiscalYear));
  if (f.lights)
    conds.push(f.lights.length > 0 ? inArray(monitoringReports.projectLight, f.lights) : sql`false`);
  if (f.status) conds.push(eq(monitoringReports.status, f.status));
  if (f.deptCode) conds.push(eq(monitoringReports.deptCode, f.deptCode));
  if (f.section) {
    conds.push(sql`${monitoringReports.deptCode} in (select sd.dept_code from section_departments sd
      join finance_sections s on s.mof_div_code = sd.mof_div_code and s.section_code = sd.section_code
      where sd.mof_div_code = ${monitoringReports.mofDivCode}
        and (s.id::text = ${f.section} or s.section_code = ${f.section}))`);
  }
  if (f.q) {
    const like = `%${f.q.replace(/[%_\\]/g, '\\$&')}%`;
    const c = or(ilike(monitoringReports.proCode, like), ilike(projects.proName, like));
    if (c) conds.push(c);
  }
  if (f.todoUnits) {
    const mine = f.todoUnits.map(
      (u) =>
        and(
          eq(monitoringReports.mofDivCode, u.mofDivCode),
          inArray(monitoringReports.agencyCode, u.agencyCodes),
        ) ?? sql`false`,
    );
    conds.push(eq(monitoringReports.status, 'DRAFT'), eq(monitoringRounds.status, 'OPEN'));
    conds.push(mine.length > 0 ? (or(...mine) ?? sql`false`) : sql`false`);
  }
  return and(...conds);
}

/** RED first, then YELLOW, GREEN, BLUE, NA, not yet computed. */
const severity = sql`case ${monitoringReports.projectLight} when 'RED' then 0 when 'YELLOW' then 1
  when 'GREEN' then 2 when 'BLUE' then 3 when 'NA' then 4 else 5 end`;

const listOrder = [
  desc(monitoringRounds.asOf),
  asc(monitoringReports.deptCode),
  asc(severity),
  asc(monitoringReports.proCode),
  asc(monitoringReports.id),
];

export async function findReportPage(
  exec: Executor,
  scope: DataScope,
  f: ReportListFilter,
  page: number,
  pageSize: number,
): Promise<{ items: ReportWithNames[]; total: number }> {
  const where = listWhere(scope, f);
  const items = await withNames(exec)
    .where(where)
    .orderBy(...listOrder)
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  const [c] = await exec
    .select({ n: sql<number>`count(*)::int` })
    .from(monitoringReports)
    .innerJoin(monitoringRounds, eq(monitoringRounds.id, monitoringReports.roundId))
    .innerJoin(projects, eq(projects.id, monitoringReports.projectId))
    .where(where);
  return { items, total: Number(c?.n ?? 0) };
}

/** Batches of the filtered list, for the Excel export. */
export async function* streamReports(exec: Executor, scope: DataScope, f: ReportListFilter, batch = 2000) {
  const where = listWhere(scope, f);
  for (let offset = 0; ; offset += batch) {
    const rows = await withNames(exec)
      .where(where)
      .orderBy(...listOrder)
      .limit(batch)
      .offset(offset);
    if (rows.length === 0) return;
    yield rows;
    if (rows.length < batch) return;
  }
}

/** A project's reports across rounds, oldest as-of date first. */
export async function projectReports(exec: Executor, projectId: string) {
  return exec
    .select({ report: monitoringReports, title: monitoringRounds.title, asOf: monitoringRounds.asOf })
    .from(monitoringReports)
    .innerJoin(monitoringRounds, eq(monitoringRounds.id, monitoringReports.roundId))
    .where(eq(monitoringReports.projectId, projectId))
    .orderBy(asc(monitoringRounds.asOf), asc(monitoringRounds.createdAt));
}

// ---- dispositions ----

export async function findDispositions(exec: Executor, projectId: string) {
  return exec
    .select({ d: dispositions, roundTitle: monitoringRounds.title, actorName: users.displayName })
    .from(dispositions)
    .innerJoin(monitoringRounds, eq(monitoringRounds.id, dispositions.roundId))
    .leftJoin(users, eq(users.id, dispositions.createdBy))
    .where(eq(dispositions.projectId, projectId))
    .orderBy(asc(dispositions.createdAt), asc(dispositions.id));
}

export async function insertDisposition(exec: Executor, row: typeof dispositions.$inferInsert) {
  const [r] = await exec.insert(dispositions).values(row).returning();
  if (!r) throw new Error('insert disposition');
  return r;
}

export async function setFundsStatus(
  exec: Executor,
  projectId: string,
  status: 'NORMAL' | 'SUSPENDED' | 'STOPPED',
) {
  await exec
    .update(projects)
    .set({ fundsStatus: status, updatedAt: new Date() })
    .where(eq(projects.id, projectId));
}

export async function projectFundsStatus(exec: Executor, projectId: string) {
  const [r] = await exec
    .select({ s: projects.fundsStatus })
    .from(projects)
    .where(eq(projects.id, projectId))
    .for('update');
  return r?.s ?? 'NORMAL';
}
