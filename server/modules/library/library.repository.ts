import { and, asc, eq, ilike, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import { loadStarterLibrary } from '../../../domain/library/library.ts';
import type { Executor } from '../../db/client.ts';
import {
  departments,
  fiscalYears,
  libraryIndicators,
  libraryReferenceValues,
  regions,
  targetIndicators,
  targets,
  targetVersions,
} from '../../db/schema.ts';

export type LibraryRow = typeof libraryIndicators.$inferSelect;
export type LibraryInsert = typeof libraryIndicators.$inferInsert;
export type ReferenceValueRow = typeof libraryReferenceValues.$inferSelect;
export type ReferenceValueInsert = typeof libraryReferenceValues.$inferInsert;

/** The rows of a raw query, whichever driver (PGlite or node-postgres) ran it. */
export async function rowsOf<T>(exec: Executor, query: SQL): Promise<T[]> {
  const res: unknown = await exec.execute(query);
  if (Array.isArray(res)) return res as T[];
  if (typeof res === 'object' && res !== null && 'rows' in res && Array.isArray(res.rows)) {
    return res.rows as T[];
  }
  return [];
}

/** A region and every region above it, nearest first. */
export async function regionChain(exec: Executor, code: string): Promise<string[]> {
  if (code === '') return [];
  const rows = await rowsOf<{ code: string }>(
    exec,
    sql`with recursive chain(code, parent, depth) as (
          select ${regions.mofDivCode}, ${regions.parentCode}, 0 from ${regions} where ${regions.mofDivCode} = ${code}
          union all
          select r.mof_div_code, r.parent_code, chain.depth + 1
          from ${regions} r join chain on r.mof_div_code = chain.parent
          where chain.depth < 10
        )
        select code from chain order by depth`,
  );
  const codes = rows.map((r) => r.code);
  return codes.length > 0 ? codes : [code];
}

/** Shipped rows, and rows added by one of the regions. */
export function visibleIn(regionCodes: readonly string[]): SQL {
  return regionCodes.length > 0
    ? (or(isNull(libraryIndicators.mofDivCode), inArray(libraryIndicators.mofDivCode, [...regionCodes])) ??
        sql`false`)
    : isNull(libraryIndicators.mofDivCode);
}

export interface LibraryFilter {
  /** Regions whose own indicators are visible (the actor's region and those above it). */
  visibleRegions: readonly string[];
  q?: string | undefined;
  sector?: string | undefined;
  kpiLv1?: string | undefined;
  kpiLv2?: string | undefined;
  /** A 功能分类 prefix: indicators classified under it, and those classified above it. */
  funcClass?: string | undefined;
  kind?: 'COMMON' | 'INDIVIDUAL' | undefined;
  status?: 'ACTIVE' | 'RETIRED' | undefined;
}

function whereOf(f: LibraryFilter): SQL | undefined {
  const conds: SQL[] = [visibleIn(f.visibleRegions)];
  if (f.q) {
    const like = `%${f.q.replace(/[%_\\]/g, '\\$&')}%`;
    const c = or(
      ilike(libraryIndicators.code, like),
      ilike(libraryIndicators.name, like),
      ilike(libraryIndicators.nameEn, like),
      ilike(libraryIndicators.definition, like),
    );
    if (c) conds.push(c);
  }
  if (f.sector) conds.push(eq(libraryIndicators.sector, f.sector));
  if (f.kpiLv1) conds.push(eq(libraryIndicators.kpiLv1, f.kpiLv1));
  if (f.kpiLv2) conds.push(eq(libraryIndicators.kpiLv2, f.kpiLv2));
  if (f.funcClass) {
    const prefix = f.funcClass.replace(/[%_\\]/g, '\\$&');
    conds.push(
      sql`(${libraryIndicators.funcClass} like ${`${prefix}%`} or ${f.funcClass} like ${libraryIndicators.funcClass} || '%')`,
    );
  }
  if (f.kind) conds.push(eq(libraryIndicators.kind, f.kind));
  if (f.status) conds.push(eq(libraryIndicators.status, f.status));
  return and(...conds);
}

export async function findLibraryPage(
  exec: Executor,
  f: LibraryFilter,
  page: number,
  pageSize: number,
): Promise<{ items: LibraryRow[]; total: number }> {
  const where = whereOf(f);
  const items = await exec
    .select()
    .from(libraryIndicators)
    .where(where)
    .orderBy(asc(libraryIndicators.code))
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  const [c] = await exec
    .select({ n: sql<number>`count(*)` })
    .from(libraryIndicators)
    .where(where);
  return { items, total: Number(c?.n ?? 0) };
}

/** Every row of the filtered list (the library is small: hundreds to a few thousand rows). */
export async function findLibraryAll(exec: Executor, f: LibraryFilter): Promise<LibraryRow[]> {
  return exec.select().from(libraryIndicators).where(whereOf(f)).orderBy(asc(libraryIndicators.code));
}

/** One row if visible in the regions; locked for update inside a transaction when asked. */
export async function findLibraryRow(
  exec: Executor,
  code: string,
  visibleRegions: readonly string[],
  forUpdate = false,
): Promise<LibraryRow | undefined> {
  const q = exec
    .select()
    .from(libraryIndicators)
    .where(and(eq(libraryIndicators.code, code), visibleIn(visibleRegions)));
  const rows = forUpdate ? await q.for('update') : await q;
  return rows[0];
}

/** The rows of the codes whoever owns them, locked (import: what exists decides insert or update). */
export async function findLibraryRowsForUpdate(exec: Executor, codes: readonly string[]) {
  if (codes.length === 0) return [];
  return exec
    .select()
    .from(libraryIndicators)
    .where(inArray(libraryIndicators.code, [...codes]))
    .for('update');
}

/** The rows of the codes, by code, whoever owns them (for other modules: names, units, progress). */
export async function libraryByCodes(
  exec: Executor,
  codes: readonly string[],
): Promise<Map<string, LibraryRow>> {
  if (codes.length === 0) return new Map();
  const rows = await exec
    .select()
    .from(libraryIndicators)
    .where(inArray(libraryIndicators.code, [...new Set(codes)]));
  return new Map(rows.map((r) => [r.code, r]));
}

export async function insertLibraryRows(exec: Executor, values: LibraryInsert[]): Promise<LibraryRow[]> {
  if (values.length === 0) return [];
  return exec.insert(libraryIndicators).values(values).returning();
}

/** Update a row at the expected version; undefined when the version moved on meanwhile. */
export async function updateLibraryRow(
  exec: Executor,
  code: string,
  expectedVersion: number,
  values: Partial<LibraryInsert>,
): Promise<LibraryRow | undefined> {
  const rows = await exec
    .update(libraryIndicators)
    .set({ ...values, version: sql`${libraryIndicators.version} + 1`, updatedAt: new Date() })
    .where(and(eq(libraryIndicators.code, code), eq(libraryIndicators.version, expectedVersion)))
    .returning();
  return rows[0];
}

const num = (v: number | string | bigint | null | undefined): number => Number(v ?? 0);

/**
 * How many targets of a year in the regions carry each indicator: a target counts when its
 * version in force or its newest version has an indicator linked to the library code.
 */
export async function usageCounts(
  exec: Executor,
  codes: readonly string[],
  fiscalYear: string,
  regionCodes: readonly string[],
): Promise<Map<string, number>> {
  if (codes.length === 0 || regionCodes.length === 0) return new Map();
  const rows = await rowsOf<{ code: string; n: number | string | bigint }>(
    exec,
    sql`select ${targetIndicators.libraryCode} as code, count(distinct ${targets.id}) as n
        from ${targets}
        join ${targetVersions} on ${targetVersions.targetId} = ${targets.id}
          and (${targetVersions.versionNo} = ${targets.inForceVersion}
               or ${targetVersions.versionNo} = ${targets.currentVersion})
        join ${targetIndicators} on ${targetIndicators.versionId} = ${targetVersions.id}
        where ${targets.fiscalYear} = ${fiscalYear}
          and ${inArray(targets.mofDivCode, [...regionCodes])}
          and ${inArray(targetIndicators.libraryCode, [...codes])}
        group by ${targetIndicators.libraryCode}`,
  );
  return new Map(rows.map((r) => [r.code, num(r.n)]));
}

export interface SummaryRow {
  count: number;
  min: string | null;
  p25: string | null;
  median: string | null;
  p75: string | null;
  max: string | null;
}

export interface UsageRow {
  fiscalYear: string;
  targets: SummaryRow;
  actuals: SummaryRow;
}

type RawUsage = Record<string, string | number | bigint | null>;

const text = (v: string | number | bigint | null | undefined): string | null =>
  v === null || v === undefined ? null : String(v);

function summaryOf(r: RawUsage, prefix: 't' | 'a'): SummaryRow {
  return {
    count: num(r[`${prefix}_n`]),
    min: text(r[`${prefix}_min`]),
    p25: text(r[`${prefix}_p25`]),
    median: text(r[`${prefix}_p50`]),
    p75: text(r[`${prefix}_p75`]),
    max: text(r[`${prefix}_max`]),
  };
}

/** Quartiles by percentile_cont (linear interpolation), rounded to 4 decimals against float noise. */
function quartiles(column: SQL, prefix: 't' | 'a'): SQL {
  const q = (f: string) =>
    sql`round((percentile_cont(${sql.raw(f)}) within group (order by ${column}::float8))::numeric, 4)::text`;
  return sql`count(${column}) as ${sql.raw(`${prefix}_n`)},
    min(${column})::text as ${sql.raw(`${prefix}_min`)},
    ${q('0.25')} as ${sql.raw(`${prefix}_p25`)},
    ${q('0.5')} as ${sql.raw(`${prefix}_p50`)},
    ${q('0.75')} as ${sql.raw(`${prefix}_p75`)},
    max(${column})::text as ${sql.raw(`${prefix}_max`)}`;
}

/**
 * Per fiscal year, the distribution of the target values and of the full-year actuals of an
 * indicator across the targets of the regions. Each target contributes the indicator rows of one
 * version: the version in force when it carries the indicator, else the newest.
 */
export async function usageDistribution(
  exec: Executor,
  code: string,
  regionCodes: readonly string[],
): Promise<UsageRow[]> {
  if (regionCodes.length === 0) return [];
  const rows = await rowsOf<RawUsage>(
    exec,
    sql`with carrying as (
          select ${targets.id} as target_id, ${targets.fiscalYear} as fiscal_year,
                 ${targetVersions.versionNo} as version_no,
                 coalesce(${targetVersions.versionNo} = ${targets.inForceVersion}, false) as in_force,
                 ${targetIndicators.kpiValNum} as val, ${targetIndicators.finalActual} as actual
          from ${targets}
          join ${targetVersions} on ${targetVersions.targetId} = ${targets.id}
            and (${targetVersions.versionNo} = ${targets.inForceVersion}
                 or ${targetVersions.versionNo} = ${targets.currentVersion})
          join ${targetIndicators} on ${targetIndicators.versionId} = ${targetVersions.id}
          where ${targetIndicators.libraryCode} = ${code} and ${inArray(targets.mofDivCode, [...regionCodes])}
        ),
        chosen as (
          select distinct on (target_id) target_id, version_no from carrying
          order by target_id, in_force desc, version_no desc
        )
        select c.fiscal_year, ${quartiles(sql`c.val`, 't')}, ${quartiles(sql`c.actual`, 'a')}
        from carrying c join chosen h on h.target_id = c.target_id and h.version_no = c.version_no
        group by c.fiscal_year
        order by c.fiscal_year`,
  );
  return rows.map((r) => ({
    fiscalYear: String(r.fiscal_year),
    targets: summaryOf(r, 't'),
    actuals: summaryOf(r, 'a'),
  }));
}

/** Reference values of an indicator: for every region ('') and for the given regions. */
export async function findReferenceValues(
  exec: Executor,
  code: string,
  regionCodes: readonly string[],
): Promise<ReferenceValueRow[]> {
  const where = and(
    eq(libraryReferenceValues.libraryCode, code),
    or(
      eq(libraryReferenceValues.mofDivCode, ''),
      regionCodes.length > 0 ? inArray(libraryReferenceValues.mofDivCode, [...regionCodes]) : sql`false`,
    ),
  );
  return exec
    .select()
    .from(libraryReferenceValues)
    .where(where)
    .orderBy(
      asc(libraryReferenceValues.fiscalYear),
      asc(libraryReferenceValues.kind),
      asc(libraryReferenceValues.mofDivCode),
    );
}

/** Add reference values; a value already present for (code, year, region, kind) is kept. */
export async function insertReferenceValues(exec: Executor, values: ReferenceValueInsert[]): Promise<number> {
  let written = 0;
  for (let i = 0; i < values.length; i += 1000) {
    const rows = await exec
      .insert(libraryReferenceValues)
      .values(values.slice(i, i + 1000))
      .onConflictDoNothing()
      .returning({ id: libraryReferenceValues.id });
    written += rows.length;
  }
  return written;
}

/** The latest fiscal year open in any of the regions. */
export async function latestFiscalYear(
  exec: Executor,
  regionCodes: readonly string[],
): Promise<string | undefined> {
  if (regionCodes.length === 0) return undefined;
  const [r] = await exec
    .select({ y: sql<string | null>`max(${fiscalYears.fiscalYear})` })
    .from(fiscalYears)
    .where(inArray(fiscalYears.mofDivCode, [...regionCodes]));
  return r?.y ?? undefined;
}

export async function departmentExists(exec: Executor, mofDivCode: string, deptCode: string) {
  const rows = await exec
    .select({ id: departments.id })
    .from(departments)
    .where(and(eq(departments.mofDivCode, mofDivCode), eq(departments.deptCode, deptCode)));
  return rows.length > 0;
}

/**
 * Write the shipped library into library_indicators: new codes are inserted, shipped rows whose
 * content changed are updated (version + 1, status kept), rows a region added are never touched.
 * Idempotent: a second run writes nothing. Returns the number of rows inserted or updated.
 */
export async function ensureStarterLibrary(exec: Executor): Promise<number> {
  const entries = loadStarterLibrary();
  const t = libraryIndicators;
  const content = [
    t.name,
    t.nameEn,
    t.definition,
    t.unit,
    t.formula,
    t.sign,
    t.scoringRule,
    t.sector,
    t.funcClass,
    t.kpiLv1,
    t.kpiLv2,
    t.kind,
    t.progress,
    t.validFrom,
    t.validTo,
  ];
  const excluded = (c: (typeof content)[number]) => sql.raw(`excluded."${c.name}"`);
  const set = Object.fromEntries(
    (
      [
        ['name', t.name],
        ['nameEn', t.nameEn],
        ['definition', t.definition],
        ['unit', t.unit],
        ['formula', t.formula],
        ['sign', t.sign],
        ['scoringRule', t.scoringRule],
        ['sector', t.sector],
        ['funcClass', t.funcClass],
        ['kpiLv1', t.kpiLv1],
        ['kpiLv2', t.kpiLv2],
        ['kind', t.kind],
        ['progress', t.progress],
        ['validFrom', t.validFrom],
        ['validTo', t.validTo],
      ] as const
    ).map(([key, col]) => [key, excluded(col)]),
  );
  const mine = sql.join(
    content.map((c) => sql`${c}`),
    sql`, `,
  );
  const theirs = sql.join(content.map(excluded), sql`, `);
  const rows = await exec
    .insert(t)
    .values(
      entries.map((e) => ({
        code: e.code,
        mofDivCode: null,
        name: e.name,
        nameEn: e.name_en,
        definition: e.definition,
        unit: e.unit,
        formula: e.formula,
        sign: e.sign,
        scoringRule: e.scoring_rule,
        sector: e.sector,
        funcClass: e.func_class,
        kpiLv1: e.kpi_lv1,
        kpiLv2: e.kpi_lv2,
        kind: e.kind,
        progress: e.progress,
        validFrom: e.valid_from,
        validTo: e.valid_to,
      })),
    )
    .onConflictDoUpdate({
      target: t.code,
      set: { ...set, version: sql`${t.version} + 1`, updatedAt: sql`now()` },
      setWhere: sql`${t.mofDivCode} is null and (${mine}) is distinct from (${theirs})`,
    })
    .returning({ code: t.code });
  return rows.length;
}
