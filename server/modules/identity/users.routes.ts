import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZCreateUser, ZGrantRoles, ZUpdateUser, ZUser } from '../../../contracts/api.ts';
import { AppError } from '../../errors.ts';
import { actorOf, idOrNotFound } from '../../plugins/request-context.ts';
import type { UsersService } from './users.service.ts';

const ZId = z.object({ id: z.string().max(64) });

/** User accounts (system administrator) and role grants (security administrator). */
export function usersRoutes(deps: { users: UsersService }): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/users',
      {
        config: { auth: 'session' },
        schema: {
          tags: ['users'],
          querystring: z.object({
            q: z.string().max(64).optional(),
            page: z.coerce.number().int().min(1).default(1),
            page_size: z.coerce.number().int().min(1).max(200).default(20),
          }),
          response: { 200: z.object({ items: z.array(ZUser), total: z.number().int() }) },
        },
        preHandler: async (req) => {
          const p = actorOf(req).permissions;
          if (!p.includes('user:manage') && !p.includes('role:grant')) throw new AppError('AUTH.FORBIDDEN');
        },
      },
      (req) => deps.users.list(req.query.q, req.query.page, req.query.page_size),
    );
    app.post(
      '/users',
      {
        config: { auth: 'user:manage' },
        schema: { tags: ['users'], body: ZCreateUser, response: { 201: ZUser } },
      },
      async (req, reply) => reply.code(201).send(await deps.users.createUser(actorOf(req), req.body)),
    );
    app.patch(
      '/users/:id',
      {
        config: { auth: 'user:manage' },
        schema: { tags: ['users'], params: ZId, body: ZUpdateUser, response: { 200: ZUser } },
      },
      (req) => deps.users.update(actorOf(req), idOrNotFound(req.params.id), req.body),
    );
    app.put(
      '/users/:id/roles',
      {
        config: { auth: 'role:grant' },
        schema: { tags: ['users'], params: ZId, body: ZGrantRoles, response: { 200: ZUser } },
      },
      (req) =>
        deps.users.grantRoles(actorOf(req), idOrNotFound(req.params.id), req.body.version, req.body.roles),
    );
  };
}
