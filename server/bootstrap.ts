/**
 * Getting a database ready: open the configured one, migrate it, and on the first start either
 * load the demo region (demo mode) or refuse to run without an administrator (production).
 */
import { sql } from 'drizzle-orm';
import type { Config } from './config.ts';
import { systemActor } from './context.ts';
import { migrateDatabase, openDatabase, type Database } from './db/client.ts';
import { buildDeps } from './deps.ts';
import { DEMO_PASSWORD } from './modules/identity/index.ts';
import { ensureStarterLibrary } from './modules/library/index.ts';
import { DEMO_ACCOUNTS, DEMO_OPTIONS, resolveDemoOrg } from './seed/demo.ts';
import { generateRegion, type GenerateOptions } from './seed/generate.ts';
import { loadGenerated } from './seed/load.ts';
import { loadDemoReferenceValues } from './seed/reference-values.ts';

export type Progress = (done: number, total: number) => void;

export const DEMO_ACCOUNT_NAMES: readonly string[] = DEMO_ACCOUNTS.map((a) => a.username);

export function openConfiguredDatabase(config: Pick<Config, 'databaseUrl' | 'pgliteDir'>): Promise<Database> {
  return config.databaseUrl
    ? openDatabase({ databaseUrl: config.databaseUrl })
    : openDatabase({ pgliteDir: config.pgliteDir });
}

async function countUsers(database: Database): Promise<number> {
  const [r] = await database.rows<{ n: number | string }>(sql`select count(*) as n from users`);
  return Number(r?.n ?? 0);
}

/** Generate a region and load it, with one audit entry for the whole load. */
export async function seedRegion(
  config: Pick<Config, 'auditAlgorithm' | 'checkpointDir' | 'demo'>,
  database: Database,
  opts: GenerateOptions,
  onProgress?: Progress,
) {
  const generated = generateRegion(opts);
  const result = await loadGenerated(database, generated, onProgress ? { onProgress } : {});
  const deps = buildDeps(config, database);
  await database.db.transaction((tx) =>
    deps.audit.record(tx, {
      actor: systemActor('seed'),
      entity: 'system',
      entityId: generated.root.mof_div_code,
      action: 'SEED',
      after: { scale: opts.scale, seed: opts.seed, years: generated.years, projects: result.projects },
      mofDivCode: generated.root.mof_div_code,
    }),
  );
  return { generated, result };
}

/** The demo county and one account per role (password Demo@2026, demo mode only). */
export async function loadDemo(
  config: Pick<Config, 'auditAlgorithm' | 'checkpointDir' | 'demo'>,
  database: Database,
  onProgress?: Progress,
) {
  if (!config.demo) throw new Error('the demo region is loaded in demo mode only');
  const { generated } = await seedRegion(config, database, DEMO_OPTIONS, onProgress);
  await loadDemoReferenceValues(database);
  const orgs = resolveDemoOrg(generated);
  const deps = buildDeps(config, database);
  const actor = systemActor('seed');
  for (const a of DEMO_ACCOUNTS) {
    const org = orgs[a.org];
    await deps.users.createUserWithRoles(
      actor,
      {
        username: a.username,
        display_name: a.display_name,
        password: DEMO_PASSWORD,
        mof_div_code: org.mof_div_code,
        dept_code: org.dept_code ?? null,
        agency_code: org.agency_code ?? null,
        section_code: org.section_code ?? null,
        org_name: org.name,
      },
      [...a.roles],
      { mustChange: false, isDemo: true },
    );
  }
}

export type ReadyResult = { ok: true; loadedDemo: boolean } | { ok: false; message: string };

/** Migrate; on an empty database load the demo (demo mode) or ask for the first administrator. */
export async function ensureReady(
  config: Config,
  database: Database,
  onProgress?: Progress,
): Promise<ReadyResult> {
  await migrateDatabase(database);
  await ensureStarterLibrary(database.db);
  if ((await countUsers(database)) > 0) return { ok: true, loadedDemo: false };
  if (config.demo) {
    await loadDemo(config, database, onProgress);
    return { ok: true, loadedDemo: true };
  }
  return {
    ok: false,
    message: [
      'PerfBudget has no user yet, and demo accounts are refused in production.',
      'Create the first system administrator, then start again:',
      "  PERFBUDGET_PASSWORD='…' npm run --silent perfbudget -- user create --username sysadmin --name 系统管理员 --region <mof_div_code> --role SYS_ADMIN",
    ].join('\n'),
  };
}
