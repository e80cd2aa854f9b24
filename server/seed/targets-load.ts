/**
 * Writes the generated targets of a region (targets.ts) after its projects (load.ts): per batch of
 * projects one transaction of four set-based statements — targets (their project_id joined from
 * the projects just loaded), versions, indicators and review history — each an INSERT … SELECT FROM
 * unnest(arrays), one array parameter per column, on PGlite and PostgreSQL alike. Memory stays
 * bounded by one batch plus the generator's previous-year targets of one region.
 */
import { getTableColumns, sql, type SQL } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { TPolicy } from '../../domain/policy/policy.ts';
import type { Database, Executor } from '../db/client.ts';
import { targetIndicators, targetReviews, targets, targetVersions } from '../db/schema.ts';
import type { GeneratedRegion } from './generate.ts';
import {
  targetBatches,
  type GeneratedTarget,
  type ProjectTarget,
  type TargetIndicatorRow,
  type TargetReviewRow,
  type TargetRow,
  type TargetVersionRow,
} from './targets.ts';

export interface TargetLoadOptions {
  /** Projects per batch (default 1000, at most 2500); a batch of targets has ~7× as many indicators. */
  batchSize?: number;
  /** Called after every batch with the number of projects it handled (with or without a target). */
  onProgress?(projects: number): void;
  /** The policy whose review chain and difficulty rules apply (default: the default policy). */
  policy?: TPolicy;
  /** Called after a batch's targets are written, before onProgress (monitoring-load.ts writes its data). */
  afterBatch?(batch: readonly ProjectTarget[]): Promise<void>;
}

export interface TargetLoadResult {
  targets: number;
  versions: number;
  indicators: number;
  reviews: number;
  ms: number;
}

const TARGET_COLUMNS = [
  'id',
  'mof_div_code',
  'fiscal_year',
  'kind',
  'pro_code',
  'dept_code',
  'agency_code',
  'amount',
  'current_version',
  'in_force_version',
  'status',
  'step',
  'row_version',
  'created_at',
  'updated_at',
] as const satisfies readonly (keyof TargetRow)[];

const VERSION_COLUMNS = [
  'id',
  'target_id',
  'version_no',
  'status',
  'long_term_goal',
  'annual_goal',
  'justification',
  'explanation',
  'flags',
  'grade',
  'fixes',
  'created_at',
  'submitted_at',
  'approved_at',
] as const satisfies readonly (keyof TargetVersionRow)[];

const INDICATOR_COLUMNS = [
  'version_id',
  'seq',
  'kpi_lv1',
  'kpi_lv2',
  'kpi_lv3',
  'computesign',
  'kpi_val',
  'kpi_val_num',
  'meterunit',
  'weight',
  'progress',
  'value_basis',
  'library_code',
  'last_target',
  'last_actual',
  'data_source',
  'scoring_standard',
  'justification',
  'explanation',
  'is_core',
  'final_actual',
] as const satisfies readonly (keyof TargetIndicatorRow)[];

const REVIEW_COLUMNS = [
  'target_id',
  'version_no',
  'step',
  'action',
  'comment',
  'indicator_comments',
  'grades',
  'grade',
  'fixes',
  'actor_name',
  'at',
] as const satisfies readonly (keyof TargetReviewRow)[];

export type Cell = string | number | boolean | null;

/**
 * `unnest($1::type1[], …) as alias(c1, …)`: one array parameter per column, typed from the Drizzle
 * table definition. `cell` gives a row's value of a column (objects as JSON text).
 */
export function unnestOf<R>(
  table: PgTable,
  columns: readonly string[],
  rows: readonly R[],
  cell: (row: R, column: string) => Cell,
  alias: string,
): SQL {
  const byName = new Map(Object.values(getTableColumns(table)).map((c) => [c.name, c]));
  const arrays = columns.map((name) => {
    const column = byName.get(name);
    if (!column) throw new Error(`no column ${name}`);
    return sql`${sql.param(rows.map((r) => cell(r, name)))}::${sql.raw(column.getSQLType())}[]`;
  });
  return sql`unnest(${sql.join(arrays, sql`, `)}) as ${sql.identifier(alias)} (${sql.join(
    columns.map((c) => sql.identifier(c)),
    sql`, `,
  )})`;
}

export const idents = (columns: readonly string[]): SQL =>
  sql.join(
    columns.map((c) => sql.identifier(c)),
    sql`, `,
  );

export function cellOf<R extends object>(row: R, column: string): Cell {
  const v: unknown = (row as Record<string, unknown>)[column];
  if (v === undefined || v === null) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  return JSON.stringify(v);
}

/**
 * `insert into table (c1, …) select * from unnest($1::type1[], …) as alias(c1, …)`: one statement
 * for all the rows, column types from the Drizzle table definition (see unnestOf).
 */
export function unnestInsert<R extends object>(
  table: PgTable,
  columns: readonly (keyof R & string)[],
  rows: readonly R[],
  alias: string,
): SQL {
  return sql`insert into ${table} (${idents(columns)})
    select * from ${unnestOf(table, columns, rows, cellOf, alias)}`;
}

export async function count(database: Database, exec: Executor, query: SQL): Promise<number> {
  const [row] = await database.rows<{ n: number | string }>(query, exec);
  return Number(row?.n ?? 0);
}

async function writeBatch(
  database: Database,
  list: readonly GeneratedTarget[],
): Promise<{ indicators: number; reviews: number }> {
  const targetRows = list.map((t) => t.target);
  const versionRows = list.map((t) => t.version);
  const indicatorRows = list.flatMap((t) => t.indicators);
  const reviewRows = list.flatMap((t) => t.reviews);
  await database.db.transaction(async (tx) => {
    const written = await count(
      database,
      tx,
      sql`with ins as (
        insert into ${targets} (${idents(TARGET_COLUMNS)}, project_id)
        select ${sql.join(
          TARGET_COLUMNS.map((c) => sql`u.${sql.identifier(c)}`),
          sql`, `,
        )}, p.id
        from ${unnestOf(targets, TARGET_COLUMNS, targetRows, cellOf, 'u')}
        join projects p
          on p.mof_div_code = u.mof_div_code and p.fiscal_year = u.fiscal_year and p.pro_code = u.pro_code
        returning 1)
      select count(*) as n from ins`,
    );
    if (written !== targetRows.length) {
      throw new Error(
        `${String(targetRows.length - written)} generated target(s) have no project in the database`,
      );
    }
    await tx.execute(unnestInsert(targetVersions, VERSION_COLUMNS, versionRows, 'v'));
    await tx.execute(unnestInsert(targetIndicators, INDICATOR_COLUMNS, indicatorRows, 'i'));
    if (reviewRows.length > 0) {
      await tx.execute(unnestInsert(targetReviews, REVIEW_COLUMNS, reviewRows, 'r'));
    }
  });
  return { indicators: indicatorRows.length, reviews: reviewRows.length };
}

/**
 * Generate and write the targets of every project of `generated` (whose projects are loaded).
 * A batch is one transaction; a failure leaves the batches before it in place, like load.ts.
 */
export async function loadTargets(
  database: Database,
  generated: GeneratedRegion,
  options: TargetLoadOptions = {},
): Promise<TargetLoadResult> {
  const started = performance.now();
  const size = Math.max(1, Math.min(2500, Math.floor(options.batchSize ?? 1000)));
  let targetCount = 0;
  let indicatorCount = 0;
  let reviewCount = 0;
  for (const batch of targetBatches(generated, size, options.policy)) {
    const list = batch.flatMap((b) => (b.target ? [b.target] : []));
    if (list.length > 0) {
      const written = await writeBatch(database, list);
      indicatorCount += written.indicators;
      reviewCount += written.reviews;
    }
    await options.afterBatch?.(batch);
    targetCount += list.length;
    options.onProgress?.(batch.length);
  }
  return {
    targets: targetCount,
    versions: targetCount,
    indicators: indicatorCount,
    reviews: reviewCount,
    ms: Math.round(performance.now() - started),
  };
}
