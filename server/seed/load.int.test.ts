import { afterAll, beforeAll, describe, it, expect } from 'vitest';
import { sql } from 'drizzle-orm';
import type { Database } from '../db/client.ts';
import { openTestDatabase } from '../../test/db.ts';
import { DEMO_OPTIONS, generateDemo, resolveDemoOrg } from './demo.ts';
import { generateRegion, stringToFen, type GeneratedRegion } from './generate.ts';
import { SeedConflictError, existingDataRegions, loadGenerated, totalRows, type LoadResult } from './load.ts';
import { generateMonitoring } from './monitoring.ts';
import { generateTargets } from './targets.ts';

let database: Database;
let demo: GeneratedRegion;
let loaded: LoadResult;
const progress: [number, number][] = [];

const count = async (query: ReturnType<typeof sql>): Promise<number> => {
  const [row] = await database.rows<{ n: number | string }>(query);
  return Number(row?.n ?? -1);
};

beforeAll(async () => {
  database = await openTestDatabase();
  demo = generateDemo();
  loaded = await loadGenerated(database, demo, { onProgress: (done, total) => progress.push([done, total]) });
});

afterAll(async () => {
  await database.close();
});

describe('loadGenerated', () => {
  it('writes every table of the county', async () => {
    const code = demo.root.mof_div_code;
    expect(await count(sql`select count(*) as n from regions`)).toBe(3);
    expect(
      await count(sql`select count(*) as n from regions where mof_div_code = ${code} and level = 'COUNTY'`),
    ).toBe(1);
    expect(await count(sql`select count(*) as n from departments where mof_div_code = ${code}`)).toBe(
      demo.departments.length,
    );
    expect(await count(sql`select count(*) as n from agencies where mof_div_code = ${code}`)).toBe(
      demo.agencies.length,
    );
    expect(await count(sql`select count(*) as n from finance_sections where mof_div_code = ${code}`)).toBe(6);
    expect(await count(sql`select count(*) as n from section_departments where mof_div_code = ${code}`)).toBe(
      demo.departments.length,
    );
    expect(await count(sql`select count(*) as n from fiscal_years where mof_div_code = ${code}`)).toBe(2);
    expect(await count(sql`select count(*) as n from projects where mof_div_code = ${code}`)).toBe(
      demo.projectCount,
    );
    for (const c of demo.projectCounts) {
      expect(
        await count(
          sql`select count(*) as n from projects where mof_div_code = ${c.mof_div_code} and fiscal_year = ${c.fiscal_year}`,
        ),
      ).toBe(c.count);
    }
  });

  it('keeps money exact', async () => {
    expect(
      await count(sql`select count(*) as n from projects
        where amount <> amount_current + amount_carry_over + amount_transfer + amount_other`),
    ).toBe(0);
    let fen = 0n;
    for (const p of demo.projects()) fen += BigInt(stringToFen(p.amount));
    const [row] = await database.rows<{ total: string }>(
      sql`select sum(amount)::text as total from projects`,
    );
    expect(row?.total).toBe(`${(fen / 100n).toString()}.${(fen % 100n).toString().padStart(2, '0')}`);
  });

  it('keeps every project in a unit of its own department', async () => {
    expect(
      await count(sql`select count(*) as n from projects p
        left join agencies a on a.mof_div_code = p.mof_div_code and a.agency_code = p.agency_code
        where a.dept_code is distinct from p.dept_code`),
    ).toBe(0);
  });

  it('writes the generated targets, one version each, with their indicators', async () => {
    let targets = 0;
    let indicators = 0;
    let reviews = 0;
    for (const { target } of generateTargets(demo)) {
      if (!target) continue;
      targets += 1;
      indicators += target.indicators.length;
      reviews += target.reviews.length;
    }
    expect(loaded.targets).toBe(targets);
    expect(loaded.targetIndicators).toBe(indicators);
    expect(await count(sql`select count(*) as n from targets`)).toBe(targets);
    expect(await count(sql`select count(*) as n from target_versions`)).toBe(targets);
    expect(await count(sql`select count(*) as n from target_indicators`)).toBe(indicators);
    expect(await count(sql`select count(*) as n from target_reviews`)).toBe(reviews);
    // each target belongs to its project (same region, year, code, unit and amount)
    expect(
      await count(sql`select count(*) as n from targets t join projects p on p.id = t.project_id
        where p.mof_div_code = t.mof_div_code and p.fiscal_year = t.fiscal_year and p.pro_code = t.pro_code
          and p.agency_code = t.agency_code and p.dept_code = t.dept_code and p.amount = t.amount
          and t.kind = 'PROJECT'`),
    ).toBe(targets);
    // the version of every target is its current one, in its state; weights sum to 90
    expect(
      await count(sql`select count(*) as n from targets t join target_versions v
        on v.target_id = t.id and v.version_no = t.current_version and v.status = t.status`),
    ).toBe(targets);
    expect(
      await count(sql`select count(*) as n from (select v.id from target_versions v
        join target_indicators i on i.version_id = v.id group by v.id having sum(i.weight) = 90) w`),
    ).toBe(targets);
    expect(
      await count(sql`select count(*) as n from target_indicators
        where (kpi_val_num is null) <> (computesign in ('QUAL', 'OTHER')) or kpi_val_num::text <> kpi_val`),
    ).toBe(0);
  });

  it('approves the earlier year with actuals and keeps approval and in-force version together', async () => {
    expect(
      await count(sql`select count(*) as n from targets
        where (status = 'APPROVED') <> (in_force_version is not distinct from 1)
           or (status = 'SUBMITTED') <> (step is not null)`),
    ).toBe(0);
    expect(
      await count(sql`select count(*) as n from targets where fiscal_year = '2025' and status <> 'APPROVED'`),
    ).toBe(0);
    expect(
      await count(sql`select count(*) as n from target_indicators i join target_versions v on v.id = i.version_id
        join targets t on t.id = v.target_id
        where (i.final_actual is not null) <> (t.fiscal_year = '2025' and i.kpi_val_num is not null)`),
    ).toBe(0);
    for (const status of ['APPROVED', 'SUBMITTED', 'RETURNED', 'DRAFT']) {
      expect(
        await count(sql`select count(*) as n from targets where fiscal_year = '2026' and status = ${status}`),
      ).toBeGreaterThan(0);
    }
  });

  it("carries last year's target and actual into the continuing projects' indicators", async () => {
    const [row] = await database.rows<{ n: number | string; bad: number | string }>(sql`
      select count(*) as n,
        count(*) filter (where i.last_target is distinct from li.kpi_val_num
                            or i.last_actual is distinct from li.final_actual) as bad
      from target_indicators i
      join target_versions v on v.id = i.version_id join targets t on t.id = v.target_id
      join targets l on l.mof_div_code = t.mof_div_code and l.pro_code = t.pro_code and l.fiscal_year = '2025'
      join target_versions lv on lv.target_id = l.id and lv.version_no = l.in_force_version
      join target_indicators li on li.version_id = lv.id and li.kpi_lv3 = i.kpi_lv3
      where t.fiscal_year = '2026' and li.kpi_val_num is not null`);
    expect(Number(row?.n)).toBeGreaterThan(5000);
    expect(Number(row?.bad)).toBe(0);
  });

  it("stores the flags as generated and leaves about half of the demo preparers' current projects without targets", async () => {
    const flagged = await database.rows<{ pro_code: string; fiscal_year: string; flags: unknown }>(
      sql`select t.pro_code, t.fiscal_year, v.flags from targets t join target_versions v on v.target_id = t.id
        where jsonb_array_length(v.flags) > 0 order by t.fiscal_year, t.pro_code limit 50`,
    );
    expect(flagged.length).toBe(50);
    const generated = new Map<string, unknown>();
    for (const { project, target } of generateTargets(demo))
      if (target) generated.set(`${project.fiscal_year}|${project.pro_code}`, target.version.flags);
    for (const r of flagged) expect(r.flags).toEqual(generated.get(`${r.fiscal_year}|${r.pro_code}`));

    const orgs = resolveDemoOrg(demo);
    const units = [orgs.unit.agency_code ?? '', orgs.unit2.agency_code ?? ''];
    for (const unit of units) {
      expect(
        await count(
          sql`select count(*) as n from projects where fiscal_year = '2026' and agency_code = ${unit}`,
        ),
      ).toBeGreaterThan(2);
      const projects = await count(
        sql`select count(*) as n from projects where fiscal_year = '2026' and agency_code = ${unit}`,
      );
      const approved = await count(
        sql`select count(*) as n from targets where fiscal_year = '2026' and agency_code = ${unit}
          and status = 'APPROVED' and in_force_version = 1`,
      );
      expect(
        await count(
          sql`select count(*) as n from targets where fiscal_year = '2026' and agency_code = ${unit}`,
        ),
      ).toBe(approved);
      expect(approved).toBeGreaterThanOrEqual(1);
      expect(projects - approved).toBe(Math.max(Math.min(3, projects - 1), Math.ceil(projects / 2)));
      expect(
        await count(
          sql`select count(*) as n from targets where fiscal_year = '2025' and agency_code = ${unit}`,
        ),
      ).toBeGreaterThan(2);
    }
    expect(await count(sql`select count(*) as n from targets where pro_code = '360121260001'`)).toBe(0);
  });

  it('writes the payments and one closed round with a submitted report per approved target', async () => {
    const expected = { reports: 0, indicators: 0, payments: 0, dispositions: 0, suspended: 0 };
    const lights = new Map<string, string>();
    for (const { report, payments } of generateMonitoring(demo)) {
      expected.payments += payments.length;
      if (!report) continue;
      expected.reports += 1;
      expected.indicators += report.indicators.length;
      const r = report.report;
      lights.set(
        r.pro_code,
        [r.execution_value, r.execution_light, r.target_light, r.project_light].join(' '),
      );
      if (report.disposition) expected.dispositions += 1;
      if (report.disposition?.kind === 'SUSPEND_FUNDS') expected.suspended += 1;
    }
    expect(loaded.monitoring).toEqual({ rounds: 1, ...expected });
    expect(await count(sql`select count(*) as n from monitoring_rounds`)).toBe(1);
    expect(
      await count(sql`select count(*) as n from monitoring_rounds where mof_div_code = '360121'
        and fiscal_year = '2026' and status = 'CLOSED' and as_of = '2026-06-30'`),
    ).toBe(1);
    expect(await count(sql`select count(*) as n from monitoring_reports`)).toBe(expected.reports);
    expect(await count(sql`select count(*) as n from monitoring_indicators`)).toBe(expected.indicators);
    expect(await count(sql`select count(*) as n from payments`)).toBe(expected.payments);
    expect(await count(sql`select count(*) as n from dispositions`)).toBe(expected.dispositions);
    expect(expected.reports).toBeGreaterThan(1000);
    expect(expected.indicators).toBeGreaterThan(7000);
    expect(expected.payments).toBeGreaterThan(20_000);
    // one report per project of 2026 with an in-force target, of that target and project
    expect(
      await count(sql`select count(*) as n from targets t where t.fiscal_year = '2026'
        and t.in_force_version is not null and not exists (select 1 from monitoring_reports r
          join projects p on p.id = r.project_id
          where r.target_id = t.id and r.target_version = t.in_force_version and p.id = t.project_id
            and r.status = 'SUBMITTED' and r.executed_source = 'PAYMENTS' and r.budget = p.amount)`),
    ).toBe(0);
    // one indicator row per indicator of the in-force version
    expect(
      await count(sql`select count(*) as n from monitoring_reports r
        join target_versions v on v.target_id = r.target_id and v.version_no = r.target_version
        where (select count(*) from target_indicators i where i.version_id = v.id)
           <> (select count(*) from monitoring_indicators m where m.report_id = r.id)`),
    ).toBe(0);
    // the stored lights are the generator's (computed by computeMonitoringRound)
    const stored = await database.rows<{ pro_code: string; lights: string }>(sql`
      select pro_code, concat_ws(' ', execution_value::text, execution_light, target_light, project_light) as lights
      from monitoring_reports`);
    for (const r of stored) expect(r.lights).toBe(lights.get(r.pro_code));
    // executed is the payments up to the as-of date; no project is paid more than its amount
    expect(
      await count(sql`select count(*) as n from monitoring_reports r
        where r.executed <> coalesce((select sum(y.amount) from payments y where y.mof_div_code = r.mof_div_code
          and y.fiscal_year = r.fiscal_year and y.pro_code = r.pro_code and y.pay_date <= '2026-06-30'), 0)`),
    ).toBe(0);
    expect(
      await count(sql`select count(*) as n from (select p.id from projects p join payments y
          on y.mof_div_code = p.mof_div_code and y.fiscal_year = p.fiscal_year and y.pro_code = p.pro_code
        group by p.id, p.amount having sum(y.amount) > p.amount) over`),
    ).toBe(0);
    expect(await count(sql`select count(*) as n from payments where pay_date > '2026-10-31'`)).toBe(0);
    // the dispositions belong to RED reports; a suspension suspends the project's funds
    expect(
      await count(sql`select count(*) as n from dispositions d join monitoring_reports r on r.id = d.report_id
        where r.project_id = d.project_id and r.round_id = d.round_id and r.project_light = 'RED'`),
    ).toBe(expected.dispositions);
    expect(await count(sql`select count(*) as n from projects where funds_status = 'SUSPENDED'`)).toBe(
      expected.suspended,
    );
    expect(
      await count(sql`select count(*) as n from projects p join dispositions d on d.project_id = p.id
        where d.kind = 'SUSPEND_FUNDS' and p.funds_status = 'SUSPENDED'`),
    ).toBe(expected.suspended);
  });

  it('reports progress after every batch up to the total', () => {
    expect(progress.length).toBeGreaterThan(4);
    const total = totalRows(demo);
    for (const [, t] of progress) expect(t).toBe(total);
    for (let i = 1; i < progress.length; i++)
      expect(progress[i]?.[0]).toBeGreaterThan(progress[i - 1]?.[0] ?? 0);
    expect(progress.at(-1)?.[0]).toBe(total);
  });

  it('refuses to load over a region that has data, before writing anything', async () => {
    expect(await existingDataRegions(database, demo)).toEqual([demo.root.mof_div_code]);
    await expect(loadGenerated(database, demo)).rejects.toBeInstanceOf(SeedConflictError);
    expect(await count(sql`select count(*) as n from projects`)).toBe(demo.projectCount);
    expect(await count(sql`select count(*) as n from targets`)).toBe(loaded.targets);
  });

  it('loads a second county of the same province and city next to it, with plain VALUES inserts', async () => {
    const other = generateRegion({ ...DEMO_OPTIONS, seed: 77, fiscalYears: ['2026'], rootCode: '360122' });
    const result = await loadGenerated(database, other, { batchSize: 500, method: 'values' });
    expect(result.projects).toBe(other.projectCount);
    expect(result.targets).toBeGreaterThan(other.projectCount * 0.8);
    expect(await count(sql`select count(*) as n from targets where mof_div_code = '360122'`)).toBe(
      result.targets,
    );
    expect(result.monitoring?.reports).toBe(
      await count(
        sql`select count(*) as n from targets where mof_div_code = '360122' and status = 'APPROVED'`,
      ),
    );
    expect(await count(sql`select count(*) as n from monitoring_rounds where mof_div_code = '360122'`)).toBe(
      1,
    );
    expect(await count(sql`select count(*) as n from regions`)).toBe(4);
    expect(await count(sql`select count(*) as n from projects where mof_div_code = '360122'`)).toBe(
      other.projectCount,
    );
    // both insert methods store the same values
    const stored = await database.rows<Record<string, unknown>>(sql`
      select pro_code, pro_name, agency_code, budget_kind, is_debt, is_new, amount::text as amount,
             amount_transfer::text as amount_transfer, parent_pro_code
      from projects where mof_div_code in ('360121', '360122') order by mof_div_code, fiscal_year, pro_code`);
    const expected = [...demo.projects(), ...other.projects()]
      .sort((a, b) =>
        (a.mof_div_code + a.fiscal_year + a.pro_code).localeCompare(
          b.mof_div_code + b.fiscal_year + b.pro_code,
        ),
      )
      .map((p) => ({
        pro_code: p.pro_code,
        pro_name: p.pro_name,
        agency_code: p.agency_code,
        budget_kind: p.budget_kind,
        is_debt: p.is_debt,
        is_new: p.is_new,
        amount: p.amount,
        amount_transfer: p.amount_transfer,
        parent_pro_code: p.parent_pro_code,
      }));
    expect(stored).toEqual(expected);
  });
});
