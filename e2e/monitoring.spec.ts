import { expect, test, type Browser, type Page } from '@playwright/test';
import { apiSession, loginUi, watchConsole } from './support.ts';

/** A fresh browser session logged in as a demo account. */
async function as(browser: Browser, username: string): Promise<Page> {
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  await loginUi(page, username);
  await expect(page).toHaveURL(/workbench/);
  return page;
}

interface ReportItem {
  id: string;
  project_id: string;
  pro_code: string;
  pro_name: string;
  round_title: string;
  project_light: string | null;
  status: string;
}

test('finance issues a round, the preparer reports a RED project, finance suspends its funds', async ({
  browser,
  request,
}) => {
  test.setTimeout(300_000);
  const title = `2026年1–9月绩效运行监控（${Date.now().toString(36)}）`;

  // 1. Finance issues a round for the whole county, as of the end of September.
  const finance = await as(browser, 'finance');
  const financeErrors = watchConsole(finance);
  await finance.goto('/monitoring');
  await finance.getByRole('button', { name: /下达监控任务/ }).click();
  const dialog = finance.getByRole('dialog');
  await dialog.getByLabel('任务名称').fill(title);
  await dialog.getByText('2026-09-30', { exact: true }).click();
  await dialog.getByLabel('填报截止日期').fill('2026-12-31');
  await dialog.getByLabel('填报截止日期').press('Enter');
  await dialog.getByRole('button', { name: /下\s*达/ }).click();
  await expect(finance.getByText('监控任务已下达')).toBeVisible();
  await expect(finance.getByText(title)).toBeVisible();

  // 2. The preparer finds the new report among the to-dos (API: the page's own query).
  const unitApi = await apiSession(request, 'unit');
  const todo = (await (await unitApi.get('/api/v1/monitoring/reports?todo=true&page_size=50')).json()) as {
    items: ReportItem[];
  };
  const report = todo.items.find((r) => r.round_title === title);
  if (!report) throw new Error('no report of the new round among the preparer’s to-dos');

  // 3. The preparer reports: nothing achieved yet on the quantitative indicators (RED), the
  //    qualitative ones achieved, explains the first red row, and submits.
  const unit = await as(browser, 'unit');
  const unitErrors = watchConsole(unit);
  await unit.goto('/monitoring');
  await expect(unit.getByText(title).first()).toBeVisible();
  await unit.goto(`/monitoring/reports/${report.id}`);
  await expect(unit.getByText(report.pro_name).first()).toBeVisible();
  const actuals = unit.getByPlaceholder('必填');
  await expect(actuals.first()).toBeVisible(); // the rows are there before they are counted
  const n = await actuals.count();
  for (let i = 0; i < n; i++) await actuals.nth(i).fill('0');
  const levels = unit.getByRole('combobox').filter({ has: unit.getByText('选择完成等级') });
  for (let i = await levels.count(); i > 0; i--) {
    await unit.getByText('选择完成等级').first().click();
    await unit.getByTitle('达成', { exact: true }).last().click();
  }
  // The lights are computed in the browser as the user types: the project is RED.
  const lights = unit.getByRole('region', { name: '亮灯情况' });
  await expect(lights.getByText('红灯').first()).toBeVisible();
  await unit.getByPlaceholder('例如：春季师资不足，培训推迟').first().fill('上半年设备招标流标，采购推迟');
  await unit
    .getByPlaceholder('例如：暑期集中培训，9 月底前补足')
    .first()
    .fill('10 月重新招标，年底前完成采购');
  await expect(unit.getByText(/已保存|已于 .* 自动保存/).first()).toBeVisible();
  await unit.getByRole('button', { name: 'send 提交' }).click();
  await unit
    .getByRole('dialog')
    .getByRole('button', { name: /提\s*交$/ })
    .click();
  await expect(unit.getByText('监控表已提交').first()).toBeVisible();
  const submitted = (await (await unitApi.get(`/api/v1/monitoring/reports/${report.id}`)).json()) as {
    status: string;
    project_light: string;
    draft: { indicators: { analysis: string | null }[] };
  };
  expect(submitted.status).toBe('SUBMITTED');
  expect(submitted.project_light).toBe('RED');
  expect(submitted.draft.indicators.some((i) => i.analysis === '上半年设备招标流标，采购推迟')).toBe(true);

  // 4. Finance sees the project among the warnings and suspends its funds.
  await finance.goto('/warnings');
  await finance.getByPlaceholder('项目编码或名称').fill(report.pro_code);
  await finance.getByPlaceholder('项目编码或名称').press('Enter');
  await finance.getByText(report.pro_name).first().click();
  await expect(finance).toHaveURL(/\/monitoring\/reports\//);
  await finance.getByRole('radio', { name: /暂缓拨款/ }).check();
  await finance.getByPlaceholder(/执行进度仅 20%/).fill('指标完成为零，暂缓拨款至完成重新招标');
  await finance.getByRole('button', { name: /记录处置/ }).click();
  await finance
    .getByRole('dialog')
    .getByRole('button', { name: /确\s*定|记录处置|暂缓拨款/ })
    .last()
    .click();
  await expect(finance.getByText(/已记录处置/).first()).toBeVisible();

  // 5. The suspension shows on the project for the preparer, with the round on its timeline.
  await unit.goto(`/projects/${report.project_id}`);
  await expect(unit.getByText('暂缓拨款').first()).toBeVisible();
  await unit.getByRole('tab', { name: '运行监控' }).click();
  await expect(unit.getByText(title).first()).toBeVisible();
  await expect(unit.getByText('指标完成为零，暂缓拨款至完成重新招标')).toBeVisible();
  await unit.screenshot({ path: 'test-results/monitoring-project-timeline.png', fullPage: true });
  // … in the project registry too, and in the API's project.
  await unit.goto(`/projects?q=${report.pro_code}`);
  await expect(unit.locator('tbody tr').filter({ hasText: report.pro_code })).toContainText('暂缓拨款');
  const project = (await (await unitApi.get(`/api/v1/projects/${report.project_id}`)).json()) as {
    funds_status: string;
  };
  expect(project.funds_status).toBe('SUSPENDED');

  expect(financeErrors).toEqual([]);
  expect(unitErrors).toEqual([]);
});
