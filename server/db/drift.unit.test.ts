/**
 * Fails when server/db/schema.ts and the committed migrations disagree: drizzle-kit generates
 * into a copy of the migrations folder and must find nothing to do. Fix a failure with
 * `npm run db:generate` and commit the new migration.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');
const MIGRATIONS = path.join(ROOT, 'server/db/migrations');
const DRIZZLE_KIT = path.join(ROOT, 'node_modules/drizzle-kit/bin.cjs');

const sqlFiles = (dir: string): string[] =>
  fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.sql'))
    .sort();

describe('database migrations', () => {
  // drizzle-kit takes `out` relative to the working directory (it prefixes './'), so the copy
  // lives inside the repository, under the ignored .test-tmp/.
  fs.mkdirSync(path.join(ROOT, '.test-tmp'), { recursive: true });
  const out = fs.mkdtempSync(path.join(ROOT, '.test-tmp', 'drift-'));
  afterAll(() => {
    fs.rmSync(out, { recursive: true, force: true });
  });

  it('match the Drizzle schema (no pending changes)', () => {
    fs.cpSync(MIGRATIONS, out, { recursive: true });
    const before = sqlFiles(out);

    const res = spawnSync(
      process.execPath,
      [DRIZZLE_KIT, 'generate', '--config', 'server/db/drizzle.config.ts'],
      {
        cwd: ROOT,
        env: { ...process.env, MIGRATIONS_OUT: path.relative(ROOT, out), FORCE_COLOR: '0', NO_COLOR: '1' },
        encoding: 'utf8',
        // drizzle-kit asks interactively about ambiguous renames; never wait for an answer.
        stdio: ['ignore', 'pipe', 'pipe'],
        timeout: 50_000,
      },
    );
    const output = `${res.stdout}${res.stderr}`;

    expect(res.error, output).toBeUndefined();
    expect(res.status, output).toBe(0);
    const added = sqlFiles(out).filter((f) => !before.includes(f));
    expect(added, `schema.ts has changes without a migration; run npm run db:generate\n${output}`).toEqual(
      [],
    );
    expect(output).toMatch(/No schema changes/i);
  });
});
