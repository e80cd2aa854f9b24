import type { Config } from './config.ts';
import { buildApp } from './app.ts';
import { DEMO_ACCOUNT_NAMES, ensureReady, openConfiguredDatabase } from './bootstrap.ts';
import { buildDeps } from './deps.ts';
import { DEMO_PASSWORD } from './modules/identity/index.ts';

/** Start the server: migrate, load the demo region on first start in demo mode, listen. */
export async function serve(config: Config): Promise<void> {
  const database = await openConfiguredDatabase(config);
  const ready = await ensureReady(config, database, (done, total) => {
    process.stderr.write(`\rloading the demo region… ${Math.round((100 * done) / Math.max(total, 1))}%`);
    if (done >= total) process.stderr.write('\n');
  });
  if (!ready.ok) {
    process.stderr.write(`${ready.message}\n`);
    await database.close();
    process.exit(1);
  }
  const deps = buildDeps(config, database);
  const app = await buildApp(deps, {
    logLevel: config.logLevel === 'info' ? 'warn' : config.logLevel,
    trustProxy: config.trustProxy,
    webDist: config.webDist,
  });
  const shutdown = async () => {
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown());
  process.once('SIGTERM', () => void shutdown());
  await app.listen({ host: config.host, port: config.port });
  const url = `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${config.port}`;
  const lines = [
    '',
    `PerfBudget 预算绩效管理系统 is running on ${url}  (database: ${database.kind})`,
    `API documentation: ${url}/api/docs`,
  ];
  if (config.demo) {
    lines.push(`Demo accounts (password ${DEMO_PASSWORD}): ${DEMO_ACCOUNT_NAMES.join(', ')}`);
  }
  process.stdout.write(`${lines.join('\n')}\n\n`);
}
