/**
 * The demo region: one county (360121 云溪县, 青山市, 江南省 — the region of the worked example in
 * domain.md §12 / exchange-format.md), fiscal years 2025 and 2026, a fixed seed; and the demo
 * accounts with the organisation each is attached to. The identity module writes the user rows;
 * this file only provides the data.
 */
import type { Role } from '../../contracts/permissions.ts';
import { deptByKey } from './names.ts';
import { generateRegion, type GeneratedRegion, type Scale } from './generate.ts';
import type { UnitRef } from './targets.ts';

export const DEMO_SCALE: Scale = 'county';
export const DEMO_SEED = 2026;
export const DEMO_ROOT_CODE = '360121';
export const DEMO_CURRENT_YEAR = '2026';
/** The previous and the current fiscal year (2027 is not generated). */
export const DEMO_YEARS: readonly string[] = ['2025', '2026'];

/** Project codes kept free in the demo: the worked example of exchange-format.md (乡村教师培训). */
export const DEMO_RESERVED_PRO_CODES: readonly string[] = ['360121260001'];

/**
 * Everything generateRegion needs for the demo region. Pass all of it: without rootCode the
 * county is drawn from the seed (and is not 360121).
 */
export const DEMO_OPTIONS = {
  scale: DEMO_SCALE,
  seed: DEMO_SEED,
  fiscalYears: DEMO_YEARS,
  rootCode: DEMO_ROOT_CODE,
  reservedProCodes: DEMO_RESERVED_PRO_CODES,
  targets: { freeUnits: demoPreparerUnits },
} as const;

/**
 * The units of the demo preparers ('unit', 'unit2'): about half of their projects of the newest
 * year get no generated target, so that the demo declares them in the UI (continuing projects
 * with difficulty flags first); the others are approved, so that the demo reports on them in
 * monitoring. Their projects get no disposition in the generated monitoring round.
 */
function demoPreparerUnits(generated: GeneratedRegion): UnitRef[] {
  const orgs = resolveDemoOrg(generated);
  return [orgs.unit, orgs.unit2].flatMap((o) =>
    o.agency_code ? [{ mof_div_code: o.mof_div_code, agency_code: o.agency_code }] : [],
  );
}

/** The demo region's data (deterministic). */
export function generateDemo(): GeneratedRegion {
  return generateRegion(DEMO_OPTIONS);
}

/** What a demo account is attached to; resolveDemoOrg gives the concrete codes. */
export type DemoOrgKind = 'region' | 'dept' | 'unit' | 'unit2' | 'section';

export interface DemoAccount {
  username: string;
  display_name: string;
  roles: Role[];
  org: DemoOrgKind;
}

export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  { username: 'admin', display_name: '系统管理员', roles: ['SYS_ADMIN'], org: 'region' },
  { username: 'security', display_name: '安全保密管理员', roles: ['SEC_ADMIN'], org: 'region' },
  { username: 'auditor', display_name: '安全审计员', roles: ['AUDIT_ADMIN'], org: 'region' },
  { username: 'finance', display_name: '周敏', roles: ['PERF_OFFICE'], org: 'region' },
  { username: 'section', display_name: '陈刚', roles: ['SECTION_REVIEWER'], org: 'section' },
  { username: 'dept', display_name: '刘洋', roles: ['DEPT_REVIEWER'], org: 'dept' },
  { username: 'leader', display_name: '王芳', roles: ['UNIT_LEADER'], org: 'unit' },
  { username: 'unit', display_name: '李静', roles: ['PREPARER'], org: 'unit' },
  { username: 'unit2', display_name: '赵磊', roles: ['PREPARER'], org: 'unit2' },
  { username: 'expert', display_name: '孙立华', roles: ['EXPERT'], org: 'region' },
  { username: 'agency', display_name: '吴涛', roles: ['AGENCY'], org: 'region' },
  { username: 'supervisor', display_name: '郑红', roles: ['SUPERVISOR'], org: 'region' },
];

/** org_name of the region-level accounts (after the region's name where it is an office of it). */
const REGION_ORG_NAMES: Readonly<Record<string, { name: string; local: boolean }>> = {
  admin: { name: '财政局信息中心', local: true },
  security: { name: '财政局信息中心', local: true },
  auditor: { name: '财政局信息中心', local: true },
  finance: { name: '财政局预算绩效管理股', local: true },
  expert: { name: '预算绩效评审专家库', local: false },
  agency: { name: '华信绩效评价咨询有限公司', local: false },
  supervisor: { name: '人大常委会预算工作委员会', local: true },
};

/** The organisation a demo account is attached to: the columns of its user row. */
export interface DemoOrgRef {
  mof_div_code: string;
  dept_code: string | null;
  agency_code: string | null;
  section_code: string | null;
  /** Display name of the organisation (users.org_name). */
  name: string;
}

/** The concrete organisation of each DemoOrgKind. */
export type DemoOrgs = Record<DemoOrgKind, DemoOrgRef>;

export interface ResolvedDemoAccount extends DemoAccount {
  mof_div_code: string;
  dept_code: string | null;
  agency_code: string | null;
  section_code: string | null;
  org_name: string;
}

const MIN_PROJECTS = 3;

/**
 * The concrete organisation of each kind of demo account in `generated` (normally generateDemo()),
 * deterministically:
 * - region: the top region (mof_div_code only);
 * - dept: 县教育局 (else the first department that has a unit with projects in every year);
 * - section: the finance section that department is assigned to (教科文股);
 * - unit: the first unit of that department (by code, other than the department's own unit) with
 *   ≥ 3 projects in every fiscal year (县教师进修学校 in the demo);
 * - unit2: the same in another department of another section, 卫生健康委员会 first (县人民医院).
 * Walks the top region's project stream once.
 */
export function resolveDemoOrg(generated: GeneratedRegion): DemoOrgs {
  const code = generated.root.mof_div_code;
  const regionName = generated.root.name;
  const years = generated.years;
  const depts = generated.departments.filter((d) => d.mof_div_code === code);
  const sectionOf = new Map(
    generated.sectionDepartments
      .filter((s) => s.mof_div_code === code)
      .map((s) => [s.dept_code, s.section_code]),
  );
  const sectionRows = generated.sections.filter((s) => s.mof_div_code === code);

  // Projects per unit and year.
  const counts = new Map<string, Map<string, number>>();
  for (const p of generated.projects()) {
    if (p.mof_div_code !== code) continue;
    let byYear = counts.get(p.agency_code);
    if (!byYear) {
      byYear = new Map<string, number>();
      counts.set(p.agency_code, byYear);
    }
    byYear.set(p.fiscal_year, (byYear.get(p.fiscal_year) ?? 0) + 1);
  }
  const least = (agencyCode: string): number =>
    Math.min(...years.map((y) => counts.get(agencyCode)?.get(y) ?? 0));

  const pickUnit = (deptCode: string, deptName: string): DemoOrgRef | null => {
    const units = generated.agencies
      .filter((a) => a.mof_div_code === code && a.dept_code === deptCode)
      .sort((a, b) => a.agency_code.localeCompare(b.agency_code));
    const others = units.filter((u) => u.name !== deptName);
    const candidates = others.length > 0 ? others : units;
    const chosen =
      candidates.find((u) => least(u.agency_code) >= MIN_PROJECTS) ??
      [...candidates].sort((a, b) => least(b.agency_code) - least(a.agency_code))[0];
    if (!chosen || least(chosen.agency_code) === 0) return null;
    return {
      mof_div_code: code,
      dept_code: deptCode,
      agency_code: chosen.agency_code,
      section_code: null,
      name: chosen.name,
    };
  };

  const ordered = (key: string) => {
    const p = depts.find((d) => d.dept_code === deptByKey(key).code);
    return p ? [p, ...depts.filter((d) => d !== p)] : depts;
  };

  let dept: (typeof depts)[number] | undefined;
  let unit: DemoOrgRef | null = null;
  for (const d of ordered('education')) {
    unit = pickUnit(d.dept_code, d.name);
    if (unit) {
      dept = d;
      break;
    }
  }
  if (!dept || !unit)
    throw new Error(`no department of ${code} has a unit with projects in ${years.join(', ')}`);
  const sectionCode = sectionOf.get(dept.dept_code);
  const section = sectionRows.find((s) => s.section_code === sectionCode);
  if (!section) throw new Error(`department ${dept.dept_code} of ${code} is in no finance section`);

  let unit2: DemoOrgRef | null = null;
  for (const d of ordered('health')) {
    if (d.dept_code === dept.dept_code || sectionOf.get(d.dept_code) === section.section_code) continue;
    unit2 = pickUnit(d.dept_code, d.name);
    if (unit2) break;
  }
  if (!unit2) throw new Error(`no unit of ${code} outside section ${section.section_code} has projects`);

  return {
    region: { mof_div_code: code, dept_code: null, agency_code: null, section_code: null, name: regionName },
    dept: {
      mof_div_code: code,
      dept_code: dept.dept_code,
      agency_code: null,
      section_code: null,
      name: dept.name,
    },
    section: {
      mof_div_code: code,
      dept_code: null,
      agency_code: null,
      section_code: section.section_code,
      name: `${regionName}财政局${section.name}`,
    },
    unit,
    unit2,
  };
}

/** DEMO_ACCOUNTS with the columns of their user rows (mof_div_code … org_name) filled in. */
export function resolveDemoAccounts(
  generated: GeneratedRegion,
  orgs: DemoOrgs = resolveDemoOrg(generated),
): ResolvedDemoAccount[] {
  return DEMO_ACCOUNTS.map((a): ResolvedDemoAccount => {
    const o = orgs[a.org];
    let orgName = o.name;
    if (a.org === 'region') {
      const label = REGION_ORG_NAMES[a.username];
      if (label) orgName = label.local ? o.name + label.name : label.name;
    }
    return {
      ...a,
      roles: [...a.roles],
      mof_div_code: o.mof_div_code,
      dept_code: o.dept_code,
      agency_code: o.agency_code,
      section_code: o.section_code,
      org_name: orgName,
    };
  });
}
