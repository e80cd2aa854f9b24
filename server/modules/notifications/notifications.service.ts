import type { Actor } from '../../context.ts';
import type { Database, Executor } from '../../db/client.ts';
import { notFound } from '../../errors.ts';
import * as repo from './notifications.repository.ts';

/** In-app notifications (the bell): written by services, read by their user only. */
export function makeNotificationsService(deps: { database: Database }) {
  const db = deps.database.db;

  async function list(actor: Actor) {
    const rows = await repo.findLatest(db, actor.userId, 50);
    return {
      unread: await repo.countUnread(db, actor.userId),
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
    if (!(await repo.markRead(db, actor.userId, id, new Date()))) throw notFound();
  }

  /** Called by services inside their own transaction. */
  async function notify(
    exec: Executor,
    n: { userId: string; mofDivCode: string; title: string; body?: string; link?: string },
  ) {
    await repo.insert(exec, { ...n, body: n.body ?? null, link: n.link ?? null });
  }

  return { list, markRead, notify };
}

export type NotificationsService = ReturnType<typeof makeNotificationsService>;
