import { coveringTask } from '../../../domain/targets/workflow.ts';
import { and, asc, desc, eq, ilike, inArray, ne, or, sql, type SQL } from 'drizzle-orm';
import type { IndicatorDraft, TargetDraft } from '../../../domain/targets/indicator.ts';
import { storedIndicator } from '../../../domain/targets/indicator.ts';
import { scopeCondition } from '../identity/index.ts';
import type { DataScope } from '../../context.ts';
import type { Executor } from '../../db/client.ts';
import {
  agencies,
  departments,
  projects,
  regions,
  targetIndicators,
  targetReviews,
  targets,
  targetVersions,
  tasks,
} from '../../db/schema.ts';

export type TargetRow = typeof targets.$inferSelect;
export type VersionRow = typeof targetVersions.$inferSelect;
export type IndicatorRow = typeof targetIndicators.$inferSelect;
export type ReviewRow = typeof targetReviews.$inferSelect;

/** The SQL condition that keeps only the targets inside a data scope. */
export function targetScope(scope: DataScope): SQL {
  return scopeCondition(scope, {
    mofDivCode: targets.mofDivCode,
    deptCode: targets.deptCode,
    agencyCode: targets.agencyCode,
    projectId: targets.projectId,
  });
}

export async function findTargetInScope(exec: Executor, scope: DataScope, id: string, lock = false) {
  const q = exec
    .select()
    .from(targets)
    .where(and(eq(targets.id, id), targetScope(scope)));
  const rows = lock ? await q.for('update') : await q;
  return rows[0];
}

export async function findTargetByProject(exec: Executor, projectId: string, lock = false) {
  const q = exec.select().from(targets).where(eq(targets.projectId, projectId));
  const rows = lock ? await q.for('update') : await q;
  return rows[0];
}

export async function findDepartmentTarget(
  exec: Executor,
  mof: string,
  year: string,
  dept: string,
  lock = false,
) {
  const q = exec
    .select()
    .from(targets)
    .where(
      and(
        eq(targets.mofDivCode, mof),
        eq(targets.fiscalYear, year),
        eq(targets.deptCode, dept),
        eq(targets.kind, 'DEPARTMENT'),
      ),
    );
  const rows = lock ? await q.for('update') : await q;
  return rows[0];
}

export async function insertTarget(exec: Executor, row: typeof targets.$inferInsert) {
  const [r] = await exec.insert(targets).values(row).returning();
  if (!r) throw new Error('insert target');
  return r;
}

export async function updateTarget(exec: Executor, id: string, patch: Partial<typeof targets.$inferInsert>) {
  const [r] = await exec
    .update(targets)
    .set({ ...patch, updatedAt: new Date(), rowVersion: sql`${targets.rowVersion} + 1` })
    .where(eq(targets.id, id))
    .returning();
  if (!r) throw new Error('update target');
  return r;
}

export async function findVersion(exec: Executor, targetId: string, versionNo: number) {
  const [v] = await exec
    .select()
    .from(targetVersions)
    .where(and(eq(targetVersions.targetId, targetId), eq(targetVersions.versionNo, versionNo)));
  return v;
}

export async function listVersions(exec: Executor, targetId: string) {
  return exec
    .select({
      versionNo: targetVersions.versionNo,
      status: targetVersions.status,
      createdAt: targetVersions.createdAt,
      approvedAt: targetVersions.approvedAt,
    })
    .from(targetVersions)
    .where(eq(targetVersions.targetId, targetId))
    .orderBy(asc(targetVersions.versionNo));
}

export async function findIndicators(exec: Executor, versionId: string) {
  return exec
    .select()
    .from(targetIndicators)
    .where(eq(targetIndicators.versionId, versionId))
    .orderBy(asc(targetIndicators.seq));
}

export async function insertVersion(exec: Executor, row: typeof targetVersions.$inferInsert) {
  const [r] = await exec.insert(targetVersions).values(row).returning();
  if (!r) throw new Error('insert version');
  return r;
}

export async function updateVersion(
  exec: Executor,
  id: string,
  patch: Partial<typeof targetVersions.$inferInsert>,
) {
  await exec.update(targetVersions).set(patch).where(eq(targetVersions.id, id));
}

/** The indicator rows of a draft (what cannot be stored as a number stays null). */
export function indicatorRows(
  versionId: string,
  draft: TargetDraft,
): (typeof targetIndicators.$inferInsert)[] {
  return draft.indicators.map((i, seq) => {
    const c = storedIndicator(i);
    return {
      versionId,
      seq,
      kpiLv1: c.kpi_lv1,
      kpiLv2: c.kpi_lv2,
      kpiLv3: c.kpi_lv3,
      computesign: c.computesign,
      kpiVal: c.kpi_val,
      kpiValNum: c.kpi_val_num,
      meterunit: c.meterunit,
      weight: c.weight,
      progress: c.progress,
      valueBasis: c.value_basis,
      libraryCode: c.library_code,
      lastTarget: c.last_target,
      lastActual: c.last_actual,
      dataSource: c.data_source,
      scoringStandard: c.scoring_standard,
      justification: c.justification,
      explanation: c.explanation,
      isCore: c.is_core,
    };
  });
}

export async function replaceIndicators(exec: Executor, versionId: string, draft: TargetDraft) {
  await exec.delete(targetIndicators).where(eq(targetIndicators.versionId, versionId));
  const rows = indicatorRows(versionId, draft);
  if (rows.length > 0) await exec.insert(targetIndicators).values(rows);
}

/** Numbers as the form shows them: NUMERIC text without trailing zeros ('30.00' → '30'). */
export function plain(v: string | null): string | null {
  if (v === null) return null;
  return v.includes('.') ? v.replace(/\.?0+$/, '') : v;
}

/** A stored version as the exchange-format draft. */
export function draftOf(v: VersionRow, rows: IndicatorRow[]): TargetDraft {
  return {
    long_term_goal: v.longTermGoal,
    annual_goal: v.annualGoal,
    justification: v.justification,
    explanation: v.explanation,
    indicators: rows.map((r): IndicatorDraft => ({
      kpi_lv1: r.kpiLv1 || null,
      kpi_lv2: r.kpiLv2 || null,
      kpi_lv3: r.kpiLv3 || null,
      computesign: r.computesign || null,
      kpi_val: r.kpiVal || null,
      meterunit: r.meterunit,
      weight: r.weight === '0.00' ? null : plain(r.weight),
      progress: r.progress,
      value_basis: r.valueBasis,
      library_code: r.libraryCode,
      last_target: plain(r.lastTarget),
      last_actual: plain(r.lastActual),
      data_source: r.dataSource,
      scoring_standard: r.scoringStandard,
      justification: r.justification,
      explanation: r.explanation,
      ...(r.isCore ? { is_core: true } : {}),
    })),
  };
}

export async function insertReview(exec: Executor, row: typeof targetReviews.$inferInsert) {
  await exec.insert(targetReviews).values(row);
}

export async function listReviews(exec: Executor, targetId: string) {
  return exec
    .select()
    .from(targetReviews)
    .where(eq(targetReviews.targetId, targetId))
    .orderBy(asc(targetReviews.at));
}

/** Who submitted the newest version (for "nobody approves their own submission"). */
export async function lastSubmitter(exec: Executor, targetId: string, versionNo: number) {
  const [r] = await exec
    .select({ actorId: targetReviews.actorId })
    .from(targetReviews)
    .where(
      and(
        eq(targetReviews.targetId, targetId),
        eq(targetReviews.versionNo, versionNo),
        eq(targetReviews.action, 'SUBMIT'),
      ),
    )
    .orderBy(desc(targetReviews.at))
    .limit(1);
  return r?.actorId ?? null;
}

/**
 * Last year's approved indicators of the same project (same region and code, previous fiscal
 * year), with their full-year actuals.
 */
export async function lastYearIndicators(exec: Executor, mof: string, year: string, proCode: string) {
  const prev = String(Number(year) - 1);
  return exec
    .select({ row: targetIndicators })
    .from(targets)
    .innerJoin(
      targetVersions,
      and(eq(targetVersions.targetId, targets.id), eq(targetVersions.versionNo, targets.inForceVersion)),
    )
    .innerJoin(targetIndicators, eq(targetIndicators.versionId, targetVersions.id))
    .where(and(eq(targets.mofDivCode, mof), eq(targets.fiscalYear, prev), eq(targets.proCode, proCode)))
    .orderBy(asc(targetIndicators.seq));
}

/** The version of a target that counts as declared: the in-review or approved one. */
const declaredVersion = sql`case when ${targets.status} in ('SUBMITTED','APPROVED','UNLOCKED') then ${targets.currentVersion} else ${targets.inForceVersion} end`;

/**
 * Declared target values of other projects with these library indicators, in the same fiscal
 * year and at the same region level (domain.md §4 peers).
 */
export async function peerValues(
  exec: Executor,
  q: { fiscalYear: string; level: string; codes: string[]; excludeTargetId: string | null },
) {
  if (q.codes.length === 0) return [];
  const conds = [
    eq(targets.fiscalYear, q.fiscalYear),
    eq(targets.kind, 'PROJECT'),
    eq(regions.level, q.level as 'COUNTY'),
    inArray(targetIndicators.libraryCode, q.codes),
    sql`${targetIndicators.kpiValNum} is not null`,
  ];
  if (q.excludeTargetId) conds.push(ne(targets.id, q.excludeTargetId));
  return exec
    .select({
      libraryCode: targetIndicators.libraryCode,
      computesign: targetIndicators.computesign,
      meterunit: targetIndicators.meterunit,
      value: targetIndicators.kpiValNum,
    })
    .from(targets)
    .innerJoin(regions, eq(regions.mofDivCode, targets.mofDivCode))
    .innerJoin(
      targetVersions,
      and(eq(targetVersions.targetId, targets.id), sql`${targetVersions.versionNo} = ${declaredVersion}`),
    )
    .innerJoin(targetIndicators, eq(targetIndicators.versionId, targetVersions.id))
    .where(and(...conds));
}

export async function regionLevel(exec: Executor, mof: string) {
  const [r] = await exec.select({ level: regions.level }).from(regions).where(eq(regions.mofDivCode, mof));
  return r?.level ?? 'COUNTY';
}

export async function findDepartment(exec: Executor, mof: string, dept: string) {
  const [d] = await exec
    .select()
    .from(departments)
    .where(and(eq(departments.mofDivCode, mof), eq(departments.deptCode, dept)));
  return d;
}

/** The open task whose scope covers a unit (the newest deadline first). */
export async function taskFor(
  exec: Executor,
  mof: string,
  year: string,
  dept: string,
  agency: string | null,
) {
  const rows = await exec
    .select()
    .from(tasks)
    .where(and(eq(tasks.mofDivCode, mof), eq(tasks.fiscalYear, year), eq(tasks.status, 'OPEN')))
    .orderBy(desc(tasks.deadline));
  return coveringTask(rows, dept, agency);
}

export interface TargetListFilter {
  fiscalYear: string;
  status?: string | undefined;
  step?: string | undefined;
  deptCode?: string | undefined;
  q?: string | undefined;
  /** Steps the actor acts at, and whether drafts of the actor's own units count as to-dos. */
  todo?:
    | {
        steps: string[];
        prepUnits: { mofDivCode: string; agencyCodes: string[] }[];
        prepDepts: { mofDivCode: string; deptCodes: string[] }[];
      }
    | undefined;
}

function listWhere(scope: DataScope, f: TargetListFilter): SQL | undefined {
  const conds: SQL[] = [targetScope(scope), eq(targets.fiscalYear, f.fiscalYear)];
  if (f.status) conds.push(eq(targets.status, f.status as 'DRAFT'));
  if (f.step) conds.push(eq(targets.step, f.step as 'SECTION'));
  if (f.deptCode) conds.push(eq(targets.deptCode, f.deptCode));
  if (f.q) {
    const like = `%${f.q.replace(/[%_\\]/g, '\\$&')}%`;
    const c = or(ilike(targets.proCode, like), ilike(projects.proName, like), ilike(departments.name, like));
    if (c) conds.push(c);
  }
  if (f.todo) {
    const parts: SQL[] = [];
    if (f.todo.steps.length > 0) {
      const c = and(eq(targets.status, 'SUBMITTED'), inArray(targets.step, f.todo.steps as 'SECTION'[]));
      if (c) parts.push(c);
    }
    const mine: SQL[] = [];
    for (const u of f.todo.prepUnits) {
      const c = and(
        eq(targets.kind, 'PROJECT'),
        eq(targets.mofDivCode, u.mofDivCode),
        inArray(targets.agencyCode, u.agencyCodes),
      );
      if (c) mine.push(c);
    }
    for (const d of f.todo.prepDepts) {
      const c = and(
        eq(targets.kind, 'DEPARTMENT'),
        eq(targets.mofDivCode, d.mofDivCode),
        inArray(targets.deptCode, d.deptCodes),
      );
      if (c) mine.push(c);
    }
    if (mine.length > 0) {
      const c = and(inArray(targets.status, ['DRAFT', 'RETURNED', 'UNLOCKED']), or(...mine));
      if (c) parts.push(c);
    }
    conds.push(parts.length > 0 ? (or(...parts) ?? sql`false`) : sql`false`);
  }
  return and(...conds);
}

const listColumns = {
  target: targets,
  proName: projects.proName,
  deptName: departments.name,
  agencyName: agencies.name,
  flagCount: sql<number>`coalesce(jsonb_array_length(${targetVersions.flags}), 0)`,
  deadline: tasks.deadline,
};

export type TargetListRow = {
  target: TargetRow;
  proName: string | null;
  deptName: string | null;
  agencyName: string | null;
  flagCount: number;
  deadline: string | null;
};

export async function findTargetPage(
  exec: Executor,
  scope: DataScope,
  f: TargetListFilter,
  page: number,
  pageSize: number,
): Promise<{ items: TargetListRow[]; total: number }> {
  const where = listWhere(scope, f);
  const items = await exec
    .select(listColumns)
    .from(targets)
    .leftJoin(projects, eq(projects.id, targets.projectId))
    .leftJoin(
      departments,
      and(eq(departments.mofDivCode, targets.mofDivCode), eq(departments.deptCode, targets.deptCode)),
    )
    .leftJoin(
      agencies,
      and(eq(agencies.mofDivCode, targets.mofDivCode), eq(agencies.agencyCode, targets.agencyCode)),
    )
    .leftJoin(
      targetVersions,
      and(eq(targetVersions.targetId, targets.id), eq(targetVersions.versionNo, targets.currentVersion)),
    )
    .leftJoin(tasks, eq(tasks.id, targets.taskId))
    .where(where)
    .orderBy(asc(sql`coalesce(${tasks.deadline}, '9999')`), desc(targets.updatedAt), asc(targets.id))
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  const [c] = await exec
    .select({ n: sql<number>`count(*)` })
    .from(targets)
    .leftJoin(projects, eq(projects.id, targets.projectId))
    .leftJoin(
      departments,
      and(eq(departments.mofDivCode, targets.mofDivCode), eq(departments.deptCode, targets.deptCode)),
    )
    .where(where);
  return { items: items.map((r) => ({ ...r, flagCount: Number(r.flagCount) })), total: Number(c?.n ?? 0) };
}
