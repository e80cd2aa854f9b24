import path from 'node:path';
import { defineConfig, devices } from '@playwright/test';

/**
 * e2e journeys in Debian's Chromium (no browser download) against the real server, started
 * fresh by scripts/e2e-server.ts on port 3999 with an empty data dir and the demo region.
 * Screenshots of every test are kept in test-results/.
 */
const PORT = 3999;
const baseURL = `http://127.0.0.1:${String(PORT)}`;
// The Node 24 of the `node` package, whatever `node` is first on PATH.
const NODE = path.join(import.meta.dirname, 'node_modules', '.bin', 'node');

export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: process.env.CI === 'true',
  timeout: 60_000,
  // Generous: CI machines have two cores shared by the server, the browser and the database.
  expect: { timeout: 20_000 },
  reporter: [
    ['list'],
    ['json', { outputFile: process.env.PLAYWRIGHT_JSON_OUTPUT_FILE ?? '.test-tmp/reports/playwright.json' }],
  ],
  use: {
    baseURL,
    screenshot: 'on',
    trace: 'retain-on-failure',
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        launchOptions: {
          executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
          args: [
            '--no-sandbox',
            '--disable-gpu',
            '--disable-quic',
            '--no-first-run',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
          ],
        },
      },
    },
  ],
  webServer: {
    command: `"${NODE}" scripts/e2e-server.ts`,
    url: `${baseURL}/api/v1/health`,
    reuseExistingServer: false,
    gracefulShutdown: { signal: 'SIGTERM', timeout: 5_000 },
    timeout: 180_000,
    stdout: 'pipe',
    stderr: 'pipe',
    env: {
      PORT: String(PORT),
      HOST: '127.0.0.1',
      DATA_DIR: '.test-tmp/e2e-data',
      DEMO: '1',
      LOG_LEVEL: 'warn',
    },
  },
});
