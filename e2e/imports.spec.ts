import ExcelJS from 'exceljs';
import { expect, test, type Download, type Locator, type Page } from '@playwright/test';
import { apiSession, loginUi, watchConsole } from './support.ts';

/** Two new projects (codes the demo county does not have) of 县第一中学 (县教育局). */
const CODES = ['360121269901', '360121269902'];
const AGENCY = '101003';
const DEPT = '101';

/** Three indicators per project: weights 50 + 30 + 10 = 100 − 10 budget points, the default split. */
const INDICATORS = [
  {
    kpi_lv1: 'OUTPUT',
    kpi_lv2: 'QUANTITY',
    kpi_lv3: '购置教学设备数量',
    computesign: 'GE',
    kpi_val: '50',
    meterunit: '台',
    weight: '50',
  },
  {
    kpi_lv1: 'BENEFIT',
    kpi_lv2: 'SOCIAL',
    kpi_lv3: '受益学生人数',
    computesign: 'GE',
    kpi_val: '1200',
    meterunit: '人',
    weight: '30',
  },
  {
    kpi_lv1: 'SATISFACTION',
    kpi_lv2: 'SATISFACTION',
    kpi_lv3: '师生满意度',
    computesign: 'GE',
    kpi_val: '90',
    meterunit: '%',
    weight: '10',
  },
];
/** The bad cell: the weight of the second project's first indicator (绩效指标, data row 4 = sheet row 6). */
const BAD_ROW = 6;
const BAD_FIELD = '第2个项目 绩效目标 第1条指标 权重';

interface ProjectList {
  items: {
    id: string;
    pro_code: string;
    agency_code: string;
    agency_name: string | null;
    dept_name: string | null;
  }[];
  total: number;
}

/** Field code (row 2 of a sheet of the exchange workbook) → 1-based column. */
function codeColumns(ws: ExcelJS.Worksheet): Map<string, number> {
  const columns = new Map<string, number>();
  ws.getRow(2).eachCell((cell, col) => columns.set(cell.text, col));
  return columns;
}

function sheet(wb: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const ws = wb.getWorksheet(name);
  if (!ws) throw new Error(`no sheet ${name}`);
  return ws;
}

/** Write a record into a row by field code. */
function putRow(ws: ExcelJS.Worksheet, row: number, record: Record<string, string>): void {
  const columns = codeColumns(ws);
  for (const [code, value] of Object.entries(record)) {
    const col = columns.get(code);
    if (col === undefined) throw new Error(`no column ${code} in ${ws.name}`);
    ws.getRow(row).getCell(col).value = value;
  }
}

function cellOf(ws: ExcelJS.Worksheet, row: number, code: string): ExcelJS.Cell {
  const col = codeColumns(ws).get(code);
  if (col === undefined) throw new Error(`no column ${code} in ${ws.name}`);
  return ws.getRow(row).getCell(col);
}

/** The text of a cell note as exceljs loads it (rich-text runs), or as set (a string); '' without one. */
function noteText(note: unknown): string {
  if (typeof note === 'string') return note;
  if (typeof note !== 'object' || note === null || !('texts' in note) || !Array.isArray(note.texts))
    return '';
  return note.texts
    .map((t: unknown) => (typeof t === 'object' && t !== null && 'text' in t ? String(t.text) : ''))
    .join('');
}

async function loadWorkbook(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

/** Click a button that downloads a file and save the file under `file`. */
async function download(page: Page, button: Locator, file: string): Promise<Download> {
  const [dl] = await Promise.all([page.waitForEvent('download'), button.click()]);
  await dl.saveAs(file);
  return dl;
}

/** Scroll back to the top (the upload button is further down) so that the screenshot starts there. */
async function top(page: Page): Promise<void> {
  await page.evaluate('window.scrollTo(0, 0)');
}

/** Choose a workbook in the upload card and start the import; resolves with the new job's id. */
async function upload(page: Page, file: string): Promise<string> {
  await page.locator('input[type="file"]').setInputFiles(file);
  const [res] = await Promise.all([
    page.waitForResponse((r) => r.request().method() === 'POST' && r.url().endsWith('/api/v1/imports')),
    page.getByRole('button', { name: /开始导入/ }).click(),
  ]);
  expect(res.status()).toBe(202);
  const { id } = (await res.json()) as { id: string };
  await expect(page).toHaveURL(new RegExp(`/imports/${id}$`));
  return id;
}

test('a workbook with a bad cell is refused and marked, writes nothing, and imports once corrected', async ({
  browser,
  request,
}, testInfo) => {
  test.setTimeout(180_000);
  const api = await apiSession(request, 'finance');
  const projects = async (code: string) =>
    (await (await api.get(`/api/v1/projects?fiscal_year=2026&q=${code}`)).json()) as ProjectList;
  const countAll = async () =>
    ((await (await api.get('/api/v1/projects?fiscal_year=2026&page_size=1')).json()) as ProjectList).total;
  const before = await countAll();
  expect(before).toBeGreaterThan(0);
  for (const code of CODES) expect((await projects(code)).total).toBe(0);
  // The unit exists in the demo county: its names come from one of its projects.
  const known = (await (
    await api.get(`/api/v1/projects?fiscal_year=2026&agency_code=${AGENCY}&page_size=1`)
  ).json()) as ProjectList;
  const unit = known.items[0];
  if (!unit) throw new Error(`the demo county has no project of unit ${AGENCY}`);

  const page = await (await browser.newContext()).newPage();
  const errors = watchConsole(page);
  await loginUi(page, 'finance');
  await expect(page).toHaveURL(/workbench/);
  await page.goto('/imports');
  await expect(page.getByRole('heading', { name: '数据导入与导出' })).toBeVisible();

  // 1. The blank template from the page, filled with two new projects; one weight is not a number.
  const templateFile = testInfo.outputPath('template.xlsx');
  const template = await download(page, page.getByRole('button', { name: /下载空白模板/ }), templateFile);
  expect(template.suggestedFilename()).toBe('预算绩效数据填报模板.xlsx');
  const wb = await loadWorkbook(templateFile);
  const projectSheet = sheet(wb, '项目');
  const indicatorSheet = sheet(wb, '绩效指标');
  let indicatorRow = 3;
  CODES.forEach((code, i) => {
    putRow(projectSheet, 3 + i, {
      mof_div_code: '360121',
      fiscal_year: '2026',
      pro_code: code,
      pro_name: `县第一中学教学设备购置（导入${String(i + 1)}）`,
      agency_code: AGENCY,
      agency_name: unit.agency_name ?? '',
      dept_code: DEPT,
      dept_name: unit.dept_name ?? '',
      budget_kind: 'GENERAL_PUBLIC',
      func_class: '2050203',
      amount: '300000.00',
      is_new: '是',
      start_year: '2026',
      end_year: '2026',
      long_term_goal: '改善县第一中学办学条件',
      annual_goal: '完成本年度教学设备购置',
    });
    for (const indicator of INDICATORS)
      putRow(indicatorSheet, indicatorRow++, { pro_code: code, ...indicator });
  });
  cellOf(indicatorSheet, BAD_ROW, 'weight').value = 'abc';
  const badFile = testInfo.outputPath('设备购置.xlsx');
  await wb.xlsx.writeFile(badFile);

  // 2. Uploaded through the page: the job fails with the error in words; nothing is written.
  const failedJob = await upload(page, badFile);
  await expect(page.getByText('导入未通过校验，未写入任何数据')).toBeVisible({ timeout: 60_000 });
  await expect(page.getByText('共 1 个错误。')).toBeVisible();
  const issueRow = page.locator('tbody tr').filter({ hasText: 'FIELD.TYPE' });
  await expect(issueRow).toHaveCount(1);
  await expect(issueRow).toContainText(BAD_FIELD);
  await expect(issueRow).toContainText('格式不正确');
  await expect(issueRow).toContainText(
    `设备购置.xlsx · 绩效指标 · 第 ${String(BAD_ROW)} 行 · 权重（weight）`,
  );
  await top(page);
  await page.screenshot({ path: 'test-results/imports-1-failed.png', fullPage: true });
  for (const code of CODES) expect((await projects(code)).total).toBe(0);
  expect(await countAll()).toBe(before);
  const job = (await (await api.get(`/api/v1/jobs/${failedJob}`)).json()) as {
    status: string;
    errors: { code: string; message: string }[];
  };
  expect(job.status).toBe('FAILED');
  const message = job.errors[0]?.message ?? '';
  expect(message).toContain(BAD_FIELD);

  // The marked workbook: the bad cell filled red with the message as its note, listed first.
  const markedFile = testInfo.outputPath('marked.xlsx');
  const marked = await download(page, page.getByRole('button', { name: /下载标注错误的工作簿/ }), markedFile);
  expect(marked.suggestedFilename()).toBe('导入错误清单.xlsx');
  const mb = await loadWorkbook(markedFile);
  const markedIndicators = sheet(mb, '绩效指标');
  const bad = cellOf(markedIndicators, BAD_ROW, 'weight');
  expect(bad.value).toBe('abc');
  expect(bad.fill).toMatchObject({ type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFF6666' } });
  expect(noteText(bad.note)).toBe(`FIELD.TYPE: ${message}`);
  expect(markedIndicators.getRow(BAD_ROW).getCell(1).fill).toMatchObject({ fgColor: { argb: 'FFFFDADA' } });
  expect(cellOf(markedIndicators, BAD_ROW - 1, 'weight').fill).toBeUndefined();
  const list = mb.worksheets[0];
  expect(list?.name).toBe('错误清单');
  expect(list?.actualRowCount).toBe(2);
  expect(list?.getRow(2).values).toEqual([
    undefined,
    'projects[1].target.indicators[0].weight',
    'FIELD.TYPE',
    message,
    '设备购置.xlsx',
    '绩效指标',
    BAD_ROW,
    'weight',
    `绩效指标!${bad.address}`,
  ]);

  // 3. The cell corrected in the marked workbook, which is uploaded again: written as drafts.
  bad.value = '50';
  const fixedFile = testInfo.outputPath('设备购置（已修改）.xlsx');
  await mb.xlsx.writeFile(fixedFile);
  // The page polls a running job every second and shows its phase and a progress bar. Two projects
  // may be written before the first poll: until the bar has been seen, an answer of a finished job
  // is shown as still checking (a real answer of the running job is passed on as it is).
  let hold = true;
  await page.route('**/api/v1/jobs/*', async (route) => {
    const response = await route.fetch();
    const job = (await response.json()) as { status: string };
    if (!hold || job.status === 'RUNNING') await route.fulfill({ response });
    else {
      const running = { ...job, status: 'RUNNING', phase: 'CHECK', done: 1, total: 2, finished_at: null };
      await route.fulfill({ response, json: { ...running, counts: null } });
    }
  });
  expect(await upload(page, fixedFile)).not.toBe(failedJob);
  await expect(page.getByRole('progressbar')).toBeVisible();
  await expect(page.getByText(/导入进行中，刷新或离开页面不影响导入/)).toBeVisible();
  await top(page);
  await page.screenshot({ path: 'test-results/imports-2-running.png', fullPage: true });
  hold = false;
  await expect(page.getByText('导入成功')).toBeVisible({ timeout: 60_000 });
  await page.unroute('**/api/v1/jobs/*');
  await expect(page.getByRole('progressbar')).toHaveCount(0);
  await expect(
    page.getByText('已写入：新增项目 2 个，更新项目 0 个；新建绩效目标 2 个，覆盖草稿 0 个；绩效指标 6 条。'),
  ).toBeVisible();
  const history = page.locator('.ant-card').filter({ hasText: /我的导入记录|My imports/ });
  await expect(history.locator('tbody tr').filter({ hasText: '已完成' })).toContainText('2 个项目，6 条指标');
  // The file keeps its name, brackets included.
  await expect(history.locator('tbody tr').filter({ hasText: '已完成' })).toContainText(
    '设备购置（已修改）.xlsx',
  );
  await expect(history.locator('tbody tr').filter({ hasText: '未通过' })).toContainText('1 个错误');
  await top(page);
  await page.screenshot({ path: 'test-results/imports-3-done.png', fullPage: true });

  // The same two jobs in English: the result, and the refused file's error list opened from the history.
  await page.getByText('English', { exact: true }).click();
  await expect(page.getByText('Import complete')).toBeVisible();
  await top(page);
  await page.screenshot({ path: 'test-results/imports-4-done-en.png', fullPage: true });
  await history.locator('tbody tr').filter({ hasText: 'Refused' }).click();
  await expect(page).toHaveURL(new RegExp(`/imports/${failedJob}$`));
  await expect(page.getByText('The import did not pass the checks; nothing was written')).toBeVisible();
  await expect(page.locator('tbody tr').filter({ hasText: 'FIELD.TYPE' })).toContainText(
    'project 2, performance target, indicator 1, weight',
  );
  await expect(page.locator('tbody tr').filter({ hasText: 'FIELD.TYPE' })).toContainText(
    `设备购置.xlsx · 绩效指标 · row ${String(BAD_ROW)} · weight`,
  );
  await top(page);
  await page.screenshot({ path: 'test-results/imports-5-failed-en.png', fullPage: true });

  expect(await countAll()).toBe(before + CODES.length);
  for (const code of CODES) {
    const found = await projects(code);
    expect(found.total).toBe(1);
    const project = found.items[0];
    expect(project?.agency_code).toBe(AGENCY);
    const target = (await (await api.get(`/api/v1/projects/${project?.id ?? ''}/target`)).json()) as {
      id: string | null;
      status: string;
      version: { draft: { indicators: { kpi_lv3: string; weight: string | null }[] } };
    };
    expect(target.id).not.toBeNull();
    expect(target.status).toBe('DRAFT');
    expect(target.version.draft.indicators.map((i) => [i.kpi_lv3, Number(i.weight)])).toEqual(
      INDICATORS.map((i) => [i.kpi_lv3, Number(i.weight)]),
    );
  }
  expect(errors).toEqual([]);
});
