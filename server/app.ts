import crypto from 'node:crypto';
import fs from 'node:fs';
import Fastify, { type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { ZHealth } from '../contracts/api.ts';
import { ping } from './db/client.ts';
import type { Deps } from './deps.ts';
import { auditRoutes } from './modules/audit/index.ts';
import { authRoutes, usersRoutes } from './modules/identity/index.ts';
import { importsRoutes } from './modules/imports/index.ts';
import { libraryRoutes } from './modules/library/index.ts';
import { monitoringRoutes } from './modules/monitoring/index.ts';
import { notificationsRoutes } from './modules/notifications/index.ts';
import { orgRoutes } from './modules/org/index.ts';
import { policiesRoutes } from './modules/policies/index.ts';
import { projectsRoutes } from './modules/projects/index.ts';
import { targetsRoutes } from './modules/targets/index.ts';
import { tasksRoutes } from './modules/tasks/index.ts';
import { workbenchRoutes } from './modules/workbench/index.ts';
import { registerAuth } from './plugins/auth.ts';
import { registerErrorHandler } from './plugins/error-handler.ts';

export interface AppOptions {
  logLevel?: string;
  trustProxy?: boolean;
  /** Built web client to serve at / (absent in API-only tests). */
  webDist?: string | undefined;
  /**
   * Requests per minute per IP across the API, and for login (default: the security policy's
   * login_rate_per_minute, read on each attempt).
   */
  rateLimit?: { global: number; login?: number };
}

/** Build the HTTP application from its dependencies (tests call the same function). */
export async function buildApp(deps: Deps, opts: AppOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: { level: opts.logLevel ?? 'silent' },
    trustProxy: opts.trustProxy ?? false,
    genReqId: () => crypto.randomUUID(),
    bodyLimit: 10 * 1024 * 1024,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandler(app, opts.webDist && fs.existsSync(opts.webDist) ? opts.webDist : undefined);

  await app.register(cookie);
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        fontSrc: ["'self'", 'data:'],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: null,
      },
    },
    hsts: opts.trustProxy ? { maxAge: 31536000 } : false,
  });
  const limits = opts.rateLimit ?? { global: 1200 };
  await app.register(rateLimit, { global: true, max: limits.global, timeWindow: '1 minute' });
  const fixedLogin = limits.login;
  const loginRate =
    fixedLogin === undefined
      ? async () => (await deps.auth.getSecurityPolicy()).policy.login_rate_per_minute
      : () => Promise.resolve(fixedLogin);
  await app.register(swagger, {
    openapi: {
      info: { title: 'PerfBudget API', version: '1' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'pb_session' } } },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  registerAuth(app, deps.auth);

  await app.register(
    async (api) => {
      api.get(
        '/health',
        { config: { auth: 'public' }, schema: { tags: ['system'], response: { 200: ZHealth } } },
        async () => {
          await ping(deps.database);
          return { status: 'ok' as const, database: deps.database.kind };
        },
      );
      await api.register(
        authRoutes({
          auth: deps.auth,
          org: deps.org,
          loginRatePerMinute: loginRate,
        }),
      );
      await api.register(usersRoutes({ users: deps.users }));
      await api.register(orgRoutes({ org: deps.org }));
      await api.register(projectsRoutes({ projects: deps.projects }));
      await api.register(policiesRoutes({ policies: deps.policies }));
      await api.register(libraryRoutes({ library: deps.library, coreIndicators: deps.coreIndicators }));
      await api.register(
        targetsRoutes({ targets: deps.targets, review: deps.review, targetsList: deps.targetsList }),
      );
      await api.register(tasksRoutes({ tasks: deps.tasks }));
      await api.register(importsRoutes({ imports: deps.imports, exports: deps.exports }));
      await api.register(
        monitoringRoutes({
          rounds: deps.rounds,
          reports: deps.reports,
          dispositions: deps.dispositions,
          payments: deps.payments,
          imports: deps.imports,
        }),
      );
      await api.register(auditRoutes({ database: deps.database, audit: deps.audit }));
      await api.register(notificationsRoutes({ notifications: deps.notifications }));
      await api.register(workbenchRoutes({ projects: deps.projects, recent: deps.recent }));
    },
    { prefix: '/api/v1' },
  );

  const webDist = opts.webDist;
  if (webDist && fs.existsSync(webDist)) {
    // wildcard: files are looked up per request, so a rebuilt client is served without a
    // restart; client routes fall through to the not-found handler, which answers the index.
    await app.register(fastifyStatic, { root: webDist, wildcard: true });
  }
  return app;
}
