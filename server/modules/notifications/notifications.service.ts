import { and, count, desc, eq, isNull } from 'drizzle-orm';
import type { Actor } from '../../context.ts';
import type { Database, Executor } from '../../db/client.ts';
import { notifications } from '../../db/schema.ts';
import { notFound } from '../../errors.ts';

/** In-app notifications (the bell): written by services, read by their user only. */
export function makeNotificationsService(deps: { database: Database }) {
  const db = deps.database.db;

  async function list(actor: Actor) {
    const rows = await db
      .select()
      .from(notifications)
      .where(eq(notifications.userId, actor.userId))
      .orderBy(desc(notifications.createdAt))
      .limit(50);
    const [c] = await db
      .select({ n: count() })
      .from(notifications)
      .where(and(eq(notifications.userId, actor.userId), isNull(notifications.readAt)));
    return {
      unread: Number(c?.n ?? 0),
      items: rows.map((r) => ({
        id: r.id,
        title: r.title,
        body: r.body,
        link: r.link,
        read: r.readAt !== null,
        created_at: r.createdAt.toISOString(),
      })),
    };
  }

  async function markRead(actor: Actor, id: string) {
    const rows = await db
      .update(notifications)
      .set({ readAt: new Date() })
      .where(and(eq(notifications.id, id), eq(notifications.userId, actor.userId)))
      .returning({ id: notifications.id });
    if (rows.length === 0) throw notFound();
  }

  /** Called by services inside their own transaction. */
  async function notify(
    exec: Executor,
    n: { userId: string; mofDivCode: string; title: string; body?: string; link?: string },
  ) {
    await exec.insert(notifications).values({ ...n, body: n.body ?? null, link: n.link ?? null });
  }

  return { list, markRead, notify };
}

export type NotificationsService = ReturnType<typeof makeNotificationsService>;
