/**
 * API schemas of in-year monitoring (/api/v1, domain.md §5): rounds, the project reports with
 * their lights, payment records, dispositions of RED projects, the warnings list and a project's
 * lights across rounds. A report's draft is the exchange format's monitoring round (values as
 * text), so the form, the import and `validate` share one checker (domain/monitoring/lights.ts).
 */
import { z } from 'zod';
import { DEVIATION_CAUSES, LEVELS, LIGHTS, LIKELIHOODS } from '../domain/monitoring/lights.ts';
import { ZQueryFlag, ZYear } from './api.ts';
import { ZIssueView } from './targets.ts';

const text = (max: number) => z.string().max(max).nullable();
const ZIsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date YYYY-MM-DD');

export const ZLight = z.enum(LIGHTS);
export type TLight = z.infer<typeof ZLight>;

export const DISPOSITION_KINDS = ['CONTINUE', 'ADJUST_TARGET', 'SUSPEND_FUNDS', 'STOP_RECOVER'] as const;
export const ZDispositionKind = z.enum(DISPOSITION_KINDS);
export const FUNDS_STATUSES = ['NORMAL', 'SUSPENDED', 'STOPPED'] as const;
export const ZFundsStatus = z.enum(FUNDS_STATUSES);

// ---- rounds ----

export const ZIssueRound = z.object({
  fiscal_year: ZYear,
  title: z.string().trim().min(2).max(200),
  as_of: ZIsoDate,
  deadline: ZIsoDate,
  /** Departments and units covered; empty lists: the whole region. */
  dept_codes: z.array(z.string().max(40)).max(500).default([]),
  agency_codes: z.array(z.string().max(40)).max(2000).default([]),
});
export type TIssueRound = z.infer<typeof ZIssueRound>;

export const ZRound = z.object({
  id: z.string(),
  mof_div_code: z.string(),
  fiscal_year: z.string(),
  title: z.string(),
  as_of: z.string(),
  /** The month m of the as-of date (1–12). */
  month: z.number().int(),
  deadline: z.string(),
  dept_codes: z.array(z.string()),
  agency_codes: z.array(z.string()),
  status: z.enum(['OPEN', 'CLOSED']),
  overdue: z.boolean(),
  created_at: z.string(),
  /** Progress in the actor's scope. */
  reports: z.number().int(),
  submitted: z.number().int(),
  lights: z.record(ZLight, z.number().int()),
});
export type TRound = z.infer<typeof ZRound>;
export const ZRoundList = z.object({ items: z.array(ZRound) });

// ---- reports ----

/** One indicator row of a report as the form edits it (exchange-format field names). */
export const ZMonitoringIndicatorDraft = z.object({
  kpi_lv3: z.string().max(200),
  actual: text(40),
  forecast: text(40),
  planned: text(40),
  likelihood: z.enum(LIKELIHOODS).nullable(),
  level: z.enum(LEVELS).nullable(),
  deviation_causes: z.array(z.enum(DEVIATION_CAUSES)).max(5),
  analysis: text(2000),
  measures: text(2000),
});
export type TMonitoringIndicatorDraft = z.infer<typeof ZMonitoringIndicatorDraft>;

/** The draft of a report: the exchange format's monitoring round without `as_of` (the round's). */
export const ZMonitoringDraft = z.object({
  /** Typed only where no payment record exists for the project (else ignored: from payments). */
  executed: text(40),
  forecast_executed: text(40),
  planned_executed: text(40),
  indicators: z.array(ZMonitoringIndicatorDraft).max(200),
});
export type TMonitoringDraft = z.infer<typeof ZMonitoringDraft>;

/** An indicator of the in-force target as the form shows it next to the row. */
export const ZReportIndicator = z.object({
  seq: z.number().int(),
  kpi_lv1: z.string(),
  kpi_lv2: z.string(),
  kpi_lv3: z.string(),
  computesign: z.string(),
  kpi_val: z.string(),
  meterunit: z.string().nullable(),
  weight: z.string(),
  progress: z.string(),
  /** The light and value computed for the saved row (null before the first save). */
  value: z.string().nullable(),
  light: ZLight.nullable(),
});

export const ZDisposition = z.object({
  id: z.string(),
  round_id: z.string(),
  round_title: z.string(),
  kind: ZDispositionKind,
  reason: z.string(),
  actor_name: z.string().nullable(),
  at: z.string(),
});
export type TDisposition = z.infer<typeof ZDisposition>;

export const ZReportView = z.object({
  id: z.string(),
  round: ZRound.pick({ id: true, title: true, as_of: true, month: true, deadline: true, status: true }),
  project: z.object({
    id: z.string(),
    pro_code: z.string(),
    pro_name: z.string(),
    dept_code: z.string(),
    dept_name: z.string().nullable(),
    agency_code: z.string(),
    agency_name: z.string().nullable(),
    funds_status: ZFundsStatus,
  }),
  status: z.enum(['DRAFT', 'SUBMITTED']),
  row_version: z.number().int(),
  /** B: the project's current full-year budget. */
  budget: z.string(),
  /** E from the imported payment records up to the as-of date (null: none imported). */
  paid_to_date: z.string().nullable(),
  executed_source: z.enum(['PAYMENTS', 'TYPED']).nullable(),
  indicators: z.array(ZReportIndicator),
  draft: ZMonitoringDraft,
  execution: z.object({ value: z.string().nullable(), light: ZLight }).nullable(),
  target_light: ZLight.nullable(),
  project_light: ZLight.nullable(),
  /** The domain checks of the saved draft (errors block submission). */
  issues: z.array(ZIssueView),
  dispositions: z.array(ZDisposition),
  actions: z.array(z.enum(['edit', 'submit', 'dispose'])),
  submitted_at: z.string().nullable(),
  updated_at: z.string(),
});
export type TReportView = z.infer<typeof ZReportView>;

export const ZSaveReport = z.object({ row_version: z.number().int().min(1), draft: ZMonitoringDraft });

/** A row of the report lists and the warnings page. */
export const ZReportListItem = z.object({
  id: z.string(),
  round_id: z.string(),
  round_title: z.string(),
  as_of: z.string(),
  project_id: z.string(),
  pro_code: z.string(),
  pro_name: z.string(),
  dept_code: z.string(),
  dept_name: z.string().nullable(),
  agency_code: z.string(),
  agency_name: z.string().nullable(),
  section_name: z.string().nullable(),
  budget: z.string(),
  executed: z.string().nullable(),
  execution_value: z.string().nullable(),
  execution_light: ZLight.nullable(),
  target_light: ZLight.nullable(),
  project_light: ZLight.nullable(),
  status: z.enum(['DRAFT', 'SUBMITTED']),
  funds_status: ZFundsStatus,
  /** The newest disposition in this round, if any. */
  disposition: ZDispositionKind.nullable(),
  updated_at: z.string(),
});
export type TReportListItem = z.infer<typeof ZReportListItem>;

export const ZReportListQuery = z.object({
  round_id: z.string().uuid().optional(),
  fiscal_year: ZYear.optional(),
  /** Comma-separated project lights, e.g. `RED,YELLOW` (the warnings page). */
  lights: z.string().max(40).optional(),
  status: z.enum(['DRAFT', 'SUBMITTED']).optional(),
  dept_code: z.string().max(40).optional(),
  section_id: z.string().max(40).optional(),
  q: z.string().max(100).optional(),
  /** Only what waits for the actor: drafts of their units. */
  todo: ZQueryFlag.optional(),
  page: z.coerce.number().int().min(1).default(1),
  page_size: z.coerce.number().int().min(1).max(200).default(20),
});
export type TReportListQuery = z.infer<typeof ZReportListQuery>;
export const ZReportList = z.object({ items: z.array(ZReportListItem), total: z.number().int() });

export const ZDisposeRequest = z.object({
  row_version: z.number().int().min(1),
  kind: ZDispositionKind,
  reason: z.string().trim().min(2).max(2000),
});

/** A project's lights across the rounds of its year (the timeline), with its dispositions. */
export const ZProjectMonitoring = z.object({
  funds_status: ZFundsStatus,
  rounds: z.array(
    z.object({
      round_id: z.string(),
      title: z.string(),
      as_of: z.string(),
      report_id: z.string(),
      status: z.enum(['DRAFT', 'SUBMITTED']),
      execution_light: ZLight.nullable(),
      target_light: ZLight.nullable(),
      project_light: ZLight.nullable(),
      execution_value: z.string().nullable(),
    }),
  ),
  dispositions: z.array(ZDisposition),
});
export type TProjectMonitoring = z.infer<typeof ZProjectMonitoring>;
