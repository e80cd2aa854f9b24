import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZChangePasswordRequest, ZLoginRequest, ZMe } from '../../../contracts/api.ts';
import { ZSecurityPolicy } from '../../../domain/policy/security-policy.ts';
import { clearSessionCookies, requestInfo, setSessionCookies } from '../../plugins/auth.ts';
import { actorOf, noContent } from '../../plugins/request-context.ts';
import type { OrgService } from '../org/index.ts';
import type { AuthService } from './auth.service.ts';
import { scopeRegions } from './scope.ts';
import { AppError } from '../../errors.ts';

const ZSecurityPolicyView = z.object({ version: z.number().int(), policy: ZSecurityPolicy });

export function authRoutes(deps: {
  auth: AuthService;
  org: OrgService;
  /** The per-IP login limit, read per attempt (the security policy can change it). */
  loginRatePerMinute: () => Promise<number>;
}): FastifyPluginAsyncZod {
  return async (app) => {
    async function me(actorId: string, actor: ReturnType<typeof actorOf>) {
      const user = await deps.auth.findUser(actorId);
      if (!user) throw new AppError('AUTH.UNAUTHENTICATED');
      const regionCodes = scopeRegions(actor.scope);
      const security = await deps.auth.getSecurityPolicy();
      // Experts and agencies without assignments still work in their own region and its years.
      const visible =
        regionCodes.length > 0
          ? regionCodes
          : actor.scope.orgRegions.length > 0
            ? actor.scope.orgRegions
            : [user.mofDivCode];
      return {
        id: user.id,
        username: user.username,
        display_name: user.displayName,
        roles: actor.roles,
        org: await deps.org.describe(user),
        permissions: actor.permissions,
        must_change_password: user.mustChangePassword,
        fiscal_years: await deps.org.fiscalYearsOf(visible),
        regions: await deps.org.regionsOf(visible),
        password_policy: {
          password_min_length: security.policy.password_min_length,
          password_min_classes: security.policy.password_min_classes,
        },
      };
    }

    app.post(
      '/auth/login',
      {
        config: {
          auth: 'public',
          rateLimit: { max: () => deps.loginRatePerMinute(), timeWindow: '1 minute' },
        },
        schema: { tags: ['auth'], body: ZLoginRequest, response: { 200: ZMe } },
      },
      async (req, reply) => {
        const r = await deps.auth.login(req.body.username, req.body.password, requestInfo(req));
        setSessionCookies(reply, req, r.token, r.csrfToken);
        return me(r.actor.userId, r.actor);
      },
    );
    app.post(
      '/auth/logout',
      { config: { auth: 'password-change' }, schema: { tags: ['auth'] } },
      async (req, reply) => {
        await deps.auth.logout(req.sessionToken ?? '', actorOf(req));
        clearSessionCookies(reply);
        return noContent(reply);
      },
    );
    app.post(
      '/auth/password',
      { config: { auth: 'password-change' }, schema: { tags: ['auth'], body: ZChangePasswordRequest } },
      async (req, reply) => {
        await deps.auth.changePassword(
          actorOf(req),
          req.body.old_password,
          req.body.new_password,
          req.sessionToken ?? '',
        );
        return noContent(reply);
      },
    );
    app.get(
      '/me',
      { config: { auth: 'password-change' }, schema: { tags: ['auth'], response: { 200: ZMe } } },
      (req) => {
        const actor = actorOf(req);
        return me(actor.userId, actor);
      },
    );
    app.get(
      '/security-policy',
      {
        config: { auth: 'security:policy' },
        schema: { tags: ['security'], response: { 200: ZSecurityPolicyView } },
      },
      () => deps.auth.getSecurityPolicy(),
    );
    app.put(
      '/security-policy',
      {
        config: { auth: 'security:policy' },
        schema: {
          tags: ['security'],
          body: z.object({ version: z.number().int().min(0), policy: z.unknown() }),
          response: { 200: ZSecurityPolicyView },
        },
      },
      (req) => deps.auth.saveSecurityPolicy(actorOf(req), req.body.version, req.body.policy),
    );
  };
}
