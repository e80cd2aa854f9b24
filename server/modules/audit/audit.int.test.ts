import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, testDatabaseKind } from '../../../test/db.ts';
import { systemActor } from '../../context.ts';
import type { Database } from '../../db/client.ts';
import { makeAuditService } from './audit.service.ts';

let database: Database;
let dir: string;

beforeAll(async () => {
  database = await openTestDatabase();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pb-cp-'));
});
afterAll(async () => {
  await database.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function writeEvents(
  audit: ReturnType<typeof makeAuditService>,
  n: number,
  target: Database = database,
) {
  for (let i = 0; i < n; i++) {
    await target.db.transaction((tx) =>
      audit.record(tx, {
        actor: systemActor('tester'),
        entity: 'project',
        entityId: `p${i}`,
        action: 'UPDATE',
        before: { amount: '1.00', nested: { b: 2, a: [1, '二'] } },
        after: { amount: `${i}.50`, at: new Date('2026-01-02T03:04:05.678Z') },
        reason: `第 ${i} 次修改`,
      }),
    );
  }
}

describe(`audit chain (${testDatabaseKind()})`, () => {
  it('is append-only in SQL', async () => {
    const audit = makeAuditService({ algorithm: 'SHA-256', checkpointDir: dir });
    await writeEvents(audit, 1);
    await expect(database.db.execute(sql`update audit_log set reason = 'x' where seq = 1`)).rejects.toThrow();
    await expect(database.db.execute(sql`delete from audit_log where seq = 1`)).rejects.toThrow();
  });

  it('verifies an intact chain of SHA-256 and SM3 entries and a checkpoint', async () => {
    await writeEvents(makeAuditService({ algorithm: 'SM3', checkpointDir: dir }), 3);
    const audit = makeAuditService({ algorithm: 'SHA-256', checkpointDir: dir });
    await writeEvents(audit, 4);
    const cp = await audit.checkpoint(database.db);
    expect(cp.checkpoint.count).toBe(8);
    const r = await audit.verify(database.db);
    expect(r).toMatchObject({ ok: true, count: 8, first_broken_seq: null });
    expect(r.head_hash).toBe(cp.checkpoint.head_hash);
  });

  it('names the first altered entry', async () => {
    const audit = makeAuditService({ algorithm: 'SHA-256', checkpointDir: dir });
    await database.db.execute(sql`alter table audit_log disable trigger audit_log_append_only`);
    await database.db.execute(sql`update audit_log set after = '{"amount":"9999.00"}' where seq = 5`);
    await database.db.execute(sql`alter table audit_log enable trigger audit_log_append_only`);
    const r = await audit.verify(database.db);
    expect(r).toMatchObject({ ok: false, first_broken_seq: 5 });
  });

  it('catches the removal of the newest entries against the checkpoint', async () => {
    const fresh = await openTestDatabase();
    const cpDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pb-cp2-'));
    try {
      const audit = makeAuditService({ algorithm: 'SHA-256', checkpointDir: cpDir });
      await writeEvents(audit, 5, fresh);
      await audit.checkpoint(fresh.db);
      await fresh.db.execute(sql`alter table audit_log disable trigger audit_log_append_only`);
      await fresh.db.execute(sql`delete from audit_log where seq >= 4`);
      await fresh.db.execute(sql`alter table audit_log enable trigger audit_log_append_only`);
      const r = await audit.verify(fresh.db);
      expect(r).toMatchObject({ ok: false, first_broken_seq: 4 });
    } finally {
      await fresh.close();
      fs.rmSync(cpDir, { recursive: true, force: true });
    }
  });
});
