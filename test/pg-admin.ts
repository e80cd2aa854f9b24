/**
 * Small PostgreSQL administration helpers for the test harness: run a statement on the
 * maintenance database, build the URL of another database on the same server.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** The same server and credentials, another database. */
export function databaseUrl(baseUrl: string, database: string): string {
  const url = new URL(baseUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

/** A name that is safe to interpolate as an identifier: lower-case letters, digits, underscores. */
export function uniqueDatabaseName(prefix: string): string {
  return `${prefix}_${randomBytes(6).toString('hex')}`;
}

function assertIdentifier(name: string): string {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`unsafe database name: ${name}`);
  return `"${name}"`;
}

export async function adminExec(adminUrl: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

export async function createDatabase(adminUrl: string, name: string, template?: string): Promise<void> {
  const statement = template
    ? `CREATE DATABASE ${assertIdentifier(name)} TEMPLATE ${assertIdentifier(template)}`
    : `CREATE DATABASE ${assertIdentifier(name)}`;
  // Two workers copying the same template at the same moment can briefly see each other
  // ("source database is being accessed by other users", 55006): retry.
  for (let attempt = 1; ; attempt += 1) {
    try {
      await adminExec(adminUrl, statement);
      return;
    } catch (err) {
      const code = typeof err === 'object' && err !== null && 'code' in err ? err.code : undefined;
      if (code !== '55006' || attempt >= 20) throw err;
      await new Promise((resolve) => setTimeout(resolve, 100 * attempt));
    }
  }
}

export async function dropDatabase(adminUrl: string, name: string): Promise<void> {
  await adminExec(adminUrl, `DROP DATABASE IF EXISTS ${assertIdentifier(name)} WITH (FORCE)`);
}
