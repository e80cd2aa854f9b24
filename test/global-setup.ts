/**
 * Integration-test globalSetup: prepares ONE migrated database per run so that every test file
 * can start from a clean copy cheaply (see test/db.ts).
 *
 * - TEST_DB=pglite (default): migrate an in-memory PGlite once, dump it to
 *   .test-tmp/pglite-snapshot-<pid>.tar.gz; test files load that snapshot.
 * - TEST_DB=postgres: server from DATABASE_URL, else a throwaway cluster (scripts/pg-harness.ts)
 *   started here and stopped at teardown. A template database is migrated once; test files
 *   get `CREATE DATABASE … TEMPLATE` copies.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { migrateDatabase, openDatabase } from '../server/db/client.ts';
import { ensureStarterLibrary } from '../server/modules/library/index.ts';
import { startPostgres, type PostgresHarness } from '../scripts/pg-harness.ts';
import { createDatabase, databaseUrl, dropDatabase, uniqueDatabaseName } from './pg-admin.ts';
import { testDbKindFromEnv } from './provided.ts';

const ROOT = path.resolve(import.meta.dirname, '..');

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const kind = testDbKindFromEnv();
  const started = performance.now();
  const elapsed = (): string => `${((performance.now() - started) / 1000).toFixed(1)} s`;

  if (kind === 'pglite') {
    const database = await openDatabase({});
    try {
      await migrateDatabase(database);
      await ensureStarterLibrary(database.db);
      if (!database.pglite) throw new Error('expected a PGlite database');
      const dump = await database.pglite.dumpDataDir('gzip');
      const dir = path.join(ROOT, '.test-tmp');
      fs.mkdirSync(dir, { recursive: true });
      const snapshotPath = path.join(dir, `pglite-snapshot-${String(process.pid)}.tar.gz`);
      fs.writeFileSync(snapshotPath, Buffer.from(await dump.arrayBuffer()));
      project.provide('testDb', { kind: 'pglite', snapshotPath });
      console.log(`[test db] PGlite migrated and snapshotted in ${elapsed()}`);
      return () => {
        fs.rmSync(snapshotPath, { force: true });
        return Promise.resolve();
      };
    } finally {
      await database.close();
    }
  }

  let harness: PostgresHarness | null = null;
  let adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) {
    harness = await startPostgres();
    adminUrl = harness.url;
  }
  const template = uniqueDatabaseName('pb_template');
  try {
    await createDatabase(adminUrl, template);
    const database = await openDatabase({ databaseUrl: databaseUrl(adminUrl, template), poolSize: 1 });
    try {
      await migrateDatabase(database);
      await ensureStarterLibrary(database.db);
    } finally {
      // CREATE DATABASE … TEMPLATE needs the template to have no open connections.
      await database.close();
    }
  } catch (err) {
    await dropDatabase(adminUrl, template).catch(() => undefined);
    await harness?.stop();
    throw err;
  }
  project.provide('testDb', { kind: 'postgres', adminUrl, template });
  console.log(`[test db] PostgreSQL template ${template} migrated in ${elapsed()}`);
  const url = adminUrl;
  return async () => {
    try {
      await dropDatabase(url, template);
    } finally {
      await harness?.stop();
    }
  };
}
