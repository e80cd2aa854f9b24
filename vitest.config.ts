import { defineConfig } from 'vitest/config';

/**
 * Two projects:
 * - unit: pure and fast, node environment (domain, contracts, *.unit.test.ts, plain web logic);
 * - integration: real databases (TEST_DB=pglite | postgres, see test/global-setup.ts and
 *   test/db.ts), in forked processes, two files at a time.
 * Run one with `vitest run --project unit` / `TEST_DB=postgres vitest run --project integration`.
 */
export default defineConfig({
  test: {
    teardownTimeout: 60_000,
    projects: [
      {
        test: {
          name: 'unit',
          environment: 'node',
          include: [
            'domain/**/*.test.ts',
            'contracts/**/*.test.ts',
            'cli/**/*.unit.test.ts',
            'server/**/*.unit.test.ts',
            'test/**/*.unit.test.ts',
            'web/**/*.test.ts',
          ],
          exclude: ['**/node_modules/**', '**/*.int.test.ts'],
          testTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'integration',
          environment: 'node',
          include: ['server/**/*.int.test.ts', 'cli/**/*.int.test.ts', 'test/**/*.int.test.ts'],
          exclude: ['**/node_modules/**'],
          globalSetup: ['test/global-setup.ts'],
          pool: 'forks',
          maxWorkers: 2,
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
