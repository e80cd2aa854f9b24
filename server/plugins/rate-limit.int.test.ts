import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, testDatabaseKind } from '../../test/db.ts';
import { buildFixture } from '../../test/fixtures.ts';
import { buildApp } from '../app.ts';
import type { Database } from '../db/client.ts';

let database: Database;
let app: Awaited<ReturnType<typeof buildApp>>;
let fx: Awaited<ReturnType<typeof buildFixture>>;

beforeAll(async () => {
  database = await openTestDatabase();
  fx = await buildFixture(database);
  app = await buildApp(fx.deps, { rateLimit: { global: 50, login: 8 } });
});
afterAll(async () => {
  await app.close();
  await database.close();
});

describe(`rate limits (${testDatabaseKind()})`, () => {
  it('answers lockout before the per-IP login limit, then 429 RATE_LIMITED', async () => {
    const attempt = (username: string) =>
      app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { username, password: 'Wrong#2026x' },
      });
    const statuses = [];
    for (let i = 0; i < 6; i++) statuses.push((await attempt('dept')).statusCode);
    expect(statuses).toEqual([401, 401, 401, 401, 401, 423]);
    expect((await attempt('unit')).statusCode).toBe(401);
    expect((await attempt('unit')).statusCode).toBe(401);
    const limited = await attempt('unit');
    expect(limited.statusCode).toBe(429);
    expect(limited.json()).toMatchObject({ code: 'RATE_LIMITED' });
  });

  it('takes the login limit from the security policy when none is fixed', async () => {
    const policyApp = await buildApp(fx.deps, { rateLimit: { global: 1000 } });
    try {
      const { policy, version } = await fx.deps.auth.getSecurityPolicy();
      const { systemActor } = await import('../context.ts');
      await fx.deps.auth.saveSecurityPolicy(systemActor('test'), version, {
        ...policy,
        login_rate_per_minute: 10,
      });
      const statuses: number[] = [];
      for (let i = 0; i < 11; i++) {
        const r = await policyApp.inject({
          method: 'POST',
          url: '/api/v1/auth/login',
          payload: { username: 'nobody', password: 'Wrong#2026x' },
        });
        statuses.push(r.statusCode);
      }
      expect(statuses.slice(0, 10).every((c) => c === 401)).toBe(true);
      expect(statuses[10]).toBe(429);
    } finally {
      await policyApp.close();
    }
  });
});
