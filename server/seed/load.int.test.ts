import { afterAll, beforeAll, describe, it, expect } from 'vitest';
import { sql } from 'drizzle-orm';
import type { Database } from '../db/client.ts';
import { openTestDatabase } from '../../test/db.ts';
import { DEMO_OPTIONS, generateDemo } from './demo.ts';
import { generateRegion, stringToFen, type GeneratedRegion } from './generate.ts';
import { SeedConflictError, existingDataRegions, loadGenerated, totalRows } from './load.ts';

let database: Database;
let demo: GeneratedRegion;
const progress: [number, number][] = [];

const count = async (query: ReturnType<typeof sql>): Promise<number> => {
  const [row] = await database.rows<{ n: number | string }>(query);
  return Number(row?.n ?? -1);
};

beforeAll(async () => {
  database = await openTestDatabase();
  demo = generateDemo();
  await loadGenerated(database, demo, { onProgress: (done, total) => progress.push([done, total]) });
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
  });

  it('loads a second county of the same province and city next to it, with plain VALUES inserts', async () => {
    const other = generateRegion({ ...DEMO_OPTIONS, seed: 77, fiscalYears: ['2026'], rootCode: '360122' });
    const result = await loadGenerated(database, other, { batchSize: 500, method: 'values' });
    expect(result.projects).toBe(other.projectCount);
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
