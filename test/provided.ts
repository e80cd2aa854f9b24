/**
 * What the integration globalSetup hands to the test files (vitest `provide` / `inject`).
 */
export type TestDbKind = 'pglite' | 'postgres';

export type ProvidedTestDb =
  { kind: 'pglite'; snapshotPath: string } | { kind: 'postgres'; adminUrl: string; template: string };

declare module 'vitest' {
  export interface ProvidedContext {
    testDb: ProvidedTestDb;
  }
}

/** TEST_DB=pglite (default) | postgres. */
export function testDbKindFromEnv(env: NodeJS.ProcessEnv = process.env): TestDbKind {
  const value = env.TEST_DB ?? 'pglite';
  if (value === 'pglite' || value === 'postgres') return value;
  throw new Error(`TEST_DB must be "pglite" or "postgres", not "${value}"`);
}
