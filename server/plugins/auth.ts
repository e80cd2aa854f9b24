import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasPermission } from '../context.ts';
import { AppError } from '../errors.ts';
import type { AuthService } from '../modules/identity/index.ts';
import { langOf } from './request-context.ts';

export const SESSION_COOKIE = 'pb_session';
export const CSRF_COOKIE = 'csrf_token';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function setSessionCookies(reply: FastifyReply, request: FastifyRequest, token: string, csrf: string) {
  const secure = request.protocol === 'https';
  reply.setCookie(SESSION_COOKIE, token, { path: '/', httpOnly: true, sameSite: 'lax', secure });
  reply.setCookie(CSRF_COOKIE, csrf, { path: '/', httpOnly: false, sameSite: 'lax', secure });
}

export function clearSessionCookies(reply: FastifyReply) {
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
  reply.clearCookie(CSRF_COOKIE, { path: '/' });
}

export function requestInfo(request: FastifyRequest) {
  const ua = request.headers['user-agent'];
  return {
    ip: request.ip,
    requestId: String(request.id),
    userAgent: typeof ua === 'string' ? ua : null,
    lang: langOf(request),
  };
}

/**
 * Authentication and coarse authorisation for every /api route, before the body is validated:
 * 401 without a valid session, 403 AUTH.CSRF when a state-changing request does not echo the
 * csrf_token cookie in X-CSRF-Token, 403 AUTH.PASSWORD_CHANGE_REQUIRED until a forced password
 * change is done, 403 AUTH.FORBIDDEN without the route's permission.
 */
export function registerAuth(app: FastifyInstance, auth: AuthService) {
  app.decorateRequest('actor', null);
  app.decorateRequest('sessionToken', null);
  app.addHook('onRequest', async (request) => {
    const rule = request.routeOptions.config.auth;
    if (rule === undefined || rule === 'public') return;
    const token = request.cookies[SESSION_COOKIE];
    const session = token ? await auth.authenticate(token, requestInfo(request)) : null;
    if (!token || !session) throw new AppError('AUTH.UNAUTHENTICATED');
    if (!SAFE_METHODS.has(request.method)) {
      const header = request.headers['x-csrf-token'];
      if (typeof header !== 'string' || header.length === 0 || header !== session.csrfToken) {
        throw new AppError('AUTH.CSRF');
      }
    }
    request.actor = session.actor;
    request.sessionToken = token;
    if (session.mustChangePassword && rule !== 'password-change') {
      throw new AppError('AUTH.PASSWORD_CHANGE_REQUIRED');
    }
    if (rule !== 'session' && rule !== 'password-change' && !hasPermission(session.actor, rule)) {
      throw new AppError('AUTH.FORBIDDEN');
    }
  });
}
