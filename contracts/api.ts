/**
 * Request and response schemas of the REST API under /api/v1, shared by the server (validation
 * and OpenAPI), the web client and the CLI.
 */
import { z } from 'zod';
import { ROLES } from './permissions.ts';

export const ZDecimal = z.string().regex(/^-?\d+(\.\d+)?$/);
export const ZMoney = z.string().regex(/^\d+(\.\d{1,2})?$/, 'a decimal amount with at most 2 decimals');
/** A true/false query parameter (`z.coerce.boolean` would read "false" as true). */
export const ZQueryFlag = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');
export const ZYear = z.string().regex(/^\d{4}$/, 'a 4-digit year');
export const ZMofDivCode = z.string().regex(/^\d{6,9}$/, '6–9 digits');
export const BUDGET_KINDS = ['GENERAL_PUBLIC', 'GOV_FUND', 'SOE_CAPITAL', 'SOCIAL_INSURANCE'] as const;
export const ZBudgetKind = z.enum(BUDGET_KINDS);
export type TBudgetKind = z.infer<typeof ZBudgetKind>;

export const ZErrorBody = z.object({
  code: z.string(),
  message: z.string(),
  details: z.unknown().optional(),
  request_id: z.string().optional(),
});

// ---- health / auth ----
export const ZHealth = z.object({ status: z.literal('ok'), database: z.enum(['pglite', 'postgres']) });

export const ZLoginRequest = z.object({
  username: z.string().min(1).max(64),
  password: z.string().min(1).max(256),
});
export type TLoginRequest = z.infer<typeof ZLoginRequest>;

export const ZChangePasswordRequest = z.object({
  old_password: z.string().min(1).max(256),
  new_password: z.string().min(1).max(256),
});
export type TChangePasswordRequest = z.infer<typeof ZChangePasswordRequest>;

export const ZRole = z.enum(ROLES);

export const ZOrg = z.object({
  mof_div_code: z.string(),
  region_name: z.string(),
  dept_code: z.string().nullable(),
  dept_name: z.string().nullable(),
  agency_code: z.string().nullable(),
  agency_name: z.string().nullable(),
  section_code: z.string().nullable(),
  section_name: z.string().nullable(),
});

export const ZMe = z.object({
  id: z.string(),
  username: z.string(),
  display_name: z.string(),
  roles: z.array(ZRole),
  org: ZOrg,
  permissions: z.array(z.string()),
  must_change_password: z.boolean(),
  fiscal_years: z.array(z.string()),
  regions: z.array(z.object({ mof_div_code: z.string(), name: z.string(), level: z.string() })),
  /** The password rules in force, so that forms check what the server will check. */
  password_policy: z.object({
    password_min_length: z.number().int(),
    password_min_classes: z.number().int(),
  }),
});
export type TMe = z.infer<typeof ZMe>;

// ---- projects ----
export const ZProjectListQuery = z.object({
  fiscal_year: ZYear.optional(),
  mof_div_code: ZMofDivCode.optional(),
  q: z.string().max(100).optional(),
  dept_code: z.string().max(40).optional(),
  agency_code: z.string().max(40).optional(),
  budget_kind: ZBudgetKind.optional(),
  amount_min: ZMoney.optional(),
  amount_max: ZMoney.optional(),
  sort: z.enum(['pro_code', 'pro_name', 'amount', '-pro_code', '-pro_name', '-amount']).optional(),
  page: z.coerce.number().int().min(1).default(1),
  page_size: z.coerce.number().int().min(1).max(200).default(20),
});
export type TProjectListQuery = z.infer<typeof ZProjectListQuery>;

export const ZProject = z.object({
  id: z.string(),
  mof_div_code: z.string(),
  fiscal_year: z.string(),
  pro_code: z.string(),
  pro_name: z.string(),
  agency_code: z.string(),
  agency_name: z.string().nullable(),
  dept_code: z.string(),
  dept_name: z.string().nullable(),
  budget_kind: ZBudgetKind,
  is_investment_fund: z.boolean(),
  is_debt: z.boolean(),
  is_ppp: z.boolean(),
  is_purchased_service: z.boolean(),
  func_class: z.string(),
  amount: ZMoney,
  amount_current: ZMoney,
  amount_carry_over: ZMoney,
  amount_transfer: ZMoney,
  amount_other: ZMoney,
  is_new: z.boolean(),
  start_year: z.string(),
  end_year: z.string(),
  parent_pro_code: z.string().nullable(),
  sub_mof_code: z.string().nullable(),
  /** Set by finance's disposition of a RED monitoring round: funds suspended or stopped. */
  funds_status: z.enum(['NORMAL', 'SUSPENDED', 'STOPPED']),
  version: z.number().int(),
  updated_at: z.string(),
  allowed_actions: z.array(z.string()),
});
export type TProject = z.infer<typeof ZProject>;

export const ZProjectList = z.object({ items: z.array(ZProject), total: z.number().int() });
export type TProjectList = z.infer<typeof ZProjectList>;

// ---- organisation ----
export const ZRegionNode = z.object({
  mof_div_code: z.string(),
  name: z.string(),
  level: z.enum(['PROVINCE', 'CITY', 'COUNTY']),
  parent_code: z.string().nullable(),
});
export const ZDepartment = z.object({
  id: z.string(),
  mof_div_code: z.string(),
  dept_code: z.string(),
  name: z.string(),
  agency_count: z.number().int(),
  section_code: z.string().nullable(),
});
export const ZAgency = z.object({
  id: z.string(),
  mof_div_code: z.string(),
  dept_code: z.string(),
  agency_code: z.string(),
  name: z.string(),
});
export const ZSection = z.object({
  id: z.string(),
  mof_div_code: z.string(),
  section_code: z.string(),
  name: z.string(),
  dept_codes: z.array(z.string()),
});
export const ZOrgTree = z.object({
  regions: z.array(ZRegionNode),
  departments: z.array(ZDepartment),
  agencies: z.array(ZAgency),
  sections: z.array(ZSection),
  fiscal_years: z.array(z.object({ fiscal_year: z.string(), status: z.enum(['OPEN', 'CLOSED']) })),
});
export type TOrgTree = z.infer<typeof ZOrgTree>;

export const ZCreateDepartment = z.object({
  mof_div_code: ZMofDivCode,
  dept_code: z.string().regex(/^[0-9A-Za-z]{1,20}$/),
  name: z.string().min(1).max(100),
});
export const ZCreateAgency = z.object({
  mof_div_code: ZMofDivCode,
  dept_code: z.string().min(1).max(20),
  agency_code: z.string().regex(/^[0-9A-Za-z]{1,20}$/),
  name: z.string().min(1).max(100),
});

// ---- users ----
export const ZUser = z.object({
  id: z.string(),
  username: z.string(),
  display_name: z.string(),
  mof_div_code: z.string(),
  dept_code: z.string().nullable(),
  agency_code: z.string().nullable(),
  section_code: z.string().nullable(),
  roles: z.array(ZRole),
  status: z.enum(['ACTIVE', 'DISABLED']),
  locked_until: z.string().nullable(),
  must_change_password: z.boolean(),
  version: z.number().int(),
});
export type TUser = z.infer<typeof ZUser>;

export const ZCreateUser = z.object({
  username: z.string().regex(/^[a-zA-Z0-9_.-]{2,32}$/, '2–32 letters, digits, _ . -'),
  display_name: z.string().min(1).max(50),
  password: z.string().min(1).max(256),
  mof_div_code: ZMofDivCode,
  dept_code: z.string().max(20).nullable().optional(),
  agency_code: z.string().max(20).nullable().optional(),
  section_code: z.string().max(20).nullable().optional(),
});
export const ZUpdateUser = z.object({
  version: z.number().int(),
  display_name: z.string().min(1).max(50).optional(),
  status: z.enum(['ACTIVE', 'DISABLED']).optional(),
  unlock: z.boolean().optional(),
});
export const ZGrantRoles = z.object({ version: z.number().int(), roles: z.array(ZRole) });

// ---- policies ----
export const ZPolicyView = z.object({
  mof_div_code: z.string(),
  fiscal_year: z.string(),
  version: z.number().int(),
  overrides: z.record(z.string(), z.unknown()),
  effective: z.record(z.string(), z.unknown()),
  defaults: z.record(z.string(), z.unknown()),
  updated_at: z.string().nullable(),
  updated_by: z.string().nullable(),
});
export const ZSavePolicy = z.object({
  version: z.number().int().min(0),
  overrides: z.record(z.string(), z.unknown()),
  reason: z.string().min(1).max(500),
});

// ---- audit ----
export const ZAuditQuery = z.object({
  actor: z.string().max(64).optional(),
  entity: z.string().max(40).optional(),
  entity_id: z.string().max(80).optional(),
  action: z.string().max(40).optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  page: z.coerce.number().int().min(1).default(1),
  page_size: z.coerce.number().int().min(1).max(200).default(20),
});
export const ZAuditEntry = z.object({
  seq: z.number().int(),
  at: z.string(),
  actor_name: z.string().nullable(),
  actor_roles: z.string().nullable(),
  ip: z.string().nullable(),
  request_id: z.string().nullable(),
  mof_div_code: z.string().nullable(),
  entity: z.string(),
  entity_id: z.string().nullable(),
  action: z.string(),
  before: z.unknown(),
  after: z.unknown(),
  reason: z.string().nullable(),
  hash: z.string(),
});
export const ZAuditList = z.object({ items: z.array(ZAuditEntry), total: z.number().int() });
export const ZAuditVerify = z.object({
  ok: z.boolean(),
  count: z.number().int(),
  head_hash: z.string().nullable(),
  first_broken_seq: z.number().int().nullable(),
  reason: z.string().nullable(),
});

// ---- notifications ----
export const ZNotification = z.object({
  id: z.string(),
  title: z.string(),
  body: z.string().nullable(),
  link: z.string().nullable(),
  read: z.boolean(),
  created_at: z.string(),
});
export const ZNotificationList = z.object({ items: z.array(ZNotification), unread: z.number().int() });

// ---- workbench ----
export const ZWorkbench = z.object({
  todos: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      link: z.string(),
      deadline: z.string().nullable(),
      overdue: z.boolean(),
    }),
  ),
  recent: z.array(z.object({ entity: z.string(), entity_id: z.string(), title: z.string(), at: z.string() })),
  figures: z.object({
    project_count: z.number().int(),
    total_amount: ZMoney,
    by_budget_kind: z.array(z.object({ budget_kind: ZBudgetKind, count: z.number().int(), amount: ZMoney })),
    department_count: z.number().int(),
    agency_count: z.number().int(),
  }),
});
