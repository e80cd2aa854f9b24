import fs from 'node:fs/promises';
import path from 'node:path';
import { Decimal } from 'decimal.js';
import {
  MAX_LISTED_ISSUES,
  importIssueMessage,
  type StoredIssue,
  type TImportCounts,
} from '../../../contracts/imports.ts';
import { textOf } from '../../../domain/decimal-text.ts';
import { checkHeader } from '../../../domain/exchange/check-header.ts';
import { PeerIndex } from '../../../domain/exchange/peers.ts';
import { isRecord } from '../../../domain/fields.ts';
import { DEFAULT_POLICY } from '../../../domain/policy/policy.ts';
import { normaliseTarget } from '../../../domain/targets/check-target.ts';
import { peerKey } from '../../../domain/targets/difficulty.ts';
import type { Actor } from '../../context.ts';
import type { Database } from '../../db/client.ts';
import {
  ExchangeReadError,
  buildMarkedWorkbook,
  openExchange,
  type ExchangeInput,
  type Lang,
  type Source,
} from '../../exchange/index.ts';
import type { AuditService } from '../audit/index.ts';
import { scopeRegions } from '../identity/index.ts';
import type { PoliciesService } from '../policies/index.ts';
import {
  IGNORED_FILES,
  ProjectChecker,
  readIssue,
  storedIssue,
  type ImportIssue,
  type RegionContext,
} from './import-check.ts';
import { LockedDuringImport, withStageSession, type MergeCounts } from './import-stage.repository.ts';
import * as repo from './imports.repository.ts';

export interface ImportFile {
  name: string;
  sha256: string;
  bytes: number;
}

/** What a job row's `result` holds. */
export interface JobResult {
  files: ImportFile[];
  lang: Lang;
  mof_div_code: string | null;
  fiscal_year: string | null;
  counts: TImportCounts | null;
  errors: StoredIssue[];
  warnings: StoredIssue[];
  error_count: number;
  warning_count: number;
  /** The input could not be used at all (exit status 2 of the command line). */
  fatal: boolean;
}

/** Where the time of an import went (for the benchmark and the logs), in milliseconds. */
export interface ImportTimings {
  /** Pass 1 (opening, reading, peers). */
  read: number;
  /** Pass 2: waiting for the reader (the file's bytes and their parsing). */
  parse: number;
  check: number;
  stage: number;
  merge: number;
  commit: number;
  workbook: number;
  total: number;
}

export interface ImportOutcome {
  jobId: string;
  status: 'DONE' | 'FAILED';
  fatal: boolean;
  counts: TImportCounts | null;
  errors: StoredIssue[];
  warnings: StoredIssue[];
  errorCount: number;
  warningCount: number;
  /** The marked workbook, when one was written. */
  workbook: string | null;
  timings: ImportTimings;
  projects: number;
}

/** Inputs up to this size get the full marked-up workbook; larger ones get the error list only. */
const MARKUP_MAX_BYTES = 30 * 1024 * 1024;
/** Progress is written to the job row about 50 times per pass: every 200 to 5,000 projects. */
const progressStep = (total: number) => Math.max(200, Math.min(5000, Math.ceil(total / 50)));
/** Projects checked between two turns of the event loop in pass 2. */
const YIELD_EVERY = 32;
/** Pass 1 does not know the total yet. */
const READ_STEP = 10_000;

class IssueList {
  readonly errors: StoredIssue[] = [];
  readonly warnings: StoredIssue[] = [];
  errorCount = 0;
  warningCount = 0;

  put(issue: ImportIssue, source: Source | undefined): void {
    if (issue.level === 'error') {
      this.errorCount += 1;
      if (this.errors.length < MAX_LISTED_ISSUES) this.errors.push(storedIssue(issue, source));
    } else {
      this.warningCount += 1;
      if (this.warnings.length < MAX_LISTED_ISSUES) this.warnings.push(storedIssue(issue, source));
    }
  }
}

export interface RunnerDeps {
  database: Database;
  audit: AuditService;
  policies: PoliciesService;
  /** The folder of a job's files (marked workbook). */
  jobDir: (id: string) => string;
}

/**
 * The run of one import (the module index says what it does): pass 1 reads the file for the
 * peers, the header is checked against the database, pass 2 checks every project and stages the
 * clean ones, and the merge writes all of it with the audit entry and the finished job row in one
 * transaction — or nothing, and the job lists the errors with a marked workbook.
 */
export function makeImportRunner(deps: RunnerDeps) {
  const db = deps.database.db;
  const jobDir = deps.jobDir;

  /** Pass 1: the file's peers, its project codes (→ position) and its library codes. */
  async function readPass(input: ExchangeInput, progress: (done: number) => Promise<void>) {
    const peers = new PeerIndex();
    const codes = new Map<string, number>();
    const library = new Set<string>();
    let total = 0;
    for await (const entry of input.projects()) {
      total += 1;
      const code = textOf(entry.project.pro_code);
      if (code !== null && !codes.has(code)) codes.set(code, entry.index);
      const t = entry.project.target;
      if (isRecord(t)) {
        const indicators = normaliseTarget(t).indicators;
        peers.add(indicators);
        for (const i of indicators) if (i.library_code) library.add(i.library_code);
      }
      if (total % READ_STEP === 0) await progress(total);
    }
    return { peers, codes, library, total };
  }

  /** The database side of the header: scope, fiscal year, org, stored projects, declared peers. */
  async function regionContext(
    actor: Actor,
    header: { mof_div_code: unknown; fiscal_year: unknown },
    put: (i: ImportIssue) => void,
  ): Promise<RegionContext | null> {
    const headerIssues = checkHeader(header);
    for (const i of headerIssues) put(i);
    if (headerIssues.length > 0) return null;
    const mof = textOf(header.mof_div_code) ?? '';
    const year = textOf(header.fiscal_year) ?? '';
    if (!scopeRegions(actor.scope).includes(mof)) {
      put({
        path: 'mof_div_code',
        code: 'IMPORT.REGION_OUT_OF_SCOPE',
        level: 'error',
        params: { code: mof },
      });
      return null;
    }
    if (!(await repo.fiscalYearExists(db, mof, year))) {
      put({ path: 'fiscal_year', code: 'IMPORT.YEAR_UNKNOWN', level: 'error', params: { code: mof, year } });
      return null;
    }
    const org = await repo.regionOrg(db, mof);
    return {
      mofDivCode: mof,
      fiscalYear: year,
      departments: org.departments,
      units: org.units,
      existing: await repo.existingProjects(db, mof, year),
      tasks: await repo.openTasks(db, mof, year),
      scope: actor.scope,
      canCreateUnits: actor.roles.includes('PERF_OFFICE') && actor.scope.regions.includes(mof),
    };
  }

  /** Add the declared targets of the same year and region level to the peers (not the file's own projects). */
  async function addDatabasePeers(
    region: RegionContext,
    peers: PeerIndex,
    library: Set<string>,
    codes: Map<string, number>,
  ) {
    const level = await repo.regionLevel(db, region.mofDivCode);
    if (!level) return;
    const rows = await repo.declaredPeerValues(db, {
      fiscalYear: region.fiscalYear,
      level,
      codes: [...library],
    });
    for (const r of rows) {
      if (r.mof_div_code === region.mofDivCode && r.pro_code !== null && codes.has(r.pro_code)) continue;
      const key = peerKey({
        library_code: r.library_code,
        computesign: r.computesign,
        meterunit: r.meterunit,
      });
      if (key !== null) peers.addValue(key, new Decimal(r.value));
    }
  }

  async function writeWorkbook(
    jobId: string,
    input: ExchangeInput,
    issues: IssueList,
    lang: Lang,
  ): Promise<string | null> {
    const list = [...issues.errors, ...issues.warnings].map((i) => ({
      path: i.path,
      code: i.code,
      message: importIssueMessage(i, lang),
      ...(i.source ? { source: i.source } : {}),
    }));
    let bytes = 0;
    for (const f of input.files) bytes += (await fs.stat(f).catch(() => ({ size: 0 }))).size;
    const markup = input.kind !== 'json' && bytes <= MARKUP_MAX_BYTES;
    const buffer = await buildMarkedWorkbook(markup ? input : { kind: 'json', files: [] }, list, lang);
    const file = path.join(jobDir(jobId), 'errors.xlsx');
    await fs.mkdir(path.dirname(file), { recursive: true });
    await fs.writeFile(file, buffer);
    return file;
  }

  /**
   * Run an import as `actor` on an input path (file or CSV folder). Never throws for bad input:
   * the outcome (and the job row) says what happened.
   */
  async function run(
    actor: Actor,
    jobId: string,
    inputPath: string,
    files: ImportFile[],
    onProgress?: (phase: 'READ' | 'CHECK' | 'WRITE', done: number, total: number) => void,
  ): Promise<ImportOutcome> {
    const started = performance.now();
    const timings: ImportTimings = {
      read: 0,
      parse: 0,
      check: 0,
      stage: 0,
      merge: 0,
      commit: 0,
      workbook: 0,
      total: 0,
    };
    const issues = new IssueList();
    const result: JobResult = {
      files,
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
    const progress = async (phase: 'READ' | 'CHECK' | 'WRITE', done: number, total: number) => {
      onProgress?.(phase, done, total);
      await repo.updateJob(db, jobId, { phase, done, total });
    };
    const finishFailed = async (input: ExchangeInput | null, fatal: boolean): Promise<ImportOutcome> => {
      const t0 = performance.now();
      const workbook = input && !fatal ? await writeWorkbook(jobId, input, issues, actor.lang) : null;
      timings.workbook = performance.now() - t0;
      Object.assign(result, {
        errors: issues.errors,
        warnings: issues.warnings,
        error_count: issues.errorCount,
        warning_count: issues.warningCount,
        fatal,
      });
      await repo.updateJob(db, jobId, { status: 'FAILED', result, file: workbook, finishedAt: new Date() });
      timings.total = performance.now() - started;
      return {
        jobId,
        status: 'FAILED',
        fatal,
        counts: null,
        errors: issues.errors,
        warnings: issues.warnings,
        errorCount: issues.errorCount,
        warningCount: issues.warningCount,
        workbook,
        timings,
        projects: 0,
      };
    };

    let input: ExchangeInput | null = null;
    let codeIndex = new Map<string, number>();
    try {
      // Opening (a CSV folder or workbook is planned here) and pass 1 (READ).
      const t0 = performance.now();
      input = await openExchange(inputPath);
      const opened = input;
      const pass1 = await readPass(opened, (n) => progress('READ', n, n));
      timings.read = performance.now() - t0;
      codeIndex = pass1.codes;
      const total = pass1.total;
      const region = await regionContext(actor, opened.header(), (i) => issues.put(i, undefined));
      result.mof_div_code = region?.mofDivCode ?? null;
      result.fiscal_year = region?.fiscalYear ?? null;
      if (region) await repo.updateJob(db, jobId, { mofDivCode: region.mofDivCode, result });
      const policy = region
        ? await deps.policies.effective(region.mofDivCode, region.fiscalYear)
        : DEFAULT_POLICY;
      if (region) await addDatabasePeers(region, pass1.peers, pass1.library, pass1.codes);
      await progress('CHECK', 0, total);

      // Pass 2 (CHECK): check every project; stage the clean ones while no error is known.
      const checker = new ProjectChecker({ policy, peers: pass1.peers, region });
      const pass2 = async (
        stage: ((p: NonNullable<ReturnType<ProjectChecker['check']>['stage']>) => Promise<void>) | null,
      ) => {
        let done = 0;
        const step = progressStep(total);
        let n0 = performance.now();
        for await (const entry of opened.projects()) {
          const c0 = performance.now();
          timings.parse += c0 - n0;
          const checked = checker.check(entry);
          timings.check += performance.now() - c0;
          for (const { issue, source } of checked.issues) issues.put(issue, source);
          if (stage && issues.errorCount === 0 && checked.stage) await stage(checked.stage);
          done += 1;
          if (done % step === 0) await progress('CHECK', done, total);
          // Let the event loop run now and then: the COPY of the previous batch is written to the
          // socket only when it does.
          else if (done % YIELD_EVERY === 0) await new Promise<void>((resolve) => setImmediate(resolve));
          n0 = performance.now();
        }
        for (const r of opened.orphanIssues()) {
          if (!IGNORED_FILES.test(r.source?.sheet ?? r.source?.file ?? ''))
            issues.put(readIssue(r), r.source);
        }
        await progress('CHECK', done, total);
      };

      if (!region) {
        await pass2(null);
        return await finishFailed(opened, false);
      }
      const sessionContext = {
        mofDivCode: region.mofDivCode,
        fiscalYear: region.fiscalYear,
        actorId: actor.userId,
      };
      const outcome = await withStageSession(deps.database, jobId, sessionContext, async (session) => {
        await pass2(async (s) => {
          await session.add(s.project, s.indicators);
        });
        if (issues.errorCount > 0) {
          session.discard();
          return null;
        }
        await progress('WRITE', 0, total);
        const counts = await session.merge(
          {
            mofDivCode: region.mofDivCode,
            fiscalYear: region.fiscalYear,
            actorId: actor.userId,
            departments: [...checker.newDepartments].map(([code, name]) => ({ code, name })),
            units: [...checker.newUnits].map(([code, u]) => ({ code, dept: u.dept, name: u.name })),
          },
          async (tx, c: MergeCounts) => {
            await deps.audit.record(tx, {
              actor,
              entity: 'import',
              entityId: jobId,
              action: 'IMPORT',
              after: { files: files.map((f) => ({ name: f.name, sha256: f.sha256 })), ...c },
              mofDivCode: region.mofDivCode,
            });
            Object.assign(result, {
              counts: c,
              warnings: issues.warnings,
              warning_count: issues.warningCount,
            });
            await repo.updateJob(tx, jobId, {
              status: 'DONE',
              phase: 'WRITE',
              done: total,
              total,
              result,
              finishedAt: new Date(),
            });
          },
        );
        Object.assign(timings, {
          stage: session.timings.stageMs,
          merge: session.timings.mergeMs,
          commit: session.timings.commitMs,
        });
        return counts;
      });
      if (outcome === null) return await finishFailed(opened, false);
      timings.total = performance.now() - started;
      onProgress?.('WRITE', total, total);
      return {
        jobId,
        status: 'DONE',
        fatal: false,
        counts: outcome,
        errors: [],
        warnings: issues.warnings,
        errorCount: 0,
        warningCount: issues.warningCount,
        workbook: null,
        timings,
        projects: total,
      };
    } catch (e) {
      if (e instanceof ExchangeReadError) {
        issues.put({ path: '', code: e.code, level: 'error', params: { detail: e.detail } }, undefined);
        return finishFailed(null, true);
      }
      if (e instanceof LockedDuringImport) {
        // A target was submitted between the check and the merge: nothing was written.
        for (const code of e.proCodes) {
          const at = codeIndex.get(code);
          const where = at === undefined ? 'projects' : `projects[${at}].target`;
          issues.put({ path: where, code: 'TARGET.LOCKED', level: 'error' }, undefined);
        }
        return finishFailed(input, false);
      }
      const detail = e instanceof Error ? e.message : String(e);
      issues.put({ path: '', code: 'IMPORT.INTERNAL', level: 'error', params: { detail } }, undefined);
      return finishFailed(null, true);
    }
  }

  /** Run an import while keeping its job's heartbeat. */
  const runWithHeartbeat: typeof run = (actor, jobId, inputPath, files, onProgress) =>
    repo.withHeartbeat(db, jobId, () => run(actor, jobId, inputPath, files, onProgress));

  return { run: runWithHeartbeat };
}
