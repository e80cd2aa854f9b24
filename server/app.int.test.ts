import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, testDatabaseKind } from '../test/db.ts';
import { buildFixture, type Fixture } from '../test/fixtures.ts';
import { as, login, type Session } from '../test/http.ts';
import { buildApp } from './app.ts';
import type { Database } from './db/client.ts';

let database: Database;
let app: FastifyInstance;
let fx: Fixture;
const sessions: Record<string, Session> = {};

beforeAll(async () => {
  database = await openTestDatabase();
  fx = await buildFixture(database);
  app = await buildApp(fx.deps);
  for (const u of [
    'admin',
    'security',
    'auditor',
    'finance',
    'section',
    'dept',
    'leader',
    'unit',
    'unit2',
    'supervisor',
    'cityfinance',
    'expert',
  ]) {
    sessions[u] = await login(app, u);
  }
});

afterAll(async () => {
  await app.close();
  await database.close();
});

function s(name: string): Session {
  const v = sessions[name];
  if (!v) throw new Error(`no session for ${name}`);
  return v;
}

describe(`API foundation (${testDatabaseKind()})`, () => {
  it('reports health with the database kind', async () => {
    const res = await app.inject({ url: '/api/v1/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok', database: testDatabaseKind() });
  });

  it('sets an HttpOnly SameSite=Lax session cookie and a readable csrf_token cookie at login', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'unit', password: 'Fixture#2026' },
    });
    expect(res.statusCode).toBe(200);
    const session = res.cookies.find((c) => c.name === 'pb_session');
    const csrf = res.cookies.find((c) => c.name === 'csrf_token');
    expect(session?.httpOnly).toBe(true);
    expect(session?.sameSite).toBe('Lax');
    expect(csrf?.httpOnly).toBeFalsy();
    expect(res.json()).toMatchObject({
      username: 'unit',
      roles: ['PREPARER'],
      permissions: expect.arrayContaining(['project:read']),
    });
  });

  it('answers /me with the user, roles, organisation and permissions, and 401 without a session', async () => {
    expect((await app.inject({ url: '/api/v1/me' })).json()).toMatchObject({ code: 'AUTH.UNAUTHENTICATED' });
    const me = (await as(app, s('dept'))('GET', '/api/v1/me')).json();
    expect(me).toMatchObject({
      username: 'dept',
      display_name: 'dept',
      roles: ['DEPT_REVIEWER'],
      org: { mof_div_code: '990101', region_name: '测试县', dept_code: '101', dept_name: '县教育局' },
    });
    expect(me.fiscal_years).toEqual(['2026', '2025']);
    const expert = (await as(app, s('expert'))('GET', '/api/v1/me')).json();
    expect(expert.regions.map((r: { mof_div_code: string }) => r.mof_div_code)).toEqual(['990101']);
  });

  it('refuses a wrong password with 401 AUTH.INVALID_CREDENTIALS and an unknown user the same way', async () => {
    for (const username of ['leader', 'nobody']) {
      const res = await app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { username, password: 'Wrong#2026' },
      });
      expect(res.statusCode).toBe(401);
      expect(res.json()).toMatchObject({ code: 'AUTH.INVALID_CREDENTIALS' });
    }
  });

  it('locks an account after five failures: the fifth gets 401, the sixth 423 even with the right password', async () => {
    const attempt = (password: string) =>
      app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'expert', password } });
    for (let i = 1; i <= 5; i++) expect((await attempt(`Wrong#${i}x`)).statusCode).toBe(401);
    const locked = await attempt('Fixture#2026');
    expect(locked.statusCode).toBe(423);
    expect(locked.json()).toMatchObject({ code: 'AUTH.LOCKED' });
  });

  it('validates bodies with every field issue', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: '' } });
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.code).toBe('REQUEST.INVALID');
    expect(body.details).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: 'username' }),
        expect.objectContaining({ path: 'password', code: 'FIELD.REQUIRED' }),
      ]),
    );
  });

  it('refuses state-changing requests without the CSRF header (401 first without a session)', async () => {
    const anon = await app.inject({ method: 'POST', url: '/api/v1/auth/logout' });
    expect(anon.statusCode).toBe(401);
    const noHeader = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/logout',
      headers: { cookie: s('unit').cookie },
    });
    expect(noHeader.statusCode).toBe(403);
    expect(noHeader.json()).toMatchObject({ code: 'AUTH.CSRF' });
    const wrong = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/logout',
      headers: { cookie: s('unit').cookie, 'x-csrf-token': 'not-the-token' },
    });
    expect(wrong.json()).toMatchObject({ code: 'AUTH.CSRF' });
  });

  it('logs out with 204 and the session stops working', async () => {
    const temp = await login(app, 'unit');
    expect((await as(app, temp)('POST', '/api/v1/auth/logout')).statusCode).toBe(204);
    expect((await as(app, temp)('GET', '/api/v1/me')).statusCode).toBe(401);
  });

  it('filters the project list by scope: unit, department, section, region and the city above', async () => {
    const codes = async (who: string, query = '') =>
      (await as(app, s(who))('GET', `/api/v1/projects${query}`))
        .json<{ items: { pro_code: string }[] }>()
        .items.map((p) => p.pro_code);
    expect(await codes('unit')).toEqual(['990101260001', '990101260002']);
    expect(await codes('leader')).toEqual(['990101260001', '990101260002']);
    expect(await codes('unit2')).toEqual(['990101260004']);
    expect(await codes('dept')).toEqual(['990101260001', '990101260002', '990101260003']);
    expect(await codes('section')).toEqual(['990101260001', '990101260002', '990101260003']);
    expect(await codes('finance')).toEqual(['990101260001', '990101260002', '990101260003', '990101260004']);
    expect(await codes('supervisor')).toHaveLength(4);
    expect(await codes('cityfinance')).toHaveLength(5);
    expect(await codes('unit', '?fiscal_year=2025')).toEqual(['990101250001']);
  });

  it('pages, searches, filters and sorts the project list', async () => {
    const get = as(app, s('finance'));
    const page = (await get('GET', '/api/v1/projects?page=2&page_size=3')).json();
    expect(page.total).toBe(4);
    expect(page.items.map((p: { pro_code: string }) => p.pro_code)).toEqual(['990101260004']);
    const q = (await get('GET', `/api/v1/projects?q=${encodeURIComponent('教师')}`)).json();
    expect(q.items.map((p: { pro_code: string }) => p.pro_code)).toEqual(['990101260001', '990101260003']);
    const byAmount = (await get('GET', '/api/v1/projects?sort=-amount&amount_min=100000')).json();
    expect(byAmount.items.map((p: { amount: string }) => p.amount)).toEqual([
      '3200000.00',
      '1000000.00',
      '250000.50',
    ]);
    const dept = (await get('GET', '/api/v1/projects?dept_code=102')).json();
    expect(dept.total).toBe(1);
    const tooBig = await get('GET', '/api/v1/projects?page_size=201');
    expect(tooBig.statusCode).toBe(400);
    expect(tooBig.json().details[0]).toMatchObject({ path: 'querystring.page_size' });
  });

  it('returns a project in scope and 404 when out of scope, unknown or malformed', async () => {
    const id = fx.projectIds['990101260001'] ?? '';
    const ok = await as(app, s('unit'))('GET', `/api/v1/projects/${id}`);
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({
      pro_code: '990101260001',
      amount: '1000000.00',
      agency_name: '县第一中学',
      dept_name: '县教育局',
    });
    expect((await as(app, s('unit2'))('GET', `/api/v1/projects/${id}`)).statusCode).toBe(404);
    expect(
      (await as(app, s('unit'))('GET', '/api/v1/projects/00000000-0000-4000-8000-000000000000')).statusCode,
    ).toBe(404);
    expect((await as(app, s('unit'))('GET', '/api/v1/projects/not-an-id')).json()).toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  it('keeps the three administrators out of business data and apart from each other', async () => {
    for (const admin of ['admin', 'security', 'auditor']) {
      const res = await as(app, s(admin))('GET', '/api/v1/projects');
      expect(res.statusCode).toBe(403);
      expect(res.json()).toMatchObject({ code: 'AUTH.FORBIDDEN' });
    }
    expect((await as(app, s('admin'))('GET', '/api/v1/audit')).statusCode).toBe(403);
    expect((await as(app, s('security'))('GET', '/api/v1/audit')).statusCode).toBe(403);
    expect((await as(app, s('finance'))('GET', '/api/v1/audit')).statusCode).toBe(403);
    expect((await as(app, s('auditor'))('GET', '/api/v1/audit')).statusCode).toBe(200);
    expect((await as(app, s('auditor'))('GET', '/api/v1/users')).statusCode).toBe(403);
    expect(
      (
        await as(app, s('admin'))('PUT', `/api/v1/users/${fx.users.unit?.id}/roles`, {
          version: 1,
          roles: [],
        })
      ).statusCode,
    ).toBe(403);
  });

  it('lets the system administrator create a user who must change the password first', async () => {
    const post = as(app, s('admin'));
    const weak = await post('POST', '/api/v1/users', {
      username: 'newbie',
      display_name: '新用户',
      password: 'short',
      mof_div_code: '990101',
    });
    expect(weak.statusCode).toBe(400);
    expect(weak.json()).toMatchObject({ code: 'AUTH.PASSWORD_WEAK' });
    const created = await post('POST', '/api/v1/users', {
      username: 'newbie',
      display_name: '新用户',
      password: 'Start#2026a',
      mof_div_code: '990101',
      dept_code: '101',
      agency_code: '101002',
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ must_change_password: true, roles: [] });
    const dup = await post('POST', '/api/v1/users', {
      username: 'newbie',
      display_name: 'x',
      password: 'Start#2026a',
      mof_div_code: '990101',
    });
    expect(dup.statusCode).toBe(409);

    const grant = await as(app, s('security'))('PUT', `/api/v1/users/${created.json().id}/roles`, {
      version: created.json().version,
      roles: ['PREPARER'],
    });
    expect(grant.statusCode).toBe(200);
    const conflict = await as(app, s('security'))('PUT', `/api/v1/users/${created.json().id}/roles`, {
      version: grant.json().version,
      roles: ['PREPARER', 'AUDIT_ADMIN'],
    });
    expect(conflict.statusCode).toBe(409);
    expect(conflict.json()).toMatchObject({ code: 'AUTH.ROLE_CONFLICT' });
    const stale = await as(app, s('security'))('PUT', `/api/v1/users/${created.json().id}/roles`, {
      version: 1,
      roles: [],
    });
    expect(stale.json()).toMatchObject({ code: 'USER.STALE_VERSION' });

    const newbie = await login(app, 'newbie', 'Start#2026a');
    const blocked = await as(app, newbie)('GET', '/api/v1/projects');
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json()).toMatchObject({ code: 'AUTH.PASSWORD_CHANGE_REQUIRED' });
    const same = await as(app, newbie)('POST', '/api/v1/auth/password', {
      old_password: 'Start#2026a',
      new_password: 'newbie#2026A',
    });
    expect(same.json()).toMatchObject({ code: 'AUTH.PASSWORD_WEAK' });
    const changed = await as(app, newbie)('POST', '/api/v1/auth/password', {
      old_password: 'Start#2026a',
      new_password: 'Better#2026b',
    });
    expect(changed.statusCode).toBe(204);
    const list = await as(app, newbie)('GET', '/api/v1/projects');
    expect(list.statusCode).toBe(200);
    expect(list.json().items.map((p: { pro_code: string }) => p.pro_code)).toEqual(['990101260003']);
  });

  it('validates, versions and audits policy changes; supervisors only read', async () => {
    const url = '/api/v1/policies/990101/2026';
    const view = (await as(app, s('unit'))('GET', url)).json();
    expect(view).toMatchObject({ version: 0, effective: { grade_cuts: [90, 80, 60], budget_points: 10 } });
    expect(
      (await as(app, s('supervisor'))('PUT', url, { version: 0, overrides: {}, reason: 'x' })).statusCode,
    ).toBe(403);
    expect((await as(app, s('unit2'))('GET', '/api/v1/policies/990102/2026')).statusCode).toBe(404);
    const bad = await as(app, s('finance'))('PUT', url, {
      version: 0,
      overrides: { grade_cuts: [60, 80, 90] },
      reason: '调整',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({
      code: 'POLICY.INVALID',
      details: [expect.objectContaining({ path: 'overrides.grade_cuts' })],
    });
    const saved = await as(app, s('finance'))('PUT', url, {
      version: 0,
      overrides: { grade_cuts: [80, 70, 60] },
      reason: '省定标准',
    });
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({
      version: 1,
      effective: { grade_cuts: [80, 70, 60] },
      updated_by: 'finance',
    });
    const stale = await as(app, s('finance'))('PUT', url, { version: 0, overrides: {}, reason: 'again' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: 'POLICY.STALE_VERSION' });
    const audit = (await as(app, s('auditor'))('GET', '/api/v1/audit?entity=policy')).json();
    expect(audit.items[0]).toMatchObject({
      action: 'UPDATE',
      actor_name: 'finance',
      reason: '省定标准',
      after: { grade_cuts: [80, 70, 60] },
    });
  });

  it('gives each user the organisation of its scope only', async () => {
    const unitTree = (await as(app, s('unit'))('GET', '/api/v1/org/tree')).json();
    expect(unitTree.agencies.map((a: { agency_code: string }) => a.agency_code)).toEqual(['101001']);
    const adminTree = (await as(app, s('admin'))('GET', '/api/v1/org/tree')).json();
    expect(adminTree.agencies).toHaveLength(3);
    expect(adminTree.sections[0]).toMatchObject({ section_code: 'S1', dept_codes: ['101'] });
    expect(
      adminTree.departments.map(
        (d: { dept_code: string; agency_count: number; section_code: string | null }) => [
          d.dept_code,
          d.agency_count,
          d.section_code,
        ],
      ),
    ).toEqual([
      ['101', 2, 'S1'],
      ['102', 1, null],
    ]);
    expect((await as(app, s('unit'))('GET', '/api/v1/org/tree?mof_div_code=990102')).statusCode).toBe(404);
    const created = await as(app, s('admin'))('POST', '/api/v1/org/departments', {
      mof_div_code: '990101',
      dept_code: '103',
      name: '县农业农村局',
    });
    expect(created.statusCode).toBe(201);
    expect(
      (
        await as(app, s('finance'))('POST', '/api/v1/org/departments', {
          mof_div_code: '990101',
          dept_code: '104',
          name: 'x',
        })
      ).statusCode,
    ).toBe(403);
  });

  it('shows each user only their own notifications and marks them read', async () => {
    const unitId = fx.users.unit?.id ?? '';
    await fx.deps.notifications.notify(database.db, {
      userId: unitId,
      mofDivCode: '990101',
      title: '目标申报任务已下达',
      link: '/workbench',
    });
    const list = (await as(app, s('unit'))('GET', '/api/v1/notifications')).json();
    expect(list).toMatchObject({ unread: 1, items: [{ title: '目标申报任务已下达', read: false }] });
    const id = list.items[0].id as string;
    expect((await as(app, s('unit2'))('POST', `/api/v1/notifications/${id}/read`)).statusCode).toBe(404);
    expect((await as(app, s('unit'))('POST', `/api/v1/notifications/${id}/read`)).statusCode).toBe(204);
    expect((await as(app, s('unit'))('GET', '/api/v1/notifications')).json()).toMatchObject({ unread: 0 });
  });

  it('lists the projects a user opened last on the workbench, only for that user', async () => {
    const id = fx.projectIds['990101260002'] ?? '';
    await as(app, s('leader'))('GET', `/api/v1/projects/${id}`);
    const wb = (await as(app, s('leader'))('GET', '/api/v1/workbench')).json();
    expect(wb.recent[0]).toMatchObject({ entity: 'project', entity_id: id, title: '990101260002 校舍维修' });
    const other = (await as(app, s('unit2'))('GET', '/api/v1/workbench')).json();
    expect(other.recent.map((r: { entity_id: string }) => r.entity_id)).not.toContain(id);
  });

  it('serves the workbench figures of the scope', async () => {
    const wb = (await as(app, s('dept'))('GET', '/api/v1/workbench')).json();
    expect(wb.figures).toMatchObject({
      project_count: 3,
      total_amount: '1330000.50',
      department_count: 1,
      agency_count: 2,
    });
  });

  it('exports the visible project list as an Excel workbook', async () => {
    const res = await as(app, s('finance'))('GET', '/api/v1/projects/export');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.rawPayload.subarray(0, 2).toString()).toBe('PK');
    expect((await as(app, s('unit'))('GET', '/api/v1/projects/export')).statusCode).toBe(403);
  });

  it('sends security headers and serves the OpenAPI document', async () => {
    const res = await app.inject({ url: '/api/v1/health' });
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    const doc = await app.inject({ url: '/api/docs/json' });
    expect(doc.statusCode).toBe(200);
    expect(Object.keys(doc.json().paths)).toContain('/api/v1/projects');
  });

  it('applies the security policy set by the security administrator, and tells the forms', async () => {
    const sec = as(app, s('security'));
    const current = (await sec('GET', '/api/v1/security-policy')).json();
    expect((await as(app, s('admin'))('PUT', '/api/v1/security-policy', current)).statusCode).toBe(403);
    const bad = await sec('PUT', '/api/v1/security-policy', {
      version: current.version,
      policy: { ...current.policy, password_min_length: 4 },
    });
    expect(bad.statusCode).toBe(400);
    const saved = await sec('PUT', '/api/v1/security-policy', {
      version: current.version,
      policy: { ...current.policy, password_min_length: 12 },
    });
    expect(saved.json()).toMatchObject({ version: current.version + 1, policy: { password_min_length: 12 } });
    expect((await as(app, s('admin'))('GET', '/api/v1/me')).json().password_policy).toEqual({
      password_min_length: 12,
      password_min_classes: 3,
    });
    const short = await as(app, s('admin'))('POST', '/api/v1/users', {
      username: 'shorty',
      display_name: 'x',
      password: 'Abc#12345x',
      mof_div_code: '990101',
    });
    expect(short.json()).toMatchObject({
      code: 'AUTH.PASSWORD_WEAK',
      details: [{ path: 'password', code: 'PASSWORD.TOO_SHORT' }],
    });
    await sec('PUT', '/api/v1/security-policy', { version: current.version + 1, policy: current.policy });
  });

  it('has recorded every change in an intact audit chain', async () => {
    const r = await as(app, s('auditor'))('GET', '/api/v1/audit/verify');
    expect(r.json()).toMatchObject({ ok: true, first_broken_seq: null });
    expect(r.json().count).toBeGreaterThan(20);
  });
});
