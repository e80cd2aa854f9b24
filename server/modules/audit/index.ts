/** Audit log: the hash-chained record every service writes in its own transaction. */
export { makeAuditService, type AuditService, type AuditEvent, type VerifyResult } from './audit.service.ts';
export { auditRoutes } from './audit.routes.ts';
export { GENESIS_HASH } from './hash-chain.ts';
