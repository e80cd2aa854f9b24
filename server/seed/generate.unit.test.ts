import { createHash } from 'node:crypto';
import { describe, it, expect } from 'vitest';
import { ROLES } from '../../contracts/permissions.ts';
import {
  DEMO_ACCOUNTS,
  DEMO_RESERVED_PRO_CODES,
  DEMO_ROOT_CODE,
  DEMO_YEARS,
  generateDemo,
  resolveDemoAccounts,
  resolveDemoOrg,
} from './demo.ts';
import { generateRegion, stringToFen, type GeneratedRegion, type ProjectRow } from './generate.ts';
import { FUNC_CATEGORIES, funcCategory } from './names.ts';

const YEARS = ['2025', '2026'];

function streamHash(g: GeneratedRegion): string {
  const h = createHash('sha256');
  for (const p of g.projects()) h.update(JSON.stringify(p)).update('\n');
  return h.digest('hex');
}

function orgHash(g: GeneratedRegion): string {
  const { regions, departments, agencies, sections, sectionDepartments, fiscalYears } = g;
  return createHash('sha256')
    .update(JSON.stringify({ regions, departments, agencies, sections, sectionDepartments, fiscalYears }))
    .digest('hex');
}

const county = (seed: number): GeneratedRegion =>
  generateRegion({ scale: 'county', seed, fiscalYears: YEARS });

// Generated once per seed and shared by the tests below (a county stream takes ~0.1 s).
const cache = new Map<number, { g: GeneratedRegion; projects: ProjectRow[] }>();
function countyData(seed: number): { g: GeneratedRegion; projects: ProjectRow[] } {
  let d = cache.get(seed);
  if (!d) {
    const g = county(seed);
    d = { g, projects: [...g.projects()] };
    cache.set(seed, d);
  }
  return d;
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? (s[m] ?? 0) : ((s[m - 1] ?? 0) + (s[m] ?? 0)) / 2;
};

describe('determinism', () => {
  it('gives identical output for the same seed', () => {
    const a = county(42);
    const b = county(42);
    expect(orgHash(a)).toBe(orgHash(b));
    expect(streamHash(a)).toBe(streamHash(b));
    // and projects() restarts the same stream on every call
    expect(streamHash(a)).toBe(streamHash(a));
  });

  it('gives different output for different seeds', () => {
    const a = county(1);
    const b = county(2);
    expect(streamHash(a)).not.toBe(streamHash(b));
    expect(a.root.mof_div_code).not.toBe(b.root.mof_div_code);
  });

  it('keeps the organisation when only the root code is fixed', () => {
    const a = generateRegion({ scale: 'county', seed: 9, fiscalYears: YEARS, rootCode: '510321' });
    expect(a.root).toEqual({
      mof_div_code: '510321',
      name: a.root.name,
      level: 'COUNTY',
      parent_code: '510300',
    });
    expect(a.root.name.endsWith('县')).toBe(true);
    expect(streamHash(a)).toBe(
      streamHash(
        generateRegion({
          scale: 'county',
          seed: 9,
          fiscalYears: ['2026', '2025', '2025'],
          rootCode: '510321',
        }),
      ),
    );
  });

  it('rejects a root code of the wrong level and bad years', () => {
    expect(() =>
      generateRegion({ scale: 'county', seed: 1, fiscalYears: YEARS, rootCode: '510300' }),
    ).toThrow();
    expect(() =>
      generateRegion({ scale: 'city', seed: 1, fiscalYears: YEARS, rootCode: '510000' }),
    ).toThrow();
    expect(() =>
      generateRegion({ scale: 'province', seed: 1, fiscalYears: YEARS, rootCode: '5100' }),
    ).toThrow();
    expect(() => generateRegion({ scale: 'county', seed: 1, fiscalYears: ['26'] })).toThrow();
    expect(() => generateRegion({ scale: 'county', seed: 1, fiscalYears: [] })).toThrow();
  });
});

describe('county scale', () => {
  for (const seed of [1, 7, 42]) {
    it(`has counts in the expected ranges (seed ${String(seed)})`, () => {
      const { g, projects } = countyData(seed);
      expect(g.regions.map((r) => r.level)).toEqual(['PROVINCE', 'CITY', 'COUNTY']);
      expect(g.regions[1]?.parent_code).toBe(g.regions[0]?.mof_div_code);
      expect(g.root.parent_code).toBe(g.regions[1]?.mof_div_code);
      expect(g.dataRegions).toEqual([g.root.mof_div_code]);
      expect(g.departments.length).toBeGreaterThanOrEqual(35);
      expect(g.departments.length).toBeLessThanOrEqual(45);
      expect(g.agencies.length).toBeGreaterThanOrEqual(180);
      expect(g.agencies.length).toBeLessThanOrEqual(220);
      expect(g.sections).toHaveLength(6);
      expect(g.fiscalYears).toHaveLength(2);
      expect(projects).toHaveLength(g.projectCount);
      for (const year of YEARS) {
        const n = projects.filter((p) => p.fiscal_year === year).length;
        expect(n).toBeGreaterThanOrEqual(1800);
        expect(n).toBeLessThanOrEqual(2200);
        expect(g.projectCounts.find((c) => c.fiscal_year === year)?.count).toBe(n);
      }
    });
  }

  it('writes every amount as an exact 2-decimal string whose sources add up', () => {
    const { projects } = countyData(1);
    const money = /^(0|[1-9]\d*)\.\d{2}$/;
    for (const p of projects) {
      for (const v of [p.amount, p.amount_current, p.amount_carry_over, p.amount_transfer, p.amount_other]) {
        expect(v).toMatch(money);
      }
      const sum =
        stringToFen(p.amount_current) +
        stringToFen(p.amount_carry_over) +
        stringToFen(p.amount_transfer) +
        stringToFen(p.amount_other);
      expect(sum).toBe(stringToFen(p.amount));
      expect(stringToFen(p.amount)).toBeGreaterThan(0);
    }
  });

  it('has unique project codes per region and year, in the mof_div_code + year + serial form', () => {
    const { projects } = countyData(1);
    const seen = new Set<string>();
    for (const p of projects) {
      const key = `${p.mof_div_code}/${p.fiscal_year}/${p.pro_code}`;
      expect(seen.has(key)).toBe(false);
      seen.add(key);
      expect(p.pro_code).toMatch(/^\d{12}$/);
      expect(p.pro_code.slice(0, 6)).toBe(p.mof_div_code);
      // the year in the code is the year the project started (≤ the fiscal year)
      expect(p.pro_code.slice(6, 8)).toBe(p.start_year.slice(2, 4));
      expect(Number(p.start_year)).toBeLessThanOrEqual(Number(p.fiscal_year));
      expect(Number(p.end_year)).toBeGreaterThanOrEqual(Number(p.fiscal_year));
      expect(p.is_new).toBe(p.start_year === p.fiscal_year);
    }
  });

  it('has unique project names per region and year', () => {
    const { projects } = countyData(7);
    for (const year of YEARS) {
      const names = projects.filter((p) => p.fiscal_year === year).map((p) => p.pro_name);
      expect(new Set(names).size).toBe(names.length);
    }
  });

  it('puts every project in a unit of its own department, with a known classification', () => {
    const { g, projects } = countyData(42);
    const deptOf = new Map(g.agencies.map((a) => [`${a.mof_div_code}/${a.agency_code}`, a.dept_code]));
    const depts = new Set(g.departments.map((d) => `${d.mof_div_code}/${d.dept_code}`));
    for (const p of projects) {
      expect(deptOf.get(`${p.mof_div_code}/${p.agency_code}`)).toBe(p.dept_code);
      expect(depts.has(`${p.mof_div_code}/${p.dept_code}`)).toBe(true);
      expect(p.func_class).toMatch(/^\d{7}$/);
      expect(FUNC_CATEGORIES[funcCategory(p.func_class)]).toBeDefined();
    }
    // every department is in exactly one finance section; every unit's code starts with its department's
    const assigned = g.sectionDepartments.map((s) => s.dept_code);
    expect(new Set(assigned).size).toBe(g.departments.length);
    for (const a of g.agencies) expect(a.agency_code).toMatch(new RegExp(`^${a.dept_code}\\d{3}$`));
  });

  it('draws amounts log-normally around a plausible median, with a long tail', () => {
    const { projects } = countyData(1);
    const yuan = projects.map((p) => stringToFen(p.amount) / 100);
    const m = median(yuan);
    expect(m).toBeGreaterThan(150_000);
    expect(m).toBeLessThan(600_000);
    expect(Math.max(...yuan)).toBeGreaterThan(10_000_000);
    expect(Math.min(...yuan)).toBeGreaterThanOrEqual(5_000);
    // the logarithms are roughly symmetric (log-normal): mean of ln ≈ ln of the median
    const logs = yuan.map(Math.log);
    const meanLog = logs.reduce((s, x) => s + x, 0) / logs.length;
    expect(Math.abs(meanLog - Math.log(m))).toBeLessThan(0.3);
  });

  it('weights budget kinds and flags as specified', () => {
    const { projects } = countyData(42);
    const share = (f: (p: ProjectRow) => boolean): number => projects.filter(f).length / projects.length;
    expect(share((p) => p.budget_kind === 'GENERAL_PUBLIC')).toBeGreaterThan(0.8);
    expect(share((p) => p.budget_kind === 'GENERAL_PUBLIC')).toBeLessThan(0.9);
    expect(share((p) => p.budget_kind === 'GOV_FUND')).toBeGreaterThan(0.07);
    expect(share((p) => p.budget_kind === 'GOV_FUND')).toBeLessThan(0.13);
    expect(share((p) => p.budget_kind === 'SOE_CAPITAL')).toBeGreaterThan(0.01);
    expect(share((p) => p.budget_kind === 'SOE_CAPITAL')).toBeLessThan(0.04);
    expect(share((p) => p.budget_kind === 'SOCIAL_INSURANCE')).toBeGreaterThan(0.015);
    expect(share((p) => p.budget_kind === 'SOCIAL_INSURANCE')).toBeLessThan(0.05);
    for (const flag of ['is_debt', 'is_ppp', 'is_purchased_service', 'is_investment_fund'] as const) {
      expect(share((p) => p[flag])).toBeLessThan(0.15);
    }
    expect(share((p) => p.is_debt)).toBeGreaterThan(0);
    expect(share((p) => p.is_purchased_service)).toBeGreaterThan(0);
    expect(share((p) => p.is_new)).toBeGreaterThan(0.2);
    expect(share((p) => p.is_new)).toBeLessThan(0.8);
  });

  it('carries continuing projects into the next year with the same code, name and unit', () => {
    const { projects } = countyData(1);
    const last = new Map(projects.filter((p) => p.fiscal_year === '2025').map((p) => [p.pro_code, p]));
    const continuing = projects.filter((p) => p.fiscal_year === '2026' && !p.is_new);
    expect(continuing.length).toBeGreaterThan(500);
    for (const p of continuing) {
      const before = last.get(p.pro_code);
      expect(before).toBeDefined();
      expect(before?.pro_name).toBe(p.pro_name);
      expect(before?.agency_code).toBe(p.agency_code);
      expect(before?.func_class).toBe(p.func_class);
      expect(before?.start_year).toBe(p.start_year);
      expect(Number(before?.end_year)).toBeGreaterThanOrEqual(2026);
    }
  });
});

describe('city and province scales', () => {
  it('builds a city with ≈ 10 counties and transfer payments that add up', () => {
    const g = generateRegion({ scale: 'city', seed: 3, fiscalYears: ['2026'] });
    expect(g.root.level).toBe('CITY');
    const counties = g.regions.filter((r) => r.level === 'COUNTY');
    expect(counties.length).toBeGreaterThanOrEqual(9);
    expect(counties.length).toBeLessThanOrEqual(11);
    for (const c of counties) expect(c.parent_code).toBe(g.root.mof_div_code);
    expect(g.dataRegions).toHaveLength(1 + counties.length);
    // city-level departments too
    expect(g.departments.filter((d) => d.mof_div_code === g.root.mof_div_code).length).toBeGreaterThan(35);
    expect(g.departments.find((d) => d.mof_div_code === g.root.mof_div_code)?.name.startsWith('市')).toBe(
      true,
    );

    const projects = [...g.projects()];
    expect(projects).toHaveLength(g.projectCount);
    const parents = new Map(projects.filter((p) => p.sub_mof_code).map((p) => [p.pro_code, p]));
    const children = projects.filter((p) => p.parent_pro_code);
    expect(parents.size).toBeGreaterThan(0);
    expect(children.length).toBeGreaterThanOrEqual(parents.size);
    const received = new Map<string, number>();
    for (const c of children) {
      const parent = parents.get(c.parent_pro_code ?? '');
      expect(parent).toBeDefined();
      expect(parent?.mof_div_code).toBe(g.root.mof_div_code);
      expect(parent?.sub_mof_code).toBe(c.mof_div_code);
      expect(c.amount_transfer).toBe(c.amount);
      received.set(
        c.parent_pro_code ?? '',
        (received.get(c.parent_pro_code ?? '') ?? 0) + stringToFen(c.amount),
      );
    }
    for (const [code, p] of parents) expect(received.get(code)).toBe(stringToFen(p.amount));
  });

  it('builds a province of ≈ 100 counties in ≈ 11 cities with ≈ 200,000 projects for one year', () => {
    const started = performance.now();
    const g = generateRegion({ scale: 'province', seed: 5, fiscalYears: ['2026'] });
    const cities = g.regions.filter((r) => r.level === 'CITY');
    const counties = g.regions.filter((r) => r.level === 'COUNTY');
    expect(cities.length).toBeGreaterThanOrEqual(10);
    expect(cities.length).toBeLessThanOrEqual(12);
    expect(counties.length).toBeGreaterThanOrEqual(70);
    expect(counties.length).toBeLessThanOrEqual(120);
    expect(g.projectCount).toBeGreaterThan(150_000);
    expect(g.projectCount).toBeLessThan(260_000);
    let n = 0;
    const codes = new Set<string>();
    for (const p of g.projects()) {
      n++;
      codes.add(p.pro_code); // pro_code starts with the region code, so unique overall for one year
    }
    expect(n).toBe(g.projectCount);
    expect(codes.size).toBe(n);
    expect(performance.now() - started).toBeLessThan(30_000);
  });
});

describe('demo', () => {
  const g = generateDemo();
  const org = resolveDemoOrg(g);

  it("is the county 360121 for 2025 and 2026, leaving the worked example's code free", () => {
    expect(g.root.mof_div_code).toBe(DEMO_ROOT_CODE);
    expect(g.root.level).toBe('COUNTY');
    expect(g.years).toEqual([...DEMO_YEARS]);
    const codes = new Set([...g.projects()].map((p) => p.pro_code));
    expect(codes.has('360121260002')).toBe(true);
    for (const code of DEMO_RESERVED_PRO_CODES) expect(codes.has(code)).toBe(false);
    // the worked example's unit and department exist: 101001 县教师进修学校 in 101 县教育局
    expect(g.agencies).toContainEqual({
      mof_div_code: '360121',
      dept_code: '101',
      agency_code: '101001',
      name: '县教师进修学校',
    });
    expect(g.departments).toContainEqual({ mof_div_code: '360121', dept_code: '101', name: '县教育局' });
  });

  it('resolves the demo organisation consistently', () => {
    const code = DEMO_ROOT_CODE;
    expect(org.region).toMatchObject({
      mof_div_code: code,
      dept_code: null,
      agency_code: null,
      section_code: null,
    });
    expect(org.dept.name).toBe('县教育局');
    // the section is assigned the department of `dept`
    expect(g.sectionDepartments).toContainEqual({
      mof_div_code: code,
      section_code: org.section.section_code,
      dept_code: org.dept.dept_code,
    });
    // unit: a unit of that department with projects in both years
    expect(org.unit.dept_code).toBe(org.dept.dept_code);
    expect(g.agencies).toContainEqual(
      expect.objectContaining({ dept_code: org.unit.dept_code, agency_code: org.unit.agency_code }),
    );
    const projects = [...g.projects()];
    for (const u of [org.unit, org.unit2]) {
      for (const year of DEMO_YEARS) {
        expect(
          projects.filter((p) => p.agency_code === u.agency_code && p.fiscal_year === year).length,
        ).toBeGreaterThan(0);
      }
    }
    // unit2: another department, in another section
    expect(org.unit2.dept_code).not.toBe(org.dept.dept_code);
    const sectionOf = (dept: string | null) =>
      g.sectionDepartments.find((s) => s.dept_code === dept)?.section_code;
    expect(sectionOf(org.unit2.dept_code)).not.toBe(org.section.section_code);
    // deterministic
    expect(resolveDemoOrg(generateDemo())).toEqual(org);
  });

  it('lists one account per role with valid roles', () => {
    const names = DEMO_ACCOUNTS.map((a) => a.username);
    expect(new Set(names).size).toBe(names.length);
    expect(names).toEqual(
      expect.arrayContaining([
        'admin',
        'security',
        'auditor',
        'finance',
        'section',
        'dept',
        'leader',
        'unit',
        'unit2',
        'expert',
        'agency',
        'supervisor',
      ]),
    );
    for (const a of DEMO_ACCOUNTS) for (const r of a.roles) expect(ROLES).toContain(r);
    const resolved = resolveDemoAccounts(g, org);
    const byName = new Map(resolved.map((a) => [a.username, a]));
    expect(byName.get('unit')?.agency_code).toBe(org.unit.agency_code);
    expect(byName.get('leader')?.agency_code).toBe(org.unit.agency_code);
    expect(byName.get('unit2')?.agency_code).toBe(org.unit2.agency_code);
    expect(byName.get('dept')?.dept_code).toBe(org.dept.dept_code);
    expect(byName.get('section')?.section_code).toBe(org.section.section_code);
    for (const a of resolved) {
      expect(a.mof_div_code).toBe(DEMO_ROOT_CODE);
      expect(a.org_name.length).toBeGreaterThan(0);
    }
  });
});
