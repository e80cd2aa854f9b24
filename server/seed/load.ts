/**
 * Writes a generated region (generate.ts) into the database in batches of multi-row INSERTs
 * through Drizzle — the same code on PGlite and PostgreSQL (projects by default as
 * INSERT … SELECT FROM unnest(arrays), see LoadOptions.method) — then its targets (targets-load.ts)
 * with their payments and monitoring round (monitoring-load.ts). Each batch is one statement or
 * one transaction, so short; a failure leaves the batches before it in place (the generator's data is
 * disposable: drop the database or the region's rows and load again).
 *
 * Regions and fiscal years already present are kept (ON CONFLICT DO NOTHING: the ancestors of a
 * county may exist already); a data region that already has departments or projects is refused
 * before anything is written (see existingDataRegions).
 */
import { getTableColumns, inArray, sql, type SQL } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Database } from '../db/client.ts';
import {
  agencies,
  departments,
  fiscalYears,
  projects,
  regions,
  sectionDepartments,
  sections,
} from '../db/schema.ts';
import type {
  AgencyRow,
  DepartmentRow,
  FiscalYearRow,
  GeneratedRegion,
  ProjectRow,
  RegionRow,
  SectionDepartmentRow,
  SectionRow,
} from './generate.ts';
import { MonitoringLoader, type MonitoringLoadResult } from './monitoring-load.ts';
import { monitoringEnabled } from './monitoring.ts';
import { loadTargets } from './targets-load.ts';

export interface LoadOptions {
  /** Called after every batch with the rows written so far and the total to write. */
  onProgress?(done: number, total: number): void;
  /** Rows per INSERT (default 1000, at most 2500). */
  batchSize?: number;
  /**
   * How projects are inserted: 'unnest' (default) sends one array parameter per column —
   * INSERT … SELECT * FROM unnest($1::text[], …) — which is ~10× faster than 'values', the
   * plain Drizzle multi-row INSERT … VALUES (…), (…) with one parameter per cell. Same result.
   */
  method?: 'unnest' | 'values';
}

export interface LoadResult {
  regions: number;
  departments: number;
  agencies: number;
  sections: number;
  sectionDepartments: number;
  fiscalYears: number;
  projects: number;
  /** Generated targets (each with one version) and their indicators (targets-load.ts). */
  targets: number;
  targetIndicators: number;
  /** Payments, the monitoring round of each region, its reports and dispositions (monitoring-load.ts). */
  monitoring: MonitoringLoadResult | null;
  /** All rows handled (= the last onProgress `done`); regions/fiscal years already present count too. */
  total: number;
  ms: number;
}

export class SeedConflictError extends Error {
  readonly regions: readonly string[];
  constructor(codes: readonly string[]) {
    super(`region(s) ${codes.join(', ')} already hold departments or projects; not loading over them`);
    this.name = 'SeedConflictError';
    this.regions = codes;
  }
}

/** The number of rows loadGenerated writes (the `total` of onProgress). */
export function totalRows(g: GeneratedRegion): number {
  return (
    g.regions.length +
    g.departments.length +
    g.agencies.length +
    g.sections.length +
    g.sectionDepartments.length +
    g.fiscalYears.length +
    g.projectCount +
    // then one step per project for its target (or none), and one for its monitoring data
    (g.targets?.enabled === false ? 0 : g.projectCount) +
    (monitoringEnabled(g) ? g.projectCount : 0)
  );
}

/** The generated data regions that already have departments or projects in the database. */
export async function existingDataRegions(database: Database, g: GeneratedRegion): Promise<string[]> {
  const codes = g.dataRegions;
  const found = new Set<string>();
  for (let i = 0; i < codes.length; i += 500) {
    const chunk = codes.slice(i, i + 500);
    const rows = await database.rows<{ code: string }>(sql`
      select distinct mof_div_code as code from ${departments} where ${inArray(departments.mofDivCode, chunk)}
      union
      select distinct mof_div_code as code from ${projects} where ${inArray(projects.mofDivCode, chunk)}`);
    for (const r of rows) found.add(r.code);
  }
  return codes.filter((c) => found.has(c));
}

const regionValues = (r: RegionRow) => ({
  mofDivCode: r.mof_div_code,
  name: r.name,
  level: r.level,
  parentCode: r.parent_code,
});

const fiscalYearValues = (r: FiscalYearRow) => ({
  mofDivCode: r.mof_div_code,
  fiscalYear: r.fiscal_year,
  status: r.status,
});

const departmentValues = (r: DepartmentRow) => ({
  mofDivCode: r.mof_div_code,
  deptCode: r.dept_code,
  name: r.name,
});

const agencyValues = (r: AgencyRow) => ({
  mofDivCode: r.mof_div_code,
  deptCode: r.dept_code,
  agencyCode: r.agency_code,
  name: r.name,
});

const sectionValues = (r: SectionRow) => ({
  mofDivCode: r.mof_div_code,
  sectionCode: r.section_code,
  name: r.name,
});

const sectionDepartmentValues = (r: SectionDepartmentRow) => ({
  mofDivCode: r.mof_div_code,
  sectionCode: r.section_code,
  deptCode: r.dept_code,
});

const projectValues = (p: ProjectRow) => ({
  mofDivCode: p.mof_div_code,
  fiscalYear: p.fiscal_year,
  proCode: p.pro_code,
  proName: p.pro_name,
  agencyCode: p.agency_code,
  deptCode: p.dept_code,
  budgetKind: p.budget_kind,
  isInvestmentFund: p.is_investment_fund,
  isDebt: p.is_debt,
  isPpp: p.is_ppp,
  isPurchasedService: p.is_purchased_service,
  funcClass: p.func_class,
  amount: p.amount,
  amountCurrent: p.amount_current,
  amountCarryOver: p.amount_carry_over,
  amountTransfer: p.amount_transfer,
  amountOther: p.amount_other,
  isNew: p.is_new,
  startYear: p.start_year,
  endYear: p.end_year,
  parentProCode: p.parent_pro_code,
  subMofCode: p.sub_mof_code,
});

/** The project columns written (the keys of ProjectRow, = SQL column names). */
const PROJECT_COLUMNS = [
  'mof_div_code',
  'fiscal_year',
  'pro_code',
  'pro_name',
  'agency_code',
  'dept_code',
  'budget_kind',
  'is_investment_fund',
  'is_debt',
  'is_ppp',
  'is_purchased_service',
  'func_class',
  'amount',
  'amount_current',
  'amount_carry_over',
  'amount_transfer',
  'amount_other',
  'is_new',
  'start_year',
  'end_year',
  'parent_pro_code',
  'sub_mof_code',
] as const satisfies readonly (keyof ProjectRow)[];

/**
 * INSERT INTO table (c1, …) SELECT * FROM unnest($1::type1[], …): one array parameter per
 * column, typed from the Drizzle table definition (works on node-postgres and PGlite alike).
 */
function unnestInsert<R extends object>(
  table: PgTable,
  columns: readonly (keyof R & string)[],
  rows: readonly R[],
): SQL {
  const byName = new Map(Object.values(getTableColumns(table)).map((c) => [c.name, c]));
  const arrays = columns.map((name) => {
    const column = byName.get(name);
    if (!column) throw new Error(`no column ${name}`);
    const values = rows.map((r) => r[name] ?? null);
    return sql`${sql.param(values)}::${sql.raw(column.getSQLType())}[]`;
  });
  return sql`insert into ${table} (${sql.join(
    columns.map((c) => sql.identifier(c)),
    sql`, `,
  )}) select * from unnest(${sql.join(arrays, sql`, `)})`;
}

function* chunks<T>(rows: Iterable<T>, size: number): Generator<T[], void, undefined> {
  let batch: T[] = [];
  for (const r of rows) {
    batch.push(r);
    if (batch.length >= size) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}

/**
 * Load everything of `generated` into the database: regions, fiscal years, departments, units,
 * finance sections and their departments, then the project stream. Throws SeedConflictError
 * (before writing) when a data region already holds departments or projects.
 */
export async function loadGenerated(
  database: Database,
  generated: GeneratedRegion,
  options: LoadOptions = {},
): Promise<LoadResult> {
  const started = performance.now();
  const size = Math.max(1, Math.min(2500, Math.floor(options.batchSize ?? 1000)));
  const total = totalRows(generated);
  const conflicts = await existingDataRegions(database, generated);
  if (conflicts.length > 0) throw new SeedConflictError(conflicts);

  const db = database.db;
  let done = 0;
  const progress = (n: number): void => {
    done += n;
    options.onProgress?.(done, total);
  };

  for (const b of chunks(generated.regions, size)) {
    await db.insert(regions).values(b.map(regionValues)).onConflictDoNothing();
    progress(b.length);
  }
  for (const b of chunks(generated.fiscalYears, size)) {
    await db.insert(fiscalYears).values(b.map(fiscalYearValues)).onConflictDoNothing();
    progress(b.length);
  }
  for (const b of chunks(generated.departments, size)) {
    await db.insert(departments).values(b.map(departmentValues));
    progress(b.length);
  }
  for (const b of chunks(generated.agencies, size)) {
    await db.insert(agencies).values(b.map(agencyValues));
    progress(b.length);
  }
  for (const b of chunks(generated.sections, size)) {
    await db.insert(sections).values(b.map(sectionValues));
    progress(b.length);
  }
  for (const b of chunks(generated.sectionDepartments, size)) {
    await db.insert(sectionDepartments).values(b.map(sectionDepartmentValues));
    progress(b.length);
  }
  let projectRows = 0;
  for (const b of chunks(generated.projects(), size)) {
    if (options.method === 'values') await db.insert(projects).values(b.map(projectValues));
    else await db.execute(unnestInsert<ProjectRow>(projects, PROJECT_COLUMNS, b));
    projectRows += b.length;
    progress(b.length);
  }
  const monitoring = monitoringEnabled(generated) ? new MonitoringLoader(database, generated) : null;
  await monitoring?.begin();
  const loadedTargets =
    generated.targets?.enabled === false
      ? null
      : await loadTargets(database, generated, {
          batchSize: size,
          onProgress: progress,
          ...(monitoring && {
            afterBatch: async (batch) => {
              await monitoring.write(batch);
              progress(batch.length);
            },
          }),
        });

  return {
    regions: generated.regions.length,
    departments: generated.departments.length,
    agencies: generated.agencies.length,
    sections: generated.sections.length,
    sectionDepartments: generated.sectionDepartments.length,
    fiscalYears: generated.fiscalYears.length,
    projects: projectRows,
    targets: loadedTargets?.targets ?? 0,
    targetIndicators: loadedTargets?.indicators ?? 0,
    monitoring: monitoring?.result ?? null,
    total: done,
    ms: Math.round(performance.now() - started),
  };
}
