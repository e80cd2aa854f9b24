/**
 * Benchmark of the project registry at province scale (never part of npm test):
 *   node bench/list.ts [--seed N] [--requests N]
 * Uses DATABASE_URL or a throwaway PostgreSQL cluster, loads the generator's province scale,
 * then times the real API (app.inject: routing, session, scope, validation, SQL, serialisation)
 * for typical registry pages of a province-level user, against a bare route answered by the
 * same Fastify instance (no session, no database) measured in the same run. Prints medians,
 * p95 and the ratio to the bare route.
 */
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { buildApp } from '../server/app.ts';
import { seedRegion } from '../server/bootstrap.ts';
import { systemActor } from '../server/context.ts';
import { migrateDatabase, openDatabase } from '../server/db/client.ts';
import { buildDeps } from '../server/deps.ts';
import { startPostgres, type PostgresHarness } from '../scripts/pg-harness.ts';

const { values } = parseArgs({
  options: { seed: { type: 'string', default: '11' }, requests: { type: 'string', default: '60' } },
});
const N = Number(values.requests);

let harness: PostgresHarness | null = null;
const url = process.env.DATABASE_URL || (harness = await startPostgres({ quiet: true })).url;
const database = await openDatabase({ databaseUrl: url });
try {
  await migrateDatabase(database);
  const config = { auditAlgorithm: 'SHA-256' as const, checkpointDir: '/tmp/pb-bench-cp', demo: false };
  const t0 = performance.now();
  const { generated, result } = await seedRegion(config, database, {
    scale: 'province',
    seed: Number(values.seed),
    fiscalYears: ['2026'],
  });
  // What autovacuum does on a live database after a bulk load: statistics and the visibility map.
  await database.pool?.query('VACUUM ANALYZE');
  process.stderr.write(
    `loaded ${result.projects} projects in ${((performance.now() - t0) / 1000).toFixed(1)} s\n`,
  );
  const deps = buildDeps(config, database);
  const root = generated.root.mof_div_code;
  await deps.users.createUserWithRoles(
    systemActor('bench'),
    { username: 'provfinance', display_name: 'bench', password: 'Bench#2026x', mof_div_code: root },
    ['PERF_OFFICE'],
    { mustChange: false, isDemo: false },
  );
  const app = await buildApp(deps, { rateLimit: { global: 1_000_000, login: 1000 } });
  app.get('/bench/bare', { config: { auth: 'public' } }, () => ({ ok: true }));
  const login = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { username: 'provfinance', password: 'Bench#2026x' },
  });
  const cookie = login.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  const dept = generated.departments.find((d) => d.mof_div_code !== root)?.dept_code ?? '';

  async function time(u: string, withCookie: boolean): Promise<{ median: number; p95: number }> {
    const ms: number[] = [];
    for (let i = 0; i < N + 5; i++) {
      const s = performance.now();
      const r = await app.inject({ url: u, headers: withCookie ? { cookie } : {} });
      if (r.statusCode !== 200) throw new Error(`${u}: ${r.statusCode} ${r.body.slice(0, 200)}`);
      if (i >= 5) ms.push(performance.now() - s);
    }
    ms.sort((a, b) => a - b);
    return { median: ms[Math.floor(ms.length / 2)] ?? 0, p95: ms[Math.floor(ms.length * 0.95)] ?? 0 };
  }

  const bare = await time('/bench/bare', false);
  const cases: [string, string][] = [
    ['first page (20, sorted by code, total)', '/api/v1/projects'],
    ['page 500', '/api/v1/projects?page=500'],
    ['search by name', `/api/v1/projects?q=${encodeURIComponent('农村公路')}`],
    [
      'one county, one department',
      `/api/v1/projects?mof_div_code=${generated.dataRegions[5] ?? root}&dept_code=${dept}`,
    ],
    ['amount range, sorted by amount desc', '/api/v1/projects?amount_min=1000000&sort=-amount'],
    ['project detail', ''],
    ['workbench figures', '/api/v1/workbench'],
  ];
  const first = (await app.inject({ url: '/api/v1/projects', headers: { cookie } })).json<{
    items: { id: string }[];
    total: number;
  }>();
  console.log(`province: ${first.total} projects visible to a province-level user; ${N} requests per case`);
  console.log(`bare route: median ${bare.median.toFixed(2)} ms, p95 ${bare.p95.toFixed(2)} ms`);
  console.log('case | median ms | p95 ms | median ÷ bare');
  for (const [name, u] of cases) {
    const target = u || `/api/v1/projects/${first.items[0]?.id ?? ''}`;
    const t = await time(target, true);
    console.log(
      `${name} | ${t.median.toFixed(2)} | ${t.p95.toFixed(2)} | ${(t.median / bare.median).toFixed(1)}×`,
    );
  }
  await app.close();
} finally {
  await database.close();
  await harness?.stop();
}
