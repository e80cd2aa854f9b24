import type { TCoreIndicator } from '../../../contracts/library.ts';
import type { CoreRequirement } from '../../../domain/targets/check-target.ts';
import type { ProgressKind } from '../../../domain/targets/indicator.ts';
import type { Actor } from '../../context.ts';
import type { Database, Executor } from '../../db/client.ts';
import { AppError, insertOrTaken, notFound } from '../../errors.ts';
import type { AuditService } from '../audit/index.ts';
import { scopeRegions } from '../identity/index.ts';
import * as coreRepo from './core-indicators.repository.ts';
import * as repo from './library.repository.ts';

/** What a project must carry for a core indicator: the locked fields and where it sits in the tree. */
export type CoreIndicatorRequirement = CoreRequirement & {
  kpi_lv1: string;
  kpi_lv2: string;
  progress: ProgressKind;
};

/**
 * The core indicators (核心指标) a project must carry: those pushed down for its fiscal year by
 * its region or a region above it, whose 功能分类 prefix covers the project's classification
 * ('' = every project) and whose department is the project's or unset; only active library
 * indicators valid in that year. The name, sign and unit are the library's (locked in the target).
 */
export async function coreRequirementsFor(
  exec: Executor,
  q: { mofDivCode: string; fiscalYear: string; funcClass: string | null; deptCode: string | null },
): Promise<CoreIndicatorRequirement[]> {
  const rows = await coreRepo.findCoreLibraryRows(exec, {
    regionCodes: await repo.regionChain(exec, q.mofDivCode),
    fiscalYear: q.fiscalYear,
    funcClass: q.funcClass,
    deptCode: q.deptCode,
  });
  return rows.map((r) => ({
    library_code: r.code,
    kpi_lv3: r.name,
    computesign: r.sign,
    meterunit: r.unit,
    kpi_lv1: r.kpi_lv1,
    kpi_lv2: r.kpi_lv2,
    progress: r.progress,
  }));
}

function toDto(r: coreRepo.CoreIndicatorRow, name: string | null): TCoreIndicator {
  return {
    id: r.id,
    mof_div_code: r.mofDivCode,
    fiscal_year: r.fiscalYear,
    library_code: r.libraryCode,
    name: name ?? r.libraryCode,
    func_class_prefix: r.funcClassPrefix,
    dept_code: r.deptCode,
    created_at: r.createdAt.toISOString(),
  };
}

function fieldError(path: string, zh: string, en: string, lang: Actor['lang']): AppError {
  return new AppError('REQUEST.INVALID', [
    { path, code: 'FIELD.INVALID', message: lang === 'en-US' ? en : zh },
  ]);
}

/**
 * Core indicators per region and year: read by everyone who sees the region, pushed down and
 * removed by the performance office of the region (or of a region above it), audited.
 */
export function makeCoreIndicatorsService(deps: { database: Database; audit: AuditService }) {
  const db = deps.database.db;

  async function canRead(actor: Actor, mof: string): Promise<boolean> {
    if (scopeRegions(actor.scope).includes(mof)) return true;
    return (await repo.regionChain(db, actor.mofDivCode)).includes(mof);
  }

  /** The core indicators of a region and year, with those pushed down from the regions above. */
  async function list(actor: Actor, mof: string, fiscalYear: string) {
    if (!(await canRead(actor, mof))) throw notFound();
    const rows = await coreRepo.findCoreIndicators(db, await repo.regionChain(db, mof), fiscalYear);
    return { items: rows.map((r) => toDto(r, r.name)) };
  }

  async function create(
    actor: Actor,
    input: {
      mof_div_code: string;
      fiscal_year: string;
      library_code: string;
      func_class_prefix: string;
      dept_code: string | null;
    },
  ): Promise<TCoreIndicator> {
    const mof = input.mof_div_code;
    if (!(await canRead(actor, mof))) throw notFound();
    if (!actor.scope.regions.includes(mof)) throw new AppError('AUTH.FORBIDDEN');
    const lang = actor.lang;
    const library = await repo.findLibraryRow(db, input.library_code, await repo.regionChain(db, mof));
    if (!library || library.status !== 'ACTIVE') {
      throw fieldError(
        'library_code',
        `指标库中没有可用的指标「${input.library_code}」`,
        `No active library indicator "${input.library_code}"`,
        lang,
      );
    }
    const dept = input.dept_code?.trim() || null;
    if (dept !== null && !(await repo.departmentExists(db, mof, dept))) {
      throw fieldError(
        'dept_code',
        `本区划没有部门「${dept}」`,
        `No department "${dept}" in this region`,
        lang,
      );
    }
    const row = await db.transaction(async (tx) => {
      const inserted = await insertOrTaken(
        coreRepo.insertCoreIndicator(tx, {
          mofDivCode: mof,
          fiscalYear: input.fiscal_year,
          libraryCode: library.code,
          funcClassPrefix: input.func_class_prefix,
          deptCode: dept,
          createdBy: actor.userId,
        }),
        'library_code',
        `${library.code} ${input.func_class_prefix}`.trim(),
        lang,
      );
      if (!inserted) throw new Error('insert returned no row');
      await deps.audit.record(tx, {
        actor,
        entity: 'core_indicator',
        entityId: inserted.id,
        action: 'CREATE',
        after: toDto(inserted, library.name),
        mofDivCode: mof,
      });
      return inserted;
    });
    return toDto(row, library.name);
  }

  async function remove(actor: Actor, id: string): Promise<void> {
    const row = await coreRepo.findCoreIndicator(db, id);
    if (!row || !(await canRead(actor, row.mofDivCode))) throw notFound();
    if (!actor.scope.regions.includes(row.mofDivCode)) throw new AppError('AUTH.FORBIDDEN');
    await db.transaction(async (tx) => {
      await coreRepo.deleteCoreIndicator(tx, id);
      await deps.audit.record(tx, {
        actor,
        entity: 'core_indicator',
        entityId: id,
        action: 'DELETE',
        before: toDto(row, null),
        mofDivCode: row.mofDivCode,
      });
    });
  }

  /** The core requirements of a project (see coreRequirementsFor). */
  function requirementsFor(q: Parameters<typeof coreRequirementsFor>[1]) {
    return coreRequirementsFor(db, q);
  }

  return { list, create, remove, requirementsFor };
}

export type CoreIndicatorsService = ReturnType<typeof makeCoreIndicatorsService>;
