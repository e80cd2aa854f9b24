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

interface View {
  id: string | null;
  status: string;
  step: string | null;
  row_version: number;
  current_version: number;
  version: { draft: { indicators: { kpi_lv3: string; kpi_val: string }[] }; flags: unknown[] };
}

test('a target is declared, reviewed, returned, resubmitted, graded 良, locked and adjusted into version 2', async ({
  browser,
  request,
}) => {
  test.setTimeout(420_000);
  // The demo preparer's 2026 projects have no target yet; pick a continuing one (last year's
  // indicators are proposed, with last year's actuals, so difficulty flags show at once).
  const unitApi = await apiSession(request, 'unit');
  const list = (await (await unitApi.get('/api/v1/projects?fiscal_year=2026&page_size=50')).json()) as {
    items: { id: string; pro_name: string }[];
  };
  let projectId = '';
  for (const p of list.items) {
    const v = (await (await unitApi.get(`/api/v1/projects/${p.id}/target`)).json()) as View;
    if (v.id === null && v.version.draft.indicators.length > 0 && v.version.flags.length > 0) {
      projectId = p.id;
      break;
    }
  }
  expect(projectId).not.toBe('');
  const targetTab = `/projects/${projectId}?tab=target`;
  const view = async (): Promise<View> =>
    (await (await unitApi.get(`/api/v1/projects/${projectId}/target`)).json()) as View;

  // 1. The preparer meets the difficulty flags, justifies them, fills the goals and submits.
  const unit = await as(browser, 'unit');
  const unitErrors = watchConsole(unit);
  await unit.goto(targetTab);
  // The first load of the target tab computes the proposal and its flags: allow a loaded machine.
  await expect(unit.getByText('系统已为您准备初稿')).toBeVisible({ timeout: 30_000 });
  await expect(unit.getByText(/\d+ 项难度提示/)).toBeVisible();
  await expect(unit.getByRole('button', { name: /提交审核/ })).toBeDisabled();
  await unit
    .getByRole('button', { name: /从指标库选取/ })
    .first()
    .click();
  await expect(unit.getByText('从指标库选取指标')).toBeVisible();
  await expect(unit.getByRole('button', { name: /选\s*用/ }).first()).toBeVisible();
  await unit.keyboard.press('Escape');
  await unit
    .getByPlaceholder('项目实施期内拟达到的总体产出和效果')
    .fill('全面提升县教师进修学校教学保障能力');
  await unit
    .getByPlaceholder('本年度拟达到的产出和效果，应与年度预算相匹配')
    .fill('按期完成本年度设备购置与培训任务');
  const reasons = unit.getByPlaceholder('说明为何设定此目标值，如政策调整、资金减少、基数变化');
  const n = await reasons.count();
  expect(n).toBeGreaterThan(0);
  for (let i = 0; i < n; i++) await reasons.nth(i).fill('学校撤并后服务对象减少，按实际规模确定目标值');
  const projectReason = unit.getByPlaceholder('项目层面的难度提示须说明理由，如定量指标偏少的原因');
  if ((await projectReason.count()) > 0) await projectReason.fill('一次性设备购置，定量指标以数量和验收为主');
  await expect(unit.getByText('校验通过')).toBeVisible();
  await unit.getByRole('button', { name: /提交审核/ }).click();
  await unit
    .getByRole('dialog')
    .getByRole('button', { name: /确\s*定|提\s*交/ })
    .click();
  await expect.poll(async () => (await view()).step).toBe('UNIT_LEADER');
  await unit.screenshot({ path: 'test-results/targets-1-submitted.png', fullPage: false });

  // 2. The unit leader approves.
  const leader = await as(browser, 'leader');
  await leader.goto(targetTab);
  await leader.getByRole('button', { name: /审核通过/ }).click();
  await leader
    .getByRole('dialog')
    .getByRole('button', { name: /确认审核结论|确\s*定/ })
    .click();
  await expect.poll(async () => (await view()).step).toBe('DEPARTMENT');

  // 3. The department returns one indicator with a comment.
  const first = (await view()).version.draft.indicators[0];
  if (!first) throw new Error('no indicator');
  const dept = await as(browser, 'dept');
  await dept.goto(targetTab);
  await dept.getByRole('button', { name: `对「${first.kpi_lv3}」的意见` }).click();
  await dept.getByRole('tooltip').getByRole('textbox').fill('目标值偏低，请按上年实际完成数重新测算');
  await dept
    .getByRole('tooltip')
    .getByRole('button', { name: /确\s*定/ })
    .click();
  await dept.getByPlaceholder('对目标的总体意见；退回或不予通过时必填').fill('请修改后重新提交');
  await dept.getByRole('button', { name: /退回修改/ }).click();
  await dept
    .getByRole('dialog')
    .getByRole('button', { name: /确认审核结论|确\s*定/ })
    .click();
  await expect.poll(async () => (await view()).status).toBe('RETURNED');

  // 4. The preparer sees the comment at the indicator, raises the value and resubmits.
  await unit.goto(targetTab);
  await expect(unit.getByText('审核退回意见')).toBeVisible({ timeout: 30_000 });
  await expect(unit.getByText('目标值偏低，请按上年实际完成数重新测算').first()).toBeVisible();
  const rowOf = (page: Page) =>
    page
      .locator('tbody tr')
      .filter({ has: page.locator(`input[value="${first.kpi_lv3}"]`) })
      .first();
  const value = rowOf(unit).getByPlaceholder('如 500');
  const raised = String(Number(first.kpi_val) + 10);
  await value.fill(raised);
  await expect(unit.getByText(/已保存/)).toBeVisible({ timeout: 15_000 });
  await unit.getByRole('button', { name: /提交审核/ }).click();
  await unit
    .getByRole('dialog')
    .getByRole('button', { name: /确\s*定|提\s*交/ })
    .click();
  await expect.poll(async () => (await view()).step).toBe('UNIT_LEADER');
  expect((await view()).version.draft.indicators[0]?.kpi_val).toBe(raised);

  // The leader and the department approve again (through the API: the same requests the buttons send).
  for (const who of ['leader', 'dept']) {
    const api = await apiSession(request, who);
    const v = await view();
    const r = await api.post(`/api/v1/targets/${v.id ?? ''}/review`, {
      row_version: v.row_version,
      action: 'APPROVE',
    });
    expect(r.status()).toBe(200);
  }
  expect((await view()).step).toBe('SECTION');

  // 5. The finance section grades 良 with fixes: approved and locked.
  const section = await as(browser, 'section');
  await section.goto(targetTab);
  await expect(section.getByText('财政审核评分')).toBeVisible();
  for (const d of ['完整性', '相关性', '适当性', '可行性']) {
    await section.getByRole('radiogroup', { name: d }).getByText('良', { exact: true }).click();
  }
  await section.getByRole('radiogroup', { name: '总体等级' }).getByText('良', { exact: true }).click();
  await expect(section.getByText('良：审核通过，单位须按所列事项整改。')).toBeVisible();
  await section.getByPlaceholder(/逐条列出须整改的事项/).fill('1. 补充各指标的数据来源台账名称');
  await section.getByRole('button', { name: /确认审核结论/ }).click();
  await section
    .getByRole('dialog')
    .getByRole('button', { name: /确认审核结论/ })
    .click();
  await expect.poll(async () => (await view()).status).toBe('APPROVED');
  await section.reload();
  await expect(section.getByText('审核通过，须整改事项').first()).toBeVisible();
  await section.screenshot({ path: 'test-results/targets-2-approved.png', fullPage: false });

  // 6. The preparer adjusts: version 2, a changed value, and the diff against version 1.
  await unit.goto(targetTab);
  await unit.getByRole('button', { name: /发起调整/ }).click();
  await unit
    .getByRole('dialog')
    .getByPlaceholder('如：年中追加预算 20 万元，培训规模相应扩大')
    .fill('年中追加预算，规模相应扩大');
  await unit
    .getByRole('dialog')
    .getByRole('button', { name: /确\s*定|发起调整/ })
    .click();
  await expect.poll(async () => (await view()).current_version).toBe(2);
  const adjusted = String(Number(raised) + 5);
  await rowOf(unit).getByPlaceholder('如 500').fill(adjusted);
  await expect(unit.getByText(/已保存/)).toBeVisible({ timeout: 15_000 });
  await unit.getByText(/版本与变更/).click();
  await expect(unit.getByText(raised).first()).toBeVisible();
  await expect(unit.getByText(adjusted).first()).toBeVisible();
  await unit.screenshot({ path: 'test-results/targets-3-diff.png', fullPage: false });
  expect(unitErrors).toEqual([]);
});
