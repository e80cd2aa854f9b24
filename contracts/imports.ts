/**
 * Imports and exports of projects and targets in the exchange format (exchange-format.md): the
 * job that reports an import's progress and result, the issues it lists, and the export query.
 * The issues of the file's own checks use the codes and messages of contracts/issues.ts; the
 * checks that need the database add the codes below.
 */
import { z } from 'zod';
import type { IssueCode } from '../domain/issues.ts';
import { ISSUE_MESSAGES, describePath, issueMessage, type Lang } from './issues.ts';

/** Issue codes of the database checks of an import (the file's own checks use domain/issues.ts). */
export const IMPORT_ISSUE_CODES = [
  'IMPORT.REGION_OUT_OF_SCOPE',
  'IMPORT.YEAR_UNKNOWN',
  'IMPORT.PROJECT_OUT_OF_SCOPE',
  'IMPORT.UNIT_DEPT_MISMATCH',
  'IMPORT.UNIT_CREATE_FORBIDDEN',
  'IMPORT.STAGE_IGNORED',
  'TARGET.LOCKED',
  'IMPORT.INTERNAL',
  'IMPORT.INTERRUPTED',
  'PAYMENT.PROJECT_UNKNOWN',
  'PAYMENT.VOUCHER_CONFLICT',
  'PAYMENT.DATE_OUT_OF_YEAR',
  'PAYMENT.VOUCHER_STORED_DIFFERENT',
] as const;
export type ImportIssueCode = (typeof IMPORT_ISSUE_CODES)[number];

type Text = { zh: string; en: string };

export const IMPORT_ISSUE_MESSAGES: Record<ImportIssueCode, Text> = {
  'IMPORT.REGION_OUT_OF_SCOPE': {
    zh: '{field}：区划 {code} 不在您的数据范围内',
    en: '{field}: the region {code} is outside your data scope',
  },
  'IMPORT.YEAR_UNKNOWN': {
    zh: '{field}：区划 {code} 没有 {year} 预算年度',
    en: '{field}: the region {code} has no fiscal year {year}',
  },
  'IMPORT.PROJECT_OUT_OF_SCOPE': {
    zh: '{field}：预算单位 {code} 不在您的数据范围内，只能导入本单位的项目',
    en: '{field}: the budget unit {code} is outside your data scope; you may import only your own units’ projects',
  },
  'IMPORT.UNIT_DEPT_MISMATCH': {
    zh: '{field}：预算单位 {code} 属于部门 {expected}，不属于 {actual}',
    en: '{field}: the budget unit {code} belongs to department {expected}, not {actual}',
  },
  'IMPORT.UNIT_CREATE_FORBIDDEN': {
    zh: '{field}：预算单位 {code} 不存在；只有绩效管理机构可以在导入时新建部门和单位',
    en: '{field}: the budget unit {code} does not exist; only the performance office may create departments and units by import',
  },
  'IMPORT.STAGE_IGNORED': {
    zh: '{field}：本次导入只写入项目和绩效目标，运行监控和自评数据未导入',
    en: '{field}: this import writes projects and targets only; monitoring and self-evaluation were not imported',
  },
  'IMPORT.INTERNAL': {
    zh: '导入时发生系统错误，未写入任何数据：{detail}',
    en: 'A system error stopped the import; nothing was written: {detail}',
  },
  'IMPORT.INTERRUPTED': {
    zh: '导入在完成前中断（服务已重启或进程已退出），未写入任何数据，请重新导入',
    en: 'The import stopped before it finished (the server restarted or the process ended); nothing was written. Please import again',
  },
  'PAYMENT.PROJECT_UNKNOWN': {
    zh: '{field}：项目 {code} 不是区划 {region} {year} 年度您数据范围内的项目',
    en: '{field}: {code} is not a project of region {region}, year {year}, in your data scope',
  },
  'PAYMENT.VOUCHER_CONFLICT': {
    zh: '{field}：凭证号 {code} 在文件中出现多次且内容不同（首次在第{first}条）',
    en: '{field}: the voucher {code} appears more than once in the file with different content (first at record {first})',
  },
  'PAYMENT.DATE_OUT_OF_YEAR': {
    zh: '{field}：支付日期不在 {year} 预算年度内',
    en: '{field}: the payment date is not in the fiscal year {year}',
  },
  'PAYMENT.VOUCHER_STORED_DIFFERENT': {
    zh: '{field}：凭证号 {code} 已导入过且内容不同，本次未导入该条（凭证只导入一次）',
    en: '{field}: the voucher {code} was imported before with different content; this record was skipped (a voucher is imported once)',
  },
  'TARGET.LOCKED': {
    zh: '{field}：该项目的绩效目标已提交、已通过或不予通过，不能用导入覆盖',
    en: '{field}: the project’s target is submitted, approved or rejected and cannot be replaced by an import',
  },
};

export interface StoredIssue {
  path: string;
  code: string;
  params?: Record<string, string>;
  source?: TSource;
}

function isImportCode(code: string): code is ImportIssueCode {
  return (IMPORT_ISSUE_CODES as readonly string[]).includes(code);
}

function isIssueCode(code: string): code is IssueCode {
  return Object.hasOwn(ISSUE_MESSAGES, code);
}

/** The message of an import issue in a language, naming its field in words. */
export function importIssueMessage(issue: Pick<StoredIssue, 'code' | 'path' | 'params'>, lang: Lang): string {
  if (isIssueCode(issue.code)) {
    return issueMessage({ code: issue.code, path: issue.path, params: issue.params }, lang);
  }
  if (!isImportCode(issue.code)) return `${issue.code} ${issue.params?.detail ?? ''}`.trim();
  const text = IMPORT_ISSUE_MESSAGES[issue.code];
  const params: Record<string, string> = { ...(issue.params ?? {}), field: describePath(issue.path, lang) };
  return (lang === 'en-US' ? text.en : text.zh).replace(/\{(\w+)\}/g, (_, k: string) => params[k] ?? '');
}

export const ZSource = z.object({
  file: z.string(),
  sheet: z.string().optional(),
  row: z.number().int(),
  column: z.string().optional(),
});
export type TSource = z.infer<typeof ZSource>;

/** An issue as the API shows it: path, its words, code, message in the reader's language, source. */
export const ZImportIssue = z.object({
  path: z.string(),
  field: z.string(),
  code: z.string(),
  message: z.string(),
  source: ZSource.nullable(),
});
export type TImportIssue = z.infer<typeof ZImportIssue>;

export const JOB_STATUSES = ['RUNNING', 'DONE', 'FAILED'] as const;
export const JOB_PHASES = ['READ', 'CHECK', 'WRITE'] as const;

export const ZImportCounts = z.object({
  projects_inserted: z.number().int(),
  projects_updated: z.number().int(),
  targets_created: z.number().int(),
  targets_replaced: z.number().int(),
  indicators: z.number().int(),
  departments_created: z.number().int(),
  units_created: z.number().int(),
  /** Payment imports (kind PAYMENTS): records written, vouchers already stored, reports recomputed. */
  payments_inserted: z.number().int().optional(),
  payments_skipped: z.number().int().optional(),
  reports_recomputed: z.number().int().optional(),
});
export type TImportCounts = z.infer<typeof ZImportCounts>;

export const ZJob = z.object({
  id: z.string(),
  kind: z.string(),
  status: z.enum(JOB_STATUSES),
  phase: z.enum(JOB_PHASES).nullable(),
  done: z.number().int(),
  total: z.number().int(),
  created_at: z.string(),
  finished_at: z.string().nullable(),
  files: z.array(z.string()),
  mof_div_code: z.string().nullable(),
  fiscal_year: z.string().nullable(),
  counts: ZImportCounts.nullable(),
  errors: z.array(ZImportIssue),
  warnings: z.array(ZImportIssue),
  /** All errors and warnings found; the lists above hold the first ones (at most MAX_LISTED). */
  error_count: z.number().int(),
  warning_count: z.number().int(),
  has_workbook: z.boolean(),
});
export type TJob = z.infer<typeof ZJob>;

export const ZJobList = z.object({ items: z.array(ZJob.omit({ errors: true, warnings: true })) });
export type TJobList = z.infer<typeof ZJobList>;

/** How many errors and warnings a job keeps (the counts cover all of them). */
export const MAX_LISTED_ISSUES = 5000;

/** Upload limit of the web import (larger files go through the command line). */
export const IMPORT_UPLOAD_LIMIT = 50 * 1024 * 1024;

export const EXPORT_FORMATS = ['json', 'xlsx'] as const;

export const ZExportQuery = z.object({
  fiscal_year: z.string().regex(/^\d{4}$/, 'a 4-digit year'),
  format: z.enum(EXPORT_FORMATS).default('json'),
  mof_div_code: z
    .string()
    .regex(/^\d{6,9}$/, '6–9 digits')
    .optional(),
});
export type TExportQuery = z.infer<typeof ZExportQuery>;
