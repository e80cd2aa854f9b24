import type { FastifyInstance } from 'fastify';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TReportView } from '../../../contracts/monitoring.ts';
import { openTestDatabase, testDatabaseKind } from '../../../test/db.ts';
import { buildFixture, COUNTY, type Fixture } from '../../../test/fixtures.ts';
import { as, login, type Session } from '../../../test/http.ts';
import { buildApp } from '../../app.ts';
import type { Database } from '../../db/client.ts';
import { approve, importPayments as importAs, SMALL, WORKED } from './monitoring.test-support.ts';

let database: Database;
let app: FastifyInstance;
let fx: Fixture;
const sessions: Record<string, Session> = {};

beforeAll(async () => {
  database = await openTestDatabase();
  fx = await buildFixture(database);
  app = await buildApp(fx.deps);
  for (const u of ['finance', 'section', 'unit', 'unit2', 'cityfinance']) sessions[u] = await login(app, u);
  const p = (code: string, dept: string, unit: string, amount: string) => ({ code, dept, unit, amount });
  await approve(database, fx, p('990101260001', '101', '101001', '1000000.00'), WORKED);
  await approve(database, fx, p('990101260002', '101', '101001', '250000.50'), SMALL);
  await approve(database, fx, p('990101260004', '102', '102001', '3200000.00'), SMALL);
});
afterAll(async () => {
  await app.close();
  await database.close();
});

const call = (u: string) => as(app, sessions[u] as Session);
const round = {
  fiscal_year: '2026',
  title: '2026年上半年绩效运行监控',
  as_of: '2026-06-30',
  deadline: '2026-07-15',
};
const row = (kpi_lv3: string, o: Record<string, unknown> = {}) => ({
  kpi_lv3,
  actual: null,
  forecast: null,
  planned: null,
  likelihood: null,
  level: null,
  deviation_causes: [],
  analysis: null,
  measures: null,
  ...o,
});
const ids: Record<string, string> = {};
let roundId = '';

async function view(user: string, code: string): Promise<TReportView> {
  const res = await call(user)('GET', `/api/v1/monitoring/reports/${ids[code] ?? ''}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

const importPayments = (user: string, name: string, content: string) =>
  importAs(app, fx, sessions[user] as Session, { name, content });

describe(`in-year monitoring (${testDatabaseKind()})`, () => {
  it('is issued by the performance office and opens a report per project with an approved target', async () => {
    expect((await call('unit')('POST', '/api/v1/monitoring/rounds', round)).statusCode).toBe(403);
    const outside = await call('finance')('POST', '/api/v1/monitoring/rounds', {
      ...round,
      as_of: '2025-12-31',
    });
    expect(outside.statusCode).toBe(400);
    expect(outside.json().code).toBe('MONITORING.AS_OF_OUT_OF_YEAR');
    const res = await call('finance')('POST', '/api/v1/monitoring/rounds', round);
    expect(res.statusCode, res.body).toBe(200);
    roundId = res.json().id;
    expect(res.json()).toMatchObject({ month: 6, status: 'OPEN', reports: 3, submitted: 0 });
    // Progress in the reader's scope: the preparer of 101001 sees its two projects.
    const mine = (await call('unit')('GET', '/api/v1/monitoring/rounds?fiscal_year=2026')).json();
    expect(mine.items[0]).toMatchObject({ id: roundId, reports: 2 });
    const todo = (await call('unit')('GET', '/api/v1/monitoring/reports?todo=true')).json();
    expect(todo.total).toBe(2);
    for (const r of todo.items as { pro_code: string; id: string }[]) ids[r.pro_code] = r.id;
    const other = (await call('unit2')('GET', '/api/v1/monitoring/reports?todo=true')).json();
    ids['990101260004'] = other.items[0]?.id ?? '';
    const told = await database.rows<{ n: number }>(
      sql`select count(*)::int as n from notifications where user_id = ${fx.users.unit?.id ?? ''}`,
    );
    expect(told[0]?.n).toBe(1);
    const rows = await database.rows<{ n: number }>(
      sql`select count(*)::int as n from monitoring_indicators i join monitoring_reports r on r.id = i.report_id
          where r.round_id = ${roundId}`,
    );
    expect(rows[0]?.n).toBe(4 + 2 + 2);
  });

  it('lights the worked example of exchange-format.md when the preparer saves it', async () => {
    const before = await view('unit', '990101260001');
    expect(before.indicators.map((i) => [i.kpi_lv3, i.progress])).toEqual([
      ['培训人次', 'CUMULATIVE'],
      ['合格率', 'LEVEL'],
      ['投诉率', 'LEVEL'],
      ['满意度', 'LEVEL'],
    ]);
    const draft = {
      executed: '400000.00',
      forecast_executed: '980000.00',
      planned_executed: null,
      indicators: [
        row('培训人次', {
          actual: '120',
          forecast: '480',
          likelihood: 'POSSIBLE',
          deviation_causes: ['STAFF'],
          analysis: '春季师资不足',
          measures: '暑期集中培训',
        }),
        row('合格率', { actual: '96', likelihood: 'CERTAIN' }),
        row('投诉率', { actual: '1.5', likelihood: 'CERTAIN' }),
        row('满意度', { actual: '88', likelihood: 'POSSIBLE' }),
      ],
    };
    const url = `/api/v1/monitoring/reports/${ids['990101260001'] ?? ''}`;
    const res = await call('unit')('PUT', url, { row_version: before.row_version, draft });
    expect(res.statusCode, res.body).toBe(200);
    const v: TReportView = res.json();
    // 100 × 400000 × 12 / (1000000 × 6) = 80 → GREEN; 100 × 120 × 12 / (500 × 6) = 48 → RED;
    // 100 × 96 / 95 = 101.05 and 100 × 88 / 90 = 97.78 → GREEN; 1.5 ≤ 2 → GREEN.
    expect(v.execution).toEqual({ value: '80.00', light: 'GREEN' });
    expect(v.indicators.map((i) => [i.kpi_lv3, i.value, i.light])).toEqual([
      ['培训人次', '48.00', 'RED'],
      ['合格率', '101.05', 'GREEN'],
      ['投诉率', null, 'GREEN'],
      ['满意度', '97.78', 'GREEN'],
    ]);
    expect([v.target_light, v.project_light, v.executed_source, v.paid_to_date]).toEqual([
      'RED',
      'RED',
      'TYPED',
      null,
    ]);
    expect(v.issues).toEqual([]);
    expect(v.draft.indicators[0]).toMatchObject({ actual: '120', deviation_causes: ['STAFF'] });
    const stale = await call('unit')('PUT', url, { row_version: before.row_version, draft });
    expect([stale.statusCode, stale.json().code]).toEqual([409, 'MONITORING.STALE_VERSION']);
    const unknown = await call('unit')('PUT', url, {
      row_version: v.row_version,
      draft: { ...draft, indicators: [...draft.indicators, row('不存在的指标', { actual: '1' })] },
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().details.issues.map((i: { code: string }) => i.code)).toEqual([
      'MONITORING.UNKNOWN_INDICATOR',
    ]);
  });

  it('refuses to submit a report with a quantitative indicator not reported', async () => {
    const v = await view('unit', '990101260002');
    const url = `/api/v1/monitoring/reports/${ids['990101260002'] ?? ''}`;
    const draft = { executed: '62500.00', forecast_executed: null, planned_executed: null, indicators: [] };
    const saved: TReportView = (await call('unit')('PUT', url, { row_version: v.row_version, draft })).json();
    expect(saved.project_light).toBeNull();
    expect(saved.issues.map((i) => [i.path, i.code])).toEqual([['indicators', 'MONITORING.ACTUAL_REQUIRED']]);
    const res = await call('unit')('POST', `${url}/submit`, { row_version: saved.row_version });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('MONITORING.INVALID');
    expect(res.json().details.issues[0]).toMatchObject({
      code: 'MONITORING.ACTUAL_REQUIRED',
      path: 'indicators',
    });
    expect(res.json().details.issues[0].message).toContain('维修面积');
    // Reported: 100 × 700 × 12 / (1200 × 6) = 116.67 GREEN; 125000.25 of 250000.50 by June: 100.00 GREEN.
    const full = {
      ...draft,
      executed: '125000.25',
      indicators: [row('维修面积', { actual: '700' }), row('师生安全', { level: 'ACHIEVED' })],
    };
    const ok: TReportView = (
      await call('unit')('PUT', url, { row_version: saved.row_version, draft: full })
    ).json();
    expect([ok.execution?.value, ok.execution?.light, ok.target_light, ok.project_light]).toEqual([
      '100.00',
      'GREEN',
      'GREEN',
      'GREEN',
    ]);
    expect(ok.indicators.map((i) => [i.value, i.light])).toEqual([
      ['116.67', 'GREEN'],
      [null, 'GREEN'],
    ]);
  });

  it('hides another unit’s reports from its preparer (404)', async () => {
    const url = `/api/v1/monitoring/reports/${ids['990101260001'] ?? ''}`;
    expect((await call('unit2')('GET', url)).statusCode).toBe(404);
    const put = await call('unit2')('PUT', url, {
      row_version: 1,
      draft: { executed: null, forecast_executed: null, planned_executed: null, indicators: [] },
    });
    expect(put.statusCode).toBe(404);
    const timeline = `/api/v1/projects/${fx.projectIds['990101260001'] ?? ''}/monitoring`;
    expect((await call('unit2')('GET', timeline)).statusCode).toBe(404);
  });

  it('takes executed from imported payments, once per voucher, and recomputes the lights', async () => {
    const csv = [
      'pro_code,pay_date,amount,voucher_no',
      '990101260001,2026-03-15,150000.00,V2026-001',
      '990101260001,2026-06-20,150000,V2026-002',
      '990101260001,2026-08-01,100000.00,V2026-003',
    ].join('\n');
    const job = await importPayments('finance', '国库支付.csv', csv);
    expect(job).toMatchObject({
      kind: 'PAYMENTS',
      status: 'DONE',
      mof_div_code: COUNTY,
      files: ['国库支付.csv'],
    });
    expect(job.counts).toMatchObject({ payments_inserted: 3, payments_skipped: 0, reports_recomputed: 1 });
    // 300000 paid by 30 June: 100 × 300000 × 12 / (1000000 × 6) = 60 → YELLOW.
    const v = await view('unit', '990101260001');
    expect([v.executed_source, v.paid_to_date, v.draft.executed]).toEqual([
      'PAYMENTS',
      '300000.00',
      '300000.00',
    ]);
    expect(v.execution).toEqual({ value: '60.00', light: 'YELLOW' });
    expect(v.project_light).toBe('RED');
    const again = await importPayments('finance', 'payments.csv', csv);
    expect(again.status).toBe('DONE');
    expect(again.counts).toMatchObject({ payments_inserted: 0, payments_skipped: 3 });
    const stored = await database.rows<{ n: number }>(sql`select count(*)::int as n from payments`);
    expect(stored[0]?.n).toBe(3);
    const audit = await database.rows<{ n: number }>(
      sql`select count(*)::int as n from audit_log where entity = 'payment_import' and action = 'IMPORT'`,
    );
    expect(audit[0]?.n).toBe(2);
  });

  it('refuses a payments file with errors as a whole, with the cells marked', async () => {
    const csv = [
      'pro_code,pay_date,amount,voucher_no',
      '990101260002,2026-05-01,1000.00,V2026-010',
      '990101269999,2026-05-01,1000.00,V2026-011',
      '990101260002,2026-05-02,2000.00,V2026-010',
      '990101260002,2026-13-01,-5,V2026-012',
    ].join('\n');
    const job = await importPayments('unit', 'payments.csv', csv);
    expect(job.status).toBe('FAILED');
    expect(job.errors.map((e) => [e.path, e.code])).toEqual([
      ['payments[1].pro_code', 'PAYMENT.PROJECT_UNKNOWN'],
      ['payments[2].voucher_no', 'PAYMENT.VOUCHER_CONFLICT'],
      ['payments[3].pay_date', 'FIELD.TYPE'],
      ['payments[3].amount', 'FIELD.NEGATIVE'],
    ]);
    expect(job.errors[0]?.source).toMatchObject({ file: 'payments.csv', row: 3, column: 'pro_code' });
    expect(job.has_workbook).toBe(true);
    // The unit's preparer may not book against another unit's project either.
    const foreign = await importPayments(
      'unit',
      'p.csv',
      'pro_code,pay_date,amount,voucher_no\n990101260004,2026-05-01,1.00,X1',
    );
    expect(foreign.errors.map((e) => e.code)).toEqual(['PAYMENT.PROJECT_UNKNOWN']);
    const stored = await database.rows<{ n: number }>(sql`select count(*)::int as n from payments`);
    expect(stored[0]?.n).toBe(3);
  });

  it('lets finance dispose of a RED project only, suspending its funds with an audit entry', async () => {
    let v = await view('unit', '990101260001');
    const submitted = await call('unit')('POST', `/api/v1/monitoring/reports/${v.id}/submit`, {
      row_version: v.row_version,
    });
    expect(submitted.statusCode, submitted.body).toBe(200);
    v = submitted.json();
    expect(v.status).toBe('SUBMITTED');
    expect(v.actions).toEqual([]);
    const edit = await call('unit')('PUT', `/api/v1/monitoring/reports/${v.id}`, {
      row_version: v.row_version,
      draft: v.draft,
    });
    expect(edit.json().code).toBe('MONITORING.NOT_EDITABLE');
    const body = {
      row_version: v.row_version,
      kind: 'SUSPEND_FUNDS',
      reason: '培训进度严重滞后，暂缓拨付后续资金',
    };
    const url = `/api/v1/monitoring/reports/${v.id}/dispositions`;
    expect((await call('unit')('POST', url, body)).statusCode).toBe(403);
    expect((await view('section', '990101260001')).actions).toEqual(['dispose']);
    const res = await call('section')('POST', url, body);
    expect(res.statusCode, res.body).toBe(200);
    const after: TReportView = res.json();
    expect(after.project.funds_status).toBe('SUSPENDED');
    expect(after.dispositions.map((d) => [d.kind, d.actor_name])).toEqual([['SUSPEND_FUNDS', 'section']]);
    expect((await call('section')('POST', url, body)).json().code).toBe('MONITORING.STALE_VERSION');
    const funds = await database.rows<{ funds_status: string }>(
      sql`select funds_status from projects where pro_code = '990101260001' and fiscal_year = '2026'`,
    );
    expect(funds[0]?.funds_status).toBe('SUSPENDED');
    const audited = await database.rows<{ before: unknown; after: { funds_status: string } }>(
      sql`select before, after from audit_log where entity = 'disposition' and action = 'DISPOSE'`,
    );
    expect(audited).toHaveLength(1);
    expect(audited[0]?.before).toEqual({ funds_status: 'NORMAL' });
    expect(audited[0]?.after.funds_status).toBe('SUSPENDED');
    const green = await view('finance', '990101260002');
    const refused = await call('finance')('POST', `/api/v1/monitoring/reports/${green.id}/dispositions`, {
      ...body,
      row_version: green.row_version,
    });
    expect([refused.statusCode, refused.json().code]).toEqual([409, 'MONITORING.NOT_RED']);
    // The section reviewer's scope is department 101: a report of 102 is not found.
    const other = `/api/v1/monitoring/reports/${ids['990101260004'] ?? ''}/dispositions`;
    expect((await call('section')('POST', other, body)).statusCode).toBe(404);
  });

  it('lists RED and YELLOW projects on the warnings page and exports them', async () => {
    const warn = (await call('finance')('GET', '/api/v1/monitoring/reports?lights=RED,YELLOW')).json();
    expect(warn.items.map((r: { pro_code: string }) => r.pro_code)).toEqual(['990101260001']);
    expect(warn.items[0]).toMatchObject({
      project_light: 'RED',
      funds_status: 'SUSPENDED',
      disposition: 'SUSPEND_FUNDS',
      section_name: '教科文股',
      dept_name: '县教育局',
    });
    const green = (await call('finance')('GET', '/api/v1/monitoring/reports?lights=GREEN')).json();
    expect(green.items.map((r: { pro_code: string }) => r.pro_code)).toEqual(['990101260002']);
    const bySection = (await call('finance')('GET', '/api/v1/monitoring/reports?section_id=S1')).json();
    expect(bySection.total).toBe(2);
    const xlsx = await call('finance')('GET', '/api/v1/monitoring/reports.xlsx?lights=RED,YELLOW');
    expect(xlsx.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    expect(ws?.rowCount).toBe(2);
    expect(ws?.getRow(2).values).toContain('990101260001');
    expect(ws?.getRow(2).values).toContain('红灯');
  });

  it('shows a project’s lights across rounds as its timeline', async () => {
    const second = await call('finance')('POST', '/api/v1/monitoring/rounds', {
      ...round,
      title: '2026年前三季度绩效运行监控',
      as_of: '2026-09-30',
      dept_codes: ['101'],
    });
    expect(second.json().reports).toBe(2);
    const closed = await call('finance')('POST', `/api/v1/monitoring/rounds/${roundId}/close`);
    expect(closed.json().status).toBe('CLOSED');
    expect((await call('finance')('POST', `/api/v1/monitoring/rounds/${roundId}/close`)).json().code).toBe(
      'MONITORING.ROUND_CLOSED',
    );
    const v = await view('unit', '990101260002');
    const late = await call('unit')('PUT', `/api/v1/monitoring/reports/${v.id}`, {
      row_version: v.row_version,
      draft: v.draft,
    });
    expect(late.json().code).toBe('MONITORING.ROUND_CLOSED');
    const res = await call('unit')(
      'GET',
      `/api/v1/projects/${fx.projectIds['990101260001'] ?? ''}/monitoring`,
    );
    expect(res.statusCode).toBe(200);
    const t = res.json();
    expect(t.funds_status).toBe('SUSPENDED');
    expect(
      t.rounds.map((r: { as_of: string; project_light: string | null }) => [r.as_of, r.project_light]),
    ).toEqual([
      ['2026-06-30', 'RED'],
      ['2026-09-30', null],
    ]);
    expect(t.dispositions).toHaveLength(1);
    // The new round's report starts from the payments up to its as-of date (400000 by 30 September).
    const next = (await call('unit')('GET', `/api/v1/monitoring/reports/${t.rounds[1].report_id}`)).json();
    expect([next.executed_source, next.paid_to_date]).toEqual(['PAYMENTS', '400000.00']);
    const audited = await database.rows<{ entity: string; action: string }>(
      sql`select entity, action from audit_log where entity like 'monitoring%' order by seq`,
    );
    expect(audited.map((a) => `${a.entity}:${a.action}`)).toEqual([
      'monitoring_round:ISSUE',
      'monitoring_report:SAVE',
      'monitoring_report:SAVE',
      'monitoring_report:SAVE',
      'monitoring_report:SUBMIT',
      'monitoring_round:ISSUE',
      'monitoring_round:CLOSE',
    ]);
  });
});
