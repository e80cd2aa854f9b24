/**
 * The `perfbudget` command line. Same configuration and default database as the server:
 * `npm run --silent perfbudget -- <command>`.
 */
import { Command, Option } from 'commander';
import { ROLES, type Role } from '../contracts/permissions.ts';
import { loadConfig } from '../server/config.ts';
import { progressBar } from './progress.ts';

// Heavy modules (database drivers, the server) load inside the commands that need them, so that
// `--help` and usage errors answer at once.
async function openDb(config: ReturnType<typeof loadConfig>) {
  const { openConfiguredDatabase } = await import('../server/bootstrap.ts');
  return openConfiguredDatabase(config);
}
async function migrate(database: Awaited<ReturnType<typeof openDb>>) {
  const { migrateDatabase } = await import('../server/db/client.ts');
  await migrateDatabase(database);
}

const program = new Command();
program
  .name('perfbudget')
  .description('PerfBudget — budget performance management (预算绩效管理)')
  .showHelpAfterError()
  .exitOverride((err) => {
    // Bad usage exits 2, like every failure that is not a finding.
    process.exit(err.exitCode === 0 ? 0 : 2);
  });

program
  .command('serve')
  .description(
    'migrate the database, load the demo region on first start (demo mode) and serve the UI and API',
  )
  .action(async () => {
    const { serve } = await import('../server/main.ts');
    await serve(loadConfig());
  });

program
  .command('migrate')
  .description('apply the committed SQL migrations to the configured database')
  .action(async () => {
    const config = loadConfig();
    const database = await openDb(config);
    try {
      await migrate(database);
      process.stderr.write(`migrated (${database.kind})\n`);
    } finally {
      await database.close();
    }
  });

program
  .command('seed')
  .description('generate a region (deterministic) and load it into the database')
  .addOption(
    new Option('--scale <scale>', 'size of the generated region')
      .choices(['county', 'city', 'province'])
      .default('county'),
  )
  .option('--seed <n>', 'random seed', (v) => Number.parseInt(v, 10), 1)
  .option('--years <list>', 'fiscal years, comma-separated', '2025,2026')
  .option('--demo', 'load the demo county with the demo accounts (demo mode only)')
  .action(
    async (opts: { scale: 'county' | 'city' | 'province'; seed: number; years: string; demo?: boolean }) => {
      const config = loadConfig();
      const database = await openDb(config);
      const bar = progressBar('seed');
      try {
        await migrate(database);
        const { loadDemo, seedRegion } = await import('../server/bootstrap.ts');
        if (opts.demo) {
          if (!config.demo)
            throw new Error('demo accounts are refused outside demo mode (NODE_ENV=production or DEMO=0)');
          await loadDemo(config, database, (d, t) => bar.update(d, t));
        } else {
          const years = opts.years.split(',').map((y) => y.trim());
          await seedRegion(
            config,
            database,
            { scale: opts.scale, seed: opts.seed, fiscalYears: years },
            (d, t) => bar.update(d, t),
          );
        }
        bar.stop();
        process.stderr.write('seeded\n');
      } finally {
        bar.stop();
        await database.close();
      }
    },
  );

const user = program.command('user').description('user accounts');
user
  .command('create')
  .description('create a user (e.g. the first system administrator of a production installation)')
  .requiredOption('--username <name>', 'login name')
  .requiredOption('--name <display>', 'display name')
  .requiredOption('--region <mof_div_code>', 'region code of the user (财政区划)')
  .addOption(new Option('--role <role...>', 'roles').choices([...ROLES]).default([]))
  .option('--dept <dept_code>', 'department code')
  .option('--unit <agency_code>', 'budget unit code')
  .option('--section <section_code>', 'finance section code')
  .option('--password-env <VAR>', 'read the password from this environment variable', 'PERFBUDGET_PASSWORD')
  .action(
    async (o: {
      username: string;
      name: string;
      region: string;
      role: Role[];
      dept?: string;
      unit?: string;
      section?: string;
      passwordEnv: string;
    }) => {
      const password = process.env[o.passwordEnv];
      if (!password) {
        process.stderr.write(`set the password in the environment variable ${o.passwordEnv}\n`);
        process.exit(2);
      }
      const config = loadConfig();
      const database = await openDb(config);
      try {
        await migrate(database);
        const { buildDeps } = await import('../server/deps.ts');
        const { systemActor } = await import('../server/context.ts');
        const deps = buildDeps(config, database);
        const created = await deps.users.createUserWithRoles(
          systemActor('cli'),
          {
            username: o.username,
            display_name: o.name,
            password,
            mof_div_code: o.region,
            dept_code: o.dept ?? null,
            agency_code: o.unit ?? null,
            section_code: o.section ?? null,
          },
          o.role,
          { mustChange: true, isDemo: false },
        );
        process.stdout.write(
          `${JSON.stringify({ id: created.id, username: created.username, roles: created.roles })}\n`,
        );
      } catch (e) {
        const { AppError } = await import('../server/errors.ts');
        if (e instanceof AppError) {
          process.stderr.write(`${e.code} ${JSON.stringify(e.details ?? '')}\n`);
          process.exitCode = 1;
        } else throw e;
      } finally {
        await database.close();
      }
    },
  );

const audit = program.command('audit').description('the tamper-evident audit log');
audit
  .command('verify')
  .description(
    'check the hash chain and the latest checkpoint; exit 0 intact, 1 broken (naming the entry), 2 cannot run',
  )
  .action(async () => {
    let database;
    try {
      const config = loadConfig();
      database = await openDb(config);
      const { buildDeps } = await import('../server/deps.ts');
      const deps = buildDeps(config, database);
      const bar = progressBar('verify');
      const r = await deps.audit.verify(database.db, (d, t) => bar.update(d, t));
      bar.stop();
      process.stdout.write(`${JSON.stringify(r, null, 2)}\n`);
      if (!r.ok) process.stderr.write(`audit log broken at entry ${r.first_broken_seq}: ${r.reason}\n`);
      process.exitCode = r.ok ? 0 : 1;
    } catch (e) {
      process.stderr.write(`audit verify cannot run: ${e instanceof Error ? e.message : String(e)}\n`);
      process.exitCode = 2;
    } finally {
      await database?.close();
    }
  });
audit
  .command('checkpoint')
  .description('write the head hash and count to a file outside the database (AUDIT_CHECKPOINT_DIR)')
  .action(async () => {
    const config = loadConfig();
    const database = await openDb(config);
    try {
      const { buildDeps } = await import('../server/deps.ts');
      const r = await buildDeps(config, database).audit.checkpoint(database.db);
      process.stdout.write(`${JSON.stringify(r, null, 2)}\n`);
    } finally {
      await database.close();
    }
  });

await program.parseAsync(process.argv);
