import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZCreateTask, ZOverdueList, ZTask } from '../../../contracts/targets.ts';
import { actorOf, idOrNotFound } from '../../plugins/request-context.ts';
import type { TasksService } from './tasks.service.ts';

const ZId = z.object({ id: z.string().max(200) });

export function tasksRoutes(deps: { tasks: TasksService }): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['tasks'];
    app.get(
      '/tasks',
      {
        config: { auth: 'project:read' },
        schema: {
          tags,
          querystring: z.object({
            fiscal_year: z
              .string()
              .regex(/^\d{4}$/)
              .optional(),
          }),
          response: { 200: z.object({ items: z.array(ZTask) }) },
        },
      },
      (req) => deps.tasks.list(actorOf(req), req.query.fiscal_year),
    );
    app.post(
      '/tasks',
      { config: { auth: 'task:issue' }, schema: { tags, body: ZCreateTask, response: { 200: ZTask } } },
      (req) => deps.tasks.create(actorOf(req), req.body),
    );
    app.get(
      '/tasks/:id',
      { config: { auth: 'project:read' }, schema: { tags, params: ZId, response: { 200: ZTask } } },
      (req) => deps.tasks.get(actorOf(req), idOrNotFound(req.params.id)),
    );
    app.get(
      '/tasks/:id/overdue',
      {
        config: { auth: 'project:read' },
        schema: {
          tags,
          params: ZId,
          querystring: z.object({
            page: z.coerce.number().int().min(1).default(1),
            page_size: z.coerce.number().int().min(1).max(200).default(20),
          }),
          response: { 200: ZOverdueList },
        },
      },
      (req) =>
        deps.tasks.pending(actorOf(req), idOrNotFound(req.params.id), req.query.page, req.query.page_size),
    );
    app.post(
      '/tasks/:id/remind',
      {
        config: { auth: 'task:issue' },
        schema: { tags, params: ZId, response: { 200: z.object({ notified: z.number().int() }) } },
      },
      (req) => deps.tasks.remind(actorOf(req), idOrNotFound(req.params.id)),
    );
  };
}
