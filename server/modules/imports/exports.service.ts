import type { Writable } from 'node:stream';
import type { TExportQuery } from '../../../contracts/imports.ts';
import type { Actor, DataScope } from '../../context.ts';
import type { Database } from '../../db/client.ts';
import { AppError, notFound } from '../../errors.ts';
import { buildTemplate, writeCsvFolder, writeJson, writeXlsx, type Lang } from '../../exchange/index.ts';
import { scopeRegions } from '../identity/index.ts';
import * as repo from './imports.repository.ts';

/** Rows of a sheet below the two header rows (Excel's limit is 1,048,576 rows). */
export const XLSX_DATA_ROWS = 1_048_576 - 2;
const PAGE = 1000;

type Json = Record<string, unknown>;

/** NUMERIC text as the exchange format writes numbers ('30.00' → '30'). */
function plain(v: string | null): string | null {
  if (v === null) return null;
  return v.includes('.') ? v.replace(/\.?0+$/, '') : v;
}

/** The object without its null fields (missing and null mean the same in the format). */
function compact(o: Json): Json {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== null && v !== undefined));
}

function indicatorJson(r: repo.ExportIndicatorRow): Json {
  return compact({
    kpi_lv1: r.kpi_lv1 || null,
    kpi_lv2: r.kpi_lv2 || null,
    kpi_lv3: r.kpi_lv3 || null,
    computesign: r.computesign || null,
    kpi_val: r.kpi_val || null,
    meterunit: r.meterunit,
    weight: r.weight === '0.00' ? null : plain(r.weight),
    progress: r.progress,
    value_basis: r.value_basis,
    library_code: r.library_code,
    last_target: plain(r.last_target),
    last_actual: plain(r.last_actual),
    data_source: r.data_source,
    scoring_standard: r.scoring_standard,
    justification: r.justification,
    explanation: r.explanation,
  });
}

/**
 * The projects of a region and year inside a data scope, each with the current version of its
 * target, in the JSON shape of the exchange format, page by page in code order (bounded memory).
 */
export async function* exchangeProjects(
  database: Database,
  scope: DataScope,
  mof: string,
  year: string,
): AsyncGenerator<Json> {
  const db = database.db;
  let after: string | null = null;
  for (;;) {
    const rows = await repo.exportProjectPage(db, scope, { mof, year, after, limit: PAGE });
    if (rows.length === 0) return;
    const ids = rows.map((r) => r.version_id).filter((v): v is string => v !== null);
    const byVersion = new Map<string, Json[]>();
    for (const i of await repo.exportIndicators(db, ids)) {
      const list = byVersion.get(i.version_id) ?? [];
      list.push(indicatorJson(i));
      byVersion.set(i.version_id, list);
    }
    for (const p of rows) {
      const out = compact({
        pro_code: p.pro_code,
        pro_name: p.pro_name,
        agency_code: p.agency_code,
        agency_name: p.agency_name,
        dept_code: p.dept_code,
        dept_name: p.dept_name,
        budget_kind: p.budget_kind,
        func_class: p.func_class,
        amount: p.amount,
        is_new: p.is_new,
        start_year: p.start_year,
        end_year: p.end_year,
      });
      if (p.version_id !== null) {
        out.target = {
          ...compact({
            long_term_goal: p.long_term_goal,
            annual_goal: p.annual_goal,
            justification: p.justification,
            explanation: p.explanation,
          }),
          indicators: byVersion.get(p.version_id) ?? [],
        };
      }
      yield out;
    }
    after = rows[rows.length - 1]?.pro_code ?? null;
    if (rows.length < PAGE) return;
  }
}

/** Exports of projects and targets in the exchange format, and the blank template. */
export function makeExportsService(deps: { database: Database }) {
  const db = deps.database.db;

  function regionOf(actor: Actor, requested: string | undefined): string {
    const regions = scopeRegions(actor.scope);
    const mof = requested ?? (regions.includes(actor.mofDivCode) ? actor.mofDivCode : regions[0]);
    if (mof === undefined || !regions.includes(mof)) throw notFound();
    return mof;
  }

  /**
   * Check an export request and return what to write: the header and the projects of the
   * actor's scope. An Excel export above a sheet's capacity answers 400 EXPORT.TOO_MANY_ROWS.
   */
  async function prepare(actor: Actor, q: TExportQuery) {
    const mof = regionOf(actor, q.mof_div_code);
    if (q.format === 'xlsx') {
      const size = await repo.exportSize(db, actor.scope, mof, q.fiscal_year);
      if (size.projects > XLSX_DATA_ROWS || size.indicators > XLSX_DATA_ROWS)
        throw new AppError('EXPORT.TOO_MANY_ROWS', size);
    }
    const header = { mof_div_code: mof, fiscal_year: q.fiscal_year };
    return { header, projects: () => exchangeProjects(deps.database, actor.scope, mof, q.fiscal_year) };
  }

  /**
   * Check an export request (errors answer before anything is sent) and return the writer that
   * streams it (JSON or Excel) to an output and ends it.
   */
  async function open(actor: Actor, q: TExportQuery) {
    const { header, projects } = await prepare(actor, q);
    return {
      region: header.mof_div_code,
      write: (out: Writable) =>
        q.format === 'xlsx' ? writeXlsx(projects(), header, out) : writeJson(projects(), header, out),
    };
  }

  /** The command line's export: any format, CSV as a folder. */
  async function writeTo(
    scope: DataScope,
    q: { mof: string; year: string; format: 'json' | 'csv' | 'xlsx' },
    out: Writable | string,
  ) {
    const header = { mof_div_code: q.mof, fiscal_year: q.year };
    const projects = exchangeProjects(deps.database, scope, q.mof, q.year);
    if (q.format === 'csv') {
      if (typeof out !== 'string') throw new Error('a CSV export needs a folder');
      return writeCsvFolder(projects, header, out);
    }
    if (typeof out === 'string') throw new Error('a JSON or Excel export needs a stream');
    if (q.format === 'xlsx') {
      const size = await repo.exportSize(db, scope, q.mof, q.year);
      if (size.projects > XLSX_DATA_ROWS || size.indicators > XLSX_DATA_ROWS)
        throw new AppError('EXPORT.TOO_MANY_ROWS', size);
      return writeXlsx(projects, header, out);
    }
    return writeJson(projects, header, out);
  }

  function template(lang: Lang): Promise<Buffer> {
    return buildTemplate(lang);
  }

  function regionsWithProjects(year: string) {
    return repo.regionsWithProjects(db, year);
  }

  /** How many projects and indicator rows an export of a scope would write. */
  function size(scope: DataScope, mof: string, year: string) {
    return repo.exportSize(db, scope, mof, year);
  }

  return { open, writeTo, template, regionsWithProjects, size };
}

export type ExportsService = ReturnType<typeof makeExportsService>;
