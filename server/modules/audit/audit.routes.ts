import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ZAuditList, ZAuditQuery, ZAuditVerify } from '../../../contracts/api.ts';
import type { Database } from '../../db/client.ts';
import type { AuditService } from './audit.service.ts';

/** The audit viewer for the audit administrator: filtered pages and chain verification. */
export function auditRoutes(deps: { database: Database; audit: AuditService }): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/audit',
      {
        config: { auth: 'audit:read' },
        schema: { tags: ['audit'], querystring: ZAuditQuery, response: { 200: ZAuditList } },
      },
      async (req) => {
        const q = req.query;
        return deps.audit.findPage(
          deps.database.db,
          {
            actor: q.actor,
            entity: q.entity,
            entityId: q.entity_id,
            action: q.action,
            from: q.from ? new Date(q.from) : undefined,
            to: q.to ? new Date(q.to) : undefined,
          },
          q.page,
          q.page_size,
        );
      },
    );
    app.get(
      '/audit/verify',
      { config: { auth: 'audit:read' }, schema: { tags: ['audit'], response: { 200: ZAuditVerify } } },
      async () => {
        const r = await deps.audit.verify(deps.database.db);
        return {
          ok: r.ok,
          count: r.count,
          head_hash: r.head_hash,
          first_broken_seq: r.first_broken_seq,
          reason: r.reason,
        };
      },
    );
  };
}
