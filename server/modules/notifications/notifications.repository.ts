import { and, count, desc, eq, isNull } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { notifications } from '../../db/schema.ts';

export async function findLatest(exec: Executor, userId: string, limit: number) {
  return exec
    .select()
    .from(notifications)
    .where(eq(notifications.userId, userId))
    .orderBy(desc(notifications.createdAt))
    .limit(limit);
}

export async function countUnread(exec: Executor, userId: string): Promise<number> {
  const [c] = await exec
    .select({ n: count() })
    .from(notifications)
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
  return Number(c?.n ?? 0);
}

/** Mark one of the user's notifications read; false when it is not theirs or unknown. */
export async function markRead(exec: Executor, userId: string, id: string, at: Date): Promise<boolean> {
  const rows = await exec
    .update(notifications)
    .set({ readAt: at })
    .where(and(eq(notifications.id, id), eq(notifications.userId, userId)))
    .returning({ id: notifications.id });
  return rows.length > 0;
}

export async function insert(exec: Executor, values: typeof notifications.$inferInsert) {
  await exec.insert(notifications).values(values);
}
