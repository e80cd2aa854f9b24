import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../server/db/client.ts';
import { testDatabaseKind } from '../test/db.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pb-cli-'));
const NODE = path.join(ROOT, 'node_modules', '.bin', 'node');

function cli(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(NODE, ['cli/main.ts', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, DATABASE_URL: '', DATA_DIR: dir, LOG_LEVEL: 'silent', ...env },
    timeout: 120_000,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

// The command line always works on its configured database; here an embedded one in a temp dir.
describe.skipIf(testDatabaseKind() === 'postgres')(
  'perfbudget command line (PGlite data directory)',
  { timeout: 180_000 },
  () => {
    it('refuses a production start without an administrator and says how to create one', () => {
      const r = cli(['serve'], { NODE_ENV: 'production', PORT: '0' });
      expect(r.status).toBe(1);
      expect(r.stderr).toContain('user create');
    });

    it('creates the first administrator, refusing weak and demo passwords', () => {
      const args = [
        'user',
        'create',
        '--username',
        'sysadmin',
        '--name',
        '系统管理员',
        '--region',
        '360121',
        '--role',
        'SYS_ADMIN',
      ];
      expect(cli(args, { NODE_ENV: 'production', PERFBUDGET_PASSWORD: 'weak' }).status).toBe(1);
      const demo = cli(args, { NODE_ENV: 'production', PERFBUDGET_PASSWORD: 'Demo@2026' });
      expect(demo.status).toBe(1);
      expect(demo.stderr).toContain('AUTH.DEMO_PASSWORD');
      const ok = cli(args, { NODE_ENV: 'production', PERFBUDGET_PASSWORD: 'First#Admin2026' });
      expect(ok.status).toBe(0);
      expect(JSON.parse(ok.stdout)).toMatchObject({ username: 'sysadmin', roles: ['SYS_ADMIN'] });
    });

    it('verifies the audit chain against a checkpoint, and names the first altered entry', async () => {
      const cp = cli(['audit', 'checkpoint']);
      expect(cp.status).toBe(0);
      expect(JSON.parse(cp.stdout).checkpoint.count).toBeGreaterThan(0);
      const ok = cli(['audit', 'verify']);
      expect(ok.status).toBe(0);
      expect(JSON.parse(ok.stdout)).toMatchObject({ ok: true, first_broken_seq: null });

      const database = await openDatabase({ pgliteDir: path.join(dir, 'pglite') });
      await database.db.execute(sql`alter table audit_log disable trigger audit_log_append_only`);
      await database.db.execute(sql`update audit_log set actor_name = 'someone-else' where seq = 1`);
      await database.close();

      const broken = cli(['audit', 'verify']);
      expect(broken.status).toBe(1);
      expect(JSON.parse(broken.stdout)).toMatchObject({ ok: false, first_broken_seq: 1 });
      expect(broken.stderr).toContain('entry 1');
    });

    it('exits 2 when verification cannot run, and on bad usage', () => {
      const file = path.join(dir, 'not-a-dir');
      fs.writeFileSync(file, 'x');
      expect(cli(['audit', 'verify'], { DATA_DIR: file }).status).toBe(2);
      expect(cli(['no-such-command']).status).toBe(2);
    });

    it('documents every command with --help', () => {
      for (const c of [
        [],
        ['serve'],
        ['migrate'],
        ['seed'],
        ['user', 'create'],
        ['audit', 'verify'],
        ['audit', 'checkpoint'],
      ]) {
        const r = cli([...c, '--help']);
        expect(r.status).toBe(0);
        expect(r.stdout).toContain('Usage: perfbudget');
      }
    });
  },
);
