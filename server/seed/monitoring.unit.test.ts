import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { computeMonitoringRound } from '../../domain/monitoring/lights.ts';
import { DEFAULT_POLICY } from '../../domain/policy/policy.ts';
import { isQuantitative } from '../../domain/targets/indicator.ts';
import { generateDemo, resolveDemoOrg } from './demo.ts';
import { generateRegion, stringToFen, type GeneratedRegion } from './generate.ts';
import {
  generateMonitoring,
  MonitoringStream,
  monitoringDates,
  type ProjectMonitoring,
} from './monitoring.ts';
import { planPayments, schedulePayments, VoucherBook } from './monitoring-payments.ts';
import { Rng } from './random.ts';
import { targetDraftOf, type ProjectTarget } from './targets.ts';

const YEARS = ['2025', '2026'];
const county = generateRegion({ scale: 'county', seed: 7, fiscalYears: YEARS });
const demo = generateDemo();

type Item = ProjectTarget & ProjectMonitoring;
const cache = new Map<GeneratedRegion, Item[]>();
function all(g: GeneratedRegion): Item[] {
  let list = cache.get(g);
  if (!list) {
    list = [...generateMonitoring(g)];
    cache.set(g, list);
  }
  return list;
}

function hashOf(items: Iterable<Item>): string {
  const h = createHash('sha256');
  for (const x of items) h.update(`${x.project.pro_code}${JSON.stringify([x.payments, x.report])}\n`);
  return h.digest('hex');
}

const count = <T>(list: readonly T[], f: (x: T) => boolean) => list.filter(f).length;

describe('generateMonitoring', () => {
  it('is deterministic: same seed, same data; another seed, other data', () => {
    const again = generateRegion({ scale: 'county', seed: 7, fiscalYears: YEARS });
    expect(hashOf(generateMonitoring(again))).toBe(hashOf(all(county)));
    const other = generateRegion({ scale: 'county', seed: 8, fiscalYears: YEARS });
    expect(hashOf(generateMonitoring(other))).not.toBe(hashOf(all(county)));
    const ids = all(county).flatMap((x) =>
      x.report ? [x.report.report.id, ...(x.report.disposition ? [x.report.disposition.id] : [])] : [],
    );
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('stores exactly the lights computeMonitoringRound gives for the stored report', () => {
    let reports = 0;
    for (const g of [county, demo]) {
      const { asOf } = monitoringDates('2026');
      for (const { project, target, report } of all(g)) {
        if (!report || !target) continue;
        reports += 1;
        const r = report.report;
        // the round rebuilt from the stored rows, in the exchange format
        const round = {
          as_of: asOf,
          executed: r.executed,
          forecast_executed: r.forecast_executed,
          planned_executed: r.planned_executed,
          indicators: report.indicators.map((i) => ({
            kpi_lv3: i.kpi_lv3,
            actual: i.actual,
            forecast: i.forecast,
            planned: i.planned,
            likelihood: i.likelihood,
            level: i.level,
            deviation_causes: i.deviation_causes,
            analysis: i.analysis,
            measures: i.measures,
          })),
        };
        const { issues, result } = computeMonitoringRound(round, targetDraftOf(target), {
          policy: DEFAULT_POLICY,
          amount: project.amount,
          base: '',
        });
        expect(issues).toEqual([]);
        expect(r.budget).toBe(project.amount);
        expect([r.execution_value, r.execution_light, r.target_light, r.project_light]).toEqual([
          result?.execution.value,
          result?.execution.light,
          result?.target_light,
          result?.project_light,
        ]);
        expect(report.indicators.map((i) => [i.kpi_lv3, i.value, i.light])).toEqual(
          result?.indicators.map((i) => [i.kpi_lv3, i.value, i.light]),
        );
        // one row per indicator of the in-force version, in its order
        expect(report.indicators.map((i) => [i.seq, i.kpi_lv3])).toEqual(
          target.indicators.map((i) => [i.seq, i.kpi_lv3]),
        );
        for (const i of report.indicators) expect(i.actual_num).toBe(i.actual);
      }
    }
    expect(reports).toBeGreaterThan(2000);
  });

  it('reports every approved target of the newest year, submitted in one closed round per region', () => {
    const stream = new MonitoringStream(county);
    const rounds = stream.rounds();
    expect(rounds.map((r) => r.mof_div_code)).toEqual(county.dataRegions);
    for (const r of rounds) {
      expect(r).toMatchObject({
        fiscal_year: '2026',
        title: '2026年上半年绩效运行监控',
        as_of: '2026-06-30',
        status: 'CLOSED',
        dept_codes: [],
        agency_codes: [],
      });
    }
    for (const { project, target, report } of all(county)) {
      const approved = target?.target.in_force_version != null;
      expect(report !== null).toBe(project.fiscal_year === '2026' && approved);
      if (!report) continue;
      expect(report.report).toMatchObject({
        round_id: rounds[0]?.id,
        target_id: target?.target.id,
        target_version: 1,
        status: 'SUBMITTED',
        executed_source: 'PAYMENTS',
      });
    }
  });

  it('pays every approved project of both years, never more than its amount, up to today', () => {
    const { today, asOf } = monitoringDates('2026');
    let projects = 0;
    let withPayments = 0;
    for (const { project, target, payments, report } of all(county)) {
      const approved = target?.target.in_force_version != null;
      if (!approved) {
        expect(payments).toEqual([]);
        continue;
      }
      projects += 1;
      if (payments.length > 0) withPayments += 1;
      let fen = 0;
      for (const y of payments) {
        expect(y.amount).toMatch(/^\d+\.\d{2}$/);
        expect(stringToFen(y.amount)).toBeGreaterThan(0);
        expect(y.pay_date.slice(0, 4)).toBe(project.fiscal_year);
        expect(y.pay_date <= (project.fiscal_year === '2026' ? today : '2025-12-31')).toBe(true);
        expect([y.mof_div_code, y.fiscal_year, y.pro_code]).toEqual([
          project.mof_div_code,
          project.fiscal_year,
          project.pro_code,
        ]);
        fen += stringToFen(y.amount);
      }
      expect(fen).toBeLessThanOrEqual(stringToFen(project.amount));
      expect([...payments].map((y) => y.pay_date)).toEqual(payments.map((y) => y.pay_date).sort());
      if (report) {
        const paid = payments
          .filter((y) => y.pay_date <= asOf)
          .reduce((s, y) => s + stringToFen(y.amount), 0);
        expect(stringToFen(report.report.executed)).toBe(paid);
      }
    }
    expect(projects).toBeGreaterThan(3000);
    expect(withPayments / projects).toBeGreaterThan(0.99);
  });

  it('numbers the vouchers uniquely per region', () => {
    for (const g of [county, demo]) {
      const vouchers = all(g).flatMap((x) => x.payments.map((y) => `${y.mof_div_code}|${y.voucher_no}`));
      expect(vouchers.length).toBeGreaterThan(10_000);
      expect(new Set(vouchers).size).toBe(vouchers.length);
      for (const v of vouchers.slice(0, 100)) expect(v).toMatch(/^\d{6}\|ZF20(25|26)\d{4}\d{5}$/);
    }
  });

  it('pays through the year, some projects behind and a few far behind', () => {
    // last year, whole year: cumulative share paid by the end of June and of December
    const june: number[] = [];
    const year: number[] = [];
    for (const { project, payments } of all(county)) {
      if (project.fiscal_year !== '2025' || payments.length === 0) continue;
      const amount = stringToFen(project.amount);
      const upTo = (d: string) =>
        payments.filter((y) => y.pay_date <= d).reduce((s, y) => s + stringToFen(y.amount), 0) / amount;
      june.push(upTo('2025-06-30'));
      year.push(upTo('2025-12-31'));
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1] ?? 0;
    expect(median(june)).toBeGreaterThan(0.38);
    expect(median(june)).toBeLessThan(0.6);
    expect(median(year)).toBeGreaterThan(0.9);
    // the half-year execution lights of the newest year
    const reports = all(county).flatMap((x) => (x.report ? [x.report.report] : []));
    const share = (light: string) => count(reports, (r) => r.execution_light === light) / reports.length;
    expect(share('GREEN')).toBeGreaterThan(0.6);
    expect(share('YELLOW')).toBeGreaterThan(0.08);
    expect(share('RED')).toBeGreaterThan(0.05);
    expect(share('RED')).toBeLessThan(0.2);
    const paces = all(county).flatMap((x) => (x.plan ? [x.plan.pace] : []));
    expect(new Set(paces)).toEqual(new Set(['ON_TRACK', 'BEHIND', 'FAR_BEHIND', 'LATE_START']));
  });

  it('lights indicators around the pro-rated target, explains the rows behind', () => {
    const reports = all(county).flatMap((x) => (x.report ? [x.report] : []));
    const rows = reports.flatMap((r) => r.indicators);
    const lights = (l: string) => count(rows, (i) => i.light === l) / rows.length;
    expect(lights('GREEN')).toBeGreaterThan(0.8);
    expect(lights('BLUE')).toBeGreaterThan(0.01);
    expect(lights('YELLOW')).toBeGreaterThan(0.02);
    expect(lights('RED')).toBeGreaterThan(0.005);
    const impossible = rows.filter((i) => i.likelihood === 'IMPOSSIBLE');
    expect(impossible.length).toBeGreaterThan(3);
    for (const i of impossible) expect(i.light).toBe('RED');
    for (const i of rows) {
      if (i.light === 'RED' || i.light === 'YELLOW') {
        expect(i.deviation_causes.length).toBeGreaterThan(0);
        expect(i.analysis).toBeTruthy();
        expect(i.measures).toBeTruthy();
      }
    }
    const project = (l: string) => count(reports, (r) => r.report.project_light === l) / reports.length;
    expect(project('GREEN')).toBeGreaterThan(0.45);
    expect(project('YELLOW')).toBeGreaterThan(0.15);
    expect(project('RED')).toBeGreaterThan(0.08);
    expect(project('RED')).toBeLessThan(0.25);
    // qualitative indicators report a level, quantitative ones an actual
    for (const { target, report } of all(county)) {
      if (!report || !target) continue;
      target.indicators.forEach((t, k) => {
        const i = report.indicators[k];
        expect(i?.actual === null).toBe(!isQuantitative(t.computesign));
        expect(i?.level === null).toBe(isQuantitative(t.computesign));
      });
    }
    expect(count(rows, (i) => i.planned !== null)).toBeGreaterThan(0);
    expect(count(reports, (r) => r.report.planned_executed !== null)).toBeGreaterThan(0);
  });

  it('disposes of a few RED projects per region, 1–2 suspended, none in the demo preparers’ units', () => {
    const orgs = resolveDemoOrg(demo);
    const demoUnits = [orgs.unit.agency_code, orgs.unit2.agency_code];
    for (const g of [county, demo]) {
      const disposed = all(g).flatMap((x) =>
        x.report?.disposition ? [{ ...x.report, project: x.project }] : [],
      );
      const suspended = disposed.filter((d) => d.disposition?.kind === 'SUSPEND_FUNDS');
      expect(disposed.length).toBeGreaterThanOrEqual(2);
      expect(disposed.length).toBeLessThanOrEqual(5);
      expect(suspended.length).toBeGreaterThanOrEqual(1);
      expect(suspended.length).toBeLessThanOrEqual(2);
      for (const d of disposed) {
        expect(d.report.project_light).toBe('RED');
        expect(d.disposition).toMatchObject({ report_id: d.report.id, round_id: d.report.round_id });
        expect(d.disposition?.reason.length).toBeGreaterThan(10);
        if (g === demo) expect(demoUnits).not.toContain(d.project.agency_code);
      }
    }
    // the demo preparer 'unit' reports on its approved projects
    const unitReports = all(demo).filter((x) => x.report && x.project.agency_code === orgs.unit.agency_code);
    expect(unitReports.length).toBeGreaterThanOrEqual(1);
  });
});

describe('payments', () => {
  it('pays the growth of the cumulative share on working days, exactly, within the amount', () => {
    for (let i = 0; i < 500; i++) {
      const rng = new Rng([1, i]);
      const plan = planPayments(rng);
      const amount = rng.int(500_000, 900_000_000);
      const list = schedulePayments(rng, plan, amount, '2025', '2025-12-31');
      const sum = list.reduce((s, y) => s + y.fen, 0);
      expect(sum).toBeLessThanOrEqual(Math.floor(amount * plan.finalShare));
      for (const y of list) {
        const day = new Date(`${y.pay_date}T00:00:00Z`).getUTCDay();
        expect([0, 6]).not.toContain(day);
        expect(Number.isInteger(y.fen) && y.fen > 0).toBe(true);
      }
      for (let m = 1; m <= 12; m++) {
        expect(plan.shares[m] ?? 0).toBeGreaterThanOrEqual(plan.shares[m - 1] ?? 0);
      }
    }
  });

  it('numbers vouchers by date and serial', () => {
    const book = new VoucherBook();
    expect([book.next('2026-03-16'), book.next('2026-03-16'), book.next('2026-03-17')]).toEqual([
      'ZF2026031600001',
      'ZF2026031600002',
      'ZF2026031700001',
    ]);
  });
});
