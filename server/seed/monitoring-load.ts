/**
 * Writes the generated monitoring data (monitoring.ts) next to the targets (targets-load.ts): the
 * rounds first, then per batch of projects — called by loadTargets after the batch's targets —
 * one transaction of set-based statements, each an INSERT … SELECT FROM unnest(arrays): payments,
 * reports (their project_id joined from projects), indicator rows, dispositions (project_id from
 * their report) and the suspended projects' funds status. Memory stays bounded by one batch.
 */
import { sql } from 'drizzle-orm';
import type { TPolicy } from '../../domain/policy/policy.ts';
import type { Database } from '../db/client.ts';
import {
  dispositions,
  monitoringIndicators,
  monitoringReports,
  monitoringRounds,
  payments,
  projects,
} from '../db/schema.ts';
import type { GeneratedRegion } from './generate.ts';
import {
  MonitoringStream,
  type DispositionRow,
  type MonitoringIndicatorRow,
  type PaymentRow,
  type ReportRow,
  type RoundRow,
} from './monitoring.ts';
import type { ProjectTarget } from './targets.ts';
import { cellOf, count, idents, unnestInsert, unnestOf } from './targets-load.ts';

export interface MonitoringLoadResult {
  rounds: number;
  reports: number;
  indicators: number;
  payments: number;
  dispositions: number;
  /** Projects whose funds a disposition suspended. */
  suspended: number;
}

const ROUND_COLUMNS = [
  'id',
  'mof_div_code',
  'fiscal_year',
  'title',
  'as_of',
  'dept_codes',
  'agency_codes',
  'deadline',
  'status',
  'created_by',
  'created_at',
] as const satisfies readonly (keyof RoundRow)[];

const PAYMENT_COLUMNS = [
  'mof_div_code',
  'fiscal_year',
  'pro_code',
  'pay_date',
  'amount',
  'voucher_no',
] as const satisfies readonly (keyof PaymentRow)[];

const REPORT_COLUMNS = [
  'id',
  'round_id',
  'target_id',
  'target_version',
  'mof_div_code',
  'fiscal_year',
  'dept_code',
  'agency_code',
  'pro_code',
  'status',
  'budget',
  'executed',
  'executed_source',
  'forecast_executed',
  'planned_executed',
  'execution_value',
  'execution_light',
  'target_light',
  'project_light',
  'row_version',
  'submitted_at',
  'created_at',
  'updated_at',
] as const satisfies readonly (keyof ReportRow)[];

const INDICATOR_COLUMNS = [
  'report_id',
  'seq',
  'kpi_lv3',
  'actual',
  'actual_num',
  'forecast',
  'planned',
  'likelihood',
  'level',
  'deviation_causes',
  'analysis',
  'measures',
  'value',
  'light',
] as const satisfies readonly (keyof MonitoringIndicatorRow)[];

const DISPOSITION_COLUMNS = [
  'id',
  'report_id',
  'round_id',
  'mof_div_code',
  'kind',
  'reason',
  'created_by',
  'created_at',
] as const satisfies readonly (keyof DispositionRow)[];

/** The monitoring data of a generated region, written batch by batch alongside its targets. */
export class MonitoringLoader {
  readonly #database: Database;
  readonly #stream: MonitoringStream;
  readonly #result: MonitoringLoadResult = {
    rounds: 0,
    reports: 0,
    indicators: 0,
    payments: 0,
    dispositions: 0,
    suspended: 0,
  };

  constructor(database: Database, generated: GeneratedRegion, policy?: TPolicy) {
    this.#database = database;
    this.#stream = new MonitoringStream(generated, policy);
  }

  get result(): MonitoringLoadResult {
    return { ...this.#result };
  }

  /** Write the rounds (one per data region). */
  async begin(): Promise<void> {
    const rounds = this.#stream.rounds();
    if (rounds.length > 0) {
      await this.#database.db.execute(unnestInsert(monitoringRounds, ROUND_COLUMNS, rounds, 'r'));
    }
    this.#result.rounds = rounds.length;
  }

  /** Generate and write the monitoring data of one batch of the target stream (in stream order). */
  async write(batch: readonly ProjectTarget[]): Promise<void> {
    const paymentRows: PaymentRow[] = [];
    const reportRows: ReportRow[] = [];
    const indicatorRows: MonitoringIndicatorRow[] = [];
    const dispositionRows: DispositionRow[] = [];
    for (const item of batch) {
      const m = this.#stream.of(item);
      paymentRows.push(...m.payments);
      if (!m.report) continue;
      reportRows.push(m.report.report);
      indicatorRows.push(...m.report.indicators);
      if (m.report.disposition) dispositionRows.push(m.report.disposition);
    }
    if (paymentRows.length === 0 && reportRows.length === 0) return;
    const database = this.#database;
    await database.db.transaction(async (tx) => {
      if (paymentRows.length > 0) await tx.execute(unnestInsert(payments, PAYMENT_COLUMNS, paymentRows, 'y'));
      if (reportRows.length === 0) return;
      const written = await count(
        database,
        tx,
        sql`with ins as (
          insert into ${monitoringReports} (${idents(REPORT_COLUMNS)}, project_id)
          select ${sql.join(
            REPORT_COLUMNS.map((c) => sql`u.${sql.identifier(c)}`),
            sql`, `,
          )}, p.id
          from ${unnestOf(monitoringReports, REPORT_COLUMNS, reportRows, cellOf, 'u')}
          join ${projects} p
            on p.mof_div_code = u.mof_div_code and p.fiscal_year = u.fiscal_year and p.pro_code = u.pro_code
          returning 1)
        select count(*) as n from ins`,
      );
      if (written !== reportRows.length) {
        throw new Error(
          `${String(reportRows.length - written)} generated monitoring report(s) have no project in the database`,
        );
      }
      await tx.execute(unnestInsert(monitoringIndicators, INDICATOR_COLUMNS, indicatorRows, 'i'));
      if (dispositionRows.length === 0) return;
      await tx.execute(sql`insert into ${dispositions} (${idents(DISPOSITION_COLUMNS)}, project_id)
        select ${sql.join(
          DISPOSITION_COLUMNS.map((c) => sql`d.${sql.identifier(c)}`),
          sql`, `,
        )}, r.project_id
        from ${unnestOf(dispositions, DISPOSITION_COLUMNS, dispositionRows, cellOf, 'd')}
        join ${monitoringReports} r on r.id = d.report_id`);
      const suspended = dispositionRows.filter((d) => d.kind === 'SUSPEND_FUNDS').map((d) => d.report_id);
      if (suspended.length > 0) {
        await tx.execute(sql`update ${projects} set funds_status = 'SUSPENDED'
          where id in (select project_id from ${monitoringReports}
                       where id = any(${sql.param(suspended)}::uuid[]))`);
      }
      this.#result.suspended += suspended.length;
    });
    this.#result.payments += paymentRows.length;
    this.#result.reports += reportRows.length;
    this.#result.indicators += indicatorRows.length;
    this.#result.dispositions += dispositionRows.length;
  }
}
