/** Shapes of the exchange reader (see read.ts) shared by the per-kind readers. */

/** Where a value came from in a CSV or Excel input. `row` is 1-based; `column` is a field code. */
export interface Source {
  file: string;
  sheet?: string;
  row: number;
  column?: string;
}

/** A structural problem found while reading (paths into the equivalent JSON document). */
export interface ReadIssue {
  path: string;
  code: string;
  detail: string;
  source?: Source;
}

export interface ProjectEntry {
  /** Position in input order (0-based). */
  index: number;
  /** The project in the JSON shape of exchange-format.md; values are strings, booleans, null or lists. */
  project: Record<string, unknown>;
  /** Where the value at a path relative to the project came from; undefined for JSON input. */
  sourceOf(path: string): Source | undefined;
  /** Structural problems of this project, with absolute paths (`projects[3].monitoring[0].executed`). */
  issues: ReadIssue[];
}

export interface ExchangeHeader {
  format: string | null;
  mof_div_code: unknown;
  fiscal_year: unknown;
}

export interface PaymentRow {
  row: Record<string, unknown>;
  source?: Source;
}

export type ExchangeKind = 'json' | 'csv' | 'xlsx';

export interface ExchangeInput {
  kind: ExchangeKind;
  /** The files actually read. */
  files: string[];
  /** Complete after one full iteration of projects(). */
  header(): ExchangeHeader;
  /** Projects in input order; every call starts again from the beginning. */
  projects(): AsyncIterable<ProjectEntry>;
  payments(): AsyncIterable<PaymentRow>;
  /** Child rows whose pro_code is not a project of the input; complete after a full iteration. */
  orphanIssues(): ReadIssue[];
}

export type ReadErrorCode = 'FORMAT.UNREADABLE' | 'FORMAT.VERSION';

/** The input cannot be used at all (exit status 2 of `validate`). */
export class ExchangeReadError extends Error {
  readonly code: ReadErrorCode;
  readonly detail: string;
  constructor(code: ReadErrorCode, detail: string) {
    super(`${code}: ${detail}`);
    this.name = 'ExchangeReadError';
    this.code = code;
    this.detail = detail;
  }
}

export const unreadable = (detail: string): ExchangeReadError =>
  new ExchangeReadError('FORMAT.UNREADABLE', detail);

/** The message of an unknown thrown value. */
export function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
