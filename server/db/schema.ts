/**
 * The one database schema (Drizzle pg-core) for PGlite and PostgreSQL. Migrations in
 * ./migrations are generated from it with `npm run db:generate` and committed.
 * Money is NUMERIC(18,2); every business table carries mof_div_code and, where it applies,
 * fiscal_year.
 */
import {
  bigint,
  boolean,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';

const money = (name: string) => numeric(name, { precision: 18, scale: 2 });
const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const id = () =>
  uuid('id')
    .primaryKey()
    .default(sql`gen_random_uuid()`);

export const regions = pgTable(
  'regions',
  {
    mofDivCode: text('mof_div_code').primaryKey(),
    name: text('name').notNull(),
    level: text('level', { enum: ['PROVINCE', 'CITY', 'COUNTY'] }).notNull(),
    parentCode: text('parent_code'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('regions_parent_idx').on(t.parentCode)],
);

export const fiscalYears = pgTable(
  'fiscal_years',
  {
    mofDivCode: text('mof_div_code').notNull(),
    fiscalYear: text('fiscal_year').notNull(),
    status: text('status', { enum: ['OPEN', 'CLOSED'] })
      .notNull()
      .default('OPEN'),
  },
  (t) => [primaryKey({ columns: [t.mofDivCode, t.fiscalYear] })],
);

export const departments = pgTable(
  'departments',
  {
    id: id(),
    mofDivCode: text('mof_div_code').notNull(),
    deptCode: text('dept_code').notNull(),
    name: text('name').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('departments_code_uq').on(t.mofDivCode, t.deptCode)],
);

export const agencies = pgTable(
  'agencies',
  {
    id: id(),
    mofDivCode: text('mof_div_code').notNull(),
    deptCode: text('dept_code').notNull(),
    agencyCode: text('agency_code').notNull(),
    name: text('name').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('agencies_code_uq').on(t.mofDivCode, t.agencyCode),
    index('agencies_dept_idx').on(t.mofDivCode, t.deptCode),
  ],
);

export const sections = pgTable(
  'finance_sections',
  {
    id: id(),
    mofDivCode: text('mof_div_code').notNull(),
    sectionCode: text('section_code').notNull(),
    name: text('name').notNull(),
  },
  (t) => [uniqueIndex('sections_code_uq').on(t.mofDivCode, t.sectionCode)],
);

export const sectionDepartments = pgTable(
  'section_departments',
  {
    mofDivCode: text('mof_div_code').notNull(),
    sectionCode: text('section_code').notNull(),
    deptCode: text('dept_code').notNull(),
  },
  (t) => [primaryKey({ columns: [t.mofDivCode, t.sectionCode, t.deptCode] })],
);

export const projects = pgTable(
  'projects',
  {
    id: id(),
    mofDivCode: text('mof_div_code').notNull(),
    fiscalYear: text('fiscal_year').notNull(),
    proCode: text('pro_code').notNull(),
    proName: text('pro_name').notNull(),
    agencyCode: text('agency_code').notNull(),
    deptCode: text('dept_code').notNull(),
    budgetKind: text('budget_kind', {
      enum: ['GENERAL_PUBLIC', 'GOV_FUND', 'SOE_CAPITAL', 'SOCIAL_INSURANCE'],
    }).notNull(),
    isInvestmentFund: boolean('is_investment_fund').notNull().default(false),
    isDebt: boolean('is_debt').notNull().default(false),
    isPpp: boolean('is_ppp').notNull().default(false),
    isPurchasedService: boolean('is_purchased_service').notNull().default(false),
    funcClass: text('func_class').notNull(),
    amount: money('amount').notNull(),
    amountCurrent: money('amount_current').notNull().default('0'),
    amountCarryOver: money('amount_carry_over').notNull().default('0'),
    amountTransfer: money('amount_transfer').notNull().default('0'),
    amountOther: money('amount_other').notNull().default('0'),
    isNew: boolean('is_new').notNull(),
    startYear: text('start_year').notNull(),
    endYear: text('end_year').notNull(),
    parentProCode: text('parent_pro_code'),
    subMofCode: text('sub_mof_code'),
    /** Set by the newest disposition of a monitoring round: funds suspended or stopped. */
    fundsStatus: text('funds_status', { enum: ['NORMAL', 'SUSPENDED', 'STOPPED'] })
      .notNull()
      .default('NORMAL'),
    version: integer('version').notNull().default(1),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('projects_code_uq').on(t.mofDivCode, t.fiscalYear, t.proCode),
    index('projects_agency_idx').on(t.mofDivCode, t.fiscalYear, t.agencyCode),
    index('projects_dept_idx').on(t.mofDivCode, t.fiscalYear, t.deptCode),
    // The registry's default order across regions (province-level users).
    index('projects_year_code_idx').on(t.fiscalYear, t.proCode),
    index('projects_year_amount_idx').on(t.fiscalYear, t.amount),
    // Search by code or name uses trigram GIN indexes (pg_trgm), created in migration 0003.
  ],
);

export const policies = pgTable(
  'policies',
  {
    id: id(),
    mofDivCode: text('mof_div_code').notNull(),
    fiscalYear: text('fiscal_year').notNull(),
    version: integer('version').notNull(),
    document: jsonb('document').notNull(),
    reason: text('reason'),
    createdBy: uuid('created_by'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('policies_version_uq').on(t.mofDivCode, t.fiscalYear, t.version)],
);

export const settings = pgTable('settings', {
  key: text('key').primaryKey(),
  value: jsonb('value').notNull(),
  version: integer('version').notNull().default(1),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

export const users = pgTable('users', {
  id: id(),
  username: text('username').notNull().unique(),
  displayName: text('display_name').notNull(),
  passwordHash: text('password_hash').notNull(),
  mofDivCode: text('mof_div_code').notNull(),
  deptCode: text('dept_code'),
  agencyCode: text('agency_code'),
  sectionCode: text('section_code'),
  orgName: text('org_name'),
  mustChangePassword: boolean('must_change_password').notNull().default(true),
  isDemo: boolean('is_demo').notNull().default(false),
  status: text('status', { enum: ['ACTIVE', 'DISABLED'] })
    .notNull()
    .default('ACTIVE'),
  lockedUntil: ts('locked_until'),
  version: integer('version').notNull().default(1),
  createdAt: ts('created_at').notNull().defaultNow(),
  passwordChangedAt: ts('password_changed_at'),
});

export const userRoles = pgTable(
  'user_roles',
  {
    userId: uuid('user_id').notNull(),
    role: text('role').notNull(),
    grantedBy: uuid('granted_by'),
    grantedAt: ts('granted_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.role] })],
);

export const loginFailures = pgTable(
  'login_failures',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    userId: uuid('user_id').notNull(),
    at: ts('at').notNull(),
    ip: text('ip'),
  },
  (t) => [index('login_failures_user_idx').on(t.userId, t.at)],
);

export const sessions = pgTable(
  'sessions',
  {
    tokenHash: text('token_hash').primaryKey(),
    userId: uuid('user_id').notNull(),
    csrfToken: text('csrf_token').notNull(),
    createdAt: ts('created_at').notNull(),
    lastSeenAt: ts('last_seen_at').notNull(),
    ip: text('ip'),
    userAgent: text('user_agent'),
    mofDivCode: text('mof_div_code'),
    fiscalYear: text('fiscal_year'),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

export const notifications = pgTable(
  'notifications',
  {
    id: id(),
    mofDivCode: text('mof_div_code').notNull(),
    userId: uuid('user_id').notNull(),
    title: text('title').notNull(),
    body: text('body'),
    link: text('link'),
    readAt: ts('read_at'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('notifications_user_idx').on(t.userId, t.createdAt)],
);

/** What each user opened last (the workbench's "recent items"); one row per user and record. */
export const recentItems = pgTable(
  'recent_items',
  {
    userId: uuid('user_id').notNull(),
    entity: text('entity').notNull(),
    entityId: text('entity_id').notNull(),
    mofDivCode: text('mof_div_code').notNull(),
    title: text('title').notNull(),
    at: ts('at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.entity, t.entityId] }),
    index('recent_items_user_idx').on(t.userId, t.at),
  ],
);

/** Append-only, hash-chained. The single row of audit_head serialises appends. */
export const auditLog = pgTable(
  'audit_log',
  {
    seq: bigint('seq', { mode: 'number' }).primaryKey(),
    at: ts('at').notNull(),
    actorId: uuid('actor_id'),
    actorName: text('actor_name'),
    actorRoles: text('actor_roles'),
    ip: text('ip'),
    requestId: text('request_id'),
    mofDivCode: text('mof_div_code'),
    entity: text('entity').notNull(),
    entityId: text('entity_id'),
    action: text('action').notNull(),
    before: jsonb('before'),
    after: jsonb('after'),
    reason: text('reason'),
    algorithm: text('algorithm').notNull(),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [
    index('audit_entity_idx').on(t.entity, t.entityId),
    index('audit_actor_idx').on(t.actorName),
    index('audit_at_idx').on(t.at),
  ],
);

export const auditHead = pgTable('audit_head', {
  id: integer('id').primaryKey(),
  seq: bigint('seq', { mode: 'number' }).notNull(),
  hash: text('hash').notNull(),
});

// ---------------------------------------------------------------------------------------------
// Targets and indicators (domain.md §4)

const decimal = (name: string) => numeric(name);

/** The indicator library (指标库). Rows with mof_div_code null are shipped with the system. */
export const libraryIndicators = pgTable(
  'library_indicators',
  {
    code: text('code').primaryKey(),
    mofDivCode: text('mof_div_code'),
    name: text('name').notNull(),
    nameEn: text('name_en'),
    definition: text('definition').notNull(),
    unit: text('unit'),
    formula: text('formula'),
    sign: text('sign').notNull(),
    scoringRule: text('scoring_rule'),
    sector: text('sector').notNull(),
    funcClass: text('func_class'),
    kpiLv1: text('kpi_lv1').notNull(),
    kpiLv2: text('kpi_lv2').notNull(),
    kind: text('kind', { enum: ['COMMON', 'INDIVIDUAL'] }).notNull(),
    progress: text('progress', { enum: ['CUMULATIVE', 'LEVEL'] }).notNull(),
    validFrom: text('valid_from'),
    validTo: text('valid_to'),
    status: text('status', { enum: ['ACTIVE', 'RETIRED'] })
      .notNull()
      .default('ACTIVE'),
    version: integer('version').notNull().default(1),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [index('library_sector_idx').on(t.sector), index('library_func_idx').on(t.funcClass)],
);

/** Reference values of a library indicator per year and region (history, industry standard). */
export const libraryReferenceValues = pgTable(
  'library_reference_values',
  {
    id: id(),
    libraryCode: text('library_code').notNull(),
    fiscalYear: text('fiscal_year').notNull(),
    mofDivCode: text('mof_div_code').notNull().default(''),
    kind: text('kind', { enum: ['HISTORY', 'INDUSTRY'] }).notNull(),
    value: decimal('value').notNull(),
    note: text('note'),
    isSynthetic: boolean('is_synthetic').notNull().default(false),
  },
  (t) => [uniqueIndex('library_ref_uq').on(t.libraryCode, t.fiscalYear, t.mofDivCode, t.kind)],
);

/** A core indicator pushed down by a performance office: targets in its reach must carry it. */
export const coreIndicators = pgTable(
  'core_indicators',
  {
    id: id(),
    mofDivCode: text('mof_div_code').notNull(),
    fiscalYear: text('fiscal_year').notNull(),
    libraryCode: text('library_code').notNull(),
    funcClassPrefix: text('func_class_prefix').notNull().default(''),
    deptCode: text('dept_code'),
    createdBy: uuid('created_by'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('core_indicators_uq').on(t.mofDivCode, t.fiscalYear, t.libraryCode, t.funcClassPrefix)],
);

/** A declaration task issued by the performance office (scope of departments/units, deadline). */
export const tasks = pgTable(
  'tasks',
  {
    id: id(),
    mofDivCode: text('mof_div_code').notNull(),
    fiscalYear: text('fiscal_year').notNull(),
    stage: text('stage', { enum: ['TARGET'] }).notNull(),
    title: text('title').notNull(),
    deptCodes: jsonb('dept_codes').$type<string[]>().notNull(),
    agencyCodes: jsonb('agency_codes').$type<string[]>().notNull(),
    deadline: text('deadline').notNull(),
    status: text('status', { enum: ['OPEN', 'CLOSED'] })
      .notNull()
      .default('OPEN'),
    createdBy: uuid('created_by'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('tasks_region_idx').on(t.mofDivCode, t.fiscalYear)],
);

/**
 * A performance target: of a project, or of a department's overall expenditure. The review state
 * belongs to the newest version; `in_force_version` is the approved version monitoring and
 * evaluation use.
 */
export const targets = pgTable(
  'targets',
  {
    id: id(),
    mofDivCode: text('mof_div_code').notNull(),
    fiscalYear: text('fiscal_year').notNull(),
    kind: text('kind', { enum: ['PROJECT', 'DEPARTMENT'] }).notNull(),
    projectId: uuid('project_id'),
    proCode: text('pro_code'),
    deptCode: text('dept_code').notNull(),
    agencyCode: text('agency_code'),
    amount: money('amount').notNull(),
    currentVersion: integer('current_version').notNull().default(1),
    inForceVersion: integer('in_force_version'),
    status: text('status', {
      enum: ['DRAFT', 'SUBMITTED', 'RETURNED', 'APPROVED', 'REJECTED', 'UNLOCKED'],
    }).notNull(),
    step: text('step', { enum: ['UNIT_LEADER', 'DEPARTMENT', 'SECTION', 'PERF_OFFICE'] }),
    unlockedAt: text('unlocked_at', { enum: ['UNIT_LEADER', 'DEPARTMENT', 'SECTION', 'PERF_OFFICE'] }),
    submittedBy: uuid('submitted_by'),
    taskId: uuid('task_id'),
    rowVersion: integer('row_version').notNull().default(1),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('targets_project_uq').on(t.projectId),
    index('targets_scope_idx').on(t.mofDivCode, t.fiscalYear, t.deptCode, t.agencyCode),
    index('targets_step_idx').on(t.status, t.step),
  ],
);

export const targetVersions = pgTable(
  'target_versions',
  {
    id: id(),
    targetId: uuid('target_id').notNull(),
    versionNo: integer('version_no').notNull(),
    status: text('status').notNull(),
    longTermGoal: text('long_term_goal'),
    annualGoal: text('annual_goal'),
    justification: text('justification'),
    explanation: text('explanation'),
    flags: jsonb('flags')
      .notNull()
      .default(sql`'[]'::jsonb`),
    adjustmentReason: text('adjustment_reason'),
    grade: text('grade', { enum: ['EXCELLENT', 'GOOD', 'FAIR', 'POOR'] }),
    fixes: text('fixes'),
    createdBy: uuid('created_by'),
    createdAt: ts('created_at').notNull().defaultNow(),
    submittedAt: ts('submitted_at'),
    approvedAt: ts('approved_at'),
  },
  (t) => [uniqueIndex('target_versions_uq').on(t.targetId, t.versionNo)],
);

/** Level-3 indicators of a target version; kpi_val keeps the text, kpi_val_num the number. */
export const targetIndicators = pgTable(
  'target_indicators',
  {
    id: id(),
    versionId: uuid('version_id').notNull(),
    seq: integer('seq').notNull(),
    kpiLv1: text('kpi_lv1').notNull(),
    kpiLv2: text('kpi_lv2').notNull(),
    kpiLv3: text('kpi_lv3').notNull(),
    computesign: text('computesign').notNull(),
    kpiVal: text('kpi_val').notNull(),
    kpiValNum: decimal('kpi_val_num'),
    meterunit: text('meterunit'),
    weight: numeric('weight', { precision: 7, scale: 2 }).notNull(),
    progress: text('progress').notNull(),
    valueBasis: text('value_basis'),
    libraryCode: text('library_code'),
    lastTarget: decimal('last_target'),
    lastActual: decimal('last_actual'),
    dataSource: text('data_source'),
    scoringStandard: text('scoring_standard'),
    justification: text('justification'),
    explanation: text('explanation'),
    isCore: boolean('is_core').notNull().default(false),
    /** The full-year actual (self-evaluation), next year's "last actual". */
    finalActual: decimal('final_actual'),
  },
  (t) => [
    uniqueIndex('target_indicators_seq_uq').on(t.versionId, t.seq),
    index('target_indicators_library_idx').on(t.libraryCode),
  ],
);

/** Every review decision (and submission) with its comments and, at finance, its grades. */
export const targetReviews = pgTable(
  'target_reviews',
  {
    id: id(),
    targetId: uuid('target_id').notNull(),
    versionNo: integer('version_no').notNull(),
    step: text('step'),
    action: text('action', { enum: ['SUBMIT', 'APPROVE', 'RETURN', 'REJECT', 'UNLOCK', 'ADJUST'] }).notNull(),
    comment: text('comment'),
    indicatorComments: jsonb('indicator_comments')
      .$type<{ kpi_lv3: string; comment: string }[]>()
      .notNull()
      .default(sql`'[]'::jsonb`),
    grades: jsonb('grades').$type<Record<string, string>>(),
    grade: text('grade'),
    fixes: text('fixes'),
    actorId: uuid('actor_id'),
    actorName: text('actor_name'),
    at: ts('at').notNull().defaultNow(),
  },
  (t) => [index('target_reviews_target_idx').on(t.targetId, t.at)],
);

/** Long work (imports) with its progress, so that a page reload finds it again. */
export const jobs = pgTable(
  'jobs',
  {
    id: id(),
    kind: text('kind').notNull(),
    status: text('status', { enum: ['RUNNING', 'DONE', 'FAILED'] }).notNull(),
    mofDivCode: text('mof_div_code'),
    createdBy: uuid('created_by').notNull(),
    done: integer('done').notNull().default(0),
    total: integer('total').notNull().default(0),
    phase: text('phase'),
    result: jsonb('result'),
    file: text('file'),
    createdAt: ts('created_at').notNull().defaultNow(),
    /** Touched while the job runs: a RUNNING job without a recent heartbeat was interrupted. */
    heartbeatAt: ts('heartbeat_at').notNull().defaultNow(),
    finishedAt: ts('finished_at'),
  },
  (t) => [index('jobs_user_idx').on(t.createdBy, t.createdAt)],
);

/**
 * A monitoring round (domain.md §5) issued by the performance office: an as-of date, the
 * departments and units it covers (empty: all) and a deadline. Issuing it opens one report per
 * project of the scope whose target is approved (in force).
 */
export const monitoringRounds = pgTable(
  'monitoring_rounds',
  {
    id: id(),
    mofDivCode: text('mof_div_code').notNull(),
    fiscalYear: text('fiscal_year').notNull(),
    title: text('title').notNull(),
    asOf: text('as_of').notNull(),
    deptCodes: jsonb('dept_codes').$type<string[]>().notNull(),
    agencyCodes: jsonb('agency_codes').$type<string[]>().notNull(),
    deadline: text('deadline').notNull(),
    status: text('status', { enum: ['OPEN', 'CLOSED'] })
      .notNull()
      .default('OPEN'),
    createdBy: uuid('created_by'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('monitoring_rounds_region_idx').on(t.mofDivCode, t.fiscalYear)],
);

/**
 * One project's report in a round: execution (from payment records, or typed where none were
 * imported), forecast, planned values, and the lights computed by domain/monitoring/lights.ts
 * when it is saved. `budget` is the full-year budget B the lights were computed with.
 */
export const monitoringReports = pgTable(
  'monitoring_reports',
  {
    id: id(),
    roundId: uuid('round_id').notNull(),
    projectId: uuid('project_id').notNull(),
    targetId: uuid('target_id').notNull(),
    targetVersion: integer('target_version').notNull(),
    mofDivCode: text('mof_div_code').notNull(),
    fiscalYear: text('fiscal_year').notNull(),
    deptCode: text('dept_code').notNull(),
    agencyCode: text('agency_code').notNull(),
    proCode: text('pro_code').notNull(),
    status: text('status', { enum: ['DRAFT', 'SUBMITTED'] })
      .notNull()
      .default('DRAFT'),
    budget: money('budget').notNull(),
    executed: money('executed'),
    executedSource: text('executed_source', { enum: ['PAYMENTS', 'TYPED'] }),
    forecastExecuted: money('forecast_executed'),
    plannedExecuted: money('planned_executed'),
    executionValue: numeric('execution_value', { precision: 14, scale: 2 }),
    executionLight: text('execution_light'),
    targetLight: text('target_light'),
    projectLight: text('project_light'),
    rowVersion: integer('row_version').notNull().default(1),
    submittedBy: uuid('submitted_by'),
    submittedAt: ts('submitted_at'),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('monitoring_reports_uq').on(t.roundId, t.projectId),
    index('monitoring_reports_scope_idx').on(t.mofDivCode, t.fiscalYear, t.deptCode, t.agencyCode),
    index('monitoring_reports_project_idx').on(t.projectId),
  ],
);

/** One indicator row of a report, in the order of the in-force target version (`seq`). */
export const monitoringIndicators = pgTable(
  'monitoring_indicators',
  {
    id: id(),
    reportId: uuid('report_id').notNull(),
    seq: integer('seq').notNull(),
    kpiLv3: text('kpi_lv3').notNull(),
    actual: text('actual'),
    actualNum: numeric('actual_num'),
    forecast: text('forecast'),
    planned: text('planned'),
    likelihood: text('likelihood'),
    level: text('level'),
    deviationCauses: jsonb('deviation_causes')
      .$type<string[]>()
      .notNull()
      .default(sql`'[]'::jsonb`),
    analysis: text('analysis'),
    measures: text('measures'),
    value: numeric('value', { precision: 14, scale: 2 }),
    light: text('light'),
  },
  (t) => [uniqueIndex('monitoring_indicators_uq').on(t.reportId, t.seq)],
);

/** Payment records from the treasury or accounting system; a voucher is imported once. */
export const payments = pgTable(
  'payments',
  {
    id: id(),
    mofDivCode: text('mof_div_code').notNull(),
    fiscalYear: text('fiscal_year').notNull(),
    proCode: text('pro_code').notNull(),
    payDate: text('pay_date').notNull(),
    amount: money('amount').notNull(),
    voucherNo: text('voucher_no').notNull(),
    jobId: uuid('job_id'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('payments_voucher_uq').on(t.mofDivCode, t.voucherNo),
    index('payments_project_idx').on(t.mofDivCode, t.fiscalYear, t.proCode, t.payDate),
  ],
);

/**
 * Finance's disposition of a RED project (domain.md §5): continue, adjust the target, suspend
 * funds 暂缓拨款, stop and recover 停止并收回. The newest one sets the project's funds status.
 */
export const dispositions = pgTable(
  'dispositions',
  {
    id: id(),
    projectId: uuid('project_id').notNull(),
    reportId: uuid('report_id').notNull(),
    roundId: uuid('round_id').notNull(),
    mofDivCode: text('mof_div_code').notNull(),
    kind: text('kind', { enum: ['CONTINUE', 'ADJUST_TARGET', 'SUSPEND_FUNDS', 'STOP_RECOVER'] }).notNull(),
    reason: text('reason').notNull(),
    createdBy: uuid('created_by').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('dispositions_project_idx').on(t.projectId, t.createdAt)],
);
