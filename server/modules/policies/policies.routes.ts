import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZMofDivCode, ZPolicyView, ZSavePolicy, ZYear } from '../../../contracts/api.ts';
import { actorOf } from '../../plugins/request-context.ts';
import type { PoliciesService } from './policies.service.ts';

const ZParams = z.object({ mof_div_code: ZMofDivCode, fiscal_year: ZYear });

export function policiesRoutes(deps: { policies: PoliciesService }): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/policies/:mof_div_code/:fiscal_year',
      {
        config: { auth: 'policy:read' },
        schema: { tags: ['policies'], params: ZParams, response: { 200: ZPolicyView } },
      },
      (req) => deps.policies.view(actorOf(req), req.params.mof_div_code, req.params.fiscal_year),
    );
    app.put(
      '/policies/:mof_div_code/:fiscal_year',
      {
        config: { auth: 'policy:write' },
        schema: { tags: ['policies'], params: ZParams, body: ZSavePolicy, response: { 200: ZPolicyView } },
      },
      (req) => deps.policies.save(actorOf(req), req.params.mof_div_code, req.params.fiscal_year, req.body),
    );
  };
}
