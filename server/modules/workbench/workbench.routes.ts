import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZMofDivCode, ZWorkbench, ZYear } from '../../../contracts/api.ts';
import { actorOf } from '../../plugins/request-context.ts';
import type { ProjectsService } from '../projects/index.ts';
import type { RecentService } from '../recent/index.ts';

/**
 * Every user's home: to-dos (filled by the task stages), recent items and the figures of the
 * user's scope.
 */
export function workbenchRoutes(deps: {
  projects: ProjectsService;
  recent: RecentService;
}): FastifyPluginAsyncZod {
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
        const figures = await deps.projects.summary(actor, req.query.fiscal_year, req.query.mof_div_code);
        const recent = await deps.recent.list(actor, req.query.mof_div_code);
        return { todos: [], recent, figures };
      },
    );
  };
}
