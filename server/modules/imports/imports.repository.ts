/**
 * Reads of the import and export paths, and the job rows: what the checks need from the database
 * (region, fiscal year, units, the projects already there and their targets' status, the declared
 * peers), the user an import runs as, and the scoped project/target reads of the export.
 */
import { and, desc, eq, inArray, lt, sql, type SQL } from 'drizzle-orm';
import { scopeCondition } from '../identity/index.ts';
import type { DataScope } from '../../context.ts';
import type { Executor } from '../../db/client.ts';
import { fiscalYears, jobs, regions, users } from '../../db/schema.ts';

export type JobRow = typeof jobs.$inferSelect;

async function rowsOf<T>(exec: Executor, query: SQL): Promise<T[]> {
  const res: unknown = await exec.execute(query);
  if (Array.isArray(res)) return res as T[];
  if (typeof res === 'object' && res !== null && 'rows' in res && Array.isArray(res.rows))
    return res.rows as T[];
  return [];
}

export async function regionLevel(exec: Executor, mof: string): Promise<string | undefined> {
  const [r] = await exec.select({ level: regions.level }).from(regions).where(eq(regions.mofDivCode, mof));
  return r?.level;
}

export async function fiscalYearExists(exec: Executor, mof: string, year: string): Promise<boolean> {
  const r = await exec
    .select({ y: fiscalYears.fiscalYear })
    .from(fiscalYears)
    .where(and(eq(fiscalYears.mofDivCode, mof), eq(fiscalYears.fiscalYear, year)));
  return r.length > 0;
}

/** The departments of a region and its units with their department. */
export async function regionOrg(exec: Executor, mof: string) {
  const depts = await rowsOf<{ dept_code: string }>(
    exec,
    sql`select dept_code from departments where mof_div_code = ${mof}`,
  );
  const units = await rowsOf<{ agency_code: string; dept_code: string }>(
    exec,
    sql`select agency_code, dept_code from agencies where mof_div_code = ${mof}`,
  );
  return {
    departments: new Set(depts.map((d) => d.dept_code)),
    units: new Map(units.map((u) => [u.agency_code, u.dept_code])),
  };
}

export interface ExistingProject {
  agency: string;
  dept: string;
  /** The status of its target, null without one. */
  status: string | null;
  targetId: string | null;
  /** The target's current version. */
  versionId: string | null;
}

/** The projects of a region and year already stored, by code, with their target and its status. */
export async function existingProjects(exec: Executor, mof: string, year: string) {
  const rows = await rowsOf<{
    pro_code: string;
    agency_code: string;
    dept_code: string;
    status: string | null;
    target_id: string | null;
    version_id: string | null;
  }>(
    exec,
    sql`select p.pro_code, p.agency_code, p.dept_code, t.status, t.id as target_id, v.id as version_id
        from projects p
        left join targets t on t.project_id = p.id
        left join target_versions v on v.target_id = t.id and v.version_no = t.current_version
        where p.mof_div_code = ${mof} and p.fiscal_year = ${year}`,
  );
  const out = new Map<string, ExistingProject>();
  for (const r of rows) {
    out.set(r.pro_code, {
      agency: r.agency_code,
      dept: r.dept_code,
      status: r.status,
      targetId: r.target_id,
      versionId: r.version_id,
    });
  }
  return out;
}

/** The open declaration tasks of a region and year, newest deadline first (for coveringTask). */
export async function openTasks(exec: Executor, mof: string, year: string) {
  const rows = await rowsOf<{ id: string; dept_codes: string[]; agency_codes: string[] }>(
    exec,
    sql`select id, dept_codes, agency_codes from tasks
        where mof_div_code = ${mof} and fiscal_year = ${year} and status = 'OPEN'
        order by deadline desc`,
  );
  return rows.map((r) => ({ id: r.id, deptCodes: r.dept_codes, agencyCodes: r.agency_codes }));
}

/**
 * Declared target values (in review, approved or unlocked: the targets module's "declared
 * version") of project targets with these library indicators, in a fiscal year at a region level
 * (domain.md §4 peers), with the project each belongs to.
 */
export async function declaredPeerValues(
  exec: Executor,
  q: { fiscalYear: string; level: string; codes: string[] },
) {
  if (q.codes.length === 0) return [];
  return rowsOf<{
    mof_div_code: string;
    pro_code: string | null;
    library_code: string | null;
    computesign: string;
    meterunit: string | null;
    value: string;
  }>(
    exec,
    sql`select t.mof_div_code, t.pro_code, i.library_code, i.computesign, i.meterunit, i.kpi_val_num as value
        from targets t
        join regions r on r.mof_div_code = t.mof_div_code
        join target_versions v on v.target_id = t.id and v.version_no =
          case when t.status in ('SUBMITTED', 'APPROVED', 'UNLOCKED') then t.current_version else t.in_force_version end
        join target_indicators i on i.version_id = v.id
        where t.fiscal_year = ${q.fiscalYear} and t.kind = 'PROJECT' and r.level = ${q.level}
          and i.library_code = any(${sql.param(q.codes)}::text[]) and i.kpi_val_num is not null`,
  );
}

export async function findUserByUsername(exec: Executor, username: string) {
  const [u] = await exec.select().from(users).where(eq(users.username, username));
  return u;
}

// ---- jobs ----

export async function insertJob(exec: Executor, row: typeof jobs.$inferInsert): Promise<JobRow> {
  const [r] = await exec.insert(jobs).values(row).returning();
  if (!r) throw new Error('insert job');
  return r;
}

/** How often a running job touches its row (its heartbeat). */
const HEARTBEAT_MS = 15_000;

/**
 * Keep a job's heartbeat while `work` runs (progress updates touch it too): a RUNNING job
 * whose heartbeat stopped belongs to a process that is gone (see failInterruptedJobs).
 */
export async function withHeartbeat<T>(exec: Executor, id: string, work: () => Promise<T>): Promise<T> {
  const timer = setInterval(() => {
    updateJob(exec, id, {}).catch(() => undefined);
  }, HEARTBEAT_MS);
  timer.unref();
  try {
    return await work();
  } finally {
    clearInterval(timer);
  }
}

/** Update a job; every update is also its heartbeat. */
export async function updateJob(exec: Executor, id: string, patch: Partial<typeof jobs.$inferInsert>) {
  await exec
    .update(jobs)
    .set({ ...patch, heartbeatAt: new Date() })
    .where(eq(jobs.id, id));
}

/**
 * Fail the RUNNING jobs of a kind whose heartbeat is older than `staleSeconds`, except those
 * running here (`alive`): their process is gone (a restart, a killed command). Their import
 * wrote nothing (one transaction), so the job says so.
 */
export async function failInterruptedJobs(
  exec: Executor,
  kinds: readonly string[],
  staleSeconds: number,
  alive: readonly string[],
  result: (old: unknown) => unknown,
): Promise<number> {
  const stale = await exec
    .select({ id: jobs.id, result: jobs.result })
    .from(jobs)
    .where(
      and(
        inArray(jobs.kind, [...kinds]),
        eq(jobs.status, 'RUNNING'),
        lt(jobs.heartbeatAt, sql`now() - make_interval(secs => ${staleSeconds})`),
      ),
    );
  let n = 0;
  for (const j of stale) {
    if (alive.includes(j.id)) continue;
    await exec
      .update(jobs)
      .set({ status: 'FAILED', result: result(j.result), finishedAt: new Date() })
      .where(and(eq(jobs.id, j.id), eq(jobs.status, 'RUNNING')));
    n += 1;
  }
  return n;
}

/** A job of its owner (others' jobs are not found). */
export async function findOwnJob(exec: Executor, id: string, userId: string): Promise<JobRow | undefined> {
  const [r] = await exec
    .select()
    .from(jobs)
    .where(and(eq(jobs.id, id), eq(jobs.createdBy, userId)));
  return r;
}

export async function listOwnJobs(exec: Executor, userId: string, kind: string, limit: number) {
  return exec
    .select()
    .from(jobs)
    .where(and(eq(jobs.createdBy, userId), eq(jobs.kind, kind)))
    .orderBy(desc(jobs.createdAt))
    .limit(limit);
}

// ---- export ----

/** The projects of a data scope (same union as the project registry's), on the alias `p`. */
function scopeOfP(scope: DataScope): SQL {
  return scopeCondition(scope, {
    mofDivCode: sql`p.mof_div_code`,
    deptCode: sql`p.dept_code`,
    agencyCode: sql`p.agency_code`,
    projectId: sql`p.id`,
  });
}

/** How many projects and indicator rows an export would write. */
export async function exportSize(exec: Executor, scope: DataScope, mof: string, year: string) {
  const [r] = await rowsOf<{ projects: unknown; indicators: unknown }>(
    exec,
    sql`select count(distinct p.id) as projects, count(i.id) as indicators
        from projects p
        left join targets t on t.project_id = p.id
        left join target_versions v on v.target_id = t.id and v.version_no = t.current_version
        left join target_indicators i on i.version_id = v.id
        where p.mof_div_code = ${mof} and p.fiscal_year = ${year} and ${scopeOfP(scope)}`,
  );
  return { projects: Number(r?.projects ?? 0), indicators: Number(r?.indicators ?? 0) };
}

export interface ExportProjectRow {
  pro_code: string;
  pro_name: string;
  agency_code: string;
  agency_name: string | null;
  dept_code: string;
  dept_name: string | null;
  budget_kind: string;
  func_class: string;
  amount: string;
  is_new: boolean;
  start_year: string;
  end_year: string;
  version_id: string | null;
  long_term_goal: string | null;
  annual_goal: string | null;
  justification: string | null;
  explanation: string | null;
}

export interface ExportIndicatorRow {
  version_id: string;
  kpi_lv1: string;
  kpi_lv2: string;
  kpi_lv3: string;
  computesign: string;
  kpi_val: string;
  meterunit: string | null;
  weight: string;
  progress: string;
  value_basis: string | null;
  library_code: string | null;
  last_target: string | null;
  last_actual: string | null;
  data_source: string | null;
  scoring_standard: string | null;
  justification: string | null;
  explanation: string | null;
}

/** One page of the export in code order (keyset after `after`), with the current target version. */
export async function exportProjectPage(
  exec: Executor,
  scope: DataScope,
  q: { mof: string; year: string; after: string | null; limit: number },
) {
  return rowsOf<ExportProjectRow>(
    exec,
    sql`select p.pro_code, p.pro_name, p.agency_code, a.name as agency_name, p.dept_code, d.name as dept_name,
               p.budget_kind, p.func_class, p.amount::text as amount, p.is_new, p.start_year, p.end_year,
               v.id as version_id, v.long_term_goal, v.annual_goal, v.justification, v.explanation
        from projects p
        left join agencies a on a.mof_div_code = p.mof_div_code and a.agency_code = p.agency_code
        left join departments d on d.mof_div_code = p.mof_div_code and d.dept_code = p.dept_code
        left join targets t on t.project_id = p.id
        left join target_versions v on v.target_id = t.id and v.version_no = t.current_version
        where p.mof_div_code = ${q.mof} and p.fiscal_year = ${q.year} and ${scopeOfP(scope)}
          ${q.after === null ? sql`` : sql`and p.pro_code > ${q.after}`}
        order by p.pro_code
        limit ${q.limit}`,
  );
}

export async function exportIndicators(exec: Executor, versionIds: string[]) {
  if (versionIds.length === 0) return [];
  return rowsOf<ExportIndicatorRow>(
    exec,
    sql`select version_id, kpi_lv1, kpi_lv2, kpi_lv3, computesign, kpi_val, meterunit, weight::text as weight,
               progress, value_basis, library_code, last_target::text as last_target,
               last_actual::text as last_actual, data_source, scoring_standard, justification, explanation
        from target_indicators
        where version_id = any(${sql.param(versionIds)}::uuid[])
        order by version_id, seq`,
  );
}

/** The regions holding projects of a year (the CLI export's default region). */
export async function regionsWithProjects(exec: Executor, year: string) {
  const rows = await rowsOf<{ mof_div_code: string }>(
    exec,
    sql`select distinct mof_div_code from projects where fiscal_year = ${year} order by 1`,
  );
  return rows.map((r) => r.mof_div_code);
}
