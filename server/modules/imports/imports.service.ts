import crypto from 'node:crypto';
import { createReadStream } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import {
  importIssueMessage,
  type StoredIssue,
  type TImportIssue,
  type TJob,
} from '../../../contracts/imports.ts';
import { describePath } from '../../../contracts/issues.ts';
import type { Actor } from '../../context.ts';
import type { Database } from '../../db/client.ts';
import { notFound } from '../../errors.ts';
import type { Lang } from '../../exchange/index.ts';
import type { AuditService } from '../audit/index.ts';
import type { AuthService } from '../identity/index.ts';
import type { PoliciesService } from '../policies/index.ts';
import { makeImportRunner, type ImportFile, type ImportOutcome, type JobResult } from './import-run.ts';
import * as repo from './imports.repository.ts';

export type { ImportFile, ImportOutcome, ImportTimings } from './import-run.ts';

export const IMPORT_JOB = 'IMPORT';
/** The kinds of job that run an import (projects and targets; payment records). */
const JOB_KINDS = [IMPORT_JOB, 'PAYMENTS'];
/** A running import touches its job every 15 s (withHeartbeat): one silent for 2 minutes was interrupted. */
const STALE_SECONDS = 120;

export interface ImportsDeps {
  database: Database;
  audit: AuditService;
  policies: PoliciesService;
  auth: AuthService;
  /** Uploaded files and marked workbooks go under `<dataDir>/imports/<job id>/`. */
  dataDir: string;
}

export async function sha256Of(file: string): Promise<string> {
  const hash = crypto.createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** The files of an input path (a file, or the CSV files of a folder) with their hashes. */
export async function describeInput(input: string): Promise<ImportFile[]> {
  const st = await fs.stat(input);
  const files = st.isDirectory()
    ? (await fs.readdir(input))
        .filter((n) => n.toLowerCase().endsWith('.csv'))
        .map((n) => path.join(input, n))
    : [input];
  const out: ImportFile[] = [];
  for (const f of files.sort()) {
    out.push({ name: path.basename(f), sha256: await sha256Of(f), bytes: (await fs.stat(f)).size });
  }
  return out;
}

/**
 * Imports of projects and targets from exchange-format files (see the module index): the job
 * row, the two streaming passes (peers, then check + staging), the all-or-nothing merge with its
 * audit entry, the marked workbook of a refused file, and the jobs as their owners see them.
 */
export function makeImportsService(deps: ImportsDeps) {
  const db = deps.database.db;
  const running = new Map<string, Promise<ImportOutcome>>();

  const jobDir = (id: string) => path.join(deps.dataDir, 'imports', id);

  const { run } = makeImportRunner({ ...deps, jobDir });

  async function createJob(actor: Actor, files: ImportFile[], id?: string) {
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
    return repo.insertJob(db, {
      ...(id ? { id } : {}),
      kind: IMPORT_JOB,
      status: 'RUNNING',
      createdBy: actor.userId,
      phase: 'READ',
      result,
    });
  }
  /** Start an import in the background (the request answers at once with the job). */
  async function start(actor: Actor, upload: { jobId: string; inputPath: string; files: ImportFile[] }) {
    const job = await createJob(actor, upload.files, upload.jobId);
    const work = run(actor, job.id, upload.inputPath, upload.files)
      .catch(async (e: unknown) => {
        await repo.updateJob(db, job.id, { status: 'FAILED', finishedAt: new Date() }).catch(() => undefined);
        throw e;
      })
      .finally(async () => {
        running.delete(job.id);
        await fs.rm(path.join(jobDir(job.id), 'input'), { recursive: true, force: true });
      });
    work.catch(() => undefined);
    running.set(job.id, work);
    return jobDto(job, actor.lang);
  }

  /** Run an import to its end (command line): the job row is written as for the web. */
  async function importPath(
    actor: Actor,
    inputPath: string,
    onProgress?: (phase: 'READ' | 'CHECK' | 'WRITE', done: number, total: number) => void,
  ): Promise<ImportOutcome> {
    const files = await describeInput(inputPath).catch((): ImportFile[] => [
      { name: path.basename(inputPath), sha256: '', bytes: 0 },
    ]);
    const job = await createJob(actor, files);
    return run(actor, job.id, inputPath, files, onProgress);
  }

  /** The upload folder of a new job (the routes save the files there before start()). */
  function uploadDir(jobId: string) {
    return path.join(jobDir(jobId), 'input');
  }

  /** Wait for a job started here (tests). */
  async function waitFor(jobId: string): Promise<void> {
    await running.get(jobId)?.catch(() => undefined);
  }

  function jobDto(row: repo.JobRow, lang: Lang): TJob {
    const r = (row.result ?? {}) as Partial<JobResult>;
    const words = (i: StoredIssue): TImportIssue => ({
      path: i.path,
      field: describePath(i.path, lang),
      code: i.code,
      message: importIssueMessage(i, lang),
      source: i.source ?? null,
    });
    return {
      id: row.id,
      kind: row.kind,
      status: row.status,
      phase: row.phase === 'READ' || row.phase === 'CHECK' || row.phase === 'WRITE' ? row.phase : null,
      done: row.done,
      total: row.total,
      created_at: row.createdAt.toISOString(),
      finished_at: row.finishedAt?.toISOString() ?? null,
      files: (r.files ?? []).map((f) => f.name),
      mof_div_code: r.mof_div_code ?? row.mofDivCode ?? null,
      fiscal_year: r.fiscal_year ?? null,
      counts: r.counts ?? null,
      errors: (r.errors ?? []).map(words),
      warnings: (r.warnings ?? []).map(words),
      error_count: r.error_count ?? 0,
      warning_count: r.warning_count ?? 0,
      has_workbook: row.file !== null,
    };
  }

  /** Fail the jobs whose process is gone (see failInterruptedJobs); before jobs are read. */
  async function failInterrupted(): Promise<number> {
    return repo.failInterruptedJobs(db, JOB_KINDS, STALE_SECONDS, [...running.keys()], (old) => {
      const r = (old ?? {}) as Partial<JobResult>;
      const errors: StoredIssue[] = [{ path: '', code: 'IMPORT.INTERRUPTED' }];
      return { ...r, counts: null, errors, warnings: [], error_count: 1, warning_count: 0, fatal: true };
    });
  }

  async function job(actor: Actor, id: string): Promise<TJob> {
    await failInterrupted();
    const row = await repo.findOwnJob(db, id, actor.userId);
    if (!row) throw notFound();
    return jobDto(row, actor.lang);
  }

  async function myJobs(actor: Actor, limit = 20) {
    await failInterrupted();
    const rows = await repo.listOwnJobs(db, actor.userId, IMPORT_JOB, limit);
    return {
      items: rows.map((r) => {
        const { errors: _e, warnings: _w, ...rest } = jobDto(r, actor.lang);
        return rest;
      }),
    };
  }

  /** The marked workbook of an owner's failed job. */
  async function workbook(actor: Actor, id: string): Promise<Buffer> {
    const row = await repo.findOwnJob(db, id, actor.userId);
    if (!row?.file) throw notFound();
    try {
      return await fs.readFile(row.file);
    } catch {
      throw notFound();
    }
  }

  /** The actor of a user by login name (the command line's --as). */
  async function actorOf(username: string, lang: Lang): Promise<Actor | null> {
    const u = await repo.findUserByUsername(db, username);
    if (!u || u.status !== 'ACTIVE') return null;
    return deps.auth.buildActor(u, { ip: null, requestId: null, userAgent: 'cli', lang });
  }

  return { start, run, importPath, uploadDir, waitFor, job, myJobs, workbook, actorOf, failInterrupted };
}

export type ImportsService = ReturnType<typeof makeImportsService>;
