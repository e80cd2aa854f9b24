/**
 * `perfbudget import --input PATH --as USERNAME [--errors-out FILE.xlsx] [--lang en]`: imports
 * projects and targets from an exchange-format file (JSON, .xlsx or a folder of CSV) through the
 * same service as the web upload, as that user (scope, permissions, audit). Prints a summary JSON
 * on stdout. Exit 0 written; 1 refused with errors (nothing written); 2 unusable input or usage.
 */
import fs from 'node:fs/promises';
import { importIssueMessage, type StoredIssue } from '../contracts/imports.ts';
import type { Lang } from '../contracts/issues.ts';
import type { Database } from '../server/db/client.ts';
import type { Config } from '../server/config.ts';

export interface ImportCliIssue {
  path: string;
  code: string;
  message: string;
  source?: StoredIssue['source'];
}

export interface ImportCliOutput {
  ok: boolean;
  job_id?: string;
  counts?: Record<string, number> | null;
  errors: ImportCliIssue[];
  warnings: ImportCliIssue[];
  error_count?: number;
  warning_count?: number;
  errors_workbook?: string | null;
  ms?: Record<string, number>;
}

export interface ImportCliResult {
  exit: 0 | 1 | 2;
  output: ImportCliOutput;
}

function words(list: StoredIssue[], lang: Lang): ImportCliIssue[] {
  return list.map((i) => ({
    path: i.path,
    code: i.code,
    message: importIssueMessage(i, lang),
    ...(i.source ? { source: i.source } : {}),
  }));
}

const usage = (code: string, message: string): ImportCliResult => ({
  exit: 2,
  output: { ok: false, errors: [{ path: '', code, message }], warnings: [] },
});

/** Run the import on an open, migrated database. Never throws for bad input (exit 2 instead). */
export async function runImport(opts: {
  config: Pick<Config, 'auditAlgorithm' | 'checkpointDir' | 'demo' | 'dataDir'>;
  database: Database;
  input: string;
  as: string;
  lang: Lang;
  errorsOut?: string | undefined;
  onProgress?: (phase: string, done: number, total: number) => void;
}): Promise<ImportCliResult> {
  const { buildDeps } = await import('../server/deps.ts');
  const deps = buildDeps(opts.config, opts.database);
  const actor = await deps.imports.actorOf(opts.as, opts.lang);
  if (!actor) return usage('CLI.UNKNOWN_USER', `no active user "${opts.as}"`);
  if (!actor.permissions.includes('import:data'))
    return usage('AUTH.FORBIDDEN', `the user "${opts.as}" may not import data (permission import:data)`);
  try {
    await fs.stat(opts.input);
  } catch {
    const message = importIssueMessage(
      { path: '', code: 'FORMAT.UNREADABLE', params: { detail: `${opts.input}: not found` } },
      opts.lang,
    );
    return {
      exit: 2,
      output: { ok: false, errors: [{ path: '', code: 'FORMAT.UNREADABLE', message }], warnings: [] },
    };
  }
  const r = await deps.imports.importPath(actor, opts.input, opts.onProgress);
  let workbook = r.workbook;
  if (workbook && opts.errorsOut) {
    await fs.copyFile(workbook, opts.errorsOut);
    workbook = opts.errorsOut;
  }
  const t = r.timings;
  return {
    exit: r.status === 'DONE' ? 0 : r.fatal ? 2 : 1,
    output: {
      ok: r.status === 'DONE',
      job_id: r.jobId,
      counts: r.counts,
      errors: words(r.errors, opts.lang),
      warnings: words(r.warnings, opts.lang),
      error_count: r.errorCount,
      warning_count: r.warningCount,
      errors_workbook: workbook,
      ms: {
        read: Math.round(t.read),
        check: Math.round(t.check),
        stage: Math.round(t.stage),
        merge: Math.round(t.merge),
        commit: Math.round(t.commit),
        total: Math.round(t.total),
      },
    },
  };
}
