/**
 * An isolated region for integration tests: a province → city → county tree, two departments
 * with units, a finance section, projects in two years, and one user per role (password
 * PASSWORD). Built through the services so that every write is audited like in production.
 */
import type { Role } from '../contracts/permissions.ts';
import { systemActor } from '../server/context.ts';
import type { Database } from '../server/db/client.ts';
import {
  agencies,
  departments,
  fiscalYears,
  projects,
  regions,
  sectionDepartments,
  sections,
} from '../server/db/schema.ts';
import { buildDeps, type Deps } from '../server/deps.ts';

export const PASSWORD = 'Fixture#2026';
export const COUNTY = '990101';

export interface Fixture {
  deps: Deps;
  users: Record<string, { id: string; roles: Role[] }>;
  projectIds: Record<string, string>;
}

const ACCOUNTS: {
  username: string;
  roles: Role[];
  dept?: string;
  unit?: string;
  section?: string;
  region?: string;
}[] = [
  { username: 'admin', roles: ['SYS_ADMIN'] },
  { username: 'security', roles: ['SEC_ADMIN'] },
  { username: 'auditor', roles: ['AUDIT_ADMIN'] },
  { username: 'finance', roles: ['PERF_OFFICE'] },
  { username: 'section', roles: ['SECTION_REVIEWER'], section: 'S1' },
  { username: 'dept', roles: ['DEPT_REVIEWER'], dept: '101' },
  { username: 'leader', roles: ['UNIT_LEADER'], dept: '101', unit: '101001' },
  { username: 'unit', roles: ['PREPARER'], dept: '101', unit: '101001' },
  { username: 'unit2', roles: ['PREPARER'], dept: '102', unit: '102001' },
  { username: 'expert', roles: ['EXPERT'] },
  { username: 'supervisor', roles: ['SUPERVISOR'] },
  { username: 'cityfinance', roles: ['PERF_OFFICE'], region: '990100' },
];

export async function buildFixture(
  database: Database,
  opts: { checkpointDir?: string } = {},
): Promise<Fixture> {
  const deps = buildDeps(
    {
      auditAlgorithm: 'SHA-256',
      checkpointDir: opts.checkpointDir ?? '/nonexistent-checkpoints',
      demo: false,
    },
    database,
  );
  const db = database.db;
  await db.insert(regions).values([
    { mofDivCode: '990000', name: '测试省', level: 'PROVINCE', parentCode: null },
    { mofDivCode: '990100', name: '测试市', level: 'CITY', parentCode: '990000' },
    { mofDivCode: COUNTY, name: '测试县', level: 'COUNTY', parentCode: '990100' },
    { mofDivCode: '990102', name: '邻县', level: 'COUNTY', parentCode: '990100' },
  ]);
  await db
    .insert(fiscalYears)
    .values(
      [COUNTY, '990102'].flatMap((m) => ['2025', '2026'].map((y) => ({ mofDivCode: m, fiscalYear: y }))),
    );
  await db.insert(departments).values([
    { mofDivCode: COUNTY, deptCode: '101', name: '县教育局' },
    { mofDivCode: COUNTY, deptCode: '102', name: '县卫生健康委员会' },
  ]);
  await db.insert(agencies).values([
    { mofDivCode: COUNTY, deptCode: '101', agencyCode: '101001', name: '县第一中学' },
    { mofDivCode: COUNTY, deptCode: '101', agencyCode: '101002', name: '县教师进修学校' },
    { mofDivCode: COUNTY, deptCode: '102', agencyCode: '102001', name: '县人民医院' },
  ]);
  await db.insert(sections).values({ mofDivCode: COUNTY, sectionCode: 'S1', name: '教科文股' });
  await db.insert(sectionDepartments).values({ mofDivCode: COUNTY, sectionCode: 'S1', deptCode: '101' });
  const rows = [
    ['990101260001', '乡村教师培训', '101', '101001', '1000000.00', '2026'],
    ['990101260002', '校舍维修', '101', '101001', '250000.50', '2026'],
    ['990101260003', '教师进修补助', '101', '101002', '80000.00', '2026'],
    ['990101260004', '基层医疗设备购置', '102', '102001', '3200000.00', '2026'],
    ['990101250001', '乡村教师培训', '101', '101001', '900000.00', '2025'],
  ] as const;
  const inserted = await db
    .insert(projects)
    .values(
      rows.map(([code, name, dept, unit, amount, year]) => ({
        mofDivCode: COUNTY,
        fiscalYear: year,
        proCode: code,
        proName: name,
        deptCode: dept,
        agencyCode: unit,
        budgetKind: 'GENERAL_PUBLIC' as const,
        funcClass: dept === '101' ? '2050803' : '2100201',
        amount,
        amountCurrent: amount,
        isNew: false,
        startYear: year,
        endYear: year,
      })),
    )
    .returning({ id: projects.id, code: projects.proCode });
  await db.insert(projects).values({
    mofDivCode: '990102',
    fiscalYear: '2026',
    proCode: '990102260001',
    proName: '邻县道路养护',
    deptCode: '201',
    agencyCode: '201001',
    budgetKind: 'GOV_FUND',
    funcClass: '2140106',
    amount: '500000.00',
    isNew: true,
    startYear: '2026',
    endYear: '2026',
  });
  const users: Fixture['users'] = {};
  const actor = systemActor('fixture');
  for (const a of ACCOUNTS) {
    const u = await deps.users.createUserWithRoles(
      actor,
      {
        username: a.username,
        display_name: a.username,
        password: PASSWORD,
        mof_div_code: a.region ?? COUNTY,
        dept_code: a.dept ?? null,
        agency_code: a.unit ?? null,
        section_code: a.section ?? null,
      },
      a.roles,
      { mustChange: false, isDemo: false },
    );
    users[a.username] = { id: u.id, roles: a.roles };
  }
  return { deps, users, projectIds: Object.fromEntries(inserted.map((r) => [r.code, r.id])) };
}
