/**
 * Generated projects and targets written as an exchange file (`perfbudget/1`,
 * shared/spec/exchange-format.md) without a database, for benchmarks: a JSON document or a folder
 * of CSV files (projects.csv, indicators.csv), streamed project by project through the writers of
 * server/exchange. Only the projects of one fiscal year (the newest by default) are written, with
 * their targets (no monitoring or self-evaluation); the earlier years are generated all the same,
 * since continuing projects carry last year's target and actual.
 *
 * A document has one mof_div_code. With `region` only that data region's projects are written
 * under its own code (format-true); without it every data region's projects are written under the
 * code of the scale's top region (a county's own projects keep their code prefix, pro_code
 * starts with their region's code).
 */
import { createWriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { writeCsvFolder, writeJson } from '../exchange/index.ts';
import { DEMO_OPTIONS } from './demo.ts';
import {
  generateRegion,
  type GenerateOptions,
  type GeneratedRegion,
  type ProjectRow,
  type Scale,
} from './generate.ts';
import { generateTargets, newestYear, targetDraftOf, type GeneratedTarget } from './targets.ts';

export const EXCHANGE_FORMATS = ['json', 'csv'] as const;
export type ExchangeFormat = (typeof EXCHANGE_FORMATS)[number];

export interface ExchangeOutOptions {
  format: ExchangeFormat;
  /** The JSON file, or the folder of the CSV files. */
  out: string;
  /** The fiscal year written (default: the newest generated year). */
  year?: string | undefined;
  /** Only this data region's projects, under its code (default: all, under the top region's code). */
  region?: string | undefined;
  /** Called now and then with the projects generated so far (all years) and their total. */
  onProgress?(done: number, total: number): void;
}

export interface ExchangeOutResult {
  format: ExchangeFormat;
  out: string;
  mof_div_code: string;
  fiscal_year: string;
  projects: number;
  targets: number;
  indicators: number;
  ms: number;
}

type Json = Record<string, unknown>;

/** The object without its null fields (missing and null mean the same in the format). */
function compact(o: Json): Json {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== null && v !== undefined));
}

/** A generated project with its target in the JSON shape of the exchange format. */
export function exchangeProject(
  p: ProjectRow,
  target: GeneratedTarget | null,
  names: { agency: string | null; dept: string | null },
): Json {
  const out: Json = compact({
    pro_code: p.pro_code,
    pro_name: p.pro_name,
    agency_code: p.agency_code,
    agency_name: names.agency,
    dept_code: p.dept_code,
    dept_name: names.dept,
    budget_kind: p.budget_kind,
    func_class: p.func_class,
    amount: p.amount,
    is_new: p.is_new,
    start_year: p.start_year,
    end_year: p.end_year,
  });
  if (target) {
    const { indicators, ...fields } = targetDraftOf(target);
    out.target = { ...compact(fields), indicators: indicators.map((i) => compact({ ...i })) };
  }
  return out;
}

/**
 * Write the projects of one year of `g` with their targets as an exchange file. Bounded memory:
 * one project at a time goes to the writer (with backpressure).
 */
export async function writeGeneratedExchange(
  g: GeneratedRegion,
  options: ExchangeOutOptions,
): Promise<ExchangeOutResult> {
  const started = performance.now();
  const year = options.year ?? newestYear(g);
  if (!g.years.includes(year))
    throw new RangeError(`fiscal year ${year} is not generated (${g.years.join(', ')})`);
  const region = options.region ?? null;
  if (region !== null && !g.dataRegions.includes(region)) {
    throw new RangeError(
      `region ${region} holds no projects of this scale (${g.dataRegions.length} regions)`,
    );
  }
  const code = region ?? g.root.mof_div_code;
  const agencyNames = new Map(g.agencies.map((a) => [`${a.mof_div_code}|${a.agency_code}`, a.name]));
  const deptNames = new Map(g.departments.map((d) => [`${d.mof_div_code}|${d.dept_code}`, d.name]));
  const counts = { projects: 0, targets: 0, indicators: 0 };

  async function* projects(): AsyncGenerator<Json, void, undefined> {
    let done = 0;
    for (const { project: p, target } of generateTargets(g)) {
      done += 1;
      if (done % 1000 === 0) options.onProgress?.(done, g.projectCount);
      if (p.fiscal_year !== year || (region !== null && p.mof_div_code !== region)) continue;
      counts.projects += 1;
      if (target) {
        counts.targets += 1;
        counts.indicators += target.indicators.length;
      }
      yield exchangeProject(p, target, {
        agency: agencyNames.get(`${p.mof_div_code}|${p.agency_code}`) ?? null,
        dept: deptNames.get(`${p.mof_div_code}|${p.dept_code}`) ?? null,
      });
    }
    options.onProgress?.(g.projectCount, g.projectCount);
  }

  const header = { mof_div_code: code, fiscal_year: year };
  if (options.format === 'csv') await writeCsvFolder(projects(), header, options.out);
  else {
    await mkdir(path.dirname(path.resolve(options.out)), { recursive: true });
    await writeJson(projects(), header, createWriteStream(options.out));
  }
  return {
    format: options.format,
    out: options.out,
    mof_div_code: code,
    fiscal_year: year,
    ...counts,
    ms: Math.round(performance.now() - started),
  };
}

export interface SeedExchangeArgs {
  scale: Scale;
  seed: number;
  years: readonly string[];
  /** The demo county (DEMO_OPTIONS) instead of scale, seed and years. */
  demo?: boolean | undefined;
}

/** `perfbudget seed --exchange-out`: generate the region and write the file, no database. */
export function seedExchange(
  args: SeedExchangeArgs,
  options: ExchangeOutOptions,
): Promise<ExchangeOutResult> {
  const generate: GenerateOptions = args.demo
    ? DEMO_OPTIONS
    : { scale: args.scale, seed: args.seed, fiscalYears: args.years };
  return writeGeneratedExchange(generateRegion(generate), options);
}
