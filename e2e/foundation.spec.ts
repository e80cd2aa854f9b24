import { expect, request as playwrightRequest, test } from '@playwright/test';
import { apiSession, loginUi, watchConsole } from './support.ts';

test('the performance office browses the registry in Chinese and in English', async ({ page }) => {
  const errors = watchConsole(page);
  await loginUi(page, 'finance');
  await expect(page).toHaveURL(/\/workbench/);
  await expect(page.getByText('您好，周敏')).toBeVisible();
  await expect(page.getByText('我的范围')).toBeVisible();
  await page.screenshot({ path: 'test-results/workbench-zh.png' });

  await page.getByRole('menuitem', { name: /项目库/ }).click();
  await expect(page).toHaveURL(/\/projects/);
  const rows = page.locator('.ant-table-tbody tr.ant-table-row');
  await expect(rows).toHaveCount(20);
  await page.getByPlaceholder('项目编码或名称').fill('教师');
  await page.getByPlaceholder('项目编码或名称').press('Enter');
  await expect(rows.first()).toContainText('教师');
  await page.screenshot({ path: 'test-results/projects-zh.png' });

  // Save the search as a view, reset, and bring it back.
  await page.getByRole('button', { name: /视\s*图/ }).click();
  await page.getByText('保存当前视图…').click();
  await page.getByLabel('视图名称').fill('教师类项目');
  await page.getByRole('button', { name: /保\s*存/ }).click();
  await page.getByRole('button', { name: /重\s*置/ }).click();
  await expect(page.getByPlaceholder('项目编码或名称')).toHaveValue('');
  await page.getByRole('button', { name: /视\s*图/ }).click();
  await page.getByText('教师类项目').click();
  await expect(page.getByPlaceholder('项目编码或名称')).toHaveValue('教师');
  await expect(rows.first()).toContainText('教师');

  const code = (await rows.first().locator('td').first().innerText()).trim();
  await rows.first().click();
  await expect(page).toHaveURL(/\/projects\/[0-9a-f-]{36}/);
  await expect(page.getByRole('tab', { name: '基本信息' })).toBeVisible();
  await expect(page.getByText('县教育局').first()).toBeVisible();

  await page.getByText('English', { exact: true }).click();
  await expect(page.getByRole('tab', { name: 'Basics' })).toBeVisible();
  await expect(page.getByRole('menuitem', { name: /Projects/ })).toBeVisible();
  await page.screenshot({ path: 'test-results/project-detail-en.png' });
  await page.getByRole('menuitem', { name: /Workbench/ }).click();
  await expect(page.getByText('Hello')).toBeVisible();
  // The project just opened is the first of the recent items.
  await expect(page.getByText(new RegExp(code)).first()).toBeVisible();
  await page.getByText('中文', { exact: true }).click();
  await expect(page.getByText('您好，周敏')).toBeVisible();
  expect(errors).toEqual([]);
});

test('a preparer of another department gets "not found" for a project of unit', async ({ page, baseURL }) => {
  const other = await playwrightRequest.newContext({ baseURL });
  const unit = await apiSession(other, 'unit');
  const list = (await (await unit.get('/api/v1/projects?page_size=1')).json()) as {
    items: { id: string; pro_name: string }[];
  };
  const project = list.items[0];
  expect(project).toBeDefined();
  await other.dispose();

  const errors = watchConsole(page);
  await loginUi(page, 'unit2');
  await expect(page).toHaveURL(/\/workbench/);
  await page.goto(`/projects/${project?.id ?? ''}`);
  await expect(page.getByText('项目不存在', { exact: true }).first()).toBeVisible();
  await expect(page.getByText(project?.pro_name ?? '—')).toHaveCount(0);
  await page.screenshot({ path: 'test-results/project-404-unit2.png' });
  expect(errors).toEqual([]);
});

test('the system administrator manages users but has no registry and no audit log', async ({ page }) => {
  const errors = watchConsole(page);
  await loginUi(page, 'admin');
  await expect(page).toHaveURL(/\/workbench/);
  await expect(page.getByRole('menuitem', { name: /项目库/ })).toHaveCount(0);
  await expect(page.getByRole('menuitem', { name: /审计日志/ })).toHaveCount(0);
  await page.goto('/audit');
  await expect(page.getByText('无权访问')).toBeVisible();
  await page.goto('/users');
  await expect(page.locator('.ant-table-tbody')).toContainText('unit2');
  await page.screenshot({ path: 'test-results/users-admin.png' });

  // Add a department: a code already taken is refused at the field, a new one is added.
  await page.goto('/org');
  await page.getByRole('button', { name: /新增部门/ }).click();
  await page.getByLabel('部门编码').fill('101');
  await page.getByLabel('部门名称').fill('县教育局（重复）');
  await page.getByRole('button', { name: /保\s*存/ }).click();
  await expect(page.getByText('“101”已存在')).toBeVisible();
  await page.getByLabel('部门编码').fill('901');
  await page.getByLabel('部门名称').fill('县数据局');
  await page.getByRole('button', { name: /保\s*存/ }).click();
  await expect(page.getByText('县数据局').first()).toBeVisible();
  expect(errors).toEqual([]);
});

test('the audit administrator reads and verifies the audit log', async ({ page }) => {
  const errors = watchConsole(page);
  await loginUi(page, 'auditor');
  await page.getByRole('menuitem', { name: /审计日志/ }).click();
  await expect(page).toHaveURL(/\/audit/);
  await expect(page.locator('.ant-table-tbody')).toContainText('登录');
  await page.getByRole('button', { name: /校验日志链/ }).click();
  await expect(page.getByText(/日志链完整/)).toBeVisible();
  await page.screenshot({ path: 'test-results/audit-verified.png' });
  expect(errors).toEqual([]);
});

test('a new user must change the initial password before anything else', async ({ page, baseURL }) => {
  const ctx = await playwrightRequest.newContext({ baseURL });
  const admin = await apiSession(ctx, 'admin');
  const created = await admin.post('/api/v1/users', {
    username: 'zhangsan',
    display_name: '张三',
    password: 'Start#2026a',
    mof_div_code: '360121',
    dept_code: '101',
    agency_code: '101001',
  });
  expect(created.status()).toBe(201);
  await ctx.dispose();

  const errors = watchConsole(page);
  await loginUi(page, 'zhangsan', 'Start#2026a');
  await expect(page).toHaveURL(/\/change-password/);
  await page.getByLabel('当前密码').fill('Start#2026a');
  await page.getByLabel('新密码', { exact: true }).fill('Changed#2026b');
  await page.getByLabel('确认新密码').fill('Changed#2026b');
  await page.getByRole('button', { name: /确认修改/ }).click();
  await expect(page).toHaveURL(/\/workbench/);
  expect(errors).toEqual([]);
});

test('five wrong passwords lock an account; the right one is then refused too', async ({ page }) => {
  for (let i = 0; i < 5; i++) {
    await loginUi(page, 'agency', `Wrong#${String(i)}pw`);
    await expect(page.getByText('用户名或密码错误').first()).toBeVisible();
  }
  await loginUi(page, 'agency');
  await expect(page.getByText(/已被锁定/).first()).toBeVisible();
  await expect(page).toHaveURL(/\/login/);
  await page.screenshot({ path: 'test-results/login-locked.png' });
});
