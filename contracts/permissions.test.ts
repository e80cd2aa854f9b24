import { describe, expect, it } from 'vitest';
import {
  ADMIN_ROLES,
  findRoleConflict,
  isBusinessRole,
  permissionsOf,
  ROLE_PERMISSIONS,
  ROLES,
} from './permissions.ts';

describe('roles and permissions', () => {
  it('keeps the three administrators apart from each other and from business roles', () => {
    expect(findRoleConflict(['SYS_ADMIN'])).toBeNull();
    expect(findRoleConflict(['PREPARER', 'UNIT_LEADER'])).toBeNull();
    expect(findRoleConflict(['SYS_ADMIN', 'AUDIT_ADMIN'])).toEqual(['SYS_ADMIN', 'AUDIT_ADMIN']);
    expect(findRoleConflict(['PREPARER', 'SEC_ADMIN'])).toEqual(['SEC_ADMIN', 'PREPARER']);
  });

  it('gives administrators no business permission and only the auditor the audit log', () => {
    for (const r of ADMIN_ROLES) {
      expect(isBusinessRole(r)).toBe(false);
      expect(ROLE_PERMISSIONS[r]).not.toContain('project:read');
    }
    const readers = ROLES.filter((r) => ROLE_PERMISSIONS[r].includes('audit:read'));
    expect(readers).toEqual(['AUDIT_ADMIN']);
  });

  it('keeps supervisors read-only', () => {
    expect(
      permissionsOf(['SUPERVISOR']).filter((p) => /write|manage|grant|approve|prepare|issue/.test(p)),
    ).toEqual([]);
  });
});
