/**
 * The database client: PostgreSQL through node-postgres when DATABASE_URL is set, else the
 * embedded PGlite in the data directory. Both expose the same Drizzle API over one schema.
 */
import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { sql, type SQL } from 'drizzle-orm';
import pg from 'pg';
import * as schema from './schema.ts';

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
/** Anything that runs queries: the database or an open transaction. */
export type Executor = Db | Tx;
export type DatabaseKind = 'pglite' | 'postgres';

export interface Database {
  db: Db;
  kind: DatabaseKind;
  /** Run raw SQL and return plain rows (counts normalised to numbers by the caller). */
  rows<T = Record<string, unknown>>(query: SQL, exec?: Executor): Promise<T[]>;
  close(): Promise<void>;
  /** PGlite only: the underlying instance (for snapshots in tests). */
  pglite?: PGlite;
  /** PostgreSQL only: the pool (for COPY in bulk paths). */
  pool?: pg.Pool;
}

export const MIGRATIONS_DIR = path.resolve(import.meta.dirname, 'migrations');

// NUMERIC and BIGINT come back as strings from node-postgres; keep NUMERIC as exact strings,
// but counts and sequence numbers are safe integers here.
pg.types.setTypeParser(20, (v) => Number(v));

async function rowsOf<T>(exec: Executor, query: SQL): Promise<T[]> {
  const res: unknown = await exec.execute(query);
  if (Array.isArray(res)) return res as T[];
  if (typeof res === 'object' && res !== null && 'rows' in res && Array.isArray(res.rows)) {
    return res.rows as T[];
  }
  return [];
}

export interface OpenOptions {
  databaseUrl?: string | undefined;
  pgliteDir?: string;
  /** Open PGlite from a dumped data directory (tests). */
  loadDataDir?: Blob | File;
  poolSize?: number;
}

export async function openDatabase(opts: OpenOptions): Promise<Database> {
  if (opts.databaseUrl) {
    const pool = new pg.Pool({ connectionString: opts.databaseUrl, max: opts.poolSize ?? 10 });
    const db = drizzlePg(pool, { schema }) as unknown as Db;
    return {
      db,
      kind: 'postgres',
      pool,
      rows: (q, exec) => rowsOf(exec ?? db, q),
      close: () => pool.end(),
    };
  }
  const extensions = { pg_trgm };
  let client: PGlite;
  if (opts.loadDataDir) {
    client = new PGlite({ loadDataDir: opts.loadDataDir, extensions });
  } else if (opts.pgliteDir) {
    fs.mkdirSync(opts.pgliteDir, { recursive: true });
    client = new PGlite(opts.pgliteDir, { extensions });
  } else {
    client = new PGlite({ extensions });
  }
  await client.waitReady;
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  return {
    db,
    kind: 'pglite',
    pglite: client,
    rows: (q, exec) => rowsOf(exec ?? db, q),
    close: () => client.close(),
  };
}

/** Apply the committed migrations (same files on both drivers). */
export async function migrateDatabase(database: Database): Promise<void> {
  if (database.kind === 'pglite' && database.pglite) {
    await migratePglite(drizzlePglite(database.pglite), { migrationsFolder: MIGRATIONS_DIR });
  } else if (database.pool) {
    await migratePg(drizzlePg(database.pool), { migrationsFolder: MIGRATIONS_DIR });
  }
}

export async function ping(database: Database): Promise<boolean> {
  const r = await database.rows<{ ok: number }>(sql`select 1 as ok`);
  return r.length === 1;
}
