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
  'SUBMIT',
  'APPROVE',
  'RETURN',
  'REJECT',
  'UNLOCK',
  'ADJUST',
  'REMIND',
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
  'target',
  'task',
  'library_indicator',
  'core_indicator',
  'import',
] as const;
export type AuditEntity = (typeof AUDIT_ENTITIES)[number];
