import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadStarterLibrary } from '../../../domain/library/library.ts';
import { openTestDatabase, testDatabaseKind } from '../../../test/db.ts';
import { buildFixture, COUNTY, type Fixture } from '../../../test/fixtures.ts';
import { as, login, type Session } from '../../../test/http.ts';
import { buildApp } from '../../app.ts';
import type { Database } from '../../db/client.ts';
import { libraryReferenceValues, targetIndicators, targets, targetVersions } from '../../db/schema.ts';
import { coreRequirementsFor, ensureStarterLibrary, libraryByCodes } from './index.ts';

let database: Database;
let app: FastifyInstance;
let fx: Fixture;
const sessions: Record<string, Session> = {};
const starter = loadStarterLibrary();

const USERS = ['admin', 'security', 'auditor', 'finance', 'cityfinance', 'unit', 'dept', 'supervisor'];

beforeAll(async () => {
  database = await openTestDatabase();
  fx = await buildFixture(database);
  app = await buildApp(fx.deps);
  for (const u of USERS) sessions[u] = await login(app, u);
});

afterAll(async () => {
  await app.close();
  await database.close();
});

function api(name: string) {
  const s = sessions[name];
  if (!s) throw new Error(`no session for ${name}`);
  return as(app, s);
}

function upload(name: string, body: Buffer, type = 'application/octet-stream') {
  const s = sessions[name];
  if (!s) throw new Error(`no session for ${name}`);
  return app.inject({
    method: 'POST',
    url: '/api/v1/library/import',
    headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, 'content-type': type },
    payload: body,
  });
}

const indicator = (over: Record<string, unknown> = {}) => ({
  code: 'LOCAL-TEST-001',
  name: '本地测试指标',
  name_en: 'Local test indicator',
  definition: '测试用的地区自建指标口径。',
  unit: '个',
  formula: null,
  sign: 'GE',
  scoring_rule: '完成值≥指标值得满分',
  sector: 'EDU',
  func_class: '20508',
  kpi_lv1: 'OUTPUT',
  kpi_lv2: 'QUANTITY',
  kind: 'INDIVIDUAL',
  progress: 'CUMULATIVE',
  valid_from: '2024',
  valid_to: null,
  ...over,
});

async function auditCount(entity: string, action: string): Promise<number> {
  const [r] = await database.rows<{ n: number | string }>(
    sql`select count(*) as n from audit_log where entity = ${entity} and action = ${action}`,
  );
  return Number(r?.n ?? 0);
}

/** A target with versions; each version lists its indicators as [library code, value, actual]. */
async function insertTarget(t: {
  mof?: string;
  year: string;
  inForce: number | null;
  versions: [string | null, string | null, string | null][][];
}) {
  const [target] = await database.db
    .insert(targets)
    .values({
      mofDivCode: t.mof ?? COUNTY,
      fiscalYear: t.year,
      kind: 'DEPARTMENT',
      deptCode: '101',
      amount: '100000.00',
      currentVersion: t.versions.length,
      inForceVersion: t.inForce,
      status: t.inForce === null ? 'DRAFT' : 'APPROVED',
    })
    .returning();
  if (!target) throw new Error('no target');
  for (const [i, rows] of t.versions.entries()) {
    const [v] = await database.db
      .insert(targetVersions)
      .values({ targetId: target.id, versionNo: i + 1, status: 'DRAFT' })
      .returning();
    if (!v) throw new Error('no version');
    for (const [seq, [code, val, actual]] of rows.entries()) {
      await database.db.insert(targetIndicators).values({
        versionId: v.id,
        seq,
        kpiLv1: 'OUTPUT',
        kpiLv2: 'QUANTITY',
        kpiLv3: `指标${seq}`,
        computesign: 'GE',
        kpiVal: val ?? '',
        kpiValNum: val,
        meterunit: '人次',
        weight: '10',
        progress: 'CUMULATIVE',
        libraryCode: code,
        finalActual: actual,
      });
    }
  }
}

async function workbook(rows: Record<string, string | null>[], codes: string[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('指标库');
  ws.addRow(codes.map((c) => `标签 ${c}`));
  ws.addRow(codes);
  for (const r of rows) ws.addRow(codes.map((c) => r[c] ?? null));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const FIELDS = Object.keys(indicator());
const rowOf = (over: Record<string, unknown>): Record<string, string | null> =>
  Object.fromEntries(Object.entries(indicator(over)).map(([k, v]) => [k, v === null ? null : String(v)]));

describe(`indicator library (${testDatabaseKind()})`, () => {
  it('holds the shipped library in the test database, and loading it again writes nothing', async () => {
    const [r] = await database.rows<{ n: number | string }>(
      sql`select count(*) as n from library_indicators where mof_div_code is null`,
    );
    expect(Number(r?.n)).toBe(starter.length);
    expect(await ensureStarterLibrary(database.db)).toBe(0);
  });

  it('answers 401 without a session, 403 to the three administrators and to writes without library:manage', async () => {
    expect((await app.inject({ url: '/api/v1/library' })).statusCode).toBe(401);
    for (const u of ['admin', 'security', 'auditor']) {
      const res = await api(u)('GET', '/api/v1/library');
      expect(res.statusCode, u).toBe(403);
      expect(res.json()).toMatchObject({ code: 'AUTH.FORBIDDEN' });
    }
    for (const u of ['unit', 'dept', 'supervisor']) {
      expect((await api(u)('GET', '/api/v1/library')).statusCode, u).toBe(200);
      expect(
        (await api(u)('POST', '/api/v1/library', { version: 0, indicator: indicator() })).statusCode,
      ).toBe(403);
      expect(
        (await api(u)('PUT', '/api/v1/library/EDU-TRAIN-001', { version: 1, indicator: indicator() }))
          .statusCode,
      ).toBe(403);
      expect((await upload(u, Buffer.from('x'))).statusCode).toBe(403);
      expect(
        (
          await api(u)('POST', '/api/v1/core-indicators', {
            mof_div_code: COUNTY,
            fiscal_year: '2026',
            library_code: 'EDU-TRAIN-001',
          })
        ).statusCode,
      ).toBe(403);
    }
    // Export: library:manage or export:data on top of library:read.
    expect((await api('unit')('GET', '/api/v1/library/export')).statusCode).toBe(403);
    expect((await api('supervisor')('GET', '/api/v1/library/export?sector=WATER')).statusCode).toBe(200);
  });

  it('lists, searches and filters the library, server-paged', async () => {
    const all = (await api('unit')('GET', '/api/v1/library?page_size=200')).json();
    expect(all.total).toBe(starter.length);
    expect(all.items).toHaveLength(200);
    expect(all.items[0].usage_count).toBe(0);
    const page2 = (await api('unit')('GET', '/api/v1/library?page=2&page_size=200')).json();
    expect(page2.items).toHaveLength(starter.length - 200);

    const byName = (await api('unit')('GET', `/api/v1/library?q=${encodeURIComponent('培训人次')}`)).json();
    expect(byName.items.map((i: { code: string }) => i.code)).toContain('EDU-TRAIN-001');
    const byCode = (await api('unit')('GET', '/api/v1/library?q=edu-train&page_size=200')).json();
    expect(byCode.total).toBe(starter.filter((e) => e.code.startsWith('EDU-TRAIN')).length);
    const byDefinition = (
      await api('unit')('GET', `/api/v1/library?q=${encodeURIComponent('签到表')}`)
    ).json();
    expect(byDefinition.items.map((i: { code: string }) => i.code)).toContain('EDU-TRAIN-001');

    const count = async (query: string) =>
      (await api('unit')('GET', `/api/v1/library?${query}`)).json().total;
    expect(await count('sector=EDU')).toBe(starter.filter((e) => e.sector === 'EDU').length);
    expect(await count('kpi_lv1=SATISFACTION')).toBe(
      starter.filter((e) => e.kpi_lv1 === 'SATISFACTION').length,
    );
    expect(await count('kpi_lv1=OUTPUT&kpi_lv2=TIMELINESS')).toBe(
      starter.filter((e) => e.kpi_lv2 === 'TIMELINESS').length,
    );
    expect(await count('kind=COMMON')).toBe(starter.filter((e) => e.kind === 'COMMON').length);
    expect(await count('status=RETIRED')).toBe(0);
    // 功能分类 prefix: classified under 205, and (for a full code) the classes above it too.
    expect(await count('func_class=205')).toBe(starter.filter((e) => e.func_class?.startsWith('205')).length);
    expect(await count('func_class=2050803')).toBe(
      starter.filter((e) => e.func_class !== null && '2050803'.startsWith(e.func_class)).length,
    );
    const bad = await api('unit')('GET', '/api/v1/library?sector=MOON');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().details[0].path).toBe('querystring.sector');
  });

  it('creates an indicator of the region, audited, and refuses bad bodies naming the field', async () => {
    const before = await auditCount('library_indicator', 'CREATE');
    const res = await api('finance')('POST', '/api/v1/library', { version: 0, indicator: indicator() });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      code: 'LOCAL-TEST-001',
      mof_div_code: COUNTY,
      version: 1,
      status: 'ACTIVE',
    });
    expect(await auditCount('library_indicator', 'CREATE')).toBe(before + 1);

    const sign = await api('finance')('POST', '/api/v1/library', {
      version: 0,
      indicator: indicator({ code: 'LOCAL-TEST-002', sign: 'GTE' }),
    });
    expect(sign.statusCode).toBe(400);
    expect(sign.json().details).toEqual([expect.objectContaining({ path: 'indicator.sign' })]);

    const pair = await api('finance')('POST', '/api/v1/library', {
      version: 0,
      indicator: indicator({ code: 'LOCAL-TEST-002', kpi_lv2: 'SOCIAL' }),
    });
    expect(pair.statusCode).toBe(400);
    expect(pair.json().details).toEqual([
      expect.objectContaining({
        path: 'indicator.kpi_lv2',
        code: 'INDICATOR.LEVEL_PAIR',
        message: expect.stringContaining('二级指标'),
      }),
    ]);
    const unit = await api('finance')('POST', '/api/v1/library', {
      version: 0,
      indicator: indicator({ code: 'LOCAL-TEST-002', unit: null }),
    });
    expect(unit.json().details).toEqual([
      expect.objectContaining({ path: 'indicator.unit', code: 'INDICATOR.UNIT_REQUIRED' }),
    ]);
    // 2021 framework pairs are accepted too.
    const cost = await api('finance')('POST', '/api/v1/library', {
      version: 0,
      indicator: indicator({ code: 'LOCAL-COST-001', kpi_lv1: 'COST', kpi_lv2: 'ECON_COST', unit: '万元' }),
    });
    expect(cost.statusCode).toBe(200);

    const taken = await api('finance')('POST', '/api/v1/library', {
      version: 0,
      indicator: indicator({ code: 'EDU-TRAIN-001' }),
    });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().details[0].path).toBe('indicator.code');
  });

  it('updates with an optimistic version, retires and reactivates; shipped and higher rows are read-only', async () => {
    const put = (who: string, code: string, body: unknown) =>
      api(who)('PUT', `/api/v1/library/${code}`, body);
    const ok = await put('finance', 'LOCAL-TEST-001', {
      version: 1,
      indicator: indicator({ name: '本地测试指标（改）' }),
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ name: '本地测试指标（改）', version: 2 });
    const stale = await put('finance', 'LOCAL-TEST-001', { version: 1, indicator: indicator() });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: 'LIBRARY.STALE_VERSION' });
    const retired = await put('finance', 'LOCAL-TEST-001', {
      version: 2,
      indicator: indicator({ name: '本地测试指标（改）' }),
      status: 'RETIRED',
    });
    expect(retired.json()).toMatchObject({ status: 'RETIRED', version: 3 });
    expect((await api('unit')('GET', '/api/v1/library?status=RETIRED')).json().items).toEqual([
      expect.objectContaining({ code: 'LOCAL-TEST-001' }),
    ]);
    const back = await put('finance', 'LOCAL-TEST-001', {
      version: 3,
      indicator: indicator({ name: '本地测试指标（改）' }),
      status: 'ACTIVE',
    });
    expect(back.json()).toMatchObject({ status: 'ACTIVE', version: 4 });
    expect(await auditCount('library_indicator', 'UPDATE')).toBe(3);

    const shipped = await put('finance', 'EDU-TRAIN-001', {
      version: 1,
      indicator: indicator({ code: 'EDU-TRAIN-001' }),
    });
    expect(shipped.statusCode).toBe(403);
    expect(shipped.json()).toMatchObject({ code: 'LIBRARY.READ_ONLY' });
    const renamed = await put('finance', 'LOCAL-TEST-001', {
      version: 4,
      indicator: indicator({ code: 'OTHER-001' }),
    });
    expect(renamed.statusCode).toBe(400);
    expect(renamed.json().details[0].path).toBe('indicator.code');
  });

  it('shows a region its own indicators and those of the regions above, never those below', async () => {
    const city = await api('cityfinance')('POST', '/api/v1/library', {
      version: 0,
      indicator: indicator({ code: 'CITY-TEST-001', name: '市级指标' }),
    });
    expect(city.statusCode).toBe(200);
    expect(city.json().mof_div_code).toBe('990100');
    expect((await api('unit')('GET', '/api/v1/library/CITY-TEST-001')).statusCode).toBe(200);
    expect((await api('cityfinance')('GET', '/api/v1/library/LOCAL-TEST-001')).statusCode).toBe(404);
    const cityList = (await api('cityfinance')('GET', '/api/v1/library?q=-TEST-')).json();
    expect(cityList.items.map((i: { code: string }) => i.code)).toEqual(['CITY-TEST-001']);
    const countyEdit = await api('finance')('PUT', '/api/v1/library/CITY-TEST-001', {
      version: 1,
      indicator: indicator({ code: 'CITY-TEST-001' }),
    });
    expect(countyEdit.statusCode).toBe(403);
    expect((await api('unit')('GET', '/api/v1/library/NO-SUCH-001')).statusCode).toBe(404);
  });

  it('gives usage and the distribution of targets and actuals per year, as worked by hand', async () => {
    // 2026 in the county: T1 in force v1 (10, actual 12) with a newer draft v2 (99: not used);
    // T2 never approved, newest v1 (20, 18); T3 in force v1 without it, newest v2 (30, no actual);
    // T4 (40, 50). 2025: T5 (15, 16). The neighbouring county (outside the county's scope): 1000.
    await insertTarget({
      year: '2026',
      inForce: 1,
      versions: [[['EDU-TRAIN-001', '10', '12']], [['EDU-TRAIN-001', '99', null]]],
    });
    await insertTarget({ year: '2026', inForce: null, versions: [[['EDU-TRAIN-001', '20', '18']]] });
    await insertTarget({
      year: '2026',
      inForce: 1,
      versions: [[['GENERAL-SAT-001', '90', null]], [['EDU-TRAIN-001', '30', null]]],
    });
    await insertTarget({ year: '2026', inForce: 1, versions: [[['EDU-TRAIN-001', '40', '50']]] });
    await insertTarget({ year: '2025', inForce: 1, versions: [[['EDU-TRAIN-001', '15', '16']]] });
    await insertTarget({
      mof: '990102',
      year: '2026',
      inForce: 1,
      versions: [[['EDU-TRAIN-001', '1000', null]]],
    });
    await database.db.insert(libraryReferenceValues).values([
      { libraryCode: 'EDU-TRAIN-001', fiscalYear: '2025', mofDivCode: '', kind: 'INDUSTRY', value: '480' },
      {
        libraryCode: 'EDU-TRAIN-001',
        fiscalYear: '2025',
        mofDivCode: COUNTY,
        kind: 'HISTORY',
        value: '505',
        isSynthetic: true,
      },
      { libraryCode: 'EDU-TRAIN-001', fiscalYear: '2025', mofDivCode: '990102', kind: 'HISTORY', value: '1' },
    ]);

    const list = (await api('unit')('GET', '/api/v1/library?q=EDU-TRAIN-001&fiscal_year=2026')).json();
    expect(list.items[0]).toMatchObject({ code: 'EDU-TRAIN-001', usage_count: 4 });
    const sat = (await api('unit')('GET', '/api/v1/library?q=GENERAL-SAT-001&fiscal_year=2026')).json();
    expect(sat.items[0].usage_count).toBe(1);
    expect(
      (await api('unit')('GET', '/api/v1/library?q=EDU-TRAIN-001&fiscal_year=2025')).json().items[0]
        .usage_count,
    ).toBe(1);

    const detail = (await api('finance')('GET', '/api/v1/library/EDU-TRAIN-001?fiscal_year=2026')).json();
    expect(detail.indicator).toMatchObject({ code: 'EDU-TRAIN-001', usage_count: 4, mof_div_code: null });
    expect(detail.reference_values).toEqual([
      {
        fiscal_year: '2025',
        mof_div_code: COUNTY,
        kind: 'HISTORY',
        value: '505',
        note: null,
        is_synthetic: true,
      },
      {
        fiscal_year: '2025',
        mof_div_code: '',
        kind: 'INDUSTRY',
        value: '480',
        note: null,
        is_synthetic: false,
      },
    ]);
    expect(detail.usage).toEqual([
      {
        fiscal_year: '2025',
        targets: { count: 1, min: '15', p25: '15', median: '15', p75: '15', max: '15' },
        actuals: { count: 1, min: '16', p25: '16', median: '16', p75: '16', max: '16' },
      },
      {
        fiscal_year: '2026',
        targets: { count: 4, min: '10', p25: '17.5', median: '25', p75: '32.5', max: '40' },
        actuals: { count: 3, min: '12', p25: '15', median: '18', p75: '34', max: '50' },
      },
    ]);
    // The city sees the neighbouring county too.
    const city = (await api('cityfinance')('GET', '/api/v1/library/EDU-TRAIN-001?fiscal_year=2026')).json();
    expect(city.indicator.usage_count).toBe(5);
    expect(city.usage[1].targets).toEqual({
      count: 5,
      min: '10',
      p25: '20',
      median: '30',
      p75: '40',
      max: '1000',
    });
  });

  it('exports the filtered list as a workbook with labels, field codes and data from row 3', async () => {
    const res = await api('finance')('GET', '/api/v1/library/export?sector=EDU&fiscal_year=2026');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('指标库');
    expect(ws?.getRow(1).getCell(1).value).toBe('指标编码');
    expect(ws?.getRow(2).getCell(1).value).toBe('code');
    const codes: string[] = [];
    ws?.eachRow((row, n) => {
      if (n >= 3) codes.push(row.getCell(1).text);
    });
    // The county's own two EDU indicators and the city's one.
    expect(codes).toHaveLength(starter.filter((e) => e.sector === 'EDU').length + 3);
    expect(codes).toContain('LOCAL-TEST-001');
    const header = ws?.getRow(2).values as unknown[];
    const usageCol = header.indexOf('usage_count');
    const trainRow = codes.indexOf('EDU-TRAIN-001') + 3;
    expect(ws?.getRow(trainRow).getCell(usageCol).value).toBe(4);
  });

  it('imports all rows or none, naming every bad row and column', async () => {
    const before = (await api('finance')('GET', '/api/v1/library?q=IMP-')).json().total;
    const bad = await workbook(
      [
        rowOf({ code: 'IMP-OK-001', name: '导入一' }),
        rowOf({ code: 'IMP-OK-002', name: '导入二', kpi_lv2: 'SOCIAL' }),
        rowOf({ code: 'IMP-OK-003', name: '导入三', sign: 'GTE', valid_from: '24' }),
        rowOf({ code: 'IMP-OK-001', name: '导入一（重复）' }),
      ],
      FIELDS,
    );
    const res = await upload('finance', bad);
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.code).toBe('LIBRARY.IMPORT_INVALID');
    const col = (f: string) => String.fromCharCode(65 + FIELDS.indexOf(f));
    expect(body.details).toEqual([
      expect.objectContaining({
        row: 4,
        column: col('kpi_lv2'),
        field: 'kpi_lv2',
        code: 'INDICATOR.LEVEL_PAIR',
      }),
      expect.objectContaining({ row: 5, column: col('sign'), field: 'sign', code: 'FIELD.ENUM' }),
      expect.objectContaining({ row: 5, column: col('valid_from'), field: 'valid_from', code: 'FIELD.TYPE' }),
      expect.objectContaining({ row: 6, column: col('code'), field: 'code', code: 'LIBRARY.DUPLICATE_CODE' }),
    ]);
    expect(body.details[0].message).toContain('二级指标');
    expect((await api('finance')('GET', '/api/v1/library?q=IMP-')).json().total).toBe(before);

    // A shipped code with other values: refused, nothing written.
    const shipped = starter.find((e) => e.code === 'EDU-TRAIN-001');
    if (!shipped) throw new Error('no EDU-TRAIN-001');
    const { typical: _typical, ...shippedFields } = shipped;
    const taken = await upload(
      'finance',
      await workbook([rowOf({ code: 'IMP-OK-001' }), rowOf({ ...shippedFields, name: '改名' })], FIELDS),
    );
    expect(taken.statusCode).toBe(400);
    expect(taken.json().details).toEqual([expect.objectContaining({ row: 4, code: 'LIBRARY.CODE_TAKEN' })]);
    expect((await api('finance')('GET', '/api/v1/library?q=IMP-')).json().total).toBe(before);

    const imports = await auditCount('library_indicator', 'IMPORT');
    const good = await workbook(
      [
        rowOf({ code: 'IMP-OK-001', name: '导入一' }),
        rowOf({
          code: 'IMP-OK-002',
          name: '导入二',
          kpi_lv1: 'BENEFIT',
          kpi_lv2: 'SOCIAL',
          unit: '%',
          progress: 'LEVEL',
        }),
        rowOf(shippedFields),
        { ...rowOf({ name: '本地测试指标（导入改）' }), status: 'ACTIVE' },
      ],
      [...FIELDS, 'status'],
    );
    const done = await upload(
      'finance',
      good,
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect(done.statusCode).toBe(200);
    expect(done.json()).toEqual({ created: 2, updated: 1, unchanged: 1 });
    expect((await api('finance')('GET', '/api/v1/library?q=IMP-')).json().total).toBe(before + 2);
    expect((await api('finance')('GET', '/api/v1/library/LOCAL-TEST-001')).json().indicator).toMatchObject({
      name: '本地测试指标（导入改）',
      version: 5,
    });
    expect(await auditCount('library_indicator', 'IMPORT')).toBe(imports + 1);

    const junk = await upload('finance', Buffer.from('not a workbook'));
    expect(junk.statusCode).toBe(400);
    expect(junk.json().details[0].code).toBe('FORMAT.UNREADABLE');
    const json = await api('finance')('POST', '/api/v1/library/import', { rows: [] });
    expect(json.statusCode).toBe(400);
  });

  it('pushes core indicators down and matches them by 功能分类 prefix and department', async () => {
    const post = (who: string, body: Record<string, unknown>) =>
      api(who)('POST', '/api/v1/core-indicators', { mof_div_code: COUNTY, fiscal_year: '2026', ...body });
    const a = await post('finance', { library_code: 'EDU-TRAIN-001', func_class_prefix: '205' });
    expect(a.statusCode).toBe(200);
    expect(a.json()).toMatchObject({
      library_code: 'EDU-TRAIN-001',
      name: '培训人次',
      func_class_prefix: '205',
      dept_code: null,
    });
    expect((await post('finance', { library_code: 'GENERAL-SAT-001' })).statusCode).toBe(200);
    expect(
      (
        await post('finance', {
          library_code: 'EDU-TRAIN-002',
          func_class_prefix: '2050803',
          dept_code: '102',
        })
      ).statusCode,
    ).toBe(200);
    const city = await post('cityfinance', { mof_div_code: '990100', library_code: 'GENERAL-FUND-002' });
    expect(city.statusCode).toBe(200);

    expect(
      (await post('finance', { library_code: 'EDU-TRAIN-001', func_class_prefix: '205' })).statusCode,
    ).toBe(409);
    const unknown = await post('finance', { library_code: 'NO-SUCH-001' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().details[0].path).toBe('library_code');
    const dept = await post('finance', { library_code: 'EDU-TRAIN-003', dept_code: '999' });
    expect(dept.json().details[0].path).toBe('dept_code');
    const badPrefix = await post('finance', { library_code: 'EDU-TRAIN-003', func_class_prefix: '20' });
    expect(badPrefix.json().details[0].path).toBe('func_class_prefix');

    const codes = (r: { library_code: string }[]) => r.map((x) => x.library_code);
    const req = (
      funcClass: string | null,
      deptCode: string | null,
      mofDivCode = COUNTY,
      fiscalYear = '2026',
    ) => coreRequirementsFor(database.db, { mofDivCode, fiscalYear, funcClass, deptCode });
    expect(codes(await req('2050803', '101'))).toEqual([
      'EDU-TRAIN-001',
      'GENERAL-FUND-002',
      'GENERAL-SAT-001',
    ]);
    expect(codes(await req('2050803', '102'))).toEqual([
      'EDU-TRAIN-001',
      'EDU-TRAIN-002',
      'GENERAL-FUND-002',
      'GENERAL-SAT-001',
    ]);
    expect(codes(await req('2100201', '102'))).toEqual(['GENERAL-FUND-002', 'GENERAL-SAT-001']);
    expect(codes(await req(null, null))).toEqual(['GENERAL-FUND-002', 'GENERAL-SAT-001']);
    expect(codes(await req('2050803', '101', '990102'))).toEqual(['GENERAL-FUND-002']);
    expect(await req('2050803', '101', COUNTY, '2025')).toEqual([]);
    expect((await req('2050803', '101')).find((r) => r.library_code === 'EDU-TRAIN-001')).toEqual({
      library_code: 'EDU-TRAIN-001',
      kpi_lv3: '培训人次',
      computesign: 'GE',
      meterunit: '人次',
      kpi_lv1: 'OUTPUT',
      kpi_lv2: 'QUANTITY',
      progress: 'CUMULATIVE',
    });

    const list = (
      await api('unit')('GET', `/api/v1/core-indicators?mof_div_code=${COUNTY}&fiscal_year=2026`)
    ).json();
    expect(list.items).toHaveLength(4);
    expect(
      (await api('unit')('GET', '/api/v1/core-indicators?mof_div_code=990102&fiscal_year=2026')).statusCode,
    ).toBe(404);
    const cityItem = list.items.find((i: { mof_div_code: string }) => i.mof_div_code === '990100');
    const own = list.items.find((i: { library_code: string }) => i.library_code === 'GENERAL-SAT-001');
    expect((await api('finance')('DELETE', `/api/v1/core-indicators/${cityItem.id}`)).statusCode).toBe(403);
    expect((await api('finance')('DELETE', `/api/v1/core-indicators/${own.id}`)).statusCode).toBe(204);
    expect((await api('finance')('DELETE', `/api/v1/core-indicators/${own.id}`)).statusCode).toBe(404);
    expect(codes(await req(null, null))).toEqual(['GENERAL-FUND-002']);
    expect(await auditCount('core_indicator', 'CREATE')).toBe(4);
    expect(await auditCount('core_indicator', 'DELETE')).toBe(1);
  });

  it('gives other modules the rows by code, and a changed shipped row is restored on the next load', async () => {
    const rows = await libraryByCodes(database.db, ['EDU-TRAIN-001', 'LOCAL-TEST-001', 'NONE']);
    expect([...rows.keys()].sort()).toEqual(['EDU-TRAIN-001', 'LOCAL-TEST-001']);
    expect(rows.get('EDU-TRAIN-001')).toMatchObject({
      progress: 'CUMULATIVE',
      unit: '人次',
      mof_div_code: null,
    });

    await database.db.execute(sql`update library_indicators set name = 'x' where code = 'EDU-TRAIN-002'`);
    expect(await ensureStarterLibrary(database.db)).toBe(1);
    const after = await libraryByCodes(database.db, ['EDU-TRAIN-002', 'LOCAL-TEST-001']);
    expect(after.get('EDU-TRAIN-002')).toMatchObject({ name: '培训考核合格率', version: 2 });
    expect(after.get('LOCAL-TEST-001')).toMatchObject({ name: '本地测试指标（导入改）', version: 5 });
  });
});
