/**
 * The server for Playwright: delete the e2e data directory, then run `node cli/main.ts serve`
 * (which migrates and, with DEMO=1, loads the demo region into the fresh database).
 * Always PGlite: DATABASE_URL is removed. Signals are passed on so the server stops with us.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..');
const dataDir = path.resolve(ROOT, process.env.DATA_DIR ?? '.test-tmp/e2e-data');
if (!dataDir.startsWith(path.join(ROOT, '.test-tmp') + path.sep)) {
  throw new Error(`refusing to delete ${dataDir}: the e2e data dir must be under .test-tmp/`);
}
fs.rmSync(dataDir, { recursive: true, force: true });

const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir };
delete env.DATABASE_URL;

const child = spawn(process.execPath, [path.join(ROOT, 'cli', 'main.ts'), 'serve'], {
  cwd: ROOT,
  env,
  stdio: 'inherit',
});
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.on(signal, () => child.kill(signal));
}
child.on('exit', (code, signal) => {
  process.exit(code ?? (signal ? 1 : 0));
});
