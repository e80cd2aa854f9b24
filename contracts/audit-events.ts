/** Audit event types: entity and action names written to the audit log by services. */
export const AUDIT_ACTIONS = [
  'CREATE',
  'UPDATE',
  'DELETE',
  'LOGIN',
  'LOGIN_FAILED',
  'LOGOUT',
  'LOCK',
  'PASSWORD_CHANGE',
  'ROLE_GRANT',
  'ROLE_REVOKE',
  'IMPORT',
  'SEED',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export const AUDIT_ENTITIES = [
  'region',
  'department',
  'agency',
  'section',
  'fiscal_year',
  'project',
  'policy',
  'user',
  'session',
  'security_policy',
  'system',
] as const;
export type AuditEntity = (typeof AUDIT_ENTITIES)[number];
