/** DTOs of monitoring reports (contracts/monitoring.ts) and who may do what with one. */
import type { TDisposition, TLight, TReportListItem, TReportView } from '../../../contracts/monitoring.ts';
import { DISPOSITION_KINDS } from '../../../contracts/monitoring.ts';
import { issueMessage } from '../../../contracts/issues.ts';
import { LIGHTS, monthOf, progressOf } from '../../../domain/monitoring/lights.ts';
import type { TPolicy } from '../../../domain/policy/policy.ts';
import type { Actor } from '../../context.ts';
import { draftOf } from '../targets/index.ts';
import type { TargetIndicatorRow, VersionRow } from './compute.repository.ts';
import type {
  findDispositions,
  MonitoringIndicatorRow,
  ReportRow,
  ReportWithNames,
} from './monitoring.repository.ts';
import { checkRound, storedDraft } from './report-compute.ts';

type Action = TReportView['actions'][number];
export type DispositionRow = Awaited<ReturnType<typeof findDispositions>>[number];

export const lightOf = (v: string | null): TLight | null => LIGHTS.find((l) => l === v) ?? null;

/** Whether the actor prepares this report: a preparer of its unit. */
export function canReport(actor: Actor, r: Pick<ReportRow, 'mofDivCode' | 'agencyCode'>): boolean {
  return (
    actor.permissions.includes('monitoring:report') &&
    actor.roles.includes('PREPARER') &&
    actor.scope.units.some((u) => u.mofDivCode === r.mofDivCode && u.agencyCodes.includes(r.agencyCode))
  );
}

export function actionsOf(actor: Actor, rw: ReportWithNames): Action[] {
  const out: Action[] = [];
  if (canReport(actor, rw.report) && rw.roundStatus === 'OPEN' && rw.report.status === 'DRAFT')
    out.push('edit', 'submit');
  if (actor.permissions.includes('monitoring:dispose') && rw.report.projectLight === 'RED')
    out.push('dispose');
  return out;
}

export function dispositionDto(r: DispositionRow): TDisposition {
  return {
    id: r.d.id,
    round_id: r.d.roundId,
    round_title: r.roundTitle,
    kind: DISPOSITION_KINDS.find((k) => k === r.d.kind) ?? 'CONTINUE',
    reason: r.d.reason,
    actor_name: r.actorName,
    at: r.d.createdAt.toISOString(),
  };
}

/** The stored report as the compute input: its own frozen B and E (a closed round does not move). */
function storedRow(r: ReportRow) {
  return {
    payments: r.executedSource === 'PAYMENTS' ? 1 : 0,
    paid: r.executed ?? '0.00',
    executed: r.executed,
    executedSource: r.executedSource,
    forecastExecuted: r.forecastExecuted,
    plannedExecuted: r.plannedExecuted,
  };
}

export function reportView(input: {
  actor: Actor;
  rw: ReportWithNames;
  rows: MonitoringIndicatorRow[];
  target: { version: VersionRow; rows: TargetIndicatorRow[] } | undefined;
  policy: TPolicy;
  dispositions: DispositionRow[];
}): TReportView {
  const { actor, rw, rows } = input;
  const r = rw.report;
  const target = input.target ? draftOf(input.target.version, input.target.rows) : null;
  const draft = storedDraft(storedRow(r), rows);
  const issues = target
    ? checkRound(rw.asOf, draft, target, { policy: input.policy, amount: r.budget }).issues
    : [];
  const bySeq = new Map(rows.map((m) => [m.seq, m]));
  const indicators = (input.target?.rows ?? []).map((t, i) => {
    const d = target?.indicators[i];
    const m = bySeq.get(t.seq);
    return {
      seq: t.seq,
      kpi_lv1: t.kpiLv1,
      kpi_lv2: t.kpiLv2,
      kpi_lv3: t.kpiLv3,
      computesign: t.computesign,
      kpi_val: t.kpiVal,
      meterunit: t.meterunit,
      weight: d?.weight ?? t.weight,
      progress: progressOf({ progress: t.progress, meterunit: t.meterunit }),
      value: m?.value ?? null,
      light: lightOf(m?.light ?? null),
    };
  });
  const executionLight = lightOf(r.executionLight);
  return {
    id: r.id,
    round: {
      id: r.roundId,
      title: rw.roundTitle,
      as_of: rw.asOf,
      month: monthOf(rw.asOf),
      deadline: rw.deadline,
      status: rw.roundStatus,
    },
    project: {
      id: r.projectId,
      pro_code: r.proCode,
      pro_name: rw.proName,
      dept_code: r.deptCode,
      dept_name: rw.deptName,
      agency_code: r.agencyCode,
      agency_name: rw.agencyName,
      funds_status: rw.fundsStatus,
    },
    status: r.status,
    row_version: r.rowVersion,
    budget: r.budget,
    paid_to_date: r.executedSource === 'PAYMENTS' ? r.executed : null,
    executed_source: r.executedSource,
    indicators,
    draft,
    execution: executionLight ? { value: r.executionValue, light: executionLight } : null,
    target_light: lightOf(r.targetLight),
    project_light: lightOf(r.projectLight),
    issues: issues.map((i) => ({
      path: i.path,
      code: i.code,
      level: i.level,
      message: issueMessage(i, actor.lang),
    })),
    dispositions: input.dispositions.map(dispositionDto),
    actions: actionsOf(actor, rw),
    submitted_at: r.submittedAt?.toISOString() ?? null,
    updated_at: r.updatedAt.toISOString(),
  };
}

export function listItemDto(rw: ReportWithNames): TReportListItem {
  const r = rw.report;
  return {
    id: r.id,
    round_id: r.roundId,
    round_title: rw.roundTitle,
    as_of: rw.asOf,
    project_id: r.projectId,
    pro_code: r.proCode,
    pro_name: rw.proName,
    dept_code: r.deptCode,
    dept_name: rw.deptName,
    agency_code: r.agencyCode,
    agency_name: rw.agencyName,
    section_name: rw.sectionName,
    budget: r.budget,
    executed: r.executed,
    execution_value: r.executionValue,
    execution_light: lightOf(r.executionLight),
    target_light: lightOf(r.targetLight),
    project_light: lightOf(r.projectLight),
    status: r.status,
    funds_status: rw.fundsStatus,
    disposition: DISPOSITION_KINDS.find((k) => k === rw.disposition) ?? null,
    updated_at: r.updatedAt.toISOString(),
  };
}
