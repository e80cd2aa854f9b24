import fs from 'node:fs/promises';
import path from 'node:path';
import {
  MAX_LISTED_ISSUES,
  importIssueMessage,
  type StoredIssue,
  type TImportCounts,
} from '../../../contracts/imports.ts';
import { readDecimal, textOf } from '../../../domain/decimal-text.ts';
import { checkDate, checkDecimal, requireText } from '../../../domain/fields.ts';
import type { Issue } from '../../../domain/issues.ts';
import { DEFAULT_POLICY, type TPolicy } from '../../../domain/policy/policy.ts';
import type { Actor } from '../../context.ts';
import type { Database } from '../../db/client.ts';
import { ExchangeReadError, buildMarkedWorkbook, type Lang, type Source } from '../../exchange/index.ts';
import type { AuditService } from '../audit/index.ts';
import { scopeRegions } from '../identity/index.ts';
import type { PoliciesService } from '../policies/index.ts';
import { openReportsOf } from './compute.repository.ts';
import { readPayments, type PaymentsInput } from './payments-read.ts';
import * as prepo from './payments.repository.ts';
import { recomputeReports } from './report-compute.ts';

export const PAYMENTS_JOB = 'PAYMENTS';

export interface UploadedFile {
  name: string;
  sha256: string;
  bytes: number;
}

/** A job row's `result`, in the shape the imports module's GET /jobs/:id reads. */
interface JobResult {
  files: UploadedFile[];
  lang: Lang;
  mof_div_code: string | null;
  fiscal_year: string | null;
  counts: TImportCounts | null;
  errors: StoredIssue[];
  warnings: StoredIssue[];
  error_count: number;
  warning_count: number;
  fatal: boolean;
}

type PaymentIssue = Pick<Issue, 'path' | 'level' | 'params'> & { code: string };

class Issues {
  readonly errors: StoredIssue[] = [];
  readonly warnings: StoredIssue[] = [];
  errorCount = 0;
  warningCount = 0;
  put(i: PaymentIssue, source?: Source): void {
    const column = i.path.split('.').pop();
    const at =
      source && column !== undefined && column !== '' && !column.includes('[')
        ? { ...source, column }
        : source;
    const stored: StoredIssue = {
      path: i.path,
      code: i.code,
      ...(i.params ? { params: i.params } : {}),
      ...(at ? { source: at } : {}),
    };
    if (i.level === 'error') {
      this.errorCount += 1;
      if (this.errors.length < MAX_LISTED_ISSUES) this.errors.push(stored);
    } else {
      this.warningCount += 1;
      if (this.warnings.length < MAX_LISTED_ISSUES) this.warnings.push(stored);
    }
  }
}

const NO_PROJECT_COUNTS = {
  projects_inserted: 0,
  projects_updated: 0,
  targets_created: 0,
  targets_replaced: 0,
  indicators: 0,
  departments_created: 0,
  units_created: 0,
};

interface Checked {
  fiscalYear: string;
  proCode: string;
  payDate: string;
  amount: string;
  voucherNo: string;
  index: number;
  source: Source | undefined;
}

/**
 * Payment records imported from the treasury or accounting system (exchange-format.md): a job like
 * the exchange import (kind PAYMENTS, GET /jobs/:id), all or nothing, errors with their source
 * cells and a marked workbook. A voucher is imported once per region (a stored one is skipped and
 * counted; twice in one file with different content is an error); every project code must be a
 * project of the region and year in the importer's scope. The payments, the recomputed lights of
 * the affected projects' reports in OPEN rounds, the audit entry and the finished job row are
 * written in one transaction.
 */
export function makePaymentsService(deps: {
  database: Database;
  audit: AuditService;
  policies: PoliciesService;
  /** Uploads and marked workbooks go under `<dataDir>/imports/<job id>/` like the imports'. */
  dataDir: string;
}) {
  const db = deps.database.db;
  const running = new Map<string, Promise<void>>();
  const jobDir = (id: string) => path.join(deps.dataDir, 'imports', id);

  function uploadDir(jobId: string) {
    return path.join(jobDir(jobId), 'input');
  }

  /** Create the job row and run the import in the background. */
  async function start(
    actor: Actor,
    upload: {
      jobId: string;
      inputPath: string;
      files: UploadedFile[];
      mofDivCode?: string;
      fiscalYear?: string;
    },
  ): Promise<string> {
    const result: JobResult = {
      files: upload.files,
      lang: actor.lang,
      mof_div_code: null,
      fiscal_year: null,
      counts: null,
      errors: [],
      warnings: [],
      error_count: 0,
      warning_count: 0,
      fatal: false,
    };
    await prepo.insertJob(db, {
      id: upload.jobId,
      kind: PAYMENTS_JOB,
      status: 'RUNNING',
      createdBy: actor.userId,
      phase: 'READ',
      result,
    });
    const work = prepo
      .withHeartbeat(db, upload.jobId, () => run(actor, upload.jobId, upload.inputPath, result, upload))
      .catch(async (e: unknown) => {
        // Nothing was written (the write is one transaction): the job says why.
        const detail = e instanceof Error ? e.message : String(e);
        const errors: StoredIssue[] = [{ path: '', code: 'IMPORT.INTERNAL', params: { detail } }];
        Object.assign(result, { counts: null, errors, error_count: 1, fatal: true });
        await prepo
          .updateJob(db, upload.jobId, { status: 'FAILED', result, finishedAt: new Date() })
          .catch(() => undefined);
      })
      .finally(async () => {
        running.delete(upload.jobId);
        await fs.rm(uploadDir(upload.jobId), { recursive: true, force: true });
      });
    running.set(upload.jobId, work);
    return upload.jobId;
  }

  /** Wait for a job started here (tests). */
  async function waitFor(jobId: string): Promise<void> {
    await running.get(jobId);
  }

  async function run(
    actor: Actor,
    jobId: string,
    inputPath: string,
    result: JobResult,
    given: { mofDivCode?: string; fiscalYear?: string },
  ): Promise<void> {
    const issues = new Issues();
    const fail = async (input: PaymentsInput | null, fatal: boolean) => {
      let file: string | null = null;
      if (input && !fatal) {
        const list = [...issues.errors, ...issues.warnings].map((i) => ({
          path: i.path,
          code: i.code,
          message: importIssueMessage(i, actor.lang),
          ...(i.source ? { source: i.source } : {}),
        }));
        file = path.join(jobDir(jobId), 'errors.xlsx');
        await fs.mkdir(path.dirname(file), { recursive: true });
        await fs.writeFile(file, await buildMarkedWorkbook(input, list, actor.lang));
      }
      Object.assign(result, {
        errors: inFileOrder(issues.errors),
        warnings: inFileOrder(issues.warnings),
        error_count: issues.errorCount,
        warning_count: issues.warningCount,
        fatal,
      });
      await prepo.updateJob(db, jobId, { status: 'FAILED', result, file, finishedAt: new Date() });
    };

    let input: PaymentsInput;
    try {
      input = await readPayments(inputPath);
    } catch (e) {
      const code = e instanceof ExchangeReadError ? e.code : 'IMPORT.INTERNAL';
      const detail = e instanceof ExchangeReadError ? e.detail : e instanceof Error ? e.message : String(e);
      issues.put({ path: '', code, level: 'error', params: { detail } });
      return fail(null, true);
    }
    const total = input.rows.length;
    await prepo.updateJob(db, jobId, { phase: 'CHECK', done: 0, total });
    const mof = textOf(input.header.mof_div_code) ?? given.mofDivCode ?? actor.mofDivCode;
    const year = textOf(input.header.fiscal_year) ?? given.fiscalYear ?? null;
    result.mof_div_code = mof;
    result.fiscal_year = year;
    await prepo.updateJob(db, jobId, { mofDivCode: mof, result });
    if (year !== null && !/^\d{4}$/.test(year))
      issues.put({ path: 'fiscal_year', code: 'FIELD.TYPE', level: 'error', params: { expected: 'year' } });
    if (!scopeRegions(actor.scope).includes(mof))
      issues.put({
        path: 'mof_div_code',
        code: 'IMPORT.REGION_OUT_OF_SCOPE',
        level: 'error',
        params: { code: mof },
      });
    if (issues.errorCount > 0) return fail(input, false);

    const rows = checkRows(input, year, issues);
    const years = [...new Set(rows.map((r) => r.fiscalYear))];
    const known = await prepo.projectCodesInScope(db, actor.scope, mof, years);
    for (const r of rows) {
      if (!known.has(`${r.fiscalYear}/${r.proCode}`)) {
        const params = { code: r.proCode, region: mof, year: r.fiscalYear };
        issues.put(
          { path: `payments[${r.index}].pro_code`, code: 'PAYMENT.PROJECT_UNKNOWN', level: 'error', params },
          r.source,
        );
      }
    }
    const stored = await prepo.storedVouchers(
      db,
      mof,
      rows.map((r) => r.voucherNo),
    );
    const fresh: Checked[] = [];
    for (const r of rows) {
      const s = stored.get(r.voucherNo);
      if (!s) fresh.push(r);
      else if (s.proCode !== r.proCode || s.payDate !== r.payDate || s.amount !== r.amount) {
        const params = { code: r.voucherNo };
        issues.put(
          {
            path: `payments[${r.index}].voucher_no`,
            code: 'PAYMENT.VOUCHER_STORED_DIFFERENT',
            level: 'warning',
            params,
          },
          r.source,
        );
      }
    }
    await prepo.updateJob(db, jobId, { phase: 'CHECK', done: total, total });
    if (issues.errorCount > 0) return fail(input, false);

    await prepo.updateJob(db, jobId, { phase: 'WRITE', done: 0, total });
    // Policies are read before the transaction (PGlite has one connection).
    const policies = new Map<string, TPolicy>();
    for (const y of years) policies.set(y, await deps.policies.effective(mof, y));
    const policyOf = (_mof: string, y: string) => Promise.resolve(policies.get(y) ?? DEFAULT_POLICY);
    await db.transaction(async (tx) => {
      const inserted = await prepo.insertPayments(tx, mof, jobId, fresh);
      const keys = new Map(
        fresh.map((r) => [`${r.fiscalYear}/${r.proCode}`, { year: r.fiscalYear, proCode: r.proCode }]),
      );
      const ids = await openReportsOf(tx, mof, [...keys.values()]);
      const recomputed = await recomputeReports(tx, ids, policyOf);
      const counts: TImportCounts = {
        ...NO_PROJECT_COUNTS,
        payments_inserted: inserted,
        payments_skipped: rows.length - inserted,
        reports_recomputed: recomputed,
      };
      await deps.audit.record(tx, {
        actor,
        entity: 'payment_import',
        entityId: jobId,
        action: 'IMPORT',
        after: { files: result.files.map((f) => ({ name: f.name, sha256: f.sha256 })), ...counts },
        mofDivCode: mof,
      });
      Object.assign(result, {
        counts,
        warnings: inFileOrder(issues.warnings),
        warning_count: issues.warningCount,
      });
      await prepo.updateJob(tx, jobId, {
        status: 'DONE',
        done: total,
        total,
        result,
        finishedAt: new Date(),
      });
    });
  }

  return { start, uploadDir, waitFor };
}

export type PaymentsService = ReturnType<typeof makePaymentsService>;

const recordOf = (i: StoredIssue) => Number(/^payments\[(\d+)\]/.exec(i.path)?.[1] ?? -1);

/** Issues by record (the checks run in passes; the file is read in its own order). */
function inFileOrder(list: StoredIssue[]): StoredIssue[] {
  return list
    .map((i, n) => ({ i, n }))
    .sort((a, b) => recordOf(a.i) - recordOf(b.i) || a.n - b.n)
    .map((x) => x.i);
}

/**
 * The field checks of every record (domain/fields.ts, paths `payments[i].…`), the fiscal year of
 * each (the given one, where its date must lie, else the year of its date) and the vouchers that
 * appear twice: the same record again is read once, different content is an error.
 */
function checkRows(input: PaymentsInput, year: string | null, issues: Issues): Checked[] {
  const out: Checked[] = [];
  const seen = new Map<string, Checked>();
  input.rows.forEach(({ row, source }, index) => {
    const base = `payments[${index}]`;
    const found: Issue[] = [];
    const proCode = requireText(row, 'pro_code', base, found)?.trim() ?? null;
    const payDate = checkDate(row, 'pay_date', base, found, true);
    checkDecimal(row, 'amount', base, found, { required: true, maxDecimals: 2 });
    const voucherNo = requireText(row, 'voucher_no', base, found)?.trim() ?? null;
    const amount = readDecimal(row.amount, 2);
    if (amount.ok && amount.value.gte(1e16))
      found.push({
        path: `${base}.amount`,
        code: 'FIELD.TYPE',
        level: 'error',
        params: { expected: 'decimal-2' },
      });
    for (const i of found) issues.put(i, source);
    if (payDate !== null && year !== null && payDate.slice(0, 4) !== year) {
      issues.put(
        { path: `${base}.pay_date`, code: 'PAYMENT.DATE_OUT_OF_YEAR', level: 'error', params: { year } },
        source,
      );
      return;
    }
    if (found.length > 0 || !proCode || !payDate || !voucherNo || !amount.ok) return;
    const r: Checked = {
      fiscalYear: year ?? payDate.slice(0, 4),
      proCode,
      payDate,
      amount: amount.value.toFixed(2),
      voucherNo,
      index,
      source,
    };
    const first = seen.get(voucherNo);
    if (!first) {
      seen.set(voucherNo, r);
      out.push(r);
    } else if (first.proCode !== r.proCode || first.payDate !== r.payDate || first.amount !== r.amount) {
      const params = { code: voucherNo, first: String(first.index + 1) };
      issues.put(
        { path: `${base}.voucher_no`, code: 'PAYMENT.VOUCHER_CONFLICT', level: 'error', params },
        source,
      );
    }
  });
  return out;
}
