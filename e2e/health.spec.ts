import { expect, test } from '@playwright/test';

test('the server is up and runs on the embedded database', async ({ request }) => {
  const response = await request.get('/api/v1/health');
  expect(response.status()).toBe(200);
  expect(await response.json()).toMatchObject({ status: 'ok', database: 'pglite' });
});
