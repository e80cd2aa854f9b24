import { and, asc, desc, eq, gte, ilike, inArray, lte, or, sql, type SQL } from 'drizzle-orm';
import { scopeCondition } from '../identity/index.ts';
import type { DataScope } from '../../context.ts';
import type { Executor } from '../../db/client.ts';
import { agencies, departments, fiscalYears, projects } from '../../db/schema.ts';

/** The SQL condition that keeps only the projects inside a data scope (nothing when empty). */
export function projectScope(scope: DataScope): SQL {
  return scopeCondition(scope, {
    mofDivCode: projects.mofDivCode,
    deptCode: projects.deptCode,
    agencyCode: projects.agencyCode,
    projectId: projects.id,
  });
}

export interface ProjectFilter {
  fiscalYear: string;
  mofDivCode?: string | undefined;
  q?: string | undefined;
  deptCode?: string | undefined;
  agencyCode?: string | undefined;
  budgetKind?: (typeof projects.$inferSelect)['budgetKind'] | undefined;
  amountMin?: string | undefined;
  amountMax?: string | undefined;
}

function whereOf(scope: DataScope, f: ProjectFilter): SQL | undefined {
  const conds: SQL[] = [projectScope(scope), eq(projects.fiscalYear, f.fiscalYear)];
  if (f.mofDivCode) conds.push(eq(projects.mofDivCode, f.mofDivCode));
  if (f.q) {
    const like = `%${f.q.replace(/[%_\\]/g, '\\$&')}%`;
    const c = or(ilike(projects.proCode, like), ilike(projects.proName, like));
    if (c) conds.push(c);
  }
  if (f.deptCode) conds.push(eq(projects.deptCode, f.deptCode));
  if (f.agencyCode) conds.push(eq(projects.agencyCode, f.agencyCode));
  if (f.budgetKind) conds.push(eq(projects.budgetKind, f.budgetKind));
  if (f.amountMin) conds.push(gte(projects.amount, f.amountMin));
  if (f.amountMax) conds.push(lte(projects.amount, f.amountMax));
  return and(...conds);
}

const columns = {
  project: projects,
  agencyName: agencies.name,
  deptName: departments.name,
};

function withNames(exec: Executor) {
  return exec
    .select(columns)
    .from(projects)
    .leftJoin(
      agencies,
      and(eq(agencies.mofDivCode, projects.mofDivCode), eq(agencies.agencyCode, projects.agencyCode)),
    )
    .leftJoin(
      departments,
      and(eq(departments.mofDivCode, projects.mofDivCode), eq(departments.deptCode, projects.deptCode)),
    );
}

export type ProjectWithNames = {
  project: typeof projects.$inferSelect;
  agencyName: string | null;
  deptName: string | null;
};

export type ProjectSort = 'pro_code' | 'pro_name' | 'amount' | '-pro_code' | '-pro_name' | '-amount';

function orderOf(sort: ProjectSort) {
  const col = sort.endsWith('amount')
    ? projects.amount
    : sort.endsWith('pro_name')
      ? projects.proName
      : projects.proCode;
  return [sort.startsWith('-') ? desc(col) : asc(col), asc(projects.proCode), asc(projects.id)];
}

export async function findProjectPage(
  exec: Executor,
  scope: DataScope,
  f: ProjectFilter,
  sort: ProjectSort,
  page: number,
  pageSize: number,
): Promise<{ items: ProjectWithNames[]; total: number }> {
  const where = whereOf(scope, f);
  const items = await withNames(exec)
    .where(where)
    .orderBy(...orderOf(sort))
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  const [c] = await exec
    .select({ n: sql<number>`count(*)` })
    .from(projects)
    .where(where);
  return { items, total: Number(c?.n ?? 0) };
}

/** Batches of the filtered list, for exports. */
export async function* streamProjects(exec: Executor, scope: DataScope, f: ProjectFilter, batch = 2000) {
  const where = whereOf(scope, f);
  for (let offset = 0; ; offset += batch) {
    const rows = await withNames(exec)
      .where(where)
      .orderBy(...orderOf('pro_code'))
      .limit(batch)
      .offset(offset);
    if (rows.length === 0) return;
    yield rows;
    if (rows.length < batch) return;
  }
}

export async function findProjectInScope(
  exec: Executor,
  scope: DataScope,
  id: string,
): Promise<ProjectWithNames | undefined> {
  const rows = await withNames(exec).where(and(eq(projects.id, id), projectScope(scope)));
  return rows[0];
}

/** The latest fiscal year open in any of the regions (the default of every list). */
export async function latestFiscalYear(exec: Executor, regionCodes: string[]): Promise<string | undefined> {
  if (regionCodes.length === 0) return undefined;
  const [r] = await exec
    .select({ y: sql<string | null>`max(${fiscalYears.fiscalYear})` })
    .from(fiscalYears)
    .where(inArray(fiscalYears.mofDivCode, regionCodes));
  return r?.y ?? undefined;
}

/** Count and amount by budget kind, and the departments and units that hold the projects. */
export async function summarise(exec: Executor, scope: DataScope, fiscalYear: string, mofDivCode?: string) {
  const conds = [projectScope(scope), eq(projects.fiscalYear, fiscalYear)];
  if (mofDivCode) conds.push(eq(projects.mofDivCode, mofDivCode));
  const where = and(...conds);
  const byKind = await exec
    .select({
      budgetKind: projects.budgetKind,
      n: sql<number>`count(*)`,
      amount: sql<string>`coalesce(sum(${projects.amount}), 0)::numeric(20,2)::text`,
    })
    .from(projects)
    .where(where)
    .groupBy(projects.budgetKind)
    .orderBy(projects.budgetKind);
  const depts = exec
    .selectDistinct({ m: projects.mofDivCode, d: projects.deptCode })
    .from(projects)
    .where(where)
    .as('d');
  const units = exec
    .selectDistinct({ m: projects.mofDivCode, a: projects.agencyCode })
    .from(projects)
    .where(where)
    .as('u');
  const [d] = await exec.select({ n: sql<number>`count(*)` }).from(depts);
  const [u] = await exec.select({ n: sql<number>`count(*)` }).from(units);
  return { byKind, departments: Number(d?.n ?? 0), units: Number(u?.n ?? 0) };
}
