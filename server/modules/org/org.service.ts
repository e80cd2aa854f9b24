import type { TOrgTree } from '../../../contracts/api.ts';
import type { Actor } from '../../context.ts';
import type { Database } from '../../db/client.ts';
import { AppError, insertOrTaken, notFound } from '../../errors.ts';
import type { AuditService } from '../audit/index.ts';
import * as repo from './org.repository.ts';

/** Which departments / units of a region the actor sees: all, or those of its scope. */
function orgFilter(
  actor: Actor,
  mof: string,
): { all: true } | { deptCodes: string[]; agencyCodes: string[] } {
  const isOrgAdmin = actor.roles.some((r) => r === 'SYS_ADMIN' || r === 'SEC_ADMIN');
  if (actor.scope.regions.includes(mof) || (isOrgAdmin && actor.scope.orgRegions.includes(mof))) {
    return { all: true };
  }
  const deptCodes = actor.scope.departments.filter((d) => d.mofDivCode === mof).flatMap((d) => d.deptCodes);
  const agencyCodes = actor.scope.units.filter((u) => u.mofDivCode === mof).flatMap((u) => u.agencyCodes);
  return { deptCodes, agencyCodes };
}

/** Regions, departments, budget units, finance sections and fiscal years. */
export function makeOrgService(deps: { database: Database; audit: AuditService }) {
  const db = deps.database.db;

  async function tree(actor: Actor, mof: string | undefined): Promise<TOrgTree> {
    const code = mof ?? actor.mofDivCode;
    if (!actor.scope.orgRegions.includes(code)) throw notFound();
    const regionRows = await repo.findRegions(db, actor.scope.orgRegions);
    const filter = orgFilter(actor, code);
    let departments;
    let agencyRows;
    if ('all' in filter) {
      departments = await repo.findDepartments(db, code);
      agencyRows = await repo.findAgencies(db, code);
    } else {
      agencyRows = await repo.findAgencies(db, code, { agencyCodes: filter.agencyCodes });
      const deptCodes = [...new Set([...filter.deptCodes, ...agencyRows.map((a) => a.deptCode)])];
      departments = await repo.findDepartments(db, code, deptCodes);
      if (filter.deptCodes.length > 0) {
        const more = await repo.findAgencies(db, code, { deptCodes: filter.deptCodes });
        agencyRows = [...new Map([...agencyRows, ...more].map((a) => [a.agencyCode, a])).values()];
      }
    }
    const sections = 'all' in filter ? await repo.findSections(db, code) : [];
    const years = await repo.findFiscalYears(db, [code]);
    return {
      regions: regionRows.map((r) => ({
        mof_div_code: r.mofDivCode,
        name: r.name,
        level: r.level,
        parent_code: r.parentCode,
      })),
      departments: departments.map((d) => ({
        id: d.id,
        mof_div_code: d.mofDivCode,
        dept_code: d.deptCode,
        name: d.name,
        agency_count: d.agencyCount,
        section_code: d.sectionCode,
      })),
      agencies: agencyRows.map((a) => ({
        id: a.id,
        mof_div_code: a.mofDivCode,
        dept_code: a.deptCode,
        agency_code: a.agencyCode,
        name: a.name,
      })),
      sections: sections.map((s) => ({
        id: s.id,
        mof_div_code: s.mofDivCode,
        section_code: s.sectionCode,
        name: s.name,
        dept_codes: s.deptCodes,
      })),
      fiscal_years: years.map((y) => ({ fiscal_year: y.fiscalYear, status: y.status })),
    };
  }

  async function createDepartment(
    actor: Actor,
    input: { mof_div_code: string; dept_code: string; name: string },
  ) {
    if (!actor.scope.orgRegions.includes(input.mof_div_code)) throw notFound();
    return db.transaction(async (tx) => {
      const row = await insertOrTaken(
        repo.insertDepartment(tx, {
          mofDivCode: input.mof_div_code,
          deptCode: input.dept_code,
          name: input.name,
        }),
        'dept_code',
        input.dept_code,
        actor.lang,
      );
      if (!row) throw new Error('insert returned nothing');
      await deps.audit.record(tx, {
        actor,
        entity: 'department',
        entityId: row.id,
        action: 'CREATE',
        after: input,
        mofDivCode: input.mof_div_code,
      });
      return {
        id: row.id,
        mof_div_code: row.mofDivCode,
        dept_code: row.deptCode,
        name: row.name,
        agency_count: 0,
        section_code: null,
      };
    });
  }

  async function createAgency(
    actor: Actor,
    input: { mof_div_code: string; dept_code: string; agency_code: string; name: string },
  ) {
    if (!actor.scope.orgRegions.includes(input.mof_div_code)) throw notFound();
    return db.transaction(async (tx) => {
      const dept = await repo.findDepartment(tx, input.mof_div_code, input.dept_code);
      if (!dept) {
        throw new AppError('REQUEST.INVALID', [
          {
            path: 'dept_code',
            code: 'FIELD.UNKNOWN',
            message: actor.lang === 'en-US' ? 'Unknown department' : '部门不存在',
          },
        ]);
      }
      const row = await insertOrTaken(
        repo.insertAgency(tx, {
          mofDivCode: input.mof_div_code,
          deptCode: input.dept_code,
          agencyCode: input.agency_code,
          name: input.name,
        }),
        'agency_code',
        input.agency_code,
        actor.lang,
      );
      if (!row) throw new Error('insert returned nothing');
      await deps.audit.record(tx, {
        actor,
        entity: 'agency',
        entityId: row.id,
        action: 'CREATE',
        after: input,
        mofDivCode: input.mof_div_code,
      });
      return {
        id: row.id,
        mof_div_code: row.mofDivCode,
        dept_code: row.deptCode,
        agency_code: row.agencyCode,
        name: row.name,
      };
    });
  }

  /** Names of a user's organisation, for /me. */
  async function describe(u: {
    mofDivCode: string;
    deptCode: string | null;
    agencyCode: string | null;
    sectionCode: string | null;
  }) {
    const [region, dept, agency, section] = await Promise.all([
      repo.findRegion(db, u.mofDivCode),
      u.deptCode ? repo.findDepartment(db, u.mofDivCode, u.deptCode) : undefined,
      u.agencyCode ? repo.findAgency(db, u.mofDivCode, u.agencyCode) : undefined,
      u.sectionCode ? repo.findSection(db, u.mofDivCode, u.sectionCode) : undefined,
    ]);
    return {
      mof_div_code: u.mofDivCode,
      region_name: region?.name ?? u.mofDivCode,
      dept_code: u.deptCode,
      dept_name: dept?.name ?? null,
      agency_code: u.agencyCode,
      agency_name: agency?.name ?? null,
      section_code: u.sectionCode,
      section_name: section?.name ?? null,
    };
  }

  async function regionsOf(codes: string[]) {
    const rows = await repo.findRegions(db, codes);
    return rows.map((r) => ({ mof_div_code: r.mofDivCode, name: r.name, level: r.level }));
  }

  async function fiscalYearsOf(codes: string[]) {
    const rows = await repo.findFiscalYears(db, codes);
    return [...new Set(rows.map((r) => r.fiscalYear))];
  }

  return { tree, createDepartment, createAgency, describe, regionsOf, fiscalYearsOf };
}

export type OrgService = ReturnType<typeof makeOrgService>;
