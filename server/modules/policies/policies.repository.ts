import { and, desc, eq } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { policies, users } from '../../db/schema.ts';

export type PolicyRow = typeof policies.$inferSelect;

export async function findLatest(
  exec: Executor,
  mof: string,
  year: string,
  forUpdate = false,
): Promise<PolicyRow | undefined> {
  const q = exec
    .select()
    .from(policies)
    .where(and(eq(policies.mofDivCode, mof), eq(policies.fiscalYear, year)))
    .orderBy(desc(policies.version))
    .limit(1);
  const rows = forUpdate ? await q.for('update') : await q;
  return rows[0];
}

export async function insertVersion(
  exec: Executor,
  v: typeof policies.$inferInsert,
): Promise<PolicyRow | undefined> {
  const rows = await exec.insert(policies).values(v).returning();
  return rows[0];
}

export async function findUserName(exec: Executor, id: string): Promise<string | null> {
  const [u] = await exec.select({ name: users.displayName }).from(users).where(eq(users.id, id));
  return u?.name ?? null;
}
