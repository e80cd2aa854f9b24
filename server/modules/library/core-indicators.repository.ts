/**
 * The core indicators (核心指标) pushed down per region and year: the list of a region, one row,
 * insert and delete, and the library indicators a project must carry (coreRequirementsFor).
 */
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { coreIndicators, libraryIndicators } from '../../db/schema.ts';
import { rowsOf } from './library.repository.ts';

export type CoreIndicatorRow = typeof coreIndicators.$inferSelect;

export type CoreIndicatorWithName = CoreIndicatorRow & { name: string | null };

/** The core indicators of a year pushed down by the regions, with the indicator names. */
export async function findCoreIndicators(
  exec: Executor,
  regionCodes: readonly string[],
  fiscalYear: string,
): Promise<CoreIndicatorWithName[]> {
  if (regionCodes.length === 0) return [];
  const rows = await exec
    .select({ core: coreIndicators, name: libraryIndicators.name })
    .from(coreIndicators)
    .leftJoin(libraryIndicators, eq(libraryIndicators.code, coreIndicators.libraryCode))
    .where(
      and(inArray(coreIndicators.mofDivCode, [...regionCodes]), eq(coreIndicators.fiscalYear, fiscalYear)),
    )
    .orderBy(
      asc(coreIndicators.mofDivCode),
      asc(coreIndicators.libraryCode),
      asc(coreIndicators.funcClassPrefix),
    );
  return rows.map((r) => ({ ...r.core, name: r.name }));
}

export async function findCoreIndicator(exec: Executor, id: string): Promise<CoreIndicatorRow | undefined> {
  const rows = await exec.select().from(coreIndicators).where(eq(coreIndicators.id, id));
  return rows[0];
}

export async function insertCoreIndicator(exec: Executor, v: typeof coreIndicators.$inferInsert) {
  const rows = await exec.insert(coreIndicators).values(v).returning();
  return rows[0];
}

export async function deleteCoreIndicator(exec: Executor, id: string): Promise<void> {
  await exec.delete(coreIndicators).where(eq(coreIndicators.id, id));
}

export interface CoreLibraryRow {
  code: string;
  name: string;
  sign: string;
  unit: string | null;
  kpi_lv1: string;
  kpi_lv2: string;
  progress: 'CUMULATIVE' | 'LEVEL';
}

/**
 * The active, valid library indicators pushed down as core for a year by any of the regions
 * whose 功能分类 prefix covers `funcClass` ('' covers every project) and whose department is
 * `deptCode` or unset.
 */
export async function findCoreLibraryRows(
  exec: Executor,
  q: {
    regionCodes: readonly string[];
    fiscalYear: string;
    funcClass: string | null;
    deptCode: string | null;
  },
): Promise<CoreLibraryRow[]> {
  if (q.regionCodes.length === 0) return [];
  return rowsOf<CoreLibraryRow>(
    exec,
    sql`select distinct ${libraryIndicators.code} as code, ${libraryIndicators.name} as name,
               ${libraryIndicators.sign} as sign, ${libraryIndicators.unit} as unit,
               ${libraryIndicators.kpiLv1} as kpi_lv1, ${libraryIndicators.kpiLv2} as kpi_lv2,
               ${libraryIndicators.progress} as progress
        from ${coreIndicators}
        join ${libraryIndicators} on ${libraryIndicators.code} = ${coreIndicators.libraryCode}
        where ${inArray(coreIndicators.mofDivCode, [...q.regionCodes])}
          and ${coreIndicators.fiscalYear} = ${q.fiscalYear}
          and (${coreIndicators.funcClassPrefix} = ''
               or ${q.funcClass ?? ''} like ${coreIndicators.funcClassPrefix} || '%')
          and (${coreIndicators.deptCode} is null or ${coreIndicators.deptCode} = ${q.deptCode ?? ''})
          and ${libraryIndicators.status} = 'ACTIVE'
          and (${libraryIndicators.validFrom} is null or ${libraryIndicators.validFrom} <= ${q.fiscalYear})
          and (${libraryIndicators.validTo} is null or ${libraryIndicators.validTo} >= ${q.fiscalYear})
        order by code`,
  );
}
