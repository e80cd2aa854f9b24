import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZNotificationList } from '../../../contracts/api.ts';
import { actorOf, idOrNotFound, noContent } from '../../plugins/request-context.ts';
import type { NotificationsService } from './notifications.service.ts';

export function notificationsRoutes(deps: { notifications: NotificationsService }): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/notifications',
      {
        config: { auth: 'session' },
        schema: { tags: ['notifications'], response: { 200: ZNotificationList } },
      },
      (req) => deps.notifications.list(actorOf(req)),
    );
    app.post(
      '/notifications/:id/read',
      {
        config: { auth: 'session' },
        schema: { tags: ['notifications'], params: z.object({ id: z.string().max(64) }) },
      },
      async (req, reply) => {
        await deps.notifications.markRead(actorOf(req), idOrNotFound(req.params.id));
        return noContent(reply);
      },
    );
  };
}
