import { and, desc, eq } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { recentItems } from '../../db/schema.ts';

export async function upsertVisit(exec: Executor, v: typeof recentItems.$inferInsert) {
  await exec
    .insert(recentItems)
    .values(v)
    .onConflictDoUpdate({
      target: [recentItems.userId, recentItems.entity, recentItems.entityId],
      set: { at: v.at, title: v.title },
    });
}

export async function findRecent(
  exec: Executor,
  userId: string,
  mofDivCode: string | undefined,
  limit: number,
) {
  return exec
    .select()
    .from(recentItems)
    .where(
      mofDivCode
        ? and(eq(recentItems.userId, userId), eq(recentItems.mofDivCode, mofDivCode))
        : eq(recentItems.userId, userId),
    )
    .orderBy(desc(recentItems.at))
    .limit(limit);
}
