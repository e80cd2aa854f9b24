/**
 * `npm start`: build the web client when it is missing or older than its sources, then serve
 * the UI and the API (migrating the database and loading the demo region on first start).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../server/config.ts';
import { serve } from '../server/main.ts';

const ROOT = path.resolve(import.meta.dirname, '..');

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules') continue;
    const p = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : fs.statSync(p).mtimeMs);
  }
  return newest;
}

const config = loadConfig();
const index = path.join(config.webDist, 'index.html');
const sources = Math.max(...['web', 'contracts', 'domain'].map((d) => newestMtime(path.join(ROOT, d))));
if (!fs.existsSync(index) || fs.statSync(index).mtimeMs < sources) {
  process.stderr.write('building the web client…\n');
  const r = spawnSync(
    path.join(ROOT, 'node_modules', '.bin', 'vite'),
    ['build', '--config', 'web/vite.config.ts', '--logLevel', 'warn'],
    {
      cwd: ROOT,
      stdio: 'inherit',
    },
  );
  if (r.status !== 0) process.exit(r.status ?? 1);
}
await serve(config);
