/**
 * A report's lights, always by domain/monitoring/lights.ts computeMonitoringRound: the stored
 * report is turned into the exchange format's monitoring round (values as text) and checked
 * against the in-force target version's draft, with B and the executed amount decided here.
 */
import { Decimal } from 'decimal.js';
import type { TMonitoringDraft, TMonitoringIndicatorDraft } from '../../../contracts/monitoring.ts';
import { readDecimal } from '../../../domain/decimal-text.ts';
import type { Issue } from '../../../domain/issues.ts';
import {
  computeMonitoringRound,
  DEVIATION_CAUSES,
  LEVELS,
  LIKELIHOODS,
  type MonitoringResult,
} from '../../../domain/monitoring/lights.ts';
import type { TPolicy } from '../../../domain/policy/policy.ts';
import type { TargetDraft } from '../../../domain/targets/indicator.ts';
import type { Executor } from '../../db/client.ts';
import { draftOf } from '../targets/index.ts';
import * as crepo from './compute.repository.ts';
import type { MonitoringIndicatorRow } from './monitoring.repository.ts';

export type PolicyOf = (mof: string, year: string) => Promise<TPolicy>;

/**
 * B, the project's current full-year budget after adjustments (domain.md §5): `projects.amount`.
 * Not `amount_current`: that column is the current-year appropriation (当年财政拨款), one part of
 * `amount` next to carry-over, transfers and other funds; the exchange format's `amount` (the
 * figure `validate` divides by) is stored in `projects.amount` and kept there by adjustments.
 */
export function budgetOf(row: Pick<crepo.ComputeRow, 'amount'>): string {
  return row.amount;
}

/**
 * E: the sum of the project's payment records up to the as-of date as soon as the project has
 * any payment record (source PAYMENTS), else the amount the unit typed (TYPED), else nothing.
 */
export function executedOf(
  row: Pick<crepo.ComputeRow, 'payments' | 'paid' | 'executed' | 'executedSource'>,
  typed?: string | null,
): { executed: string | null; source: 'PAYMENTS' | 'TYPED' | null } {
  if (row.payments > 0) return { executed: row.paid, source: 'PAYMENTS' };
  const t = typed === undefined ? (row.executedSource === 'TYPED' ? row.executed : null) : typed;
  return t === null || t.trim() === '' ? { executed: null, source: null } : { executed: t, source: 'TYPED' };
}

const pick = <T extends string>(values: readonly T[], v: string | null): T | null =>
  values.find((x) => x === v) ?? null;

/** A stored indicator row as the form's draft row. */
export function draftRow(r: MonitoringIndicatorRow): TMonitoringIndicatorDraft {
  return {
    kpi_lv3: r.kpiLv3,
    actual: r.actual,
    forecast: r.forecast,
    planned: r.planned,
    likelihood: pick(LIKELIHOODS, r.likelihood),
    level: pick(LEVELS, r.level),
    deviation_causes: r.deviationCauses.flatMap((c) => pick(DEVIATION_CAUSES, c) ?? []),
    analysis: r.analysis,
    measures: r.measures,
  };
}

/** The stored report as the form's draft (executed: the amount the lights use). */
export function storedDraft(
  row: Pick<
    crepo.ComputeRow,
    'payments' | 'paid' | 'executed' | 'executedSource' | 'forecastExecuted' | 'plannedExecuted'
  >,
  rows: MonitoringIndicatorRow[],
): TMonitoringDraft {
  return {
    executed: executedOf(row).executed,
    forecast_executed: row.forecastExecuted,
    planned_executed: row.plannedExecuted,
    indicators: rows.map(draftRow),
  };
}

/** Check a draft as the exchange format's monitoring round of `asOf` (paths relative to the form). */
export function checkRound(
  asOf: string,
  draft: TMonitoringDraft,
  target: TargetDraft,
  ctx: { policy: TPolicy; amount: string },
): { issues: Issue[]; result: MonitoringResult | null } {
  const round = { as_of: asOf, ...draft };
  return computeMonitoringRound(round, target, { policy: ctx.policy, amount: ctx.amount, base: '' });
}

const MONEY_FIELDS = ['executed', 'forecast_executed', 'planned_executed'];

/**
 * The issues that keep a draft from being stored at all: rows that name no indicator of the
 * target (or one twice), and money that is not money (stored as NUMERIC); `executed` only when
 * it is typed. Everything else is saved and shown as the form's issues.
 */
export function unstorable(issues: Issue[], typedExecuted: boolean): Issue[] {
  return issues.filter((i) => {
    if (i.code === 'MONITORING.UNKNOWN_INDICATOR' || i.code === 'INDICATOR.DUPLICATE_NAME') return true;
    if (/^indicators\[\d+\]\.kpi_lv3$/.test(i.path)) return true;
    if (!MONEY_FIELDS.includes(i.path) || i.code === 'FIELD.REQUIRED') return false;
    return i.path !== 'executed' || typedExecuted;
  });
}

export type Money = { ok: true; value: string | null } | { ok: false };

/** Money that fits NUMERIC(18,2), as stored (value null when absent); not ok when it is not money. */
export function moneyOf(text: string | null): Money {
  if (text === null || text.trim() === '') return { ok: true, value: null };
  const r = readDecimal(text, 2);
  return r.ok && r.value.abs().lt(1e16) ? { ok: true, value: r.value.toFixed(2) } : { ok: false };
}

/** A computed percentage as stored (NUMERIC(14,2)); an absurd one that does not fit is not kept. */
function fitting(v: string | null): string | null {
  return v !== null && new Decimal(v).abs().lt(1e12) ? v : null;
}

/** A numeric actual as stored in actual_num (null when it is not a number). */
export function numberOf(text: string | null): string | null {
  const r = readDecimal(text);
  return r.ok && r.value.abs().lt(1e30) ? r.value.toFixed() : null;
}

const BATCH = 500;

/**
 * Recompute and store the lights of reports (after a save or a payments import): B from the
 * project now, E from the payments, each light by computeMonitoringRound. Returns how many.
 */
export async function recomputeReports(exec: Executor, ids: string[], policyOf: PolicyOf): Promise<number> {
  let done = 0;
  for (let i = 0; i < ids.length; i += BATCH) {
    const batch = ids.slice(i, i + BATCH);
    const rows = await crepo.loadComputeRows(exec, batch);
    const targets = await crepo.loadTargets(exec, batch);
    const stored = await crepo.loadIndicatorRows(exec, batch);
    const reports: crepo.ComputedReport[] = [];
    const lights: crepo.ComputedIndicator[] = [];
    for (const row of rows) {
      const t = targets.get(row.id);
      const indicatorRows = stored.get(row.id) ?? [];
      const { executed, source } = executedOf(row);
      const target = t ? draftOf(t.version, t.rows) : null;
      const amount = budgetOf(row);
      const { result } = target
        ? checkRound(row.asOf, storedDraft(row, indicatorRows), target, {
            policy: await policyOf(row.mofDivCode, row.fiscalYear),
            amount,
          })
        : { result: null };
      reports.push({
        id: row.id,
        budget: amount,
        executed,
        executedSource: source,
        executionValue: fitting(result?.execution.value ?? null),
        executionLight: result?.execution.light ?? null,
        targetLight: result?.target_light ?? null,
        projectLight: result?.project_light ?? null,
      });
      const byName = new Map((result?.indicators ?? []).map((x) => [x.kpi_lv3, x]));
      for (const r of indicatorRows) {
        const hit = byName.get(r.kpiLv3);
        lights.push({
          reportId: row.id,
          seq: r.seq,
          value: fitting(hit?.value ?? null),
          light: hit?.light ?? null,
        });
      }
    }
    await crepo.storeComputed(exec, reports, lights);
    done += reports.length;
  }
  return done;
}
