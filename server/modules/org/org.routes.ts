import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ZAgency,
  ZCreateAgency,
  ZCreateDepartment,
  ZDepartment,
  ZMofDivCode,
  ZOrgTree,
} from '../../../contracts/api.ts';
import { actorOf } from '../../plugins/request-context.ts';
import type { OrgService } from './org.service.ts';

export function orgRoutes(deps: { org: OrgService }): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/org/tree',
      {
        config: { auth: 'org:read' },
        schema: {
          tags: ['org'],
          querystring: z.object({ mof_div_code: ZMofDivCode.optional() }),
          response: { 200: ZOrgTree },
        },
      },
      (req) => deps.org.tree(actorOf(req), req.query.mof_div_code),
    );
    app.post(
      '/org/departments',
      {
        config: { auth: 'org:manage' },
        schema: { tags: ['org'], body: ZCreateDepartment, response: { 201: ZDepartment } },
      },
      async (req, reply) => reply.code(201).send(await deps.org.createDepartment(actorOf(req), req.body)),
    );
    app.post(
      '/org/agencies',
      {
        config: { auth: 'org:manage' },
        schema: { tags: ['org'], body: ZCreateAgency, response: { 201: ZAgency } },
      },
      async (req, reply) => reply.code(201).send(await deps.org.createAgency(actorOf(req), req.body)),
    );
  };
}
