#!/usr/bin/env node
// The installed `perfbudget` command. The CLI is TypeScript run by Node's type stripping; an
// older Node on PATH hands over to the project's own Node 24 (the `node` package).
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const major = Number(process.versions.node.split('.')[0]);
if (major >= 24) {
  await import('./main.ts');
} else {
  const node = path.join(here, '..', 'node_modules', '.bin', 'node');
  const r = spawnSync(node, [path.join(here, 'main.ts'), ...process.argv.slice(2)], { stdio: 'inherit' });
  process.exit(r.status ?? 1);
}
