import type { Actor } from '../../context.ts';
import type { Database } from '../../db/client.ts';
import * as repo from './recent.repository.ts';

export interface RecentItem {
  entity: string;
  entity_id: string;
  title: string;
  at: string;
}

/**
 * The records each user opened last, for the workbench. Opening is not a change, so it is not
 * audited; entries are only ever shown to their own user.
 */
export function makeRecentService(deps: { database: Database; clock?: () => Date }) {
  const db = deps.database.db;
  const clock = deps.clock ?? (() => new Date());

  async function recordVisit(
    actor: Actor,
    item: { entity: string; entityId: string; mofDivCode: string; title: string },
  ) {
    await repo.upsertVisit(db, { userId: actor.userId, ...item, at: clock() });
  }

  async function list(actor: Actor, mofDivCode?: string, limit = 8): Promise<RecentItem[]> {
    const rows = await repo.findRecent(db, actor.userId, mofDivCode, limit);
    return rows.map((r) => ({
      entity: r.entity,
      entity_id: r.entityId,
      title: r.title,
      at: r.at.toISOString(),
    }));
  }

  return { recordVisit, list };
}

export type RecentService = ReturnType<typeof makeRecentService>;
