import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZMofDivCode, ZWorkbench, ZYear } from '../../../contracts/api.ts';
import { actorOf } from '../../plugins/request-context.ts';
import { money, type ProjectsService } from '../projects/index.ts';

/**
 * Every user's home: to-dos (filled by the task stages), recent items and the figures of the
 * user's scope.
 */
export function workbenchRoutes(deps: { projects: ProjectsService }): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/workbench',
      {
        config: { auth: 'project:read' },
        schema: {
          tags: ['workbench'],
          querystring: z.object({ fiscal_year: ZYear.optional(), mof_div_code: ZMofDivCode.optional() }),
          response: { 200: ZWorkbench },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        const s = await deps.projects.summary(actor, req.query.fiscal_year, req.query.mof_div_code);
        return {
          todos: [],
          recent: [],
          figures: {
            project_count: Number(s?.total?.n ?? 0),
            total_amount: money(s?.total?.amount ?? '0'),
            by_budget_kind: (s?.byKind ?? []).map((k) => ({
              budget_kind: k.budgetKind,
              count: Number(k.n),
              amount: money(k.amount),
            })),
            department_count: Number(s?.total?.depts ?? 0),
            agency_count: Number(s?.total?.units ?? 0),
          },
        };
      },
    );
  };
}
