/**
 * Roles of the rule book (domain.md §1) as permission sets, each with the kind of data scope
 * it is granted on. The three administrators (三员) hold no business permission.
 */
export const ROLES = [
  'PREPARER',
  'UNIT_LEADER',
  'DEPT_REVIEWER',
  'SECTION_REVIEWER',
  'PERF_OFFICE',
  'EXPERT',
  'AGENCY',
  'SUPERVISOR',
  'SYS_ADMIN',
  'SEC_ADMIN',
  'AUDIT_ADMIN',
] as const;
export type Role = (typeof ROLES)[number];

/** Role names in the glossary's words (zh-CN / en-US), for messages and the UI. */
export const ROLE_LABELS: Record<Role, { zh: string; en: string }> = {
  PREPARER: { zh: '单位填报人', en: 'unit preparer' },
  UNIT_LEADER: { zh: '单位负责人', en: 'unit leader' },
  DEPT_REVIEWER: { zh: '主管部门审核人', en: 'department reviewer' },
  SECTION_REVIEWER: { zh: '财政归口处室', en: 'finance section reviewer' },
  PERF_OFFICE: { zh: '绩效管理机构', en: 'performance office' },
  EXPERT: { zh: '评审专家', en: 'expert' },
  AGENCY: { zh: '第三方机构', en: 'third-party agency' },
  SUPERVISOR: { zh: '监督人员', en: 'supervisor' },
  SYS_ADMIN: { zh: '系统管理员', en: 'system administrator' },
  SEC_ADMIN: { zh: '安全管理员', en: 'security administrator' },
  AUDIT_ADMIN: { zh: '审计管理员', en: 'audit administrator' },
};

export const ADMIN_ROLES: readonly Role[] = ['SYS_ADMIN', 'SEC_ADMIN', 'AUDIT_ADMIN'];

/** What a role's data scope is anchored on. */
export type ScopeKind = 'REGION' | 'DEPARTMENT' | 'UNIT' | 'SECTION' | 'ASSIGNMENT' | 'NONE';

export const ROLE_SCOPE: Record<Role, ScopeKind> = {
  PREPARER: 'UNIT',
  UNIT_LEADER: 'UNIT',
  DEPT_REVIEWER: 'DEPARTMENT',
  SECTION_REVIEWER: 'SECTION',
  PERF_OFFICE: 'REGION',
  EXPERT: 'ASSIGNMENT',
  AGENCY: 'ASSIGNMENT',
  SUPERVISOR: 'REGION',
  SYS_ADMIN: 'REGION',
  SEC_ADMIN: 'REGION',
  AUDIT_ADMIN: 'REGION',
};

export const PERMISSIONS = [
  'project:read',
  'project:write',
  'policy:read',
  'policy:write',
  'org:read',
  'org:manage',
  'user:manage',
  'role:grant',
  'security:policy',
  'audit:read',
  'task:issue',
  'target:prepare',
  'target:approve',
  'library:read',
  'library:manage',
  'import:data',
  'export:data',
  'monitoring:issue',
  'monitoring:report',
  'monitoring:dispose',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  PREPARER: [
    'project:read',
    'project:write',
    'policy:read',
    'org:read',
    'target:prepare',
    'library:read',
    'import:data',
    'monitoring:report',
  ],
  UNIT_LEADER: ['project:read', 'policy:read', 'org:read', 'target:approve', 'library:read'],
  DEPT_REVIEWER: [
    'project:read',
    'policy:read',
    'org:read',
    'target:prepare',
    'target:approve',
    'library:read',
    'export:data',
  ],
  SECTION_REVIEWER: [
    'project:read',
    'policy:read',
    'org:read',
    'target:approve',
    'library:read',
    'export:data',
    'monitoring:dispose',
  ],
  PERF_OFFICE: [
    'project:read',
    'project:write',
    'policy:read',
    'policy:write',
    'org:read',
    'task:issue',
    'target:approve',
    'library:read',
    'library:manage',
    'import:data',
    'export:data',
    'monitoring:issue',
    'monitoring:dispose',
  ],
  EXPERT: ['project:read', 'policy:read', 'library:read'],
  AGENCY: ['project:read', 'policy:read', 'library:read'],
  SUPERVISOR: ['project:read', 'policy:read', 'org:read', 'library:read', 'export:data'],
  SYS_ADMIN: ['org:read', 'org:manage', 'user:manage'],
  SEC_ADMIN: ['role:grant', 'security:policy', 'org:read'],
  AUDIT_ADMIN: ['audit:read'],
};

/** The business data a role can touch at all; administrators get none of it. */
export function isBusinessRole(role: Role): boolean {
  return !ADMIN_ROLES.includes(role);
}

/**
 * Separation of duties for the three administrators: an admin role excludes every other role.
 * Returns the conflicting pair, or null when the set is allowed.
 */
export function findRoleConflict(roles: readonly Role[]): [Role, Role] | null {
  const admins = roles.filter((r) => ADMIN_ROLES.includes(r));
  if (admins.length === 0) return null;
  const first = admins[0];
  const other = roles.find((r) => r !== first);
  return first !== undefined && other !== undefined ? [first, other] : null;
}

export function permissionsOf(roles: readonly Role[]): Permission[] {
  const set = new Set<Permission>();
  for (const r of roles) for (const p of ROLE_PERMISSIONS[r]) set.add(p);
  return [...set].sort();
}
