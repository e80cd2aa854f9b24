import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import {
  agencies,
  departments,
  fiscalYears,
  regions,
  sectionDepartments,
  sections,
} from '../../db/schema.ts';

export async function findRegions(exec: Executor, codes?: string[]) {
  const q = exec.select().from(regions);
  return codes
    ? q.where(inArray(regions.mofDivCode, codes)).orderBy(asc(regions.mofDivCode))
    : q.orderBy(asc(regions.mofDivCode));
}

export async function findRegion(exec: Executor, code: string) {
  const rows = await exec.select().from(regions).where(eq(regions.mofDivCode, code));
  return rows[0];
}

export async function findDepartments(exec: Executor, mof: string, deptCodes?: string[]) {
  const rows = await exec
    .select({
      id: departments.id,
      mofDivCode: departments.mofDivCode,
      deptCode: departments.deptCode,
      name: departments.name,
      // Correlated subqueries: the outer columns are named with their table explicitly.
      agencyCount: sql<number>`(select count(*) from agencies a where a.mof_div_code = departments.mof_div_code and a.dept_code = departments.dept_code)`,
      sectionCode: sql<
        string | null
      >`(select min(sd.section_code) from section_departments sd where sd.mof_div_code = departments.mof_div_code and sd.dept_code = departments.dept_code)`,
    })
    .from(departments)
    .where(
      deptCodes
        ? and(eq(departments.mofDivCode, mof), inArray(departments.deptCode, deptCodes))
        : eq(departments.mofDivCode, mof),
    )
    .orderBy(asc(departments.deptCode));
  return rows.map((r) => ({ ...r, agencyCount: Number(r.agencyCount) }));
}

export async function findAgencies(
  exec: Executor,
  mof: string,
  filter?: { deptCodes?: string[]; agencyCodes?: string[] },
) {
  const conds = [eq(agencies.mofDivCode, mof)];
  if (filter?.deptCodes) conds.push(inArray(agencies.deptCode, filter.deptCodes));
  if (filter?.agencyCodes) conds.push(inArray(agencies.agencyCode, filter.agencyCodes));
  return exec
    .select()
    .from(agencies)
    .where(and(...conds))
    .orderBy(asc(agencies.agencyCode));
}

export async function findSections(exec: Executor, mof: string) {
  const list = await exec
    .select()
    .from(sections)
    .where(eq(sections.mofDivCode, mof))
    .orderBy(asc(sections.sectionCode));
  const links = await exec.select().from(sectionDepartments).where(eq(sectionDepartments.mofDivCode, mof));
  return list.map((s) => ({
    ...s,
    deptCodes: links
      .filter((l) => l.sectionCode === s.sectionCode)
      .map((l) => l.deptCode)
      .sort(),
  }));
}

export async function findFiscalYears(exec: Executor, mofCodes: string[]) {
  if (mofCodes.length === 0) return [];
  return exec
    .selectDistinct({ fiscalYear: fiscalYears.fiscalYear, status: fiscalYears.status })
    .from(fiscalYears)
    .where(inArray(fiscalYears.mofDivCode, mofCodes))
    .orderBy(desc(fiscalYears.fiscalYear));
}

export async function insertDepartment(exec: Executor, v: typeof departments.$inferInsert) {
  const rows = await exec.insert(departments).values(v).returning();
  return rows[0];
}

export async function insertAgency(exec: Executor, v: typeof agencies.$inferInsert) {
  const rows = await exec.insert(agencies).values(v).returning();
  return rows[0];
}

export async function findDepartment(exec: Executor, mof: string, deptCode: string) {
  const rows = await exec
    .select()
    .from(departments)
    .where(and(eq(departments.mofDivCode, mof), eq(departments.deptCode, deptCode)));
  return rows[0];
}

export async function findAgency(exec: Executor, mof: string, agencyCode: string) {
  const rows = await exec
    .select()
    .from(agencies)
    .where(and(eq(agencies.mofDivCode, mof), eq(agencies.agencyCode, agencyCode)));
  return rows[0];
}

export async function findSection(exec: Executor, mof: string, sectionCode: string) {
  const rows = await exec
    .select()
    .from(sections)
    .where(and(eq(sections.mofDivCode, mof), eq(sections.sectionCode, sectionCode)));
  return rows[0];
}
