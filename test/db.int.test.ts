import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../server/db/client.ts';
import { projects } from '../server/db/schema.ts';
import { openTestDatabase, testDatabaseKind } from './db.ts';

const project = {
  mofDivCode: '110000',
  fiscalYear: '2025',
  proCode: 'P-ROUNDTRIP',
  proName: '精度测试项目',
  agencyCode: '001001',
  deptCode: '001',
  budgetKind: 'GENERAL_PUBLIC',
  funcClass: '2010101',
  amount: '12345678901234.56',
  isNew: true,
  startYear: '2025',
  endYear: '2025',
} as const;

describe(`test database (${testDatabaseKind()})`, () => {
  let database: Database;

  beforeAll(async () => {
    database = await openTestDatabase();
  });

  afterAll(async () => {
    await database.close();
  });

  it('is the kind TEST_DB asks for', () => {
    expect(database.kind).toBe(testDatabaseKind());
  });

  it('has the migrated tables', async () => {
    const rows = await database.rows<{ table_name: string }>(
      sql`select table_name from information_schema.tables where table_schema = 'public'`,
    );
    const names = rows.map((r) => r.table_name);
    expect(names).toEqual(
      expect.arrayContaining(['projects', 'audit_log', 'audit_head', 'users', 'regions']),
    );
  });

  it('round-trips a NUMERIC amount exactly', async () => {
    await database.db.insert(projects).values(project);
    const [row] = await database.db
      .select({ amount: projects.amount })
      .from(projects)
      .where(eq(projects.proCode, project.proCode));
    expect(row?.amount).toBe('12345678901234.56');

    const [sum] = await database.rows<{ total: string }>(
      sql`select (amount + 0.01)::text as total from projects where pro_code = ${project.proCode}`,
    );
    expect(sum?.total).toBe('12345678901234.57');
  });

  it('gives every caller its own clean database', async () => {
    await database.db.insert(projects).values({ ...project, proCode: 'P-ISOLATION' });
    const other = await openTestDatabase();
    try {
      const rows = await other.rows<{ n: number | string }>(sql`select count(*) as n from projects`);
      expect(Number(rows[0]?.n)).toBe(0);
    } finally {
      await other.close();
    }
  });
});
