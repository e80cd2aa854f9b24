import { Decimal } from 'decimal.js';
import type { FieldIssue } from '../../../contracts/errors.ts';
import type {
  TLibraryDetail,
  TLibraryImportIssue,
  TLibraryImportResult,
  TLibraryIndicator,
  TLibraryIndicatorInput,
  TLibraryQuery,
} from '../../../contracts/library.ts';
import { libraryIssueMessage } from '../../../contracts/library-issues.ts';
import { SECTORS } from '../../../contracts/library.ts';
import { checkLibraryIndicator, LIBRARY_FIELDS } from '../../../domain/library/check-indicator.ts';
import { LV1_CODES } from '../../../domain/targets/framework.ts';
import { SIGNS } from '../../../domain/targets/indicator.ts';
import { hasPermission, type Actor } from '../../context.ts';
import type { Database, Executor } from '../../db/client.ts';
import { AppError, insertOrTaken, notFound } from '../../errors.ts';
import type { AuditService } from '../audit/index.ts';
import { scopeRegions } from '../identity/index.ts';
import { readLibraryWorkbook, type ImportIssue } from './library.excel.ts';
import * as repo from './library.repository.ts';

function oneOf<T extends string>(values: readonly T[], v: string, fallback: T): T {
  return values.find((x) => x === v) ?? fallback;
}

/** The fields of a stored row as the API names them (without usage). */
export function libraryFields(r: repo.LibraryRow): Omit<TLibraryIndicator, 'usage_count'> {
  return {
    code: r.code,
    name: r.name,
    name_en: r.nameEn,
    definition: r.definition,
    unit: r.unit,
    formula: r.formula,
    sign: oneOf(SIGNS, r.sign, 'OTHER'),
    scoring_rule: r.scoringRule,
    sector: oneOf(SECTORS, r.sector, 'GENERAL'),
    func_class: r.funcClass,
    kpi_lv1: oneOf(LV1_CODES, r.kpiLv1, 'OUTPUT'),
    kpi_lv2: r.kpiLv2,
    kind: r.kind,
    progress: r.progress,
    valid_from: r.validFrom,
    valid_to: r.validTo,
    status: r.status,
    version: r.version,
    mof_div_code: r.mofDivCode,
  };
}

function columnsOf(v: TLibraryIndicatorInput) {
  return {
    name: v.name,
    nameEn: v.name_en,
    definition: v.definition,
    unit: v.unit,
    formula: v.formula,
    sign: v.sign,
    scoringRule: v.scoring_rule,
    sector: v.sector,
    funcClass: v.func_class,
    kpiLv1: v.kpi_lv1,
    kpiLv2: v.kpi_lv2,
    kind: v.kind,
    progress: v.progress,
    validFrom: v.valid_from,
    validTo: v.valid_to,
  };
}

/** Whether a stored row already holds exactly these values. */
function sameContent(r: repo.LibraryRow, v: TLibraryIndicatorInput, status: 'ACTIVE' | 'RETIRED' | null) {
  const stored = libraryFields(r);
  return LIBRARY_FIELDS.every((f) => stored[f] === v[f]) && (status === null || status === r.status);
}

/** A decimal text without trailing zeros (percentile_cont comes back rounded to 4 decimals). */
function plainDecimal(v: string | null): string | null {
  return v === null ? null : new Decimal(v).toFixed();
}

function invalidIndicator(input: unknown, lang: Actor['lang']): AppError | null {
  const r = checkLibraryIndicator(input);
  if (r.ok) return null;
  const issues: FieldIssue[] = r.issues.map((i) => ({
    path: i.field === null ? 'indicator' : `indicator.${i.field}`,
    code: i.code,
    message: libraryIssueMessage(i, lang),
  }));
  return new AppError('REQUEST.INVALID', issues);
}

function importIssueDto(i: ImportIssue, lang: Actor['lang']): TLibraryImportIssue {
  return {
    path: i.field ?? '',
    code: i.code,
    message: libraryIssueMessage(i, lang),
    row: i.row,
    column: i.column,
    field: i.field,
  };
}

export type SaveInput = {
  version: number;
  indicator: TLibraryIndicatorInput;
  status?: 'ACTIVE' | 'RETIRED' | undefined;
};

/**
 * The indicator library: shipped rows and rows added by regions, read by everyone with
 * library:read (shipped rows and those of the actor's region and the regions above it), written
 * by the performance office of the owning region with an optimistic version; usage and the
 * distribution of targets and actuals come from the targets of the actor's scope. Every write is
 * audited in its transaction.
 */
export function makeLibraryService(deps: { database: Database; audit: AuditService }) {
  const db = deps.database.db;

  /** Regions whose own indicators the actor sees: its region and those above it. */
  const visibleRegions = (actor: Actor) => repo.regionChain(db, actor.mofDivCode);

  async function yearOf(actor: Actor, fiscalYear: string | undefined): Promise<string | undefined> {
    return fiscalYear ?? (await repo.latestFiscalYear(db, scopeRegions(actor.scope)));
  }

  async function filterOf(actor: Actor, q: Omit<TLibraryQuery, 'page' | 'page_size'>) {
    const f: repo.LibraryFilter = {
      visibleRegions: await visibleRegions(actor),
      q: q.q?.trim() || undefined,
      sector: q.sector,
      kpiLv1: q.kpi_lv1,
      kpiLv2: q.kpi_lv2,
      funcClass: q.func_class?.trim() || undefined,
      kind: q.kind,
      status: q.status,
    };
    return f;
  }

  async function withUsage(actor: Actor, rows: repo.LibraryRow[], fiscalYear: string | undefined) {
    const year = await yearOf(actor, fiscalYear);
    const counts = year
      ? await repo.usageCounts(
          db,
          rows.map((r) => r.code),
          year,
          scopeRegions(actor.scope),
        )
      : new Map<string, number>();
    return rows.map((r): TLibraryIndicator => ({
      ...libraryFields(r),
      usage_count: counts.get(r.code) ?? 0,
    }));
  }

  async function list(actor: Actor, q: TLibraryQuery) {
    const { items, total } = await repo.findLibraryPage(db, await filterOf(actor, q), q.page, q.page_size);
    return { items: await withUsage(actor, items, q.fiscal_year), total };
  }

  /** The whole filtered list (export); export:data or library:manage is needed on top of library:read. */
  async function exportList(actor: Actor, q: Omit<TLibraryQuery, 'page' | 'page_size'>) {
    if (!hasPermission(actor, 'export:data') && !hasPermission(actor, 'library:manage')) {
      throw new AppError('AUTH.FORBIDDEN');
    }
    const rows = await repo.findLibraryAll(db, await filterOf(actor, q));
    return withUsage(actor, rows, q.fiscal_year);
  }

  async function detail(actor: Actor, code: string, fiscalYear?: string): Promise<TLibraryDetail> {
    const chain = await visibleRegions(actor);
    const row = await repo.findLibraryRow(db, code, chain);
    if (!row) throw notFound();
    const [indicator] = await withUsage(actor, [row], fiscalYear);
    if (!indicator) throw notFound();
    const statsRegions = scopeRegions(actor.scope);
    const refRegions = [...new Set([...chain, ...statsRegions])];
    const refs = await repo.findReferenceValues(db, code, refRegions);
    const usage = await repo.usageDistribution(db, code, statsRegions);
    const summary = (s: repo.SummaryRow) => ({
      count: s.count,
      min: plainDecimal(s.min),
      p25: plainDecimal(s.p25),
      median: plainDecimal(s.median),
      p75: plainDecimal(s.p75),
      max: plainDecimal(s.max),
    });
    return {
      indicator,
      reference_values: refs.map((r) => ({
        fiscal_year: r.fiscalYear,
        mof_div_code: r.mofDivCode,
        kind: r.kind,
        value: new Decimal(r.value).toFixed(),
        note: r.note,
        is_synthetic: r.isSynthetic,
      })),
      usage: usage.map((u) => ({
        fiscal_year: u.fiscalYear,
        targets: summary(u.targets),
        actuals: summary(u.actuals),
      })),
    };
  }

  function auditView(r: repo.LibraryRow) {
    return libraryFields(r);
  }

  /** Add an indicator of the actor's region. */
  async function create(actor: Actor, input: SaveInput): Promise<TLibraryIndicator> {
    const bad = invalidIndicator(input.indicator, actor.lang);
    if (bad) throw bad;
    const v = input.indicator;
    const row = await db.transaction(async (tx) => {
      const [inserted] = await insertOrTaken(
        repo.insertLibraryRows(tx, [
          {
            code: v.code,
            mofDivCode: actor.mofDivCode,
            ...columnsOf(v),
            status: input.status ?? 'ACTIVE',
          },
        ]),
        'indicator.code',
        v.code,
        actor.lang,
      );
      if (!inserted) throw new Error('insert returned no row');
      await deps.audit.record(tx, {
        actor,
        entity: 'library_indicator',
        entityId: inserted.code,
        action: 'CREATE',
        after: auditView(inserted),
        mofDivCode: actor.mofDivCode,
      });
      return inserted;
    });
    return { ...libraryFields(row), usage_count: 0 };
  }

  /** Change, retire or reactivate an indicator of the actor's region (409 on a stale version). */
  async function update(actor: Actor, code: string, input: SaveInput): Promise<TLibraryIndicator> {
    if (input.indicator.code !== code) {
      throw new AppError('REQUEST.INVALID', [
        {
          path: 'indicator.code',
          code: 'FIELD.INCONSISTENT',
          message:
            actor.lang === 'en-US'
              ? 'The code of an indicator cannot be changed'
              : '指标编码不能修改（应与地址中的编码一致）',
        },
      ]);
    }
    const bad = invalidIndicator(input.indicator, actor.lang);
    if (bad) throw bad;
    const chain = await visibleRegions(actor);
    const row = await db.transaction(async (tx) => {
      const current = await repo.findLibraryRow(tx, code, chain, true);
      if (!current) throw notFound();
      if (current.mofDivCode !== actor.mofDivCode) throw new AppError('LIBRARY.READ_ONLY');
      if (current.version !== input.version) throw new AppError('LIBRARY.STALE_VERSION');
      const updated = await repo.updateLibraryRow(tx, code, input.version, {
        ...columnsOf(input.indicator),
        ...(input.status ? { status: input.status } : {}),
      });
      if (!updated) throw new AppError('LIBRARY.STALE_VERSION');
      await deps.audit.record(tx, {
        actor,
        entity: 'library_indicator',
        entityId: code,
        action: 'UPDATE',
        before: auditView(current),
        after: auditView(updated),
        mofDivCode: actor.mofDivCode,
      });
      return updated;
    });
    const [dto] = await withUsage(actor, [row], undefined);
    return dto ?? { ...libraryFields(row), usage_count: 0 };
  }

  /**
   * Import a workbook: every row is checked first; then, in one transaction, new codes are added
   * to the actor's region, rows of the region are updated, rows that already hold the same values
   * are left alone, and a different value for a shipped or higher-level code is an error. Any
   * error: 400 LIBRARY.IMPORT_INVALID with all of them, and nothing written.
   */
  async function importWorkbook(actor: Actor, file: Buffer): Promise<TLibraryImportResult> {
    const read = await readLibraryWorkbook(file);
    const fail = (issues: ImportIssue[]) =>
      new AppError(
        'LIBRARY.IMPORT_INVALID',
        issues.map((i) => importIssueDto(i, actor.lang)),
      );
    if (!read.ok) throw fail(read.issues);
    return db.transaction(async (tx) => {
      const existing = new Map(
        (
          await repo.findLibraryRowsForUpdate(
            tx,
            read.rows.map((r) => r.value.code),
          )
        ).map((r) => [r.code, r]),
      );
      const issues: ImportIssue[] = [];
      const inserts: repo.LibraryInsert[] = [];
      const updates: { row: repo.LibraryRow; input: (typeof read.rows)[number] }[] = [];
      let unchanged = 0;
      for (const r of read.rows) {
        const cur = existing.get(r.value.code);
        if (!cur) {
          inserts.push({
            code: r.value.code,
            mofDivCode: actor.mofDivCode,
            ...columnsOf(r.value),
            status: r.status ?? 'ACTIVE',
          });
        } else if (sameContent(cur, r.value, r.status)) {
          unchanged++;
        } else if (cur.mofDivCode === actor.mofDivCode) {
          updates.push({ row: cur, input: r });
        } else {
          issues.push({
            field: 'code',
            code: 'LIBRARY.CODE_TAKEN',
            params: { code: r.value.code },
            row: r.row,
            column: null,
          });
        }
      }
      if (issues.length > 0) throw fail(issues);
      await repo.insertLibraryRows(tx, inserts);
      const before: Record<string, unknown> = {};
      for (const u of updates) {
        const done = await repo.updateLibraryRow(tx, u.row.code, u.row.version, {
          ...columnsOf(u.input.value),
          ...(u.input.status ? { status: u.input.status } : {}),
        });
        if (!done) throw new AppError('LIBRARY.STALE_VERSION');
        before[u.row.code] = auditView(u.row);
      }
      const result = { created: inserts.length, updated: updates.length, unchanged };
      await deps.audit.record(tx, {
        actor,
        entity: 'library_indicator',
        entityId: null,
        action: 'IMPORT',
        before,
        after: {
          ...result,
          created_codes: inserts.map((i) => i.code),
          updated_codes: updates.map((u) => u.row.code),
        },
        mofDivCode: actor.mofDivCode,
      });
      return result;
    });
  }

  return { list, exportList, detail, create, update, importWorkbook };
}

export type LibraryService = ReturnType<typeof makeLibraryService>;

/** Rows by code for other modules (no scope: the caller decides what it shows). */
export async function libraryByCodes(exec: Executor, codes: readonly string[]) {
  const rows = await repo.libraryByCodes(exec, codes);
  return new Map([...rows].map(([code, r]) => [code, libraryFields(r)]));
}
