import { createWriteStream } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  TABLE_LIST,
  buildMarkedWorkbook,
  buildTemplate,
  openExchange,
  writeXlsx,
  type ExchangeInput,
  type MarkupIssue,
} from './index.ts';
import { openXlsx } from './read-xlsx.ts';
import { EXAMPLE_JSON, tempDir } from './test-fixtures.ts';

let dir = '';
let cleanup: () => Promise<void> = async () => {};

beforeAll(async () => {
  ({ dir, cleanup } = await tempDir());
});
afterAll(() => cleanup());

async function load(buffer: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  return wb;
}

async function count(input: ExchangeInput): Promise<number> {
  let n = 0;
  for await (const _ of input.projects()) n++;
  return n;
}

const fillColor = (cell: ExcelJS.Cell): string | undefined =>
  cell.fill.type === 'pattern' ? cell.fill.fgColor?.argb : undefined;

describe('template', () => {
  it('has the instructions and the five sheets with labels in row 1 and codes in row 2', async () => {
    const wb = await load(await buildTemplate('zh-CN'));
    expect(wb.worksheets.map((ws) => ws.name)).toEqual([
      '填表说明',
      '项目',
      '绩效指标',
      '运行监控',
      '自评',
      '支付记录',
    ]);
    for (const def of TABLE_LIST) {
      const ws = wb.getWorksheet(def.sheet);
      const labels = def.columns.map((_, i) => ws?.getRow(1).getCell(i + 1).value);
      const codes = def.columns.map((_, i) => ws?.getRow(2).getCell(i + 1).value);
      expect(labels).toEqual(def.columns.map((c) => c.zh));
      expect(codes).toEqual(def.columns.map((c) => c.code));
      expect(ws?.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
    }
    const indicators = wb.getWorksheet('绩效指标');
    expect(indicators?.getCell('E3').dataValidation).toMatchObject({
      type: 'list',
      formulae: ['"GE,GT,LE,LT,EQ,QUAL,OTHER"'],
    });
    expect(indicators?.getCell('E5000').dataValidation).toMatchObject({ type: 'list' });
    const instructions = wb.getWorksheet('填表说明');
    const texts: string[] = [];
    instructions?.eachRow((row) => row.eachCell((cell) => texts.push(cell.text)));
    expect(texts).toEqual(
      expect.arrayContaining(['ECO_COST', '生态环境成本指标', 'CUMULATIVE', '累计型', '国有资本经营预算']),
    );
  });

  it('adds English labels as notes for en-US, and reads back as zero projects', async () => {
    const buffer = await buildTemplate('en-US');
    const wb = await load(buffer);
    expect(wb.getWorksheet('项目')?.getCell('D1').note).toBe('project name');
    const file = path.join(dir, 'template.xlsx');
    await writeFile(file, buffer);
    expect(await count(await openExchange(file))).toBe(0);
    const streamed = await openXlsx(file, 0);
    expect(await count(streamed)).toBe(0);
    expect(streamed.header()).toEqual({ format: null, mof_div_code: null, fiscal_year: null });
    expect(streamed.orphanIssues()).toEqual([]);
  });
});

describe('marked workbook', () => {
  const issue = (source: MarkupIssue['source']): MarkupIssue => ({
    path: 'projects[0].target.indicators[2].meterunit',
    code: 'INDICATOR.UNIT_REQUIRED',
    message: '第1个项目 第3条指标 计量单位：定量指标须填写计量单位',
    source,
  });

  it('fills the source cell of an issue red with a note, and lists the issues first', async () => {
    const jsonFile = path.join(dir, 'example.json');
    await writeFile(jsonFile, EXAMPLE_JSON);
    const projects: Record<string, unknown>[] = [];
    for await (const e of (await openExchange(jsonFile)).projects()) projects.push(e.project);
    const file = path.join(dir, 'example.xlsx');
    await writeXlsx(projects, { mof_div_code: '360121', fiscal_year: '2026' }, createWriteStream(file));
    const input = await openExchange(file);
    let source: MarkupIssue['source'];
    for await (const e of input.projects()) source = e.sourceOf('target.indicators[2].meterunit');
    expect(source).toEqual({ file: 'example.xlsx', sheet: '绩效指标', row: 5, column: 'meterunit' });

    const wb = await load(
      await buildMarkedWorkbook(input, [issue(source), { ...issue(undefined), path: '' }], 'zh-CN'),
    );
    expect(wb.worksheets.map((ws) => ws.name)).toEqual([
      '错误清单',
      '项目',
      '绩效指标',
      '运行监控',
      '自评',
      '支付记录',
    ]);
    const ws = wb.getWorksheet('绩效指标');
    const cell = ws?.getCell('G5');
    expect(cell?.value).toBe('%');
    expect(fillColor(cell as ExcelJS.Cell)).toBe('FFFF6666');
    expect(cell?.note).toContain('INDICATOR.UNIT_REQUIRED');
    expect(fillColor(ws?.getCell('A5') as ExcelJS.Cell)).toBe('FFFFDADA');
    expect(fillColor(ws?.getCell('G4') as ExcelJS.Cell)).toBeUndefined();
    const list = wb.getWorksheet('错误清单');
    expect(list?.getRow(2).values).toEqual([
      undefined,
      'projects[0].target.indicators[2].meterunit',
      'INDICATOR.UNIT_REQUIRED',
      issue(undefined).message,
      'example.xlsx',
      '绩效指标',
      5,
      'meterunit',
      '绩效指标!G5',
    ]);
    expect(list?.getRow(3).getCell(1).value).toBe('');

    // The corrected workbook uploaded again: the old marks go, the new list replaces the old one.
    const again = path.join(dir, 'marked.xlsx');
    await wb.xlsx.writeFile(again);
    const remarked = await load(await buildMarkedWorkbook(await openExchange(again), [], 'zh-CN'));
    expect(remarked.worksheets.map((w) => w.name)).toEqual(wb.worksheets.map((w) => w.name));
    const fixed = remarked.getWorksheet('绩效指标');
    expect(fillColor(fixed?.getCell('G5') as ExcelJS.Cell)).toBeUndefined();
    expect(fillColor(fixed?.getCell('A5') as ExcelJS.Cell)).toBeUndefined();
    expect(fixed?.getCell('G5').note).toBeUndefined();
    expect(remarked.getWorksheet('错误清单')?.rowCount).toBe(1);
  });

  it('turns CSV files into sheets and marks them; a JSON input gets the list only', async () => {
    const folder = path.join(dir, 'csv');
    await mkdir(folder);
    await writeFile(path.join(folder, 'projects.csv'), '\uFEFFpro_code,pro_name\r\nP1,"一,二"\r\n');
    await writeFile(path.join(folder, 'indicators.csv'), 'pro_code,kpi_lv3,meterunit\r\nP1,A,\r\nP1,B,\r\n');
    const input = await openExchange(folder);
    const source = { file: 'indicators.csv', row: 3, column: 'meterunit' };
    const wb = await load(await buildMarkedWorkbook(input, [issue(source)], 'en-US'));
    expect(wb.worksheets.map((ws) => ws.name)).toEqual(['Errors', 'projects', 'indicators']);
    expect(wb.getWorksheet('projects')?.getCell('B2').value).toBe('一,二');
    const cell = wb.getWorksheet('indicators')?.getCell('C3');
    expect(fillColor(cell as ExcelJS.Cell)).toBe('FFFF6666');
    expect(cell?.note).toContain(issue(source).message);

    const json = await load(
      await buildMarkedWorkbook({ kind: 'json', files: ['x.json'] }, [issue(undefined)], 'zh-CN'),
    );
    expect(json.worksheets.map((ws) => ws.name)).toEqual(['错误清单']);
    expect(json.getWorksheet('错误清单')?.getCell('C2').value).toBe(issue(undefined).message);
  });
});
