import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateDatabase, openDatabase } from '../server/db/client.ts';
import { ensureStarterLibrary } from '../server/modules/library/index.ts';
import { testDatabaseKind } from '../test/db.ts';
import { buildFixture, COUNTY } from '../test/fixtures.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pb-cli-import-'));
const NODE = path.join(ROOT, 'node_modules', '.bin', 'node');

function cli(args: string[]) {
  const r = spawnSync(NODE, ['cli/main.ts', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, DATABASE_URL: '', DATA_DIR: dir, LOG_LEVEL: 'silent' },
    timeout: 180_000,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const indicator = (
  lv1: string,
  lv2: string,
  name: string,
  sign: string,
  value: string,
  unit: string,
  weight: string,
) => ({
  kpi_lv1: lv1,
  kpi_lv2: lv2,
  kpi_lv3: name,
  computesign: sign,
  kpi_val: value,
  meterunit: unit,
  weight,
});

function file(name: string, sign = 'GE') {
  const doc = {
    format: 'perfbudget/1',
    mof_div_code: COUNTY,
    fiscal_year: '2026',
    projects: [
      {
        pro_code: '990101260077',
        pro_name: '乡村学校设备购置',
        agency_code: '101001',
        dept_code: '101',
        budget_kind: 'GENERAL_PUBLIC',
        func_class: '2050803',
        amount: '500000.00',
        target: {
          annual_goal: '完成设备购置',
          indicators: [
            indicator('OUTPUT', 'QUANTITY', '购置设备数量', sign, '20', '台', '30'),
            indicator('OUTPUT', 'QUALITY', '验收合格率', 'GE', '100', '%', '20'),
            indicator('BENEFIT', 'SOCIAL', '受益学生数', 'GE', '800', '人', '30'),
            indicator('SATISFACTION', 'SATISFACTION', '师生满意度', 'GE', '90', '%', '10'),
          ],
        },
      },
    ],
  };
  const p = path.join(dir, name);
  fs.writeFileSync(p, JSON.stringify(doc));
  return p;
}

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

// The command line works on its configured database; here an embedded one in a temp dir.
describe.skipIf(testDatabaseKind() === 'postgres')('perfbudget import / export / template (PGlite)', () => {
  beforeAll(async () => {
    const database = await openDatabase({ pgliteDir: path.join(dir, 'pglite') });
    await migrateDatabase(database);
    await ensureStarterLibrary(database.db);
    await buildFixture(database);
    await database.close();
  }, 180_000);

  it('imports a clean file (exit 0) and exports it again', () => {
    const r = cli(['import', '--input', file('ok.json'), '--as', 'finance']);
    expect(r.status, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out).toMatchObject({
      ok: true,
      counts: { projects_inserted: 1, targets_created: 1, indicators: 4 },
    });
    const target = path.join(dir, 'export.json');
    const e = cli(['export', '--year', '2026', '--format', 'json', '--out', target, '--region', COUNTY]);
    expect(e.status, e.stderr).toBe(0);
    const exported = JSON.parse(fs.readFileSync(target, 'utf8'));
    expect(exported.projects.map((p: { pro_code: string }) => p.pro_code)).toContain('990101260077');
  }, 300_000);

  it('refuses a file with errors (exit 1) and writes the marked workbook; unusable input exits 2', () => {
    const errorsOut = path.join(dir, 'errors.xlsx');
    const r = cli([
      'import',
      '--input',
      file('bad.json', 'GTE'),
      '--as',
      'finance',
      '--errors-out',
      errorsOut,
      '--lang',
      'en',
    ]);
    expect(r.status).toBe(1);
    const out = JSON.parse(r.stdout);
    expect(out.ok).toBe(false);
    expect(out.errors[0]).toMatchObject({
      code: 'FIELD.ENUM',
      path: 'projects[0].target.indicators[0].computesign',
    });
    expect(out.errors[0].message).toContain('sign');
    expect(fs.statSync(errorsOut).size).toBeGreaterThan(0);
    const missing = cli(['import', '--input', path.join(dir, 'nope.json'), '--as', 'finance']);
    expect(missing.status).toBe(2);
    expect(JSON.parse(missing.stdout).errors[0].code).toBe('FORMAT.UNREADABLE');
    expect(cli(['import', '--input', file('x.json'), '--as', 'nobody']).status).toBe(2);
  }, 300_000);

  it('writes the template and documents the commands', () => {
    const out = path.join(dir, 'template.xlsx');
    expect(cli(['template', '--out', out, '--lang', 'en']).status).toBe(0);
    expect(fs.statSync(out).size).toBeGreaterThan(1000);
    const help = cli(['import', '--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/stop the server\s+first/);
  }, 300_000);
});
