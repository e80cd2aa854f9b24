/**
 * A throwaway PostgreSQL cluster for tests: initdb into a fresh directory under the system temp
 * dir, start it on a free port with its socket in a private directory, stop and delete it when
 * done. PostgreSQL refuses to run as root, so as root the cluster belongs to the `postgres` OS
 * user (created with `useradd --system` when missing).
 *
 * Run it by hand to get a database for a while: `node scripts/pg-harness.ts` prints the URL and
 * keeps the cluster up until Ctrl-C.
 */
import { execFileSync, spawnSync, type SpawnSyncReturns } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

export interface PostgresBinaries {
  binDir: string;
  initdb: string;
  pgCtl: string;
  /** Major version when found under /usr/lib/postgresql/<version>/bin, else null. */
  version: number | null;
}

export interface PostgresHarness {
  /** postgres://postgres@127.0.0.1:<port>/postgres (trust authentication). */
  url: string;
  port: number;
  dataDir: string;
  stop(): Promise<void>;
}

const DEBIAN_PG_ROOT = '/usr/lib/postgresql';

function isExecutable(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

function findOnPath(name: string): string | null {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (dir === '') continue;
    const candidate = path.join(dir, name);
    if (isExecutable(candidate)) return candidate;
  }
  return null;
}

/** initdb and pg_ctl: the highest version under /usr/lib/postgresql/*\/bin, else from PATH; null when missing. */
export function findPostgresBinaries(): PostgresBinaries | null {
  let versions: number[] = [];
  try {
    versions = fs
      .readdirSync(DEBIAN_PG_ROOT)
      .map((name) => Number(name))
      .filter((v) => Number.isInteger(v) && v > 0)
      .sort((a, b) => b - a);
  } catch {
    // not a Debian-style install
  }
  for (const version of versions) {
    const binDir = path.join(DEBIAN_PG_ROOT, String(version), 'bin');
    const initdb = path.join(binDir, 'initdb');
    const pgCtl = path.join(binDir, 'pg_ctl');
    if (isExecutable(initdb) && isExecutable(pgCtl)) return { binDir, initdb, pgCtl, version };
  }
  const initdb = findOnPath('initdb');
  const pgCtl = findOnPath('pg_ctl');
  if (initdb && pgCtl) return { binDir: path.dirname(initdb), initdb, pgCtl, version: null };
  return null;
}

/** A port that was free a moment ago (bind port 0 and let the kernel choose). */
export function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => {
        if (address && typeof address === 'object') resolve(address.port);
        else reject(new Error('could not find a free port'));
      });
    });
  });
}

const isRoot = (): boolean => typeof process.getuid === 'function' && process.getuid() === 0;

function ensurePostgresUser(): { uid: number; gid: number } {
  const lookup = (): { uid: number; gid: number } | null => {
    const res = spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' });
    if (res.status !== 0) return null;
    const gid = spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' });
    return { uid: Number(res.stdout.trim()), gid: Number(gid.stdout.trim()) };
  };
  const found = lookup();
  if (found) return found;
  execFileSync(
    'useradd',
    ['--system', '--user-group', '--no-create-home', '--shell', '/usr/sbin/nologin', 'postgres'],
    {
      stdio: 'inherit',
    },
  );
  const created = lookup();
  if (!created) throw new Error('useradd postgres did not create the user');
  return created;
}

function describeFailure(what: string, res: SpawnSyncReturns<string>, logFile?: string): Error {
  let log = '';
  if (logFile && fs.existsSync(logFile))
    log = `\n--- server log ---\n${fs.readFileSync(logFile, 'utf8').slice(-4000)}`;
  const reason = res.error ? res.error.message : `exit code ${String(res.status)}`;
  return new Error(`${what} failed (${reason})\n${res.stdout}${res.stderr}${log}`);
}

/** Start a fresh cluster; stop() shuts it down and deletes its directory. */
export async function startPostgres(opts: { quiet?: boolean } = {}): Promise<PostgresHarness> {
  const bins = findPostgresBinaries();
  if (!bins) {
    throw new Error(
      'PostgreSQL server binaries (initdb, pg_ctl) not found; install them with: apt-get install -y postgresql',
    );
  }
  const root = isRoot();
  const baseDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pb-pg-'));
  const dataDir = path.join(baseDir, 'data');
  const socketDir = path.join(baseDir, 'socket');
  const logFile = path.join(baseDir, 'postgres.log');
  fs.mkdirSync(socketDir, { mode: 0o700 });

  // As root, every PostgreSQL binary runs as the postgres user.
  const run = (file: string, args: string[]): SpawnSyncReturns<string> =>
    root
      ? spawnSync('runuser', ['-u', 'postgres', '--', file, ...args], { encoding: 'utf8', cwd: baseDir })
      : spawnSync(file, args, { encoding: 'utf8', cwd: baseDir });

  if (root) {
    const { uid, gid } = ensurePostgresUser();
    fs.chownSync(baseDir, uid, gid);
    fs.chownSync(socketDir, uid, gid);
  }

  const init = run(bins.initdb, [
    '-D',
    dataDir,
    '-U',
    'postgres',
    '-A',
    'trust',
    '-E',
    'UTF8',
    // C collation (stable sort order) with UTF-8 character classes, so that pg_trgm indexes
    // Chinese text as production databases created with a UTF-8 locale do.
    '--lc-collate=C',
    '--lc-ctype=C.UTF-8',
    '--lc-messages=C',
    '--no-sync',
  ]);
  if (init.status !== 0) {
    fs.rmSync(baseDir, { recursive: true, force: true });
    throw describeFailure('initdb', init);
  }

  let port = 0;
  let lastFailure: Error | null = null;
  // The port may be taken between finding it and binding it: try a few.
  for (let attempt = 0; attempt < 3; attempt += 1) {
    port = await findFreePort();
    const serverOptions = [
      `-p ${String(port)}`,
      `-k ${socketDir}`,
      '-c listen_addresses=127.0.0.1',
      '-c fsync=off',
      '-c synchronous_commit=off',
      '-c full_page_writes=off',
      '-c max_connections=200',
    ].join(' ');
    const start = run(bins.pgCtl, [
      '-D',
      dataDir,
      '-l',
      logFile,
      '-w',
      '-t',
      '60',
      '-o',
      serverOptions,
      'start',
    ]);
    if (start.status === 0) {
      lastFailure = null;
      break;
    }
    lastFailure = describeFailure('pg_ctl start', start, logFile);
  }
  if (lastFailure) {
    fs.rmSync(baseDir, { recursive: true, force: true });
    throw lastFailure;
  }
  if (!opts.quiet) {
    console.log(
      `PostgreSQL ${String(bins.version ?? '')} test cluster on 127.0.0.1:${String(port)} (${dataDir})`,
    );
  }

  let stopped = false;
  return {
    url: `postgres://postgres@127.0.0.1:${String(port)}/postgres`,
    port,
    dataDir,
    stop: () => {
      if (stopped) return Promise.resolve();
      stopped = true;
      const res = run(bins.pgCtl, ['-D', dataDir, '-m', 'immediate', '-w', '-t', '30', 'stop']);
      fs.rmSync(baseDir, { recursive: true, force: true });
      if (res.status !== 0) return Promise.reject(describeFailure('pg_ctl stop', res));
      return Promise.resolve();
    },
  };
}

if (import.meta.main) {
  const harness = await startPostgres();
  console.log(`DATABASE_URL=${harness.url}`);
  console.log('Press Ctrl-C to stop and delete the cluster.');
  const shutdown = (): void => {
    void harness.stop().finally(() => process.exit(0));
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
  setInterval(() => undefined, 1 << 30);
}
