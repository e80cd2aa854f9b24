import { expect, type APIRequestContext, type Page } from '@playwright/test';

export const DEMO_PASSWORD = 'Demo@2026';

/** Collect console errors and page errors; expected HTTP failures (401/404 answers) are not errors of the page. */
export function watchConsole(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error' && !msg.text().startsWith('Failed to load resource')) errors.push(msg.text());
  });
  page.on('pageerror', (err) => errors.push(err.message));
  return errors;
}

/** Log in through the login form (Chinese labels) and wait for the workbench. */
export async function loginUi(page: Page, username: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码', { exact: true }).fill(password);
  await page.getByRole('button', { name: /登\s*录/ }).click();
}

/** An API session for set-up steps: returns a function that sends requests with the CSRF header. */
export async function apiSession(request: APIRequestContext, username: string, password = DEMO_PASSWORD) {
  const res = await request.post('/api/v1/auth/login', { data: { username, password } });
  expect(res.status()).toBe(200);
  const state = await request.storageState();
  const csrf = state.cookies.find((c) => c.name === 'csrf_token')?.value ?? '';
  return {
    get: (url: string) => request.get(url),
    post: (url: string, data: unknown) => request.post(url, { data, headers: { 'x-csrf-token': csrf } }),
    put: (url: string, data: unknown) => request.put(url, { data, headers: { 'x-csrf-token': csrf } }),
  };
}
