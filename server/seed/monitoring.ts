/**
 * Deterministic in-year monitoring data (domain.md §5) of a generated region (generate.ts,
 * targets.ts), as plain rows whose keys are the SQL columns of payments, monitoring_rounds,
 * monitoring_reports, monitoring_indicators and dispositions:
 * - payment records of every project with an approved target in the newest year, dated up to the
 *   generator's "today" (31 October of the newest year), and in the year before it (the whole
 *   year) — monitoring-payments.ts;
 * - per data region one CLOSED round of the newest year as of 30 June (上半年绩效运行监控) with a
 *   SUBMITTED report for every project of that year with an approved target: executed = its
 *   payments up to the as-of date (source PAYMENTS), indicator rows drawn around the pro-rated
 *   target (monitoring-values.ts), and the lights computed by computeMonitoringRound, never by
 *   hand;
 * - a few dispositions of RED projects per region (1–2 of them SUSPEND_FUNDS, which suspends the
 *   project's funds), never in the demo preparers' units (TargetOptions.freeUnits).
 *
 *   const stream = new MonitoringStream(g);
 *   for (const item of generateTargets(g)) stream.of(item)   // in the order of the stream
 *
 * A project's payments and report depend only on the seed and the project (and its target); the
 * voucher serials and the dispositions also on the projects before it in its region.
 */
import {
  computeMonitoringRound,
  monthOf,
  type DeviationCause,
  type Level,
  type Light,
  type Likelihood,
} from '../../domain/monitoring/lights.ts';
import { DEFAULT_POLICY, type TPolicy } from '../../domain/policy/policy.ts';
import { fenToString, stringToFen, type GeneratedRegion } from './generate.ts';
import { planPayments, schedulePayments, VoucherBook, type PaymentPlan } from './monitoring-payments.ts';
import { indicatorReport, wantedLights } from './monitoring-values.ts';
import { Rng, uuidFrom } from './random.ts';
import {
  generateTargets,
  newestYear,
  targetDraftOf,
  type GeneratedTarget,
  type ProjectTarget,
} from './targets.ts';

// ---------------------------------------------------------------------------------------------
// Rows.

export interface PaymentRow {
  mof_div_code: string;
  fiscal_year: string;
  pro_code: string;
  pay_date: string;
  /** Yuan, exact 2-decimal text. */
  amount: string;
  voucher_no: string;
}

export interface RoundRow {
  id: string;
  mof_div_code: string;
  fiscal_year: string;
  title: string;
  as_of: string;
  dept_codes: string[];
  agency_codes: string[];
  deadline: string;
  status: 'CLOSED';
  created_by: string | null;
  created_at: string;
}

/** A report; its project_id is joined from projects by (mof_div_code, fiscal_year, pro_code). */
export interface ReportRow {
  id: string;
  round_id: string;
  target_id: string;
  target_version: number;
  mof_div_code: string;
  fiscal_year: string;
  dept_code: string;
  agency_code: string;
  pro_code: string;
  status: 'SUBMITTED';
  /** B: the project's amount (its current full-year budget, exchange-format `amount`). */
  budget: string;
  executed: string;
  executed_source: 'PAYMENTS';
  forecast_executed: string;
  planned_executed: string | null;
  execution_value: string | null;
  execution_light: Light;
  target_light: Light;
  project_light: Light;
  row_version: number;
  submitted_at: string;
  created_at: string;
  updated_at: string;
}

export interface MonitoringIndicatorRow {
  report_id: string;
  seq: number;
  kpi_lv3: string;
  actual: string | null;
  actual_num: string | null;
  forecast: string | null;
  planned: string | null;
  likelihood: Likelihood;
  level: Level | null;
  deviation_causes: DeviationCause[];
  analysis: string | null;
  measures: string | null;
  value: string | null;
  light: Light;
}

export type GeneratedDispositionKind = 'CONTINUE' | 'SUSPEND_FUNDS';

/** A disposition; its project_id is joined from projects like the report's. */
export interface DispositionRow {
  id: string;
  report_id: string;
  round_id: string;
  mof_div_code: string;
  fiscal_year: string;
  pro_code: string;
  kind: GeneratedDispositionKind;
  reason: string;
  created_by: string;
  created_at: string;
}

export interface GeneratedReport {
  report: ReportRow;
  /** One row per indicator of the in-force target version, in its order (seq). */
  indicators: MonitoringIndicatorRow[];
  disposition: DispositionRow | null;
}

/** What one project of the stream gets. */
export interface ProjectMonitoring {
  /** How its amount is paid (null: no payments generated). */
  plan: PaymentPlan | null;
  payments: PaymentRow[];
  report: GeneratedReport | null;
}

// ---------------------------------------------------------------------------------------------
// Parameters.

/** The system actor's id (server/context.ts systemActor): dispositions made by the generator. */
export const SYSTEM_USER_ID = '00000000-0000-0000-0000-000000000000';

/** The dates of the generated round in fiscal year `year` (the newest). */
export function monitoringDates(year: string) {
  return {
    /** The as-of date of the round (month m = 6). */
    asOf: `${year}-06-30`,
    deadline: `${year}-07-20`,
    /** The generator's "today": payments of the newest year are dated up to it. */
    today: `${year}-10-31`,
    title: `${year}年上半年绩效运行监控`,
    createdAt: `${year}-07-01T01:30:00.000Z`,
  };
}

/** Share of the newest-year projects with a disbursement plan for the as-of date (planned_executed). */
const PLANNED_EXECUTION_SHARE = 0.08;
/** Chance that a RED report (outside the demo units) gets a disposition while the region has quota. */
const DISPOSITION_CHANCE = 0.2;

/** Reasons of dispositions, by kind and by what is RED: spending (execution) or the indicators. */
const REASONS: Readonly<Record<GeneratedDispositionKind, Record<'execution' | 'target', readonly string[]>>> =
  {
    SUSPEND_FUNDS: {
      execution: [
        '项目资金支出进度严重滞后，已拨资金大量结存，暂缓拨付后续资金，待支出进度达到要求后再行安排。',
        '项目实施迟缓，资金长期滞留，暂缓拨款，责成单位限期整改并重新报送用款计划。',
      ],
      target: [
        '项目绩效目标实现可能性低，暂缓拨付后续资金，待单位整改并调整实施方案后再行安排。',
        '主要绩效指标严重偏离目标，暂缓拨款，责成单位限期整改并报送整改情况。',
      ],
    },
    CONTINUE: {
      execution: [
        '支出偏慢主要系采购和合同支付节点所致，单位已制定支出计划，继续按计划拨款并跟踪监控。',
        '资金支付集中在下半年，属阶段性因素，继续执行，三季度重点跟踪支出进度。',
      ],
      target: [
        '偏差原因已查明，整改措施可行，继续按计划拨款并跟踪监控。',
        '主要系阶段性因素所致，单位已制定追赶计划，继续执行，三季度重点跟踪。',
      ],
    },
  };

const DAY = 86_400_000;

// ---------------------------------------------------------------------------------------------
// The stream.

/** Whether the loader writes monitoring data for `g` (targets and monitoring both enabled). */
export function monitoringEnabled(g: GeneratedRegion): boolean {
  return g.targets?.enabled !== false && g.targets?.monitoring !== false;
}

/**
 * The monitoring data of the projects of a generated region, one project at a time, called in the
 * order of generateTargets(g) (the voucher serials and the dispositions' quota run per region).
 */
export class MonitoringStream {
  readonly newest: string;
  /** The year before the newest: payments for the whole year. */
  readonly previous: string;
  readonly dates: ReturnType<typeof monitoringDates>;
  readonly #seed: number;
  readonly #policy: TPolicy;
  readonly #roundIds = new Map<string, string>();
  /** `mof|agency` of the demo preparers' units: no dispositions there. */
  readonly #protected: Set<string>;
  #region = '';
  #vouchers = new VoucherBook();
  #quota = { suspend: 0, other: 0 };

  constructor(g: GeneratedRegion, policy: TPolicy = DEFAULT_POLICY) {
    this.newest = newestYear(g);
    this.previous = String(Number(this.newest) - 1);
    this.dates = monitoringDates(this.newest);
    this.#seed = g.seed;
    this.#policy = policy;
    this.#protected = new Set(
      (g.targets?.freeUnits?.(g) ?? []).map((u) => `${u.mof_div_code}|${u.agency_code}`),
    );
    for (const code of g.dataRegions) {
      this.#roundIds.set(code, uuidFrom(g.seed, code, this.newest, 'monitoring-round'));
    }
  }

  /** One CLOSED round of the newest year per data region. */
  rounds(): RoundRow[] {
    return [...this.#roundIds].map(([code, id]) => ({
      id,
      mof_div_code: code,
      fiscal_year: this.newest,
      title: this.dates.title,
      as_of: this.dates.asOf,
      dept_codes: [],
      agency_codes: [],
      deadline: this.dates.deadline,
      status: 'CLOSED',
      created_by: null,
      created_at: this.dates.createdAt,
    }));
  }

  /** The payments and the report of one project of the stream (the next one in order). */
  of({ project: p, target }: ProjectTarget): ProjectMonitoring {
    if (p.mof_div_code !== this.#region) {
      this.#region = p.mof_div_code;
      this.#vouchers = new VoucherBook();
      const rng = new Rng([this.#seed, p.mof_div_code, this.newest, 'dispositions']);
      this.#quota = { suspend: rng.int(1, 2), other: rng.int(1, 3) };
    }
    const year = p.fiscal_year;
    if (!target || target.target.in_force_version === null) return { plan: null, payments: [], report: null };
    if (year !== this.newest && year !== this.previous) return { plan: null, payments: [], report: null };

    const rng = new Rng([this.#seed, p.mof_div_code, year, p.pro_code, 'payments']);
    const plan = planPayments(rng);
    const until = year === this.newest ? this.dates.today : `${year}-12-31`;
    const payments = schedulePayments(rng, plan, stringToFen(p.amount), year, until).map((x): PaymentRow => ({
      mof_div_code: p.mof_div_code,
      fiscal_year: year,
      pro_code: p.pro_code,
      pay_date: x.pay_date,
      amount: fenToString(x.fen),
      voucher_no: this.#vouchers.next(x.pay_date),
    }));
    const report = year === this.newest ? this.#report(p, target, plan, payments) : null;
    return { plan, payments, report };
  }

  #report(
    p: ProjectTarget['project'],
    target: GeneratedTarget,
    plan: PaymentPlan,
    payments: readonly PaymentRow[],
  ): GeneratedReport {
    const { asOf } = this.dates;
    const month = monthOf(asOf);
    const rng = new Rng([this.#seed, p.mof_div_code, p.fiscal_year, p.pro_code, 'monitoring']);
    const reportId = uuidFrom(this.#seed, p.mof_div_code, p.fiscal_year, p.pro_code, 'monitoring-report');
    const roundId = this.#roundIds.get(p.mof_div_code) ?? '';
    const amountFen = stringToFen(p.amount);
    const executedFen = payments.reduce((s, x) => (x.pay_date <= asOf ? s + stringToFen(x.amount) : s), 0);
    const plannedFen = rng.chance(PLANNED_EXECUTION_SHARE)
      ? Math.floor((amountFen * rng.float(0.25, 0.55)) / 10_000) * 10_000
      : null;
    const forecastFen = Math.floor((amountFen * plan.finalShare) / 100) * 100;

    const wants = wantedLights(rng, target.indicators, plan.pace);
    const rows = target.indicators.map((r, i) => indicatorReport(rng, r, wants[i] ?? 'GREEN', month));
    const round = {
      as_of: asOf,
      executed: fenToString(executedFen),
      forecast_executed: fenToString(forecastFen),
      planned_executed: plannedFen === null || plannedFen === 0 ? null : fenToString(plannedFen),
      indicators: rows,
    };
    const { issues, result } = computeMonitoringRound(round, targetDraftOf(target), {
      policy: this.#policy,
      amount: p.amount,
      base: '',
    });
    if (!result || issues.length > 0) {
      const codes = issues.map((i) => `${i.path} ${i.code}`).join('; ');
      throw new Error(`the generated monitoring report of ${p.pro_code} breaks the rules: ${codes}`);
    }
    const lights = new Map(result.indicators.map((r) => [r.kpi_lv3, r]));

    const submitted = new Date(
      Date.parse(`${p.fiscal_year}-07-01T01:00:00.000Z`) + rng.int(1, 18) * DAY + rng.int(0, 9 * 3600) * 1000,
    ).toISOString();
    const report: ReportRow = {
      id: reportId,
      round_id: roundId,
      target_id: target.target.id,
      target_version: target.target.in_force_version ?? 1,
      mof_div_code: p.mof_div_code,
      fiscal_year: p.fiscal_year,
      dept_code: p.dept_code,
      agency_code: p.agency_code,
      pro_code: p.pro_code,
      status: 'SUBMITTED',
      budget: p.amount,
      executed: round.executed,
      executed_source: 'PAYMENTS',
      forecast_executed: round.forecast_executed,
      planned_executed: round.planned_executed,
      execution_value: result.execution.value,
      execution_light: result.execution.light,
      target_light: result.target_light,
      project_light: result.project_light,
      row_version: 2 + rng.int(0, 3),
      submitted_at: submitted,
      created_at: this.dates.createdAt,
      updated_at: submitted,
    };
    const indicators = target.indicators.map((r, i): MonitoringIndicatorRow => {
      const row = rows[i];
      const computed = lights.get(r.kpi_lv3);
      if (!row || !computed) throw new Error(`no computed light for ${p.pro_code} ${r.kpi_lv3}`);
      return {
        report_id: reportId,
        seq: r.seq,
        kpi_lv3: r.kpi_lv3,
        actual: row.actual,
        actual_num: row.actual,
        forecast: row.forecast,
        planned: row.planned,
        likelihood: row.likelihood,
        level: row.level,
        deviation_causes: row.deviation_causes,
        analysis: row.analysis,
        measures: row.measures,
        value: computed.value,
        light: computed.light,
      };
    });
    return { report, indicators, disposition: this.#dispose(rng, p, report) };
  }

  /** A disposition of a RED report while the region has quota (none in the demo preparers' units). */
  #dispose(rng: Rng, p: ProjectTarget['project'], report: ReportRow): DispositionRow | null {
    const drawn = rng.chance(DISPOSITION_CHANCE);
    if (report.project_light !== 'RED' || !drawn) return null;
    if (this.#protected.has(`${p.mof_div_code}|${p.agency_code}`)) return null;
    const q = this.#quota;
    let kind: GeneratedDispositionKind;
    if (q.suspend > 0 && (q.other === 0 || rng.chance(0.5))) {
      kind = 'SUSPEND_FUNDS';
      q.suspend -= 1;
    } else if (q.other > 0) {
      kind = 'CONTINUE';
      q.other -= 1;
    } else return null;
    const at = Date.parse(`${p.fiscal_year}-07-22T02:00:00.000Z`) + rng.int(0, 12) * DAY;
    return {
      id: uuidFrom(this.#seed, p.mof_div_code, p.fiscal_year, p.pro_code, 'disposition'),
      report_id: report.id,
      round_id: report.round_id,
      mof_div_code: p.mof_div_code,
      fiscal_year: p.fiscal_year,
      pro_code: p.pro_code,
      kind,
      reason: rng.pick(REASONS[kind][report.target_light === 'RED' ? 'target' : 'execution']),
      created_by: SYSTEM_USER_ID,
      created_at: new Date(at + rng.int(0, 8 * 3600) * 1000).toISOString(),
    };
  }
}

/** Every project of `g` with its target and its monitoring data (for tests and the exchange writer). */
export function* generateMonitoring(
  g: GeneratedRegion,
  policy: TPolicy = DEFAULT_POLICY,
): Generator<ProjectTarget & ProjectMonitoring, void, undefined> {
  const stream = new MonitoringStream(g, policy);
  for (const item of generateTargets(g, policy)) yield { ...item, ...stream.of(item) };
}
