/**
 * The `perfbudget` command line. Same configuration and default database as the server:
 * `npm run --silent perfbudget -- <command>`.
 */
import { once } from 'node:events';
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
  const { ensureStarterLibrary } = await import('../server/modules/library/index.ts');
  await ensureStarterLibrary(database.db);
}

const program = new Command();
program
  .name('perfbudget')
  .description('PerfBudget — budget performance management (预算绩效管理)')
  .showHelpAfterError()
  .exitOverride((err) => {
    // Bad usage exits 2, like every failure that is not a finding; `validate` still answers JSON.
    if (err.exitCode !== 0 && process.argv.includes('validate')) {
      const error = { path: '', code: 'FORMAT.UNREADABLE', message: err.message.replace(/^error: /, '') };
      process.stdout.write(`${JSON.stringify({ ok: false, errors: [error] }, null, 2)}\n`);
    }
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
  .option(
    '--exchange-out <path>',
    'write one year of projects and targets as a perfbudget/1 file (no database)',
  )
  .addOption(
    new Option('--format <format>', 'format of --exchange-out').choices(['json', 'csv']).default('json'),
  )
  .option('--year <yyyy>', 'fiscal year of --exchange-out (default: the newest of --years)')
  .option('--region <mof_div_code>', "only this region's projects in --exchange-out (default: all)")
  .action(
    async (opts: {
      scale: 'county' | 'city' | 'province';
      seed: number;
      years: string;
      demo?: boolean;
      exchangeOut?: string;
      format: 'json' | 'csv';
      year?: string;
      region?: string;
    }) => {
      if (opts.exchangeOut) {
        const { seedExchange } = await import('../server/seed/targets-exchange.ts');
        const bar = progressBar('seed');
        const years = opts.years.split(',').map((y) => y.trim());
        const out = {
          ...opts,
          out: opts.exchangeOut,
          onProgress: (d: number, t: number) => bar.update(d, t),
        };
        try {
          const r = await seedExchange({ ...opts, years }, out);
          bar.stop();
          process.stdout.write(`${JSON.stringify(r)}\n`);
        } catch (e) {
          bar.stop();
          process.stderr.write(`seed --exchange-out: ${e instanceof Error ? e.message : String(e)}\n`);
          process.exitCode = 2;
        }
        return;
      }
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

program
  .command('validate')
  .description('check an exchange-format file (JSON, .xlsx or a folder of CSV) as a submission; prints JSON')
  .requiredOption('--input <path>', 'a .json file, an .xlsx workbook or a folder of .csv files')
  .option('--policy <file>', 'a policy JSON document overriding the defaults')
  .addOption(
    new Option('--lang <lang>', 'language of the messages')
      .choices(['zh', 'en', 'zh-CN', 'en-US'])
      .default('zh'),
  )
  .action(async (opts: { input: string; policy?: string; lang: string }) => {
    const { validateTo } = await import('./validate.ts');
    const bar = process.stderr.isTTY ? progressBar('validate') : null;
    const stdout = {
      write: async (text: string) => {
        if (!process.stdout.write(text)) await once(process.stdout, 'drain');
      },
    };
    let stopped = false;
    const exit = await validateTo(
      {
        input: opts.input,
        policy: opts.policy,
        lang: opts.lang.startsWith('en') ? 'en-US' : 'zh-CN',
        onProgress: (done, total) => bar?.update(done, total),
      },
      {
        write: (text) => {
          if (!stopped) bar?.stop();
          stopped = true;
          return stdout.write(text);
        },
      },
    );
    process.exitCode = exit;
  });

program
  .command('import')
  .description(
    'import projects and targets from an exchange-format file as a user, all or nothing; prints a JSON ' +
      'summary; exit 0 written, 1 refused with errors, 2 unusable input. With the embedded database ' +
      '(no DATABASE_URL) stop the server first: PGlite allows one process at a time',
  )
  .requiredOption('--input <path>', 'a .json file, an .xlsx workbook or a folder of .csv files')
  .requiredOption('--as <username>', 'the user the import runs as (scope, permissions, audit)')
  .option('--errors-out <file.xlsx>', 'when refused, write the marked-up workbook of the errors here')
  .addOption(
    new Option('--lang <lang>', 'language of the messages')
      .choices(['zh', 'en', 'zh-CN', 'en-US'])
      .default('zh'),
  )
  .action(async (opts: { input: string; as: string; errorsOut?: string; lang: string }) => {
    const config = loadConfig();
    const database = await openDb(config);
    const bar = progressBar('import');
    try {
      await migrate(database);
      const { runImport } = await import('./import.ts');
      const r = await runImport({
        config,
        database,
        input: opts.input,
        as: opts.as,
        errorsOut: opts.errorsOut,
        lang: opts.lang.startsWith('en') ? 'en-US' : 'zh-CN',
        onProgress: (_phase, done, total) => bar.update(done, total),
      });
      bar.stop();
      process.stdout.write(`${JSON.stringify(r.output, null, 2)}\n`);
      process.exitCode = r.exit;
    } catch (e) {
      process.stderr.write(`import cannot run: ${e instanceof Error ? e.message : String(e)}\n`);
      process.exitCode = 2;
    } finally {
      bar.stop();
      await database.close();
    }
  });

program
  .command('export')
  .description('write the projects and targets of a region and year as an exchange-format file (streamed)')
  .requiredOption('--year <yyyy>', 'fiscal year')
  .addOption(new Option('--format <format>', 'file format').choices(['json', 'csv', 'xlsx']).default('json'))
  .requiredOption('--out <path>', 'the file to write (for csv: a folder)')
  .option('--region <mof_div_code>', 'region (default: the only region with projects in that year)')
  .action(async (opts: { year: string; format: 'json' | 'csv' | 'xlsx'; out: string; region?: string }) => {
    const config = loadConfig();
    const database = await openDb(config);
    try {
      await migrate(database);
      const { runExport } = await import('./export.ts');
      const r = await runExport({ config, database, ...opts });
      process.stdout.write(`${JSON.stringify(r.output)}\n`);
      process.exitCode = r.exit;
    } finally {
      await database.close();
    }
  });

program
  .command('template')
  .description('write the blank exchange-format workbook (instructions, one sheet per table)')
  .requiredOption('--out <file.xlsx>', 'the workbook to write')
  .addOption(new Option('--lang <lang>', 'language of the instructions').choices(['zh', 'en']).default('zh'))
  .action(async (opts: { out: string; lang: string }) => {
    const { runTemplate } = await import('./export.ts');
    await runTemplate({ out: opts.out, lang: opts.lang === 'en' ? 'en-US' : 'zh-CN' });
    process.stdout.write(`${JSON.stringify({ ok: true, out: opts.out })}\n`);
  });

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
