/**
 * API schemas of targets, review, tasks and the to-do list (/api/v1). The draft is the
 * exchange-format shape (values as text), so that forms, imports and `validate` share one
 * checker (domain/targets).
 */
import { z } from 'zod';
import { FLAG_CODES } from '../domain/targets/difficulty.ts';
import {
  REVIEW_DIMENSIONS,
  REVIEW_GRADES,
  REVIEW_STEPS,
  TARGET_STATUSES,
} from '../domain/targets/workflow.ts';
import { ZQueryFlag, ZYear } from './api.ts';

const text = (max: number) => z.string().max(max).nullable();

export const ZIndicatorDraft = z.object({
  kpi_lv1: text(20),
  kpi_lv2: text(20),
  kpi_lv3: text(200),
  computesign: text(10),
  kpi_val: text(200),
  meterunit: text(40),
  weight: text(20),
  progress: text(20),
  value_basis: text(20),
  library_code: text(40),
  last_target: text(40),
  last_actual: text(40),
  data_source: text(500),
  scoring_standard: text(2000),
  justification: text(2000),
  explanation: text(2000),
  is_core: z.boolean().optional(),
});
export type TIndicatorDraft = z.infer<typeof ZIndicatorDraft>;

export const ZTargetDraft = z.object({
  long_term_goal: text(4000),
  annual_goal: text(4000),
  justification: text(4000),
  explanation: text(4000),
  indicators: z.array(ZIndicatorDraft).max(200),
});
export type TTargetDraft = z.infer<typeof ZTargetDraft>;

export const ZTargetStatus = z.enum(TARGET_STATUSES);
export const ZReviewStep = z.enum(REVIEW_STEPS);
export const ZReviewGrade = z.enum(REVIEW_GRADES);

export const ZFlagView = z.object({
  index: z.number().int().nullable(),
  kpi_lv3: z.string().nullable(),
  flag: z.enum(FLAG_CODES),
  evidence: z.object({
    target: z.string().optional(),
    last_target: z.string().optional(),
    last_actual: z.string().optional(),
    peer_count: z.number().int().optional(),
    peer_median: z.string().optional(),
    peer_best: z.string().optional(),
    amount: z.string().optional(),
    quantitative_count: z.number().int().optional(),
  }),
});
export type TFlagView = z.infer<typeof ZFlagView>;

export const ZIssueView = z.object({
  path: z.string(),
  code: z.string(),
  level: z.enum(['error', 'warning']),
  message: z.string(),
});

export const ZReview = z.object({
  id: z.string(),
  version_no: z.number().int(),
  step: ZReviewStep.nullable(),
  action: z.enum(['SUBMIT', 'APPROVE', 'RETURN', 'REJECT', 'UNLOCK', 'ADJUST']),
  comment: z.string().nullable(),
  indicator_comments: z.array(z.object({ kpi_lv3: z.string(), comment: z.string() })),
  grades: z.record(z.string(), ZReviewGrade).nullable(),
  grade: ZReviewGrade.nullable(),
  fixes: z.string().nullable(),
  actor_name: z.string().nullable(),
  at: z.string(),
});
export type TReview = z.infer<typeof ZReview>;

export const ZTargetVersion = z.object({
  version_no: z.number().int(),
  status: z.string(),
  draft: ZTargetDraft,
  flags: z.array(ZFlagView),
  grade: ZReviewGrade.nullable(),
  fixes: z.string().nullable(),
  adjustment_reason: z.string().nullable(),
  created_at: z.string(),
  submitted_at: z.string().nullable(),
  approved_at: z.string().nullable(),
});
export type TTargetVersion = z.infer<typeof ZTargetVersion>;

export const TARGET_ACTIONS = [
  'edit',
  'submit',
  'approve',
  'return',
  'reject',
  'grade',
  'unlock',
  'adjust',
] as const;

export const ZCoreRequirement = z.object({
  library_code: z.string(),
  kpi_lv3: z.string(),
  kpi_lv1: z.string(),
  kpi_lv2: z.string(),
  computesign: z.string(),
  meterunit: z.string().nullable(),
  progress: z.string(),
});

/** The subject of a target: a project, or a department's overall expenditure. */
export const ZTargetSubject = z.object({
  kind: z.enum(['PROJECT', 'DEPARTMENT']),
  project_id: z.string().nullable(),
  pro_code: z.string().nullable(),
  name: z.string(),
  mof_div_code: z.string(),
  fiscal_year: z.string(),
  dept_code: z.string(),
  dept_name: z.string().nullable(),
  agency_code: z.string().nullable(),
  agency_name: z.string().nullable(),
  amount: z.string(),
  func_class: z.string().nullable(),
  multi_year: z.boolean(),
});

export const ZTargetView = z.object({
  /** null when no target exists yet: `version.draft` is then the proposed start (last year's, core indicators). */
  id: z.string().nullable(),
  subject: ZTargetSubject,
  status: ZTargetStatus,
  step: ZReviewStep.nullable(),
  locked: z.boolean(),
  row_version: z.number().int(),
  current_version: z.number().int(),
  in_force_version: z.number().int().nullable(),
  chain: z.array(ZReviewStep),
  version: ZTargetVersion,
  versions: z.array(
    z.object({
      version_no: z.number().int(),
      status: z.string(),
      created_at: z.string(),
      approved_at: z.string().nullable(),
    }),
  ),
  reviews: z.array(ZReview),
  core: z.array(ZCoreRequirement),
  allowed_actions: z.array(z.enum(TARGET_ACTIONS)),
});
export type TTargetView = z.infer<typeof ZTargetView>;

export const ZSaveTarget = z.object({
  row_version: z.number().int().min(0),
  draft: ZTargetDraft,
  /** Department targets only: the department's overall budget in yuan. */
  amount: z
    .string()
    .regex(/^\d+(\.\d{1,2})?$/)
    .optional(),
});
export type TSaveTarget = z.infer<typeof ZSaveTarget>;

export const ZRowVersion = z.object({ row_version: z.number().int().min(1) });

export const ZReviewRequest = z.object({
  row_version: z.number().int().min(1),
  action: z.enum(['APPROVE', 'RETURN', 'REJECT']),
  comment: z.string().max(4000).nullable().optional(),
  indicator_comments: z
    .array(z.object({ kpi_lv3: z.string().min(1).max(200), comment: z.string().min(1).max(2000) }))
    .max(200)
    .default([]),
  /** Finance section only: the four dimensions and the overall grade decide the outcome. */
  grades: z.partialRecord(z.enum(REVIEW_DIMENSIONS), ZReviewGrade).optional(),
  grade: ZReviewGrade.optional(),
  fixes: z.string().max(4000).nullable().optional(),
});
export type TReviewRequest = z.infer<typeof ZReviewRequest>;

export const ZReasonRequest = z.object({
  row_version: z.number().int().min(1),
  reason: z.string().trim().min(2).max(2000),
});

export const ZPeerStats = z.record(
  z.string(),
  z.object({ count: z.number().int(), median: z.string(), min: z.string(), max: z.string() }),
);
export type TPeerStats = z.infer<typeof ZPeerStats>;

export const ZTargetDiff = z.object({
  from: z.number().int(),
  to: z.number().int(),
  goals: z.array(
    z.object({ field: z.string(), before: z.string().nullable(), after: z.string().nullable() }),
  ),
  indicators: z.array(
    z.object({
      kpi_lv3: z.string(),
      change: z.enum(['ADDED', 'REMOVED', 'CHANGED']),
      fields: z.array(
        z.object({ field: z.string(), before: z.string().nullable(), after: z.string().nullable() }),
      ),
    }),
  ),
});

/** A row of the review lists and the to-do list. */
export const ZTargetListItem = z.object({
  id: z.string(),
  kind: z.enum(['PROJECT', 'DEPARTMENT']),
  project_id: z.string().nullable(),
  pro_code: z.string().nullable(),
  name: z.string(),
  dept_code: z.string(),
  dept_name: z.string().nullable(),
  agency_code: z.string().nullable(),
  agency_name: z.string().nullable(),
  amount: z.string(),
  status: ZTargetStatus,
  step: ZReviewStep.nullable(),
  current_version: z.number().int(),
  flag_count: z.number().int(),
  deadline: z.string().nullable(),
  overdue: z.boolean(),
  updated_at: z.string(),
});
export type TTargetListItem = z.infer<typeof ZTargetListItem>;

export const ZTargetListQuery = z.object({
  fiscal_year: ZYear.optional(),
  status: ZTargetStatus.optional(),
  step: ZReviewStep.optional(),
  dept_code: z.string().max(40).optional(),
  q: z.string().max(100).optional(),
  /** Only what waits for the actor (the to-do list). */
  todo: ZQueryFlag.optional(),
  page: z.coerce.number().int().min(1).default(1),
  page_size: z.coerce.number().int().min(1).max(200).default(20),
});
export const ZTargetList = z.object({ items: z.array(ZTargetListItem), total: z.number().int() });

// ---- tasks ----
export const ZCreateTask = z.object({
  mof_div_code: z.string().regex(/^\d{6,9}$/),
  fiscal_year: ZYear,
  title: z.string().trim().min(2).max(200),
  dept_codes: z.array(z.string().max(40)).max(500).default([]),
  agency_codes: z.array(z.string().max(40)).max(5000).default([]),
  deadline: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
});
export type TCreateTask = z.infer<typeof ZCreateTask>;

export const ZTask = z.object({
  id: z.string(),
  mof_div_code: z.string(),
  fiscal_year: z.string(),
  stage: z.literal('TARGET'),
  title: z.string(),
  dept_codes: z.array(z.string()),
  agency_codes: z.array(z.string()),
  deadline: z.string(),
  status: z.enum(['OPEN', 'CLOSED']),
  created_at: z.string(),
  progress: z.object({
    projects: z.number().int(),
    not_started: z.number().int(),
    draft: z.number().int(),
    in_review: z.number().int(),
    approved: z.number().int(),
    returned: z.number().int(),
    rejected: z.number().int(),
  }),
  overdue: z.boolean(),
});
export type TTask = z.infer<typeof ZTask>;

export const ZOverdueItem = z.object({
  project_id: z.string(),
  pro_code: z.string(),
  pro_name: z.string(),
  dept_code: z.string(),
  dept_name: z.string().nullable(),
  agency_code: z.string(),
  agency_name: z.string().nullable(),
  amount: z.string(),
  status: z.string(),
  step: z.string().nullable(),
});
export const ZOverdueList = z.object({ items: z.array(ZOverdueItem), total: z.number().int() });
