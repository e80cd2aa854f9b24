import type { FastifyInstance } from 'fastify';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, testDatabaseKind } from '../../../test/db.ts';
import { buildFixture, COUNTY, type Fixture } from '../../../test/fixtures.ts';
import { as, login, type Session } from '../../../test/http.ts';
import { buildApp } from '../../app.ts';
import type { Database } from '../../db/client.ts';

let database: Database;
let app: FastifyInstance;
let fx: Fixture;
const sessions: Record<string, Session> = {};

beforeAll(async () => {
  database = await openTestDatabase();
  fx = await buildFixture(database);
  app = await buildApp(fx.deps);
  for (const u of ['finance', 'unit', 'unit2', 'cityfinance']) sessions[u] = await login(app, u);
});
afterAll(async () => {
  await app.close();
  await database.close();
});

const call = (u: string) => as(app, sessions[u] as Session);
const body = {
  mof_div_code: COUNTY,
  fiscal_year: '2026',
  title: '2026年项目绩效目标申报',
  dept_codes: ['101'],
  deadline: '2026-01-31',
};

describe(`declaration tasks (${testDatabaseKind()})`, () => {
  it('is issued by the performance office of the region only', async () => {
    expect((await call('unit')('POST', '/api/v1/tasks', body)).statusCode).toBe(403);
    expect(
      (await call('finance')('POST', '/api/v1/tasks', { ...body, deadline: '31/01/2026' })).statusCode,
    ).toBe(400);
    expect(
      (await call('finance')('POST', '/api/v1/tasks', { ...body, mof_div_code: '990102' })).statusCode,
    ).toBe(404);
  });

  it('shows progress, the pending projects (overdue after the deadline) and reminds their preparers', async () => {
    const res = await call('finance')('POST', '/api/v1/tasks', body);
    expect(res.statusCode).toBe(200);
    const task = res.json();
    // Department 101 has three 2026 projects, none with a target.
    expect(task.progress).toMatchObject({ projects: 3, not_started: 3, approved: 0 });
    expect(task.overdue).toBe(true);
    const pending = (await call('finance')('GET', `/api/v1/tasks/${task.id}/overdue`)).json();
    expect(pending.items.map((p: { pro_code: string }) => p.pro_code)).toEqual([
      '990101260001',
      '990101260002',
      '990101260003',
    ]);
    // The preparer of 101001 was told on issue and is reminded again; unit2 (department 102) is not.
    const reminded = (await call('finance')('POST', `/api/v1/tasks/${task.id}/remind`)).json();
    expect(reminded).toEqual({ notified: 1 });
    const notes = await database.rows<{ n: number }>(
      sql`select count(*)::int as n from notifications where user_id = ${fx.users.unit?.id ?? ''}`,
    );
    expect(notes[0]?.n).toBe(2);
    const unit2 = await database.rows<{ n: number }>(
      sql`select count(*)::int as n from notifications where user_id = ${fx.users.unit2?.id ?? ''}`,
    );
    expect(unit2[0]?.n).toBe(0);
    expect((await call('unit')('GET', '/api/v1/tasks?fiscal_year=2026')).json().items).toHaveLength(1);
    const audited = await database.rows<{ action: string }>(
      sql`select action from audit_log where entity = 'task' order by seq`,
    );
    expect(audited.map((a) => a.action)).toEqual(['CREATE', 'REMIND']);
  });
});
