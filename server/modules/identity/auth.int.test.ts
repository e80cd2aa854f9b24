import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, testDatabaseKind } from '../../../test/db.ts';
import { buildFixture, PASSWORD } from '../../../test/fixtures.ts';
import type { Database } from '../../db/client.ts';
import { makeAuditService } from '../audit/index.ts';
import { makeAuthService } from './auth.service.ts';
import { DEMO_PASSWORD } from './password.ts';

let database: Database;
let now = new Date('2026-06-01T08:00:00Z');
const info = { ip: '127.0.0.1', requestId: 'r1', userAgent: 'test', lang: 'zh-CN' as const };
const minutes = (m: number) => new Date(now.getTime() + m * 60_000);

beforeAll(async () => {
  database = await openTestDatabase();
  await buildFixture(database);
});
afterAll(async () => {
  await database.close();
});

function service(demo = false) {
  const audit = makeAuditService({ algorithm: 'SHA-256', checkpointDir: '/nonexistent', clock: () => now });
  return makeAuthService({ database, audit, demo, clock: () => now });
}

describe(`sessions (${testDatabaseKind()})`, () => {
  it('ends a session idle for more than 30 minutes', async () => {
    const auth = service();
    now = new Date('2026-06-01T08:00:00Z');
    const { token } = await auth.login('unit', PASSWORD, info);
    now = minutes(29);
    expect(await auth.authenticate(token, info)).not.toBeNull();
    now = minutes(29);
    expect(await auth.authenticate(token, info)).not.toBeNull();
    now = minutes(31);
    expect(await auth.authenticate(token, info)).toBeNull();
  });

  it('ends any session after 12 hours even when active', async () => {
    const auth = service();
    now = new Date('2026-06-02T08:00:00Z');
    const { token } = await auth.login('dept', PASSWORD, info);
    // Active every 20 minutes for 12 hours: never idle, then past the absolute limit.
    for (let i = 0; i < 36; i++) {
      now = minutes(20);
      expect(await auth.authenticate(token, info)).not.toBeNull();
    }
    now = minutes(20);
    expect(await auth.authenticate(token, info)).toBeNull();
  });

  it('unlocks an account 30 minutes after the lock', async () => {
    const auth = service();
    now = new Date('2026-06-03T08:00:00Z');
    for (let i = 0; i < 5; i++)
      await expect(auth.login('leader', 'Wrong#2026', info)).rejects.toMatchObject({
        code: 'AUTH.INVALID_CREDENTIALS',
      });
    await expect(auth.login('leader', PASSWORD, info)).rejects.toMatchObject({ code: 'AUTH.LOCKED' });
    now = minutes(29);
    await expect(auth.login('leader', PASSWORD, info)).rejects.toMatchObject({ code: 'AUTH.LOCKED' });
    now = minutes(2);
    await expect(auth.login('leader', PASSWORD, info)).resolves.toMatchObject({
      actor: { username: 'leader' },
    });
  });

  it('refuses demo accounts outside demo mode', async () => {
    const auth = service(true);
    const { systemActor } = await import('../../context.ts');
    const { makeUsersService } = await import('./users.service.ts');
    const audit = makeAuditService({ algorithm: 'SHA-256', checkpointDir: '/nonexistent' });
    await makeUsersService({ database, audit, auth }).createUserWithRoles(
      systemActor('test'),
      { username: 'demo1', display_name: 'demo', password: DEMO_PASSWORD, mof_div_code: '990101' },
      ['SUPERVISOR'],
      { mustChange: false, isDemo: true },
    );
    await expect(auth.login('demo1', DEMO_PASSWORD, info)).resolves.toMatchObject({
      actor: { username: 'demo1' },
    });
    await expect(service(false).login('demo1', DEMO_PASSWORD, info)).rejects.toMatchObject({
      code: 'AUTH.INVALID_CREDENTIALS',
    });
  });

  it('refuses the demo password outside demo mode', async () => {
    await expect(
      service(false).assertAcceptablePassword(DEMO_PASSWORD, 'x', 'password', 'en-US'),
    ).rejects.toMatchObject({
      code: 'AUTH.DEMO_PASSWORD',
    });
    await expect(
      service(true).assertAcceptablePassword(DEMO_PASSWORD, 'x', 'password', 'en-US'),
    ).resolves.toBeUndefined();
  });
});
