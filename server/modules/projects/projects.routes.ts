import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZProject, ZProjectList, ZProjectListQuery } from '../../../contracts/api.ts';
import { actorOf, idOrNotFound } from '../../plugins/request-context.ts';
import { projectsWorkbook } from './projects.export.ts';
import type { ProjectsService } from './projects.service.ts';

export function projectsRoutes(deps: { projects: ProjectsService }): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/projects',
      {
        config: { auth: 'project:read' },
        schema: { tags: ['projects'], querystring: ZProjectListQuery, response: { 200: ZProjectList } },
      },
      (req) => deps.projects.list(actorOf(req), req.query),
    );
    app.get(
      '/projects/export',
      {
        config: { auth: 'export:data' },
        schema: { tags: ['projects'], querystring: ZProjectListQuery.omit({ page: true, page_size: true }) },
      },
      async (req, reply) => {
        const actor = actorOf(req);
        const file = encodeURIComponent(actor.lang === 'en-US' ? 'projects.xlsx' : '项目库.xlsx');
        reply
          .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
          .header('content-disposition', `attachment; filename*=UTF-8''${file}`);
        return reply.send(projectsWorkbook(deps.projects.stream(actor, req.query), actor.lang));
      },
    );
    app.get(
      '/projects/:id',
      {
        config: { auth: 'project:read' },
        schema: {
          tags: ['projects'],
          params: z.object({ id: z.string().max(200) }),
          response: { 200: ZProject },
        },
      },
      (req) => deps.projects.get(actorOf(req), idOrNotFound(req.params.id)),
    );
  };
}
