import { and, asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { agencies, departments, projects, targets, tasks, userRoles, users } from '../../db/schema.ts';

export type TaskRow = typeof tasks.$inferSelect;

export async function insertTask(exec: Executor, row: typeof tasks.$inferInsert) {
  const [r] = await exec.insert(tasks).values(row).returning();
  if (!r) throw new Error('insert task');
  return r;
}

export async function findTasks(exec: Executor, regions: string[], fiscalYear: string | undefined) {
  if (regions.length === 0) return [];
  const conds = [inArray(tasks.mofDivCode, regions)];
  if (fiscalYear) conds.push(eq(tasks.fiscalYear, fiscalYear));
  return exec
    .select()
    .from(tasks)
    .where(and(...conds))
    .orderBy(desc(tasks.createdAt));
}

export async function findTask(exec: Executor, regions: string[], id: string) {
  if (regions.length === 0) return undefined;
  const [r] = await exec
    .select()
    .from(tasks)
    .where(and(eq(tasks.id, id), inArray(tasks.mofDivCode, regions)));
  return r;
}

/** The projects a task covers (its region and year, narrowed to its departments and units). */
function taskProjects(t: TaskRow): SQL {
  const conds: SQL[] = [eq(projects.mofDivCode, t.mofDivCode), eq(projects.fiscalYear, t.fiscalYear)];
  if (t.deptCodes.length > 0) conds.push(inArray(projects.deptCode, t.deptCodes));
  if (t.agencyCodes.length > 0) conds.push(inArray(projects.agencyCode, t.agencyCodes));
  return and(...conds) ?? sql`false`;
}

/** Count the task's projects by the status of their target ('NONE' when there is none yet). */
export async function countByStatus(exec: Executor, t: TaskRow) {
  const rows = await exec
    .select({ status: sql<string>`coalesce(${targets.status}, 'NONE')`, n: sql<number>`count(*)` })
    .from(projects)
    .leftJoin(targets, eq(targets.projectId, projects.id))
    .where(taskProjects(t))
    .groupBy(sql`1`);
  return new Map(rows.map((r) => [r.status, Number(r.n)]));
}

/** Projects of the task without an approved target, in code order. */
export async function findPending(exec: Executor, t: TaskRow, page: number, pageSize: number) {
  const where = and(taskProjects(t), sql`coalesce(${targets.status}, 'NONE') <> 'APPROVED'`);
  const items = await exec
    .select({
      project: projects,
      status: sql<string>`coalesce(${targets.status}, 'NONE')`,
      step: targets.step,
      deptName: departments.name,
      agencyName: agencies.name,
    })
    .from(projects)
    .leftJoin(targets, eq(targets.projectId, projects.id))
    .leftJoin(
      departments,
      and(eq(departments.mofDivCode, projects.mofDivCode), eq(departments.deptCode, projects.deptCode)),
    )
    .leftJoin(
      agencies,
      and(eq(agencies.mofDivCode, projects.mofDivCode), eq(agencies.agencyCode, projects.agencyCode)),
    )
    .where(where)
    .orderBy(asc(projects.proCode))
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  const [c] = await exec
    .select({ n: sql<number>`count(*)` })
    .from(projects)
    .leftJoin(targets, eq(targets.projectId, projects.id))
    .where(where);
  return { items, total: Number(c?.n ?? 0) };
}

/** Preparers of the units that still have projects without an approved target. */
export async function preparersToRemind(exec: Executor, t: TaskRow) {
  const units = exec
    .selectDistinct({ a: projects.agencyCode })
    .from(projects)
    .leftJoin(targets, eq(targets.projectId, projects.id))
    .where(
      and(
        taskProjects(t),
        sql`coalesce(${targets.status}, 'NONE') in ('NONE', 'DRAFT', 'RETURNED', 'UNLOCKED')`,
      ),
    );
  return exec
    .selectDistinct({ id: users.id, agencyCode: users.agencyCode })
    .from(users)
    .innerJoin(userRoles, eq(userRoles.userId, users.id))
    .where(
      and(
        eq(userRoles.role, 'PREPARER'),
        eq(users.mofDivCode, t.mofDivCode),
        eq(users.status, 'ACTIVE'),
        inArray(users.agencyCode, units),
      ),
    );
}
