/**
 * `perfbudget export --year YYYY --format json|csv|xlsx --out PATH [--region CODE]`: the projects
 * and targets (current version) of one region and year as an exchange-format file (CSV: a folder),
 * streamed; and `perfbudget template --out FILE.xlsx [--lang en]`, the blank workbook.
 * The command line is an operator's tool: it exports the whole region.
 */
import { createWriteStream } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Config } from '../server/config.ts';
import type { Database } from '../server/db/client.ts';

export interface ExportCliResult {
  exit: 0 | 2;
  output: Record<string, unknown>;
}

const fail = (message: string): ExportCliResult => ({ exit: 2, output: { ok: false, error: message } });

export async function runExport(opts: {
  config: Pick<Config, 'auditAlgorithm' | 'checkpointDir' | 'demo' | 'dataDir'>;
  database: Database;
  year: string;
  format: 'json' | 'csv' | 'xlsx';
  out: string;
  region?: string | undefined;
}): Promise<ExportCliResult> {
  if (!/^\d{4}$/.test(opts.year)) return fail(`--year ${opts.year}: a 4-digit year is needed`);
  const { buildDeps } = await import('../server/deps.ts');
  const deps = buildDeps(opts.config, opts.database);
  let region = opts.region;
  if (region === undefined) {
    const regions = await deps.exports.regionsWithProjects(opts.year);
    if (regions.length !== 1)
      return fail(
        regions.length === 0
          ? `no projects in ${opts.year}`
          : `projects of ${opts.year} are in ${regions.length} regions (${regions.slice(0, 8).join(', ')}…); choose one with --region`,
      );
    region = regions[0] ?? '';
  }
  const scope = { regions: [region], departments: [], units: [], assignedProjectIds: [], orgRegions: [] };
  const size = await deps.exports.size(scope, region, opts.year);
  const started = performance.now();
  const q = { mof: region, year: opts.year, format: opts.format };
  try {
    if (opts.format === 'csv') await deps.exports.writeTo(scope, q, opts.out);
    else {
      await fs.mkdir(path.dirname(path.resolve(opts.out)), { recursive: true });
      await deps.exports.writeTo(scope, q, createWriteStream(opts.out));
    }
  } catch (e) {
    const { AppError } = await import('../server/errors.ts');
    if (e instanceof AppError && e.code === 'EXPORT.TOO_MANY_ROWS')
      return fail(`${size.indicators} indicator rows do not fit in one Excel sheet; export json or csv`);
    throw e;
  }
  return {
    exit: 0,
    output: {
      ok: true,
      mof_div_code: region,
      fiscal_year: opts.year,
      format: opts.format,
      out: opts.out,
      projects: size.projects,
      indicators: size.indicators,
      ms: Math.round(performance.now() - started),
    },
  };
}

export async function runTemplate(opts: { out: string; lang: 'zh-CN' | 'en-US' }): Promise<void> {
  const { buildTemplate } = await import('../server/exchange/index.ts');
  await fs.mkdir(path.dirname(path.resolve(opts.out)), { recursive: true });
  await fs.writeFile(opts.out, await buildTemplate(opts.lang));
}
