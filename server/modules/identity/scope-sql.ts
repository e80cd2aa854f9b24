import { and, eq, inArray, or, sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import type { DataScope } from '../../context.ts';

/** The columns of a table (or of an alias in raw SQL) that a data scope filters on. */
export interface ScopeColumns {
  mofDivCode: SQLWrapper;
  deptCode: SQLWrapper;
  agencyCode: SQLWrapper;
  /** The project id the assignments of experts and agencies point at. */
  projectId: SQLWrapper;
}

/**
 * The SQL condition that keeps only the rows inside a data scope: the union of its regions,
 * departments, units and assigned projects; nothing at all when the scope is empty.
 */
export function scopeCondition(scope: DataScope, c: ScopeColumns): SQL {
  const parts: SQL[] = [];
  if (scope.regions.length > 0) parts.push(inArray(c.mofDivCode, scope.regions));
  for (const d of scope.departments) {
    const p = and(eq(c.mofDivCode, d.mofDivCode), inArray(c.deptCode, d.deptCodes));
    if (p) parts.push(p);
  }
  for (const u of scope.units) {
    const p = and(eq(c.mofDivCode, u.mofDivCode), inArray(c.agencyCode, u.agencyCodes));
    if (p) parts.push(p);
  }
  if (scope.assignedProjectIds.length > 0) parts.push(inArray(c.projectId, scope.assignedProjectIds));
  return parts.length > 0 ? (or(...parts) ?? sql`false`) : sql`false`;
}
