import { createWriteStream } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openExchange, writeCsvFolder, writeXlsx, type ExchangeInput, type ProjectEntry } from './index.ts';
import { openXlsx } from './read-xlsx.ts';
import { EXAMPLE_JSON, encodeGb18030, tempDir, withoutEmpty } from './test-fixtures.ts';

let dir = '';
let cleanup: () => Promise<void> = async () => {};
let example: Record<string, unknown> = {};
const header = { mof_div_code: '360121', fiscal_year: '2026' };
const payment = { pro_code: '360121260001', pay_date: '2026-03-01', amount: '100.50', voucher_no: 'V-001' };

beforeAll(async () => {
  ({ dir, cleanup } = await tempDir());
  const jsonFile = path.join(dir, 'example.json');
  await writeFile(jsonFile, EXAMPLE_JSON);
  for await (const entry of (await openExchange(jsonFile)).projects()) example = entry.project;
});
afterAll(() => cleanup());

async function all(input: ExchangeInput): Promise<ProjectEntry[]> {
  const out: ProjectEntry[] = [];
  for await (const entry of input.projects()) out.push(entry);
  return out;
}

async function paymentsOf(input: ExchangeInput) {
  const out = [];
  for await (const p of input.payments()) out.push(p);
  return out;
}

/** Checks shared by the CSV and the Excel read-back of the example. */
function expectExample(entry: ProjectEntry | undefined): void {
  // The same shape, except that flat files keep booleans as their text (validation reads both).
  expect(withoutEmpty(entry?.project)).toEqual(withoutEmpty({ ...example, is_new: 'false' }));
  expect(entry?.project.amount).toBe('1000000.10');
  expect(entry?.project.is_new).toBe('false');
  const monitoring = entry?.project.monitoring as {
    as_of: string;
    indicators: { deviation_causes: unknown }[];
  }[];
  expect(monitoring).toHaveLength(1);
  expect(monitoring[0]?.indicators).toHaveLength(4);
  expect(monitoring[0]?.indicators[0]?.deviation_causes).toEqual(['STAFF']);
  expect(entry?.issues).toEqual([]);
}

describe('CSV folder', () => {
  it('writes the example with BOM and codes, and reads it back to the same JSON shape', async () => {
    const folder = path.join(dir, 'csv');
    await writeCsvFolder([example], header, folder, [payment]);
    const raw = await readFile(path.join(folder, 'projects.csv'));
    expect([...raw.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(raw.toString('utf8').slice(1).split('\r\n')[0]).toMatch(
      /^mof_div_code,fiscal_year,pro_code,pro_name,/,
    );

    const input = await openExchange(folder);
    expect(input.kind).toBe('csv');
    expect(input.files.map((f) => path.basename(f)).sort()).toEqual([
      'indicators.csv',
      'monitoring.csv',
      'payments.csv',
      'projects.csv',
      'self_evaluation.csv',
    ]);
    const [entry] = await all(input);
    expectExample(entry);
    expect(entry?.sourceOf('target.indicators[2].meterunit')).toEqual({
      file: 'indicators.csv',
      row: 4,
      column: 'meterunit',
    });
    expect(entry?.sourceOf('monitoring[0].indicators[3].actual')).toEqual({
      file: 'monitoring.csv',
      row: 5,
      column: 'actual',
    });
    expect(entry?.sourceOf('target.annual_goal')).toEqual({
      file: 'projects.csv',
      row: 2,
      column: 'annual_goal',
    });
    expect(input.header()).toEqual({ format: null, ...header });
    expect(await paymentsOf(input)).toEqual([{ row: payment, source: { file: 'payments.csv', row: 2 } }]);
  });

  it('reads GB18030, quoted fields with commas and line breaks, lists and grouped monitoring rounds', async () => {
    const folder = path.join(dir, 'gb');
    await mkdir(folder);
    const projects =
      'mof_div_code,fiscal_year,pro_code,pro_name,amount,is_new,unknown_column\r\n' +
      '360121,2026,P1,"乡村教师培训,第一期\r\n（含送教下乡）",1000.00,是,x\r\n' +
      '360121,2026,P2,"说明含""引号""",2000,否,y\r\n';
    await writeFile(path.join(folder, 'projects.csv'), encodeGb18030(projects));
    // UTF-8 without BOM; P2's indicator comes first (rows out of project order).
    const indicators = 'pro_code,kpi_lv3,meterunit\nP2,满意度,%\nP1,培训人次,人次\n\nP1,合格率,%\n';
    await writeFile(path.join(folder, 'indicators.csv'), indicators);
    const monitoring =
      'pro_code,as_of,executed,kpi_lv3,actual,deviation_causes\n' +
      'P1,2026-03-31,100,培训人次,10,FUNDING; STAFF\n' +
      'P1,2026-06-30,400,培训人次,120,STAFF；OTHER\n' +
      'P1,2026-03-31,100.00,合格率,90,\n' +
      'P1,2026-06-30,,合格率,96,\n';
    await writeFile(path.join(folder, 'monitoring.csv'), `\uFEFF${monitoring}`);

    const input = await openExchange(folder);
    const [p1, p2] = await all(input);
    expect(p1?.project.pro_name).toBe('乡村教师培训,第一期\r\n（含送教下乡）');
    expect(p1?.project.is_new).toBe('是');
    expect(p1?.project).not.toHaveProperty('unknown_column');
    expect(p2?.project.pro_name).toBe('说明含"引号"');
    expect(p2?.sourceOf('pro_name')).toEqual({ file: 'projects.csv', row: 3, column: 'pro_name' });
    expect(p1?.project.target).toEqual({
      indicators: [
        { kpi_lv3: '培训人次', meterunit: '人次' },
        { kpi_lv3: '合格率', meterunit: '%' },
      ],
    });
    expect(p1?.sourceOf('target.indicators[1].kpi_lv3')).toEqual({
      file: 'indicators.csv',
      row: 5,
      column: 'kpi_lv3',
    });
    expect(p2?.project.target).toEqual({ indicators: [{ kpi_lv3: '满意度', meterunit: '%' }] });
    expect(p1?.project.monitoring).toEqual([
      {
        as_of: '2026-03-31',
        executed: '100',
        indicators: [
          { kpi_lv3: '培训人次', actual: '10', deviation_causes: ['FUNDING', 'STAFF'] },
          { kpi_lv3: '合格率', actual: '90', deviation_causes: null },
        ],
      },
      {
        as_of: '2026-06-30',
        executed: '400',
        indicators: [
          { kpi_lv3: '培训人次', actual: '120', deviation_causes: ['STAFF', 'OTHER'] },
          { kpi_lv3: '合格率', actual: '96', deviation_causes: null },
        ],
      },
    ]);
    expect(p1?.issues).toEqual([]);
    expect(input.orphanIssues()).toEqual([]);
  });
});

describe('Excel workbook', () => {
  it('writes the example in the template layout and reads it back (in-memory and streaming readers)', async () => {
    const file = path.join(dir, 'example.xlsx');
    const out = createWriteStream(file);
    await writeXlsx([example], header, out, [payment]);
    for (const streamAbove of [Infinity, 0]) {
      const input = await openXlsx(file, streamAbove);
      expect(input.kind).toBe('xlsx');
      const [entry] = await all(input);
      expectExample(entry);
      expect(entry?.sourceOf('target.indicators[2].meterunit')).toEqual({
        file: 'example.xlsx',
        sheet: '绩效指标',
        row: 5,
        column: 'meterunit',
      });
      expect(entry?.sourceOf('self_evaluation.budget')).toEqual({
        file: 'example.xlsx',
        sheet: '自评',
        row: 3,
        column: 'budget',
      });
      expect(input.header()).toEqual({ format: null, ...header });
      expect(await paymentsOf(input)).toEqual([
        { row: payment, source: { file: 'example.xlsx', sheet: '支付记录', row: 3 } },
      ]);
    }
  });

  it('reads numeric cells as the decimal Excel displays, dates as YYYY-MM-DD, formulas by result', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('项目');
    ws.addRow(['项目编码', '项目金额', '开始年度', '项目名称']);
    ws.addRow(['pro_code', 'amount', 'start_year', 'pro_name']);
    ws.addRow([360121260001, 0.1 + 0.2, 2026, { richText: [{ text: '乡村' }, { text: '培训' }] }]);
    ws.addRow(['P2', { formula: 'B3*3', result: 0.30000000000000004 * 3 }, 1e21, 'x']);
    const monitoring = wb.addWorksheet('运行监控');
    monitoring.addRow(['项目编码', '监控截止日期', '累计执行数']);
    monitoring.addRow(['pro_code', 'as_of', 'executed']);
    monitoring.addRow(['P2', new Date(Date.UTC(2026, 5, 30)), 123456.789]);
    monitoring.getCell('B3').numFmt = 'yyyy-mm-dd';
    const file = path.join(dir, 'numbers.xlsx');
    await wb.xlsx.writeFile(file);
    for (const streamAbove of [Infinity, 0]) {
      const [p1, p2] = await all(await openXlsx(file, streamAbove));
      expect(p1?.project).toEqual({
        pro_code: '360121260001',
        amount: '0.3',
        start_year: '2026',
        pro_name: '乡村培训',
      });
      expect(p2?.project.amount).toBe('0.9');
      expect(p2?.project.start_year).toBe('1000000000000000000000');
      expect(p2?.project.monitoring).toEqual([
        { as_of: '2026-06-30', executed: '123456.789', indicators: [] },
      ]);
    }
  });

  it('rejects a workbook without the 项目 sheet and a corrupt file with FORMAT.UNREADABLE', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Sheet1').addRow(['x']);
    const noProjects = path.join(dir, 'noprojects.xlsx');
    await wb.xlsx.writeFile(noProjects);
    const corrupt = path.join(dir, 'corrupt.xlsx');
    await writeFile(corrupt, 'not a zip file');
    for (const file of [noProjects, corrupt]) {
      await expect(openExchange(file)).rejects.toMatchObject({ code: 'FORMAT.UNREADABLE' });
    }
  });
});
