import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openExchange, type ExchangeInput, type ProjectEntry } from './index.ts';
import { openXlsx } from './read-xlsx.ts';
import { tempDir } from './test-fixtures.ts';

let dir = '';
let cleanup: () => Promise<void> = async () => {};

beforeAll(async () => {
  ({ dir, cleanup } = await tempDir());
});
afterAll(() => cleanup());

async function csvFolder(name: string, files: Record<string, string>): Promise<string> {
  const folder = path.join(dir, name);
  await mkdir(folder);
  for (const [file, text] of Object.entries(files)) await writeFile(path.join(folder, file), text);
  return folder;
}

async function all(input: ExchangeInput): Promise<ProjectEntry[]> {
  const out: ProjectEntry[] = [];
  for await (const entry of input.projects()) out.push(entry);
  return out;
}

const PROJECTS = 'mof_div_code,fiscal_year,pro_code,pro_name\n360121,2026,P1,一\n360121,2026,P2,二\n';

describe('repeated fields', () => {
  it('reports monitoring and self-evaluation fields that disagree at the later row (CSV)', async () => {
    const folder = await csvFolder('inconsistent', {
      'projects.csv': PROJECTS,
      'monitoring.csv':
        'pro_code,as_of,executed,forecast_executed,kpi_lv3,actual\n' +
        'P1,2026-06-30,400,900,A,1\n' +
        'P1,2026-06-30,400.00,,B,2\n' +
        'P1,2026-06-30,500,900,C,3\n' +
        'P1,2026-09-30,600,900,A,4\n' +
        'P1,2026-09-30,600,950,B,5\n',
      'self_evaluation.csv': 'pro_code,budget,executed,kpi_lv3\nP1,1000,900,A\nP1,1000,800,B\n',
    });
    const [p1, p2] = await all(await openExchange(folder));
    expect(p1?.issues).toEqual([
      {
        path: 'projects[0].monitoring[0].executed',
        code: 'FIELD.INCONSISTENT',
        detail: expect.stringContaining('500'),
        source: { file: 'monitoring.csv', row: 4, column: 'executed' },
      },
      {
        path: 'projects[0].monitoring[1].forecast_executed',
        code: 'FIELD.INCONSISTENT',
        detail: expect.stringContaining('950'),
        source: { file: 'monitoring.csv', row: 6, column: 'forecast_executed' },
      },
      {
        path: 'projects[0].self_evaluation.executed',
        code: 'FIELD.INCONSISTENT',
        detail: expect.stringContaining('800'),
        source: { file: 'self_evaluation.csv', row: 3, column: 'executed' },
      },
    ]);
    // The first value is kept; an empty repeat is no disagreement.
    const monitoring = p1?.project.monitoring as Record<string, unknown>[];
    expect(monitoring.map((m) => [m.as_of, m.executed, m.forecast_executed])).toEqual([
      ['2026-06-30', '400', '900'],
      ['2026-09-30', '600', '900'],
    ]);
    expect(p2?.issues).toEqual([]);
    expect(p2?.project).not.toHaveProperty('monitoring');
  });

  it('reports them with sheet and row in a workbook, and a project row of another region', async () => {
    const wb = new ExcelJS.Workbook();
    const projects = wb.addWorksheet('项目');
    projects.addRows([
      ['财政区划', '预算年度', '项目编码'],
      ['mof_div_code', 'fiscal_year', 'pro_code'],
    ]);
    projects.addRows([
      ['360121', '2026', 'P1'],
      ['360122', '2026', 'P2'],
    ]);
    const monitoring = wb.addWorksheet('运行监控');
    monitoring.addRows([
      ['项目编码', '监控截止日期', '累计执行数'],
      ['pro_code', 'as_of', 'executed'],
    ]);
    monitoring.addRows([
      ['P1', '2026-06-30', 400],
      ['P1', '2026-06-30', 401],
    ]);
    const file = path.join(dir, 'inconsistent.xlsx');
    await wb.xlsx.writeFile(file);
    for (const streamAbove of [Infinity, 0]) {
      const input = await openXlsx(file, streamAbove);
      const [p1, p2] = await all(input);
      expect(p1?.issues).toEqual([
        {
          path: 'projects[0].monitoring[0].executed',
          code: 'FIELD.INCONSISTENT',
          detail: expect.any(String),
          source: { file: 'inconsistent.xlsx', sheet: '运行监控', row: 4, column: 'executed' },
        },
      ]);
      expect(p2?.issues).toEqual([
        {
          path: 'projects[1].mof_div_code',
          code: 'FIELD.INCONSISTENT',
          detail: expect.stringContaining('360122'),
          source: { file: 'inconsistent.xlsx', sheet: '项目', row: 4, column: 'mof_div_code' },
        },
      ]);
      expect(input.header()).toEqual({ format: null, mof_div_code: '360121', fiscal_year: '2026' });
    }
  });
});

describe('matching child rows to projects', () => {
  it('reports rows of unknown or empty project codes as PROJECT.UNKNOWN_CODE, once per iteration', async () => {
    const folder = await csvFolder('orphans', {
      'projects.csv': PROJECTS,
      'indicators.csv': 'pro_code,kpi_lv3\nP1,A\nPX,B\n,C\nP2,D\n',
      'monitoring.csv': 'pro_code,as_of,kpi_lv3,actual\nP9,2026-06-30,A,1\n',
    });
    const input = await openExchange(folder);
    for (let round = 0; round < 2; round++) {
      const [p1, p2] = await all(input);
      expect(p1?.project.target).toEqual({ indicators: [{ kpi_lv3: 'A' }] });
      expect(p2?.project.target).toEqual({ indicators: [{ kpi_lv3: 'D' }] });
      expect(input.orphanIssues()).toEqual([
        {
          path: '',
          code: 'PROJECT.UNKNOWN_CODE',
          detail: 'PX',
          source: { file: 'indicators.csv', row: 3, column: 'pro_code' },
        },
        {
          path: '',
          code: 'PROJECT.UNKNOWN_CODE',
          detail: expect.stringContaining('empty'),
          source: { file: 'indicators.csv', row: 4, column: 'pro_code' },
        },
        {
          path: '',
          code: 'PROJECT.UNKNOWN_CODE',
          detail: 'P9',
          source: { file: 'monitoring.csv', row: 2, column: 'pro_code' },
        },
      ]);
    }
  });

  it('gives every project its rows, in file order, when the child files are not in project order', async () => {
    const folder = await csvFolder('shuffled', {
      'projects.csv': 'pro_code\nP1\nP2\nP3\n',
      'indicators.csv': 'pro_code,kpi_lv3\nP3,c1\nP2,b1\nP1,a1\nP3,c2\nP1,a2\n',
      'self_evaluation.csv': 'pro_code,budget,kpi_lv3,actual\nP2,10,b1,1\nP1,20,a1,2\n',
    });
    const entries = await all(await openExchange(folder));
    const targets = entries.map(
      (e) => (e.project.target as { indicators: { kpi_lv3: string }[] }).indicators,
    );
    expect(targets.map((list) => list.map((i) => i.kpi_lv3))).toEqual([['a1', 'a2'], ['b1'], ['c1', 'c2']]);
    expect(entries[0]?.sourceOf('target.indicators[1]')).toEqual({ file: 'indicators.csv', row: 6 });
    expect(entries[0]?.project.self_evaluation).toEqual({
      budget: '20',
      indicators: [{ kpi_lv3: 'a1', actual: '2' }],
    });
    expect(entries[2]?.project).not.toHaveProperty('self_evaluation');
  });

  it('reads a folder without projects.csv, or with a file without codes, as FORMAT.UNREADABLE', async () => {
    const noProjects = await csvFolder('noprojects', { 'indicators.csv': 'pro_code\nP1\n' });
    await expect(openExchange(noProjects)).rejects.toMatchObject({ code: 'FORMAT.UNREADABLE' });
    const noCodes = await csvFolder('nocodes', { 'projects.csv': '项目编码,项目名称\nP1,一\n' });
    await expect(openExchange(noCodes)).rejects.toMatchObject({ code: 'FORMAT.UNREADABLE' });
    const badQuote = await csvFolder('badquote', { 'projects.csv': 'pro_code,pro_name\nP1,"unclosed\n' });
    await expect(openExchange(badQuote)).rejects.toMatchObject({ code: 'FORMAT.UNREADABLE' });
  });
});
