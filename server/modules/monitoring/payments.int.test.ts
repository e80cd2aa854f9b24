import type { FastifyInstance } from 'fastify';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, testDatabaseKind } from '../../../test/db.ts';
import { buildFixture, COUNTY, type Fixture } from '../../../test/fixtures.ts';
import { login, type Session } from '../../../test/http.ts';
import { buildApp } from '../../app.ts';
import type { Database } from '../../db/client.ts';
import { importPayments, postPayments } from './monitoring.test-support.ts';

let database: Database;
let app: FastifyInstance;
let fx: Fixture;
const sessions: Record<string, Session> = {};

beforeAll(async () => {
  database = await openTestDatabase();
  fx = await buildFixture(database);
  app = await buildApp(fx.deps);
  for (const u of ['finance', 'unit', 'supervisor']) sessions[u] = await login(app, u);
});
afterAll(async () => {
  await app.close();
  await database.close();
});

const as = (u: string) => sessions[u] as Session;
const stored = async () =>
  database.rows<{ voucher_no: string; fiscal_year: string; pay_date: string; amount: string }>(
    sql`select voucher_no, fiscal_year, pay_date, amount::text as amount from payments order by voucher_no`,
  );

async function workbook(rows: (string | number | Date)[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('支付记录');
  ws.addRow(['项目编码', '支付日期', '支付金额（元）', '凭证号']);
  ws.addRow(['pro_code', 'pay_date', 'amount', 'voucher_no']);
  for (const r of rows) ws.addRow(r);
  ws.getColumn(2).numFmt = 'yyyy-mm-dd';
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe(`payment records import (${testDatabaseKind()})`, () => {
  it('reads a perfbudget/1 JSON document with its header', async () => {
    const doc = {
      format: 'perfbudget/1',
      mof_div_code: COUNTY,
      fiscal_year: '2026',
      payments: [
        { pro_code: '990101260001', pay_date: '2026-02-01', amount: 1000.5, voucher_no: 'J-1' },
        { pro_code: '990101260002', pay_date: '2026-02-03', amount: '20.00', voucher_no: 'J-2' },
      ],
    };
    const job = await importPayments(app, fx, as('finance'), {
      name: 'pay.json',
      content: JSON.stringify(doc),
    });
    expect(job).toMatchObject({ status: 'DONE', fiscal_year: '2026' });
    expect(job.counts).toMatchObject({ payments_inserted: 2, reports_recomputed: 0 });
    expect(await stored()).toEqual([
      { voucher_no: 'J-1', fiscal_year: '2026', pay_date: '2026-02-01', amount: '1000.50' },
      { voucher_no: 'J-2', fiscal_year: '2026', pay_date: '2026-02-03', amount: '20.00' },
    ]);
    const wrong = await importPayments(app, fx, as('finance'), {
      name: 'pay.json',
      content: JSON.stringify({ ...doc, format: 'perfbudget/0' }),
    });
    expect([wrong.status, wrong.errors[0]?.code, wrong.has_workbook]).toEqual([
      'FAILED',
      'FORMAT.VERSION',
      false,
    ]);
    const none = await importPayments(app, fx, as('finance'), {
      name: 'pay.json',
      content: JSON.stringify({ format: 'perfbudget/1', projects: [] }),
    });
    expect(none.errors[0]?.code).toBe('FORMAT.UNREADABLE');
  });

  it('reads the 支付记录 sheet of a workbook, numbers and dates as displayed', async () => {
    const body = await workbook([
      ['990101260001', new Date(Date.UTC(2026, 2, 31)), 1234.5, 'X-1'],
      ['990101260003', '2026-04-01', '80.10', 'X-2'],
    ]);
    const job = await importPayments(app, fx, as('unit'), { name: '支付.xlsx', content: body });
    // The preparer of 101001 may not book against 990101260003 (unit 101002): the whole file is refused.
    expect(job.status).toBe('FAILED');
    expect(job.errors.map((e) => [e.code, e.source])).toEqual([
      ['PAYMENT.PROJECT_UNKNOWN', { file: '支付.xlsx', sheet: '支付记录', row: 4, column: 'pro_code' }],
    ]);
    expect(job.has_workbook).toBe(true);
    const ok = await importPayments(app, fx, as('finance'), { name: '支付.xlsx', content: body });
    expect(ok.status).toBe('DONE');
    const rows = (await stored()).filter((r) => r.voucher_no.startsWith('X-'));
    expect(rows.map((r) => [r.pay_date, r.amount])).toEqual([
      ['2026-03-31', '1234.50'],
      ['2026-04-01', '80.10'],
    ]);
  });

  it('checks the region, the fiscal year given and vouchers stored before', async () => {
    const csv = 'pro_code,pay_date,amount,voucher_no\n990101260001,2025-12-31,5.00,Y-1\n';
    const outOfYear = await importPayments(
      app,
      fx,
      as('finance'),
      { name: 'p.csv', content: csv },
      { fiscal_year: '2026' },
    );
    expect(outOfYear.errors.map((e) => [e.path, e.code])).toEqual([
      ['payments[0].pay_date', 'PAYMENT.DATE_OUT_OF_YEAR'],
    ]);
    const elsewhere = await importPayments(
      app,
      fx,
      as('finance'),
      { name: 'p.csv', content: csv },
      { mof_div_code: '990102' },
    );
    expect(elsewhere.errors.map((e) => e.code)).toEqual(['IMPORT.REGION_OUT_OF_SCOPE']);
    // Without a year the payment date's year decides: 2025 has no project 990101260001.
    const lastYear = await importPayments(app, fx, as('finance'), { name: 'p.csv', content: csv });
    expect(lastYear.errors[0]).toMatchObject({ code: 'PAYMENT.PROJECT_UNKNOWN' });
    const changed = 'pro_code,pay_date,amount,voucher_no\n990101260001,2026-02-01,999.00,J-1\n';
    const again = await importPayments(app, fx, as('finance'), { name: 'p.csv', content: changed });
    expect(again.status).toBe('DONE');
    expect(again.counts).toMatchObject({ payments_inserted: 0, payments_skipped: 1 });
    expect(again.warnings.map((w) => w.code)).toEqual(['PAYMENT.VOUCHER_STORED_DIFFERENT']);
  });

  it('takes one file of a known kind from users who may import', async () => {
    const csv = { name: 'p.csv', content: 'pro_code,pay_date,amount,voucher_no\n' };
    const two = await postPayments(app, as('finance'), [csv, csv]);
    expect([two.statusCode, two.json().code]).toEqual([400, 'IMPORT.FILE_KIND']);
    const txt = await postPayments(app, as('finance'), [{ name: 'p.txt', content: 'x' }]);
    expect(txt.json().code).toBe('IMPORT.FILE_KIND');
    expect((await postPayments(app, as('supervisor'), [csv])).statusCode).toBe(403);
    const audited = await database.rows<{ n: number }>(
      sql`select count(*)::int as n from audit_log where entity = 'payment_import'`,
    );
    expect(audited[0]?.n).toBe(3);
  });
});
