import { ROLE_SCOPE, type Role } from '../../../contracts/permissions.ts';
import type { DataScope } from '../../context.ts';

export interface RegionLink {
  mofDivCode: string;
  parentCode: string | null;
}

/** The region and every region below it. */
export function regionWithDescendants(root: string, all: readonly RegionLink[]): string[] {
  const children = new Map<string, string[]>();
  for (const r of all) {
    if (r.parentCode) children.set(r.parentCode, [...(children.get(r.parentCode) ?? []), r.mofDivCode]);
  }
  const out: string[] = [];
  const stack = [root];
  while (stack.length > 0) {
    const c = stack.pop();
    if (c === undefined || out.includes(c)) continue;
    out.push(c);
    stack.push(...(children.get(c) ?? []));
  }
  return out.sort();
}

export interface UserOrg {
  mofDivCode: string;
  deptCode: string | null;
  agencyCode: string | null;
  sectionDeptCodes: string[];
}

/**
 * The data scope of a user: the union over its business roles of the region (with the regions
 * below), the department, the unit, or the departments assigned to its finance section.
 * Administrator roles add nothing.
 */
export function buildScope(roles: readonly Role[], org: UserOrg, regions: readonly RegionLink[]): DataScope {
  const scope: DataScope = {
    regions: [],
    departments: [],
    units: [],
    assignedProjectIds: [],
    orgRegions: [],
  };
  for (const role of roles) {
    const kind = ROLE_SCOPE[role];
    if (role === 'SYS_ADMIN' || role === 'SEC_ADMIN' || role === 'AUDIT_ADMIN') {
      // Administrators manage the organisation of their region, never its business data.
      for (const code of regionWithDescendants(org.mofDivCode, regions)) {
        if (!scope.orgRegions.includes(code)) scope.orgRegions.push(code);
      }
      continue;
    }
    switch (kind) {
      case 'REGION':
        for (const code of regionWithDescendants(org.mofDivCode, regions)) {
          if (!scope.regions.includes(code)) scope.regions.push(code);
        }
        break;
      case 'DEPARTMENT':
        if (org.deptCode) scope.departments.push({ mofDivCode: org.mofDivCode, deptCodes: [org.deptCode] });
        break;
      case 'SECTION':
        if (org.sectionDeptCodes.length > 0) {
          scope.departments.push({ mofDivCode: org.mofDivCode, deptCodes: [...org.sectionDeptCodes] });
        }
        break;
      case 'UNIT':
        if (org.agencyCode) scope.units.push({ mofDivCode: org.mofDivCode, agencyCodes: [org.agencyCode] });
        break;
      case 'ASSIGNMENT':
      case 'NONE':
        break;
    }
  }
  scope.orgRegions = [...new Set([...scope.orgRegions, ...scopeRegions(scope)])].sort();
  return scope;
}

/** Whether the scope sees anything in a region at all (for the region switch). */
export function scopeRegions(scope: DataScope): string[] {
  const set = new Set<string>(scope.regions);
  for (const d of scope.departments) set.add(d.mofDivCode);
  for (const u of scope.units) set.add(u.mofDivCode);
  return [...set].sort();
}
