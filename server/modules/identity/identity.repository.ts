import { and, asc, count, eq, gte, ilike, inArray, or, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { loginFailures, regions, sessions, settings, userRoles, users } from '../../db/schema.ts';

export type UserRow = typeof users.$inferSelect;
export type SessionRow = typeof sessions.$inferSelect;

export async function findUserByUsername(exec: Executor, username: string): Promise<UserRow | undefined> {
  const rows = await exec.select().from(users).where(eq(users.username, username));
  return rows[0];
}

export async function findUserById(
  exec: Executor,
  id: string,
  forUpdate = false,
): Promise<UserRow | undefined> {
  const q = exec.select().from(users).where(eq(users.id, id));
  const rows = forUpdate ? await q.for('update') : await q;
  return rows[0];
}

export async function findRoles(exec: Executor, userId: string): Promise<string[]> {
  const rows = await exec
    .select({ role: userRoles.role })
    .from(userRoles)
    .where(eq(userRoles.userId, userId))
    .orderBy(asc(userRoles.role));
  return rows.map((r) => r.role);
}

export async function findRolesOf(exec: Executor, userIds: string[]): Promise<Map<string, string[]>> {
  const map = new Map<string, string[]>();
  if (userIds.length === 0) return map;
  const rows = await exec.select().from(userRoles).where(inArray(userRoles.userId, userIds));
  for (const r of rows) map.set(r.userId, [...(map.get(r.userId) ?? []), r.role]);
  return map;
}

export async function replaceRoles(exec: Executor, userId: string, roles: string[], by: string | null) {
  await exec.delete(userRoles).where(eq(userRoles.userId, userId));
  if (roles.length > 0) {
    await exec.insert(userRoles).values(roles.map((role) => ({ userId, role, grantedBy: by })));
  }
}

export async function insertUser(exec: Executor, values: typeof users.$inferInsert): Promise<UserRow> {
  const rows = await exec.insert(users).values(values).returning();
  const row = rows[0];
  if (!row) throw new Error('insert returned nothing');
  return row;
}

export async function updateUser(exec: Executor, id: string, values: Partial<typeof users.$inferInsert>) {
  await exec.update(users).set(values).where(eq(users.id, id));
}

export async function listUsers(
  exec: Executor,
  q: string | undefined,
  page: number,
  pageSize: number,
): Promise<{ items: UserRow[]; total: number }> {
  const where = q
    ? or(
        ilike(users.username, `%${q.replace(/[%_\\]/g, '\\$&')}%`),
        ilike(users.displayName, `%${q.replace(/[%_\\]/g, '\\$&')}%`),
      )
    : undefined;
  const items = await exec
    .select()
    .from(users)
    .where(where)
    .orderBy(asc(users.username))
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  const [c] = await exec.select({ n: count() }).from(users).where(where);
  return { items, total: Number(c?.n ?? 0) };
}

export async function countUsers(exec: Executor): Promise<number> {
  const [c] = await exec.select({ n: count() }).from(users);
  return Number(c?.n ?? 0);
}

export async function insertFailure(exec: Executor, userId: string, at: Date, ip: string | null) {
  await exec.insert(loginFailures).values({ userId, at, ip });
}

export async function recentFailures(exec: Executor, userId: string, since: Date): Promise<Date[]> {
  const rows = await exec
    .select({ at: loginFailures.at })
    .from(loginFailures)
    .where(and(eq(loginFailures.userId, userId), gte(loginFailures.at, since)))
    .orderBy(asc(loginFailures.at));
  return rows.map((r) => r.at);
}

export async function clearFailures(exec: Executor, userId: string) {
  await exec.delete(loginFailures).where(eq(loginFailures.userId, userId));
}

export async function insertSession(exec: Executor, values: typeof sessions.$inferInsert) {
  await exec.insert(sessions).values(values);
}

export async function findSession(exec: Executor, tokenHash: string): Promise<SessionRow | undefined> {
  const rows = await exec.select().from(sessions).where(eq(sessions.tokenHash, tokenHash));
  return rows[0];
}

export async function touchSession(exec: Executor, tokenHash: string, at: Date) {
  await exec.update(sessions).set({ lastSeenAt: at }).where(eq(sessions.tokenHash, tokenHash));
}

export async function deleteSession(exec: Executor, tokenHash: string) {
  await exec.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
}

/** End every session of a user, except the one whose hash is `keep`. */
export async function deleteSessionsOf(exec: Executor, userId: string, keep?: string) {
  await exec
    .delete(sessions)
    .where(
      keep
        ? and(eq(sessions.userId, userId), sql`${sessions.tokenHash} <> ${keep}`)
        : eq(sessions.userId, userId),
    );
}

export async function deleteExpiredSessions(exec: Executor, idleBefore: Date, createdBefore: Date) {
  await exec.execute(
    sql`delete from ${sessions} where ${sessions.lastSeenAt} < ${idleBefore} or ${sessions.createdAt} < ${createdBefore}`,
  );
}

export async function readSetting(
  exec: Executor,
  key: string,
): Promise<{ value: unknown; version: number } | undefined> {
  const rows = await exec.select().from(settings).where(eq(settings.key, key));
  const r = rows[0];
  return r ? { value: r.value, version: r.version } : undefined;
}

export async function writeSetting(exec: Executor, key: string, value: unknown, version: number) {
  await exec
    .insert(settings)
    .values({ key, value, version, updatedAt: new Date() })
    .onConflictDoUpdate({ target: settings.key, set: { value, version, updatedAt: new Date() } });
}

/** The region tree, for expanding a region grant to the regions below it. */
export async function allRegions(exec: Executor) {
  return exec.select().from(regions);
}

export async function sectionDepartmentCodes(exec: Executor, mofDivCode: string, sectionCode: string) {
  const rows = await exec.execute(
    sql`select dept_code from section_departments where mof_div_code = ${mofDivCode} and section_code = ${sectionCode}`,
  );
  const list = (Array.isArray(rows) ? rows : (rows as { rows: unknown[] }).rows) as { dept_code: string }[];
  return list.map((r) => r.dept_code);
}
