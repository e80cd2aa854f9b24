import fs from 'node:fs';
import path from 'node:path';
import type { AuditAction, AuditEntity } from '../../../contracts/audit-events.ts';
import type { Actor } from '../../context.ts';
import type { Executor } from '../../db/client.ts';
import { chainHash, GENESIS_HASH, type ChainedFields, type HashAlgorithm } from './hash-chain.ts';
import * as repo from './audit.repository.ts';

export interface AuditEvent {
  actor: Actor;
  entity: AuditEntity;
  entityId?: string | null;
  action: AuditAction;
  before?: unknown;
  after?: unknown;
  reason?: string | null;
  mofDivCode?: string | null;
}

export interface VerifyResult {
  ok: boolean;
  count: number;
  head_hash: string | null;
  first_broken_seq: number | null;
  reason: string | null;
  checkpoint: { count: number; head_hash: string; file: string } | null;
}

export interface Checkpoint {
  count: number;
  seq: number;
  head_hash: string;
  algorithm: HashAlgorithm;
  at: string;
}

/** The stored fields the hash covers, named as in the canonical entry. */
function chainedFieldsOf(r: repo.AuditRow): ChainedFields {
  return {
    seq: r.seq,
    at: r.at,
    actor_id: r.actorId,
    actor_name: r.actorName,
    actor_roles: r.actorRoles,
    ip: r.ip,
    request_id: r.requestId,
    mof_div_code: r.mofDivCode,
    entity: r.entity,
    entity_id: r.entityId,
    action: r.action,
    before: r.before,
    after: r.after,
    reason: r.reason,
    algorithm: r.algorithm,
  };
}

/** An entry as the audit viewer shows it. */
function toEntryDto(r: repo.AuditRow) {
  const { actor_id: _actorId, algorithm: _algorithm, ...shown } = chainedFieldsOf(r);
  return { ...shown, at: r.at.toISOString(), hash: r.hash };
}

/** Plain JSON (dates to ISO strings) so that the stored jsonb hashes the same when read back. */
function plain(v: unknown): unknown {
  return v === undefined ? null : (JSON.parse(JSON.stringify(v)) as unknown);
}

/**
 * The audit log: one `record` used by every service inside its own transaction, a streaming
 * chain verification and checkpoints written outside the database.
 */
export function makeAuditService(deps: {
  algorithm: HashAlgorithm;
  checkpointDir: string;
  clock?: () => Date;
}) {
  const clock = deps.clock ?? (() => new Date());

  async function record(tx: Executor, e: AuditEvent): Promise<number> {
    const head = await repo.lockHead(tx);
    const seq = head.seq + 1;
    const fields = {
      seq,
      at: clock(),
      actor_id: e.actor.userId,
      actor_name: e.actor.username,
      actor_roles: e.actor.roles.join(',') || null,
      ip: e.actor.ip,
      request_id: e.actor.requestId,
      mof_div_code: e.mofDivCode ?? (e.actor.mofDivCode || null),
      entity: e.entity,
      entity_id: e.entityId ?? null,
      action: e.action,
      before: plain(e.before),
      after: plain(e.after),
      reason: e.reason ?? null,
      algorithm: deps.algorithm,
    };
    const hash = chainHash(deps.algorithm, head.hash, fields);
    await repo.appendRow(tx, {
      seq,
      at: fields.at,
      actorId: fields.actor_id,
      actorName: fields.actor_name,
      actorRoles: fields.actor_roles,
      ip: fields.ip,
      requestId: fields.request_id,
      mofDivCode: fields.mof_div_code,
      entity: fields.entity,
      entityId: fields.entity_id,
      action: fields.action,
      before: fields.before,
      after: fields.after,
      reason: fields.reason,
      algorithm: fields.algorithm,
      prevHash: head.hash,
      hash,
    });
    return seq;
  }

  function latestCheckpoint(): { cp: Checkpoint; file: string } | null {
    if (!fs.existsSync(deps.checkpointDir)) return null;
    const files = fs
      .readdirSync(deps.checkpointDir)
      .filter((f) => /^checkpoint-.*\.json$/.test(f))
      .sort();
    const last = files.at(-1);
    if (last === undefined) return null;
    const file = path.join(deps.checkpointDir, last);
    return { cp: JSON.parse(fs.readFileSync(file, 'utf8')) as Checkpoint, file };
  }

  /**
   * Walk the chain in sequence order: contiguous sequence numbers from 1, each prev_hash equal
   * to the previous hash, each hash recomputed. Then compare with the latest checkpoint so that
   * removing the newest entries is caught too.
   */
  async function verify(
    exec: Executor,
    onProgress?: (done: number, total: number) => void,
  ): Promise<VerifyResult> {
    const { count } = await repo.countAndHead(exec);
    let prev = GENESIS_HASH;
    let expected = 1;
    let done = 0;
    const fail = (
      seq: number,
      reason: string,
      checkpoint: VerifyResult['checkpoint'] = null,
    ): VerifyResult => ({
      ok: false,
      count,
      head_hash: null,
      first_broken_seq: seq,
      reason,
      checkpoint,
    });
    for (;;) {
      const batch = await repo.findBatchAfter(exec, expected - 1, 5000);
      if (batch.length === 0) break;
      for (const r of batch) {
        if (r.seq !== expected) return fail(expected, `entry ${expected} is missing or out of order`);
        if (r.prevHash !== prev) return fail(r.seq, `entry ${r.seq} does not link to the previous entry`);
        const algorithm: HashAlgorithm = r.algorithm === 'SM3' ? 'SM3' : 'SHA-256';
        const recomputed = chainHash(algorithm, prev, chainedFieldsOf(r));
        if (recomputed !== r.hash) return fail(r.seq, `entry ${r.seq} was altered`);
        prev = r.hash;
        expected++;
        done++;
      }
      onProgress?.(done, count);
    }
    const last = latestCheckpoint();
    const cpInfo = last ? { count: last.cp.count, head_hash: last.cp.head_hash, file: last.file } : null;
    if (last) {
      if (done < last.cp.count) {
        return fail(
          done + 1,
          `entries after ${done} were removed (checkpoint holds ${last.cp.count})`,
          cpInfo,
        );
      }
      const atCp = await repo.findBySeq(exec, last.cp.seq);
      if (!atCp || atCp.hash !== last.cp.head_hash) {
        return fail(last.cp.seq, `entry ${last.cp.seq} does not match the checkpoint`, cpInfo);
      }
    }
    return {
      ok: true,
      count: done,
      head_hash: done > 0 ? prev : null,
      first_broken_seq: null,
      reason: null,
      checkpoint: cpInfo,
    };
  }

  /** Write the head hash and count to a new file in the checkpoint directory. */
  async function checkpoint(exec: Executor): Promise<{ file: string; checkpoint: Checkpoint }> {
    const { count, maxSeq } = await repo.countAndHead(exec);
    const head = maxSeq > 0 ? await repo.findBySeq(exec, maxSeq) : undefined;
    const at = clock();
    const cp: Checkpoint = {
      count,
      seq: maxSeq,
      head_hash: head?.hash ?? GENESIS_HASH,
      algorithm: deps.algorithm,
      at: at.toISOString(),
    };
    fs.mkdirSync(deps.checkpointDir, { recursive: true });
    const file = path.join(
      deps.checkpointDir,
      `checkpoint-${at.toISOString().replace(/[:.]/g, '-')}-${maxSeq}.json`,
    );
    fs.writeFileSync(file, JSON.stringify(cp, null, 2) + '\n', { flag: 'wx' });
    return { file, checkpoint: cp };
  }

  /** A filtered page of the log, newest first. */
  async function findPage(exec: Executor, filter: repo.AuditFilter, page: number, pageSize: number) {
    const { items, total } = await repo.findAuditPage(exec, filter, page, pageSize);
    return { items: items.map(toEntryDto), total };
  }

  return { record, verify, checkpoint, findPage };
}

export type AuditService = ReturnType<typeof makeAuditService>;
