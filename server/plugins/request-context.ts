import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Lang } from '../../contracts/errors.ts';
import type { Permission } from '../../contracts/permissions.ts';
import type { Actor } from '../context.ts';
import { AppError } from '../errors.ts';

/** How a route is protected: public, any logged-in user, or a permission. */
export type RouteAuth = 'public' | 'session' | 'password-change' | Permission;

declare module 'fastify' {
  interface FastifyContextConfig {
    auth?: RouteAuth;
  }
  interface FastifyRequest {
    actor: Actor | null;
    sessionToken: string | null;
  }
}

export function langOf(request: FastifyRequest): Lang {
  const h = request.headers['accept-language'];
  return typeof h === 'string' && /^en/i.test(h.trim()) ? 'en-US' : 'zh-CN';
}

/** The actor of an authenticated route (the auth hook guarantees it is set). */
export function actorOf(request: FastifyRequest): Actor {
  if (!request.actor) throw new Error('route without authentication');
  return request.actor;
}

export function noContent(reply: FastifyReply) {
  return reply.code(204).send();
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids are opaque strings to clients: anything that is not one of ours is simply not found. */
export function idOrNotFound(raw: string): string {
  if (!UUID.test(raw)) throw new AppError('NOT_FOUND');
  return raw.toLowerCase();
}
