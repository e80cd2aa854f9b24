/**
 * `npm test`: every check the project has, in order, each with its runner's own output, then one
 * summary. Steps: typecheck → lint → unit → integration on PGlite → integration on PostgreSQL
 * (DATABASE_URL, else a throwaway cluster) → web build + Playwright in Chromium.
 *
 * Missing system pieces (chromium, PostgreSQL server binaries) skip their suite with a hint, or
 * fail it when CI=true. The last line is always `N passed, N failed[, N skipped]`; the exit code
 * is non-zero when anything failed.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { findPostgresBinaries, startPostgres, type PostgresHarness } from './pg-harness.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const BIN = path.join(ROOT, 'node_modules', '.bin');
const REPORTS = path.join(ROOT, '.test-tmp', 'reports');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const INSTALL_HINT = 'apt-get update && apt-get install -y chromium fonts-noto-cjk poppler-utils postgresql';
const CI = process.env.CI === 'true' || process.env.CI === '1';

type Status = 'passed' | 'failed' | 'skipped';

interface SuiteResult {
  name: string;
  status: Status;
  passed: number;
  failed: number;
  skipped: number;
  seconds: number;
  note: string;
}

interface Counts {
  passed: number;
  failed: number;
  skipped: number;
  note: string;
}

const results: SuiteResult[] = [];
const skippedSuites: { name: string; needs: string }[] = [];
const cleanups: (() => Promise<void>)[] = [];
let currentChild: ReturnType<typeof spawn> | null = null;

// Runners from node_modules/.bin first, so their `#!/usr/bin/env node` is the Node 24 of the
// `node` package and not the system's.
const baseEnv: NodeJS.ProcessEnv = {
  ...process.env,
  PATH: `${BIN}${path.delimiter}${process.env.PATH ?? ''}`,
};

function envWith(changes: Record<string, string | undefined>): NodeJS.ProcessEnv {
  const env = { ...baseEnv };
  for (const [key, value] of Object.entries(changes)) {
    if (value === undefined) delete env[key];
    else env[key] = value;
  }
  return env;
}

function header(title: string): void {
  const line = '━'.repeat(Math.max(10, 78 - title.length - 5));
  console.log(`\n━━━ ${title} ${line}\n`);
}

/** Run a command with inherited stdio; resolves to its exit code (1 when killed by a signal). */
function run(command: string, args: string[], env: NodeJS.ProcessEnv = baseEnv): Promise<number> {
  const file = fs.existsSync(path.join(BIN, command)) ? path.join(BIN, command) : command;
  console.log(`$ ${[command, ...args].join(' ')}`);
  return new Promise((resolve) => {
    const child = spawn(file, args, { cwd: ROOT, env, stdio: 'inherit' });
    currentChild = child;
    child.on('error', (err) => {
      console.error(`could not start ${command}: ${err.message}`);
      currentChild = null;
      resolve(127);
    });
    child.on('exit', (code, signal) => {
      currentChild = null;
      resolve(code ?? (signal ? 1 : 0));
    });
  });
}

async function suite(name: string, body: () => Promise<Counts>): Promise<void> {
  header(name);
  const started = performance.now();
  let counts: Counts;
  try {
    counts = await body();
  } catch (err) {
    console.error(err);
    counts = {
      passed: 0,
      failed: 1,
      skipped: 0,
      note: `error: ${err instanceof Error ? err.message : String(err)}`,
    };
  }
  const status: Status =
    counts.failed > 0 ? 'failed' : counts.passed === 0 && counts.skipped > 0 ? 'skipped' : 'passed';
  results.push({ name, status, ...counts, seconds: (performance.now() - started) / 1000 });
}

/** A suite whose system dependency is missing: skipped locally, failed on CI. */
function missing(name: string, what: string): Counts {
  if (CI) {
    console.error(`Not found: ${what}. CI=true, so this fails. Install with: ${INSTALL_HINT}`);
    return { passed: 0, failed: 1, skipped: 0, note: `missing ${what}` };
  }
  console.log(`Not found: ${what}. Skipping ${name}.`);
  skippedSuites.push({ name, needs: what });
  return { passed: 0, failed: 0, skipped: 1, note: `skipped: missing ${what}` };
}

function readJson(file: string): unknown {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as unknown;
  } catch {
    return null;
  }
}

const num = (value: unknown): number => (typeof value === 'number' && Number.isFinite(value) ? value : 0);
const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null;

/** Counts from vitest's JSON reporter; a file that failed without a failing test counts as one failure. */
function vitestCounts(file: string, exitCode: number): Counts {
  const report = readJson(file);
  if (!isRecord(report)) {
    return { passed: 0, failed: 1, skipped: 0, note: `no JSON report (exit code ${String(exitCode)})` };
  }
  const passed = num(report.numPassedTests);
  let failed = num(report.numFailedTests);
  const skipped = num(report.numPendingTests) + num(report.numTodoTests);
  const files = Array.isArray(report.testResults) ? (report.testResults as unknown[]) : [];
  let brokenFiles = 0;
  for (const f of files) {
    if (!isRecord(f) || f.status !== 'failed') continue;
    const assertions = Array.isArray(f.assertionResults) ? (f.assertionResults as unknown[]) : [];
    if (!assertions.some((a) => isRecord(a) && a.status === 'failed')) brokenFiles += 1;
  }
  failed += brokenFiles;
  const notes = [`${String(files.length)} file${files.length === 1 ? '' : 's'}`];
  if (brokenFiles > 0) notes.push(`${String(brokenFiles)} failed to run`);
  if (exitCode !== 0 && failed === 0) {
    failed = 1;
    notes.push(`runner exited with ${String(exitCode)}`);
  }
  return { passed, failed, skipped, note: notes.join(', ') };
}

/** Counts from Playwright's JSON reporter (flaky tests pass, with a note). */
function playwrightCounts(file: string, exitCode: number): Counts {
  const report = readJson(file);
  if (!isRecord(report) || !isRecord(report.stats)) {
    return { passed: 0, failed: 1, skipped: 0, note: `no JSON report (exit code ${String(exitCode)})` };
  }
  const { stats } = report;
  const flaky = num(stats.flaky);
  const passed = num(stats.expected) + flaky;
  let failed = num(stats.unexpected);
  const skipped = num(stats.skipped);
  const errors = Array.isArray(report.errors) ? report.errors.length : 0;
  const notes: string[] = [];
  if (flaky > 0) notes.push(`${String(flaky)} flaky`);
  if (errors > 0) notes.push(`${String(errors)} global errors (e.g. web server)`);
  if ((exitCode !== 0 || errors > 0) && failed === 0) {
    failed = 1;
    if (errors === 0) notes.push(`runner exited with ${String(exitCode)}`);
  }
  return { passed, failed, skipped, note: notes.join(', ') };
}

async function vitest(project: string, report: string, env: NodeJS.ProcessEnv): Promise<Counts> {
  const file = path.join(REPORTS, report);
  fs.rmSync(file, { force: true });
  const code = await run(
    'vitest',
    ['run', '--project', project, '--reporter=default', '--reporter=json', `--outputFile.json=${file}`],
    env,
  );
  return vitestCounts(file, code);
}

/** A step that counts as one test: passes when every command exits 0. */
async function checks(commands: { label: string; command: string; args: string[] }[]): Promise<Counts> {
  const failedLabels: string[] = [];
  for (const { label, command, args } of commands) {
    if ((await run(command, args)) !== 0) failedLabels.push(label);
  }
  return failedLabels.length === 0
    ? { passed: 1, failed: 0, skipped: 0, note: commands.map((c) => c.label).join(' + ') }
    : { passed: 0, failed: 1, skipped: 0, note: `failed: ${failedLabels.join(', ')}` };
}

function webExists(): boolean {
  return (
    fs.existsSync(path.join(ROOT, 'web', 'vite.config.ts')) ||
    fs.existsSync(path.join(ROOT, 'web', 'index.html'))
  );
}

function npmCommand(): [string, string[]] {
  // Under `npm test`, npm_execpath is npm's own script: run it with this Node.
  const npmCli = process.env.npm_execpath;
  if (npmCli && /npm-cli\.js$/.test(npmCli)) return [process.execPath, [npmCli]];
  return ['npm', []];
}

function printSummary(): number {
  header('summary');
  const rows = results.map((r) => [
    r.name,
    r.status.toUpperCase(),
    String(r.passed),
    String(r.failed),
    String(r.skipped),
    `${r.seconds.toFixed(1)} s`,
    r.note,
  ]);
  const head = ['suite', 'result', 'passed', 'failed', 'skipped', 'time', 'note'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((row) => (row[i] ?? '').length)));
  const format = (cells: string[]): string =>
    cells
      .map((cell, i) => (i >= 2 && i <= 5 ? cell.padStart(widths[i] ?? 0) : cell.padEnd(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  console.log(format(head));
  console.log(widths.map((w) => '─'.repeat(w)).join('  '));
  for (const row of rows) console.log(format(row));

  if (skippedSuites.length > 0) {
    console.log(`\nSkipped suites (set CI=true to make this a failure):`);
    for (const s of skippedSuites) console.log(`  - ${s.name}: needs ${s.needs}`);
    console.log(`Install what they need with:\n  ${INSTALL_HINT}`);
  }

  const total = (key: 'passed' | 'failed' | 'skipped'): number => results.reduce((sum, r) => sum + r[key], 0);
  const passed = total('passed');
  const failed = total('failed');
  const skipped = total('skipped');
  console.log('');
  console.log(
    `${String(passed)} passed, ${String(failed)} failed${skipped > 0 ? `, ${String(skipped)} skipped` : ''}`,
  );
  return failed > 0 ? 1 : 0;
}

function onSignal(signal: NodeJS.Signals): void {
  console.error(`\n${signal}: stopping`);
  currentChild?.kill(signal);
  void Promise.allSettled(cleanups.map((c) => c())).finally(() => process.exit(130));
}
process.on('SIGINT', onSignal);
process.on('SIGTERM', onSignal);

fs.mkdirSync(REPORTS, { recursive: true });

await suite('typecheck', () => {
  const commands = [{ label: 'tsc', command: 'tsc', args: ['-p', 'tsconfig.json', '--noEmit'] }];
  if (fs.existsSync(path.join(ROOT, 'web', 'tsconfig.json'))) {
    commands.push({ label: 'tsc web', command: 'tsc', args: ['-p', 'web/tsconfig.json', '--noEmit'] });
  }
  return checks(commands);
});

await suite('lint', () =>
  checks([
    { label: 'eslint', command: 'eslint', args: ['--max-warnings', '0', '.'] },
    { label: 'prettier', command: 'prettier', args: ['--check', '.'] },
  ]),
);

await suite('unit', () => vitest('unit', 'unit.json', baseEnv));

await suite('integration (PGlite)', () =>
  vitest('integration', 'integration-pglite.json', envWith({ TEST_DB: 'pglite', DATABASE_URL: undefined })),
);

await suite('integration (PostgreSQL)', async () => {
  const given = process.env.DATABASE_URL;
  if (given) {
    console.log('Using the PostgreSQL server of DATABASE_URL.');
    return vitest('integration', 'integration-postgres.json', envWith({ TEST_DB: 'postgres' }));
  }
  if (!findPostgresBinaries())
    return missing('integration (PostgreSQL)', 'PostgreSQL server binaries (initdb, pg_ctl)');
  const harness: PostgresHarness = await startPostgres();
  cleanups.push(() => harness.stop());
  try {
    return await vitest(
      'integration',
      'integration-postgres.json',
      envWith({ TEST_DB: 'postgres', DATABASE_URL: harness.url }),
    );
  } finally {
    await harness.stop();
  }
});

if (webExists()) {
  await suite('web build', () => {
    const [npm, npmArgs] = npmCommand();
    return checks([{ label: 'npm run build', command: npm, args: [...npmArgs, 'run', 'build'] }]);
  });
}

await suite('e2e (Playwright)', async () => {
  if (!fs.existsSync(CHROMIUM)) return missing('e2e (Playwright)', CHROMIUM);
  const file = path.join(REPORTS, 'playwright.json');
  fs.rmSync(file, { force: true });
  const code = await run(
    'playwright',
    ['test', '--config', 'playwright.config.ts'],
    envWith({
      PLAYWRIGHT_JSON_OUTPUT_FILE: file,
      PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1',
      DATABASE_URL: undefined,
    }),
  );
  return playwrightCounts(file, code);
});

process.exitCode = printSummary();
