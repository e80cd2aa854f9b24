/**
 * Databases for integration tests. `openTestDatabase()` returns a fresh, migrated database of
 * the kind chosen by TEST_DB (pglite | postgres), isolated from every other test file:
 * - PGlite: loaded from the snapshot the globalSetup made (≈ 1–2 s instead of migrating again);
 * - PostgreSQL: a new database copied from the migrated template, dropped again by close().
 * Always `await database.close()` (e.g. in afterAll).
 */
import fs from 'node:fs';
import { inject } from 'vitest';
import { migrateDatabase, openDatabase, type Database } from '../server/db/client.ts';
import { ensureStarterLibrary } from '../server/modules/library/index.ts';
import { createDatabase, databaseUrl, dropDatabase, uniqueDatabaseName } from './pg-admin.ts';
import { testDbKindFromEnv, type ProvidedTestDb, type TestDbKind } from './provided.ts';

function provided(): ProvidedTestDb | undefined {
  // inject() only has a value in the integration project (its globalSetup provides it).
  try {
    return inject('testDb');
  } catch {
    return undefined;
  }
}

/** The kind of database integration tests run on in this run. */
export function testDatabaseKind(): TestDbKind {
  return provided()?.kind ?? testDbKindFromEnv();
}

export async function openTestDatabase(): Promise<Database> {
  const setup = provided();
  if (!setup) {
    // Outside the integration project (no globalSetup): the slow path, migrate from scratch.
    if (testDbKindFromEnv() === 'postgres') {
      throw new Error('TEST_DB=postgres needs the integration project (vitest --project integration)');
    }
    const database = await openDatabase({});
    await migrateDatabase(database);
    await ensureStarterLibrary(database.db);
    return database;
  }
  if (setup.kind === 'pglite') {
    const snapshot = new Blob([fs.readFileSync(setup.snapshotPath)]);
    return openDatabase({ loadDataDir: snapshot });
  }
  const name = uniqueDatabaseName('pb_test');
  await createDatabase(setup.adminUrl, name, setup.template);
  const database = await openDatabase({ databaseUrl: databaseUrl(setup.adminUrl, name), poolSize: 5 });
  const closeConnections = (): Promise<void> => database.close();
  let closed = false;
  return {
    ...database,
    close: async () => {
      if (closed) return;
      closed = true;
      try {
        await closeConnections();
      } finally {
        await dropDatabase(setup.adminUrl, name);
      }
    },
  };
}
