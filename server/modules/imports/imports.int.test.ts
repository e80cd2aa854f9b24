import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TJob } from '../../../contracts/imports.ts';
import { openTestDatabase } from '../../../test/db.ts';
import { buildFixture, COUNTY, type Fixture } from '../../../test/fixtures.ts';
import { as, login, type Session } from '../../../test/http.ts';
import { buildApp } from '../../app.ts';
import type { Database } from '../../db/client.ts';
import { writeCsvFolder, writeXlsx } from '../../exchange/index.ts';

let database: Database;
let app: FastifyInstance;
let fx: Fixture;
const sessions: Record<string, Session> = {};
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'pb-imports-'));

type Json = Record<string, unknown>;

/** The worked example's target (domain.md §12): valid as a submission, one justified flag. */
function target(firstValue = '500'): Json {
  return {
    long_term_goal: '提升乡村教师教学能力',
    annual_goal: '完成年度培训任务',
    indicators: [
      {
        kpi_lv1: 'OUTPUT',
        kpi_lv2: 'QUANTITY',
        kpi_lv3: '培训人次',
        computesign: 'GE',
        kpi_val: firstValue,
        meterunit: '人次',
        weight: '30',
        progress: 'CUMULATIVE',
        value_basis: 'HISTORY',
        library_code: 'EDU-TRAIN-001',
        last_target: '520',
        last_actual: '520',
        justification: '两所乡镇学校撤并，参训对象减少',
      },
      {
        kpi_lv1: 'OUTPUT',
        kpi_lv2: 'QUALITY',
        kpi_lv3: '合格率',
        computesign: 'GE',
        kpi_val: '95',
        meterunit: '%',
        weight: '20',
      },
      {
        kpi_lv1: 'BENEFIT',
        kpi_lv2: 'SOCIAL',
        kpi_lv3: '投诉率',
        computesign: 'LE',
        kpi_val: '2',
        meterunit: '%',
        weight: '30',
      },
      {
        kpi_lv1: 'SATISFACTION',
        kpi_lv2: 'SATISFACTION',
        kpi_lv3: '满意度',
        computesign: 'GE',
        kpi_val: '90',
        meterunit: '%',
        weight: '10',
      },
    ],
  };
}

function project(code: string, o: Json = {}): Json {
  return {
    pro_code: code,
    pro_name: `项目${code.slice(-3)}`,
    agency_code: '101001',
    dept_code: '101',
    budget_kind: 'GENERAL_PUBLIC',
    func_class: '2050803',
    amount: '1000000.00',
    is_new: false,
    start_year: '2026',
    end_year: '2026',
    target: target(),
    ...o,
  };
}

const doc = (projects: Json[]) => ({
  format: 'perfbudget/1',
  mof_div_code: COUNTY,
  fiscal_year: '2026',
  projects,
});

interface Upload {
  name: string;
  content: Buffer | string;
}

function multipart(files: Upload[]) {
  const boundary = `----pb${Date.now().toString(16)}`;
  const chunks: Buffer[] = [];
  for (const f of files) {
    chunks.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${f.name}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
      ),
      Buffer.isBuffer(f.content) ? f.content : Buffer.from(f.content),
      Buffer.from('\r\n'),
    );
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}

async function upload(user: string, files: Upload[]) {
  const s = sessions[user];
  if (!s) throw new Error(`no session ${user}`);
  const body = multipart(files);
  return app.inject({
    method: 'POST',
    url: '/api/v1/imports',
    headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, 'content-type': body.contentType },
    payload: body.payload,
  });
}

/** Upload, wait for the background job, and return it as its owner sees it. */
async function importAs(user: string, files: Upload[]): Promise<TJob> {
  const res = await upload(user, files);
  expect(res.statusCode, res.body).toBe(202);
  const started = res.json<TJob>();
  await fx.deps.imports.waitFor(started.id);
  const s = sessions[user];
  if (!s) throw new Error('no session');
  const job = await as(app, s)('GET', `/api/v1/jobs/${started.id}`);
  expect(job.statusCode).toBe(200);
  return job.json<TJob>();
}

const jsonFile = (projects: Json[]): Upload => ({
  name: 'import.json',
  content: JSON.stringify(doc(projects)),
});

async function counts() {
  const [r] = await database.rows<Record<string, unknown>>(sql`select
    (select count(*) from projects) as projects, (select count(*) from targets) as targets,
    (select count(*) from target_versions) as versions, (select count(*) from target_indicators) as indicators,
    (select count(*) from agencies) as agencies, (select count(*) from audit_log) as audit`);
  return Object.fromEntries(Object.entries(r ?? {}).map(([k, v]) => [k, Number(v)]));
}

beforeAll(async () => {
  database = await openTestDatabase();
  fx = await buildFixture(database);
  app = await buildApp(fx.deps, { rateLimit: { global: 100_000, login: 1000 } });
  for (const u of ['finance', 'unit', 'dept', 'expert', 'cityfinance']) sessions[u] = await login(app, u);
});

afterAll(async () => {
  await app.close();
  await database.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe('imports of projects and targets', () => {
  it('writes a clean JSON file: projects, DRAFT v1 targets with their flags, indicators, one audit entry', async () => {
    const before = await counts();
    // Two open tasks: a new target joins the newest-deadline one that covers its unit.
    const [wide] = await database.rows<{ id: string }>(sql`
      insert into tasks (mof_div_code, fiscal_year, stage, title, dept_codes, agency_codes, deadline)
      values (${COUNTY}, '2026', 'TARGET', '全县申报', '[]'::jsonb, '[]'::jsonb, '2026-03-31') returning id`);
    await database.rows(sql`
      insert into tasks (mof_div_code, fiscal_year, stage, title, dept_codes, agency_codes, deadline)
      values (${COUNTY}, '2026', 'TARGET', '他部门', '["999"]'::jsonb, '[]'::jsonb, '2026-12-31')`);
    const job = await importAs('finance', [
      jsonFile([
        project('990101260010'),
        project('990101260002', { pro_name: '校舍维修（改）', amount: '260000.00' }),
        project('990101260011', {
          agency_code: '103001',
          agency_name: '县图书馆',
          dept_code: '103',
          dept_name: '县文化广电旅游局',
          target: null,
        }),
        // A later stage's data is ignored with a warning.
        project('990101260012', { monitoring: [{ as_of: '2026-06-30', indicators: [] }] }),
      ]),
    ]);
    expect(job.status, JSON.stringify(job.errors.slice(0, 3))).toBe('DONE');
    expect(job.counts).toEqual({
      projects_inserted: 3,
      projects_updated: 1,
      targets_created: 3,
      targets_replaced: 0,
      indicators: 12,
      departments_created: 1,
      units_created: 1,
    });
    expect(job.warnings.map((w) => [w.code, w.path])).toEqual([
      ['IMPORT.STAGE_IGNORED', 'projects[3].monitoring'],
    ]);
    const after = await counts();
    expect(after.projects).toBe((before.projects ?? 0) + 3);
    expect(after.indicators).toBe((before.indicators ?? 0) + 12);
    expect(after.audit).toBe((before.audit ?? 0) + 1);

    const rows = await database.rows<{ status: string; version_no: number; flags: unknown; n: unknown }>(sql`
      select t.status, v.version_no, v.flags, (select count(*) from target_indicators i where i.version_id = v.id) as n
      from targets t join target_versions v on v.target_id = t.id
      where t.mof_div_code = ${COUNTY} and t.pro_code = '990101260010'`);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ status: 'DRAFT', version_no: 1 });
    expect(Number(rows[0]?.n)).toBe(4);
    expect(rows[0]?.flags).toEqual(
      expect.arrayContaining([expect.objectContaining({ kpi_lv3: '培训人次', flag: 'BELOW_LAST_ACTUAL' })]),
    );
    const [p] = await database.rows<{ pro_name: string; amount: string }>(
      sql`select pro_name, amount::text as amount from projects where mof_div_code = ${COUNTY} and fiscal_year = '2026' and pro_code = '990101260002'`,
    );
    expect(p).toEqual({ pro_name: '校舍维修（改）', amount: '260000.00' });
    // A new project (written straight into its table on PostgreSQL) and a stored one (merged)
    // both get their project's id and the covering task.
    const linked = await database.rows<{ pro_code: string; task_id: string | null; same: boolean }>(sql`
      select t.pro_code, t.task_id, t.project_id = p.id as same from targets t
      join projects p on p.mof_div_code = t.mof_div_code and p.fiscal_year = t.fiscal_year and p.pro_code = t.pro_code
      where t.mof_div_code = ${COUNTY} and t.pro_code in ('990101260010', '990101260002') order by t.pro_code`);
    expect(linked).toEqual([
      { pro_code: '990101260002', task_id: wide?.id, same: true },
      { pro_code: '990101260010', task_id: wide?.id, same: true },
    ]);
    await database.rows(sql`update tasks set status = 'CLOSED' where mof_div_code = ${COUNTY}`);
    const [audit] = await database.rows<{ entity: string; action: string; after: Json }>(
      sql`select entity, action, after from audit_log order by seq desc limit 1`,
    );
    expect(audit).toMatchObject({ entity: 'import', action: 'IMPORT' });
    expect(audit?.after).toMatchObject({ projects_inserted: 3, projects_updated: 1, indicators: 12 });
    expect(audit?.after.files).toEqual([
      { name: 'import.json', sha256: expect.stringMatching(/^[0-9a-f]{64}$/) },
    ]);
  });

  it('re-importing replaces the content of a draft target (same version)', async () => {
    const job = await importAs('finance', [jsonFile([project('990101260010', { target: target('480') })])]);
    expect(job.status).toBe('DONE');
    expect(job.counts).toMatchObject({
      projects_updated: 1,
      targets_created: 0,
      targets_replaced: 1,
      indicators: 4,
    });
    const rows = await database.rows<{ version_no: number; kpi_val: string }>(sql`
      select v.version_no, i.kpi_val from targets t
      join target_versions v on v.target_id = t.id join target_indicators i on i.version_id = v.id
      where t.pro_code = '990101260010' and i.seq = 0`);
    expect(rows).toEqual([{ version_no: 1, kpi_val: '480' }]);
  });

  it('writes nothing when one cell is wrong, and hands back the marked workbook with the red cell', async () => {
    const dir = path.join(tmp, 'bad-csv');
    const bad = project('990101260020', { target: target() });
    const indicators = (bad.target as { indicators: Json[] }).indicators;
    if (indicators[1]) indicators[1].computesign = 'GTE';
    await writeCsvFolder([project('990101260021'), bad], { mof_div_code: COUNTY, fiscal_year: '2026' }, dir);
    const before = await counts();
    const job = await importAs(
      'finance',
      fs.readdirSync(dir).map((name) => ({ name, content: fs.readFileSync(path.join(dir, name)) })),
    );
    expect(job.status).toBe('FAILED');
    expect(await counts()).toEqual(before);
    const enumError = job.errors.find((e) => e.code === 'FIELD.ENUM');
    expect(enumError).toMatchObject({
      path: 'projects[1].target.indicators[1].computesign',
      source: { file: 'indicators.csv', row: 7, column: 'computesign' },
    });
    expect(enumError?.message).toContain('计算符号');
    expect(job.has_workbook).toBe(true);
    const s = sessions.finance;
    if (!s) throw new Error('no session');
    const res = await as(app, s)('GET', `/api/v1/jobs/${job.id}/errors.xlsx`);
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets[0]?.name).toBe('错误清单');
    const sheet = wb.getWorksheet('indicators');
    const header = sheet?.getRow(1).values as unknown[];
    const col = header.indexOf('computesign');
    const cell = sheet?.getCell(7, col);
    expect(cell?.value).toBe('GTE');
    expect(cell?.fill).toMatchObject({ fgColor: { argb: 'FFFF6666' } });
  });

  it('refuses a broken Excel workbook: nothing written, the bad cell marked in a copy of the upload', async () => {
    const bad = project('990101260022', { target: target() });
    const indicators = (bad.target as { indicators: Json[] }).indicators;
    if (indicators[0]) indicators[0].kpi_val = '-5';
    const file = path.join(tmp, 'bad.xlsx');
    await writeXlsx([bad], { mof_div_code: COUNTY, fiscal_year: '2026' }, fs.createWriteStream(file));
    const before = await counts();
    const job = await importAs('finance', [{ name: '绩效目标.xlsx', content: fs.readFileSync(file) }]);
    expect(job.status).toBe('FAILED');
    expect(await counts()).toEqual(before);
    const negative = job.errors.find((e) => e.code === 'FIELD.NEGATIVE');
    expect(negative).toMatchObject({
      path: 'projects[0].target.indicators[0].kpi_val',
      source: { sheet: '绩效指标', row: 3, column: 'kpi_val' },
    });
    const s = sessions.finance;
    if (!s) throw new Error('no session');
    const res = await as(app, s)('GET', `/api/v1/jobs/${job.id}/errors.xlsx`);
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet('绩效指标');
    const codes = sheet?.getRow(2).values as unknown[];
    const cell = sheet?.getCell(3, codes.indexOf('kpi_val'));
    expect(cell?.value).toBe('-5');
    expect(cell?.fill).toMatchObject({ fgColor: { argb: 'FFFF6666' } });
  });

  it("refuses a preparer's import of another unit's project, writing nothing", async () => {
    const before = await counts();
    const job = await importAs('unit', [
      jsonFile([
        project('990101260030'),
        project('990101260031', { agency_code: '102001', dept_code: '102' }),
      ]),
    ]);
    expect(job.status).toBe('FAILED');
    expect(job.errors.map((e) => [e.code, e.path])).toEqual([
      ['IMPORT.PROJECT_OUT_OF_SCOPE', 'projects[1].agency_code'],
    ]);
    expect(await counts()).toEqual(before);
    // Existing projects of another unit cannot be taken over either.
    const other = await importAs('unit', [jsonFile([project('990101260004')])]);
    expect(other.errors.map((e) => e.code)).toEqual(['IMPORT.PROJECT_OUT_OF_SCOPE']);
  });

  it('refuses a project whose target is submitted (TARGET.LOCKED), and a region outside the scope', async () => {
    await database.db.execute(
      sql`update targets set status = 'SUBMITTED', step = 'UNIT_LEADER' where pro_code = '990101260010'`,
    );
    const before = await counts();
    const job = await importAs('finance', [jsonFile([project('990101260040'), project('990101260010')])]);
    expect(job.status).toBe('FAILED');
    expect(job.errors.map((e) => [e.code, e.path])).toEqual([['TARGET.LOCKED', 'projects[1].target']]);
    expect(await counts()).toEqual(before);
    await database.db.execute(
      sql`update targets set status = 'DRAFT', step = null where pro_code = '990101260010'`,
    );

    const foreign = await importAs('finance', [
      {
        name: 'x.json',
        content: JSON.stringify({ ...doc([project('990102260009')]), mof_div_code: '990102' }),
      },
    ]);
    expect(foreign.errors.map((e) => e.code)).toEqual(['IMPORT.REGION_OUT_OF_SCOPE']);
    const unreadable = await importAs('finance', [
      { name: 'broken.json', content: '{"format": "perfbudget/1", ' },
    ]);
    expect(unreadable.status).toBe('FAILED');
    expect(unreadable.errors[0]?.code).toBe('FORMAT.UNREADABLE');
  });

  it('shows a job whose process stopped (no heartbeat for 2 minutes) as failed: IMPORT.INTERRUPTED', async () => {
    const s = sessions.finance;
    if (!s) throw new Error('no session');
    const [user] = await database.rows<{ id: string }>(sql`select id from users where username = 'finance'`);
    const [stale] = await database.rows<{ id: string }>(sql`
      insert into jobs (kind, status, created_by, phase, result, heartbeat_at)
      values ('IMPORT', 'RUNNING', ${user?.id}, 'CHECK', '{"files":[{"name":"big.json"}]}'::jsonb, now() - interval '5 minutes')
      returning id`);
    const [recent] = await database.rows<{ id: string }>(sql`
      insert into jobs (kind, status, created_by, phase, result)
      values ('IMPORT', 'RUNNING', ${user?.id}, 'CHECK', '{}'::jsonb) returning id`);
    const res = await as(app, s)('GET', `/api/v1/jobs/${stale?.id}`);
    expect(res.statusCode).toBe(200);
    const job = res.json<TJob>();
    expect(job).toMatchObject({ status: 'FAILED', files: ['big.json'], error_count: 1 });
    expect(job.errors.map((e) => e.code)).toEqual(['IMPORT.INTERRUPTED']);
    expect(job.errors[0]?.message).toContain('中断');
    // A payments import (another kind of import job) is swept the same way.
    const [payments] = await database.rows<{ id: string }>(sql`
      insert into jobs (kind, status, created_by, phase, result, heartbeat_at)
      values ('PAYMENTS', 'RUNNING', ${user?.id}, 'CHECK', '{}'::jsonb, now() - interval '3 minutes')
      returning id`);
    const paymentsJob = await as(app, s)('GET', `/api/v1/jobs/${payments?.id}`);
    expect(paymentsJob.json<TJob>().status).toBe('FAILED');
    const fresh = await as(app, s)('GET', `/api/v1/jobs/${recent?.id}`);
    expect(fresh.json<TJob>().status).toBe('RUNNING');
    await database.rows(sql`update jobs set status = 'FAILED' where id = ${recent?.id}`);
  });

  it('protects uploads, jobs, exports and the template (401/403/404)', async () => {
    const anon = await app.inject({ method: 'GET', url: '/api/v1/jobs' });
    expect(anon.statusCode).toBe(401);
    expect((await app.inject({ method: 'POST', url: '/api/v1/imports' })).statusCode).toBe(401);
    expect((await upload('dept', [jsonFile([project('990101260050')])])).statusCode).toBe(403);
    const mine = await as(app, sessions.finance as Session)('GET', '/api/v1/jobs?mine=1');
    const first = mine.json<{ items: TJob[] }>().items[0];
    expect(first).toBeDefined();
    const other = as(app, sessions.unit as Session);
    expect((await other('GET', `/api/v1/jobs/${first?.id ?? ''}`)).statusCode).toBe(404);
    expect((await other('GET', `/api/v1/jobs/${first?.id ?? ''}/errors.xlsx`)).statusCode).toBe(404);
    expect((await other('GET', '/api/v1/jobs/not-a-uuid')).statusCode).toBe(404);
    expect((await other('GET', '/api/v1/exports/targets?fiscal_year=2026')).statusCode).toBe(403);
    expect((await as(app, sessions.expert as Session)('GET', '/api/v1/exchange/template')).statusCode).toBe(
      403,
    );
    const kinds = await upload('finance', [
      { name: 'a.json', content: '{}' },
      { name: 'b.xlsx', content: 'x' },
    ]);
    expect(kinds.statusCode).toBe(400);
    expect(kinds.json()).toMatchObject({ code: 'IMPORT.FILE_KIND' });
  });

  it("exports the scope's projects and targets as JSON that imports again, and as Excel", async () => {
    const finance = as(app, sessions.finance as Session);
    const res = await finance('GET', '/api/v1/exports/targets?fiscal_year=2026&format=json');
    expect(res.statusCode).toBe(200);
    const body = res.json<{ format: string; mof_div_code: string; projects: Json[] }>();
    expect(body).toMatchObject({ format: 'perfbudget/1', mof_div_code: COUNTY });
    const p = body.projects.find((x) => x.pro_code === '990101260010');
    expect(p?.target).toMatchObject({ annual_goal: '完成年度培训任务' });
    expect((p?.target as { indicators: Json[] }).indicators[0]).toMatchObject({
      kpi_val: '480',
      weight: '30',
    });
    const again = await importAs('finance', [{ name: 'export.json', content: res.body }]);
    expect(again.status, JSON.stringify(again.errors.slice(0, 3))).toBe('DONE');
    expect(again.counts?.projects_inserted).toBe(0);

    const xlsx = await finance('GET', '/api/v1/exports/targets?fiscal_year=2026&format=xlsx');
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    const template = await finance('GET', '/api/v1/exchange/template');
    expect(template.statusCode).toBe(200);
    const city = as(app, sessions.cityfinance as Session);
    expect(
      (await city('GET', `/api/v1/exports/targets?fiscal_year=2026&mof_div_code=${COUNTY}`)).statusCode,
    ).toBe(200);
    expect(
      (await finance('GET', '/api/v1/exports/targets?fiscal_year=2026&mof_div_code=990100')).statusCode,
    ).toBe(404);
  });
});
