import { and, count, desc, eq, gte, ilike, lte, sql, type SQL } from 'drizzle-orm';
import { auditHead, auditLog } from '../../db/schema.ts';
import type { Executor } from '../../db/client.ts';

export type AuditRow = typeof auditLog.$inferSelect;

export async function lockHead(tx: Executor): Promise<{ seq: number; hash: string }> {
  const rows = await tx.select().from(auditHead).where(eq(auditHead.id, 1)).for('update');
  const head = rows[0];
  if (!head) throw new Error('audit_head is missing: run the migrations');
  return { seq: Number(head.seq), hash: head.hash };
}

export async function appendRow(tx: Executor, row: AuditRow): Promise<void> {
  await tx.insert(auditLog).values(row);
  await tx.update(auditHead).set({ seq: row.seq, hash: row.hash }).where(eq(auditHead.id, 1));
}

export interface AuditFilter {
  actor?: string | undefined;
  entity?: string | undefined;
  entityId?: string | undefined;
  action?: string | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
}

function whereOf(f: AuditFilter): SQL | undefined {
  const conds: SQL[] = [];
  if (f.actor) conds.push(ilike(auditLog.actorName, `%${f.actor.replace(/[%_\\]/g, '\\$&')}%`));
  if (f.entity) conds.push(eq(auditLog.entity, f.entity));
  if (f.entityId) conds.push(eq(auditLog.entityId, f.entityId));
  if (f.action) conds.push(eq(auditLog.action, f.action));
  if (f.from) conds.push(gte(auditLog.at, f.from));
  if (f.to) conds.push(lte(auditLog.at, f.to));
  return conds.length ? and(...conds) : undefined;
}

export async function findAuditPage(
  exec: Executor,
  f: AuditFilter,
  page: number,
  pageSize: number,
): Promise<{ items: AuditRow[]; total: number }> {
  const where = whereOf(f);
  const items = await exec
    .select()
    .from(auditLog)
    .where(where)
    .orderBy(desc(auditLog.seq))
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  const [c] = await exec.select({ n: count() }).from(auditLog).where(where);
  return { items, total: Number(c?.n ?? 0) };
}

/** Rows in sequence order, one batch after `afterSeq` (for streaming verification). */
export function findBatchAfter(exec: Executor, afterSeq: number, limit: number): Promise<AuditRow[]> {
  return exec
    .select()
    .from(auditLog)
    .where(sql`${auditLog.seq} > ${afterSeq}`)
    .orderBy(auditLog.seq)
    .limit(limit);
}

export async function countAndHead(exec: Executor): Promise<{ count: number; maxSeq: number }> {
  const [r] = await exec
    .select({ n: count(), max: sql<number | string | null>`max(${auditLog.seq})` })
    .from(auditLog);
  return { count: Number(r?.n ?? 0), maxSeq: Number(r?.max ?? 0) };
}

export async function findBySeq(exec: Executor, seq: number): Promise<AuditRow | undefined> {
  const rows = await exec.select().from(auditLog).where(eq(auditLog.seq, seq));
  return rows[0];
}
