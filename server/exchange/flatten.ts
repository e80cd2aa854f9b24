/**
 * Projects in the JSON shape as rows of the flat files (the inverse of assemble.ts): one projects
 * row, one indicators row per target indicator, one monitoring row per reported indicator of each
 * round (a round without indicators gets one row of its own fields), likewise for the
 * self-evaluation. Cells are text in the column order of columns.ts; fields that are not columns
 * are not written.
 */
import { Decimal } from 'decimal.js';
import { LIST_SEPARATOR, TABLES, type ColumnDef, type ColumnScope, type TableKey } from './columns.ts';

/** One row of a flat file: cell texts in the column order of its table, null for empty. */
export type OutRow = (string | null)[];

export interface ExportHeader {
  mof_div_code: unknown;
  fiscal_year: unknown;
}

export type FlatProject = Record<Exclude<TableKey, 'payments'>, OutRow[]>;

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const objects = (v: unknown): Record<string, unknown>[] => (Array.isArray(v) ? v.filter(isObject) : []);

/** A JSON value as cell text: numbers without exponent, booleans true/false, lists `;`-joined. */
export function valueText(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? new Decimal(value).toFixed() : String(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (Array.isArray(value)) return value.map((v) => valueText(v) ?? '').join(LIST_SEPARATOR);
  return JSON.stringify(value);
}

type Scoped = Partial<Record<ColumnScope, Record<string, unknown>>>;

/** The cells of a row: each column's value from the object of its scope. */
function row(columns: readonly ColumnDef[], scoped: Scoped): OutRow {
  return columns.map((c) => valueText(scoped[c.scope]?.[c.code]));
}

/**
 * Rows of one stage (monitoring round or self-evaluation): `entry` fields repeated on the row of
 * each of its indicators.
 */
function stageRows(
  key: 'monitoring' | 'self_evaluation',
  base: Record<string, unknown>,
  stage: Record<string, unknown>,
) {
  const { indicators, ...entry } = stage;
  const list = objects(indicators);
  const columns = TABLES[key].columns;
  if (list.length === 0) return [row(columns, { key: base, entry })];
  return list.map((indicator) => row(columns, { key: base, entry, indicator }));
}

/** The flat rows of a project. */
export function flattenProject(project: Record<string, unknown>, header: ExportHeader): FlatProject {
  const key = { pro_code: project.pro_code ?? null };
  const target = isObject(project.target) ? project.target : {};
  const { indicators, ...targetFields } = target;
  const monitoring = objects(project.monitoring);
  const selfEval = isObject(project.self_evaluation) ? project.self_evaluation : null;
  const headerFields = { mof_div_code: header.mof_div_code, fiscal_year: header.fiscal_year };
  return {
    projects: [row(TABLES.projects.columns, { header: headerFields, project, target: targetFields })],
    indicators: objects(indicators).map((indicator) => row(TABLES.indicators.columns, { key, indicator })),
    monitoring: monitoring.flatMap((m) => stageRows('monitoring', key, m)),
    self_evaluation: selfEval ? stageRows('self_evaluation', key, selfEval) : [],
  };
}

/** The row of a payment record. */
export function flattenPayment(payment: Record<string, unknown>): OutRow {
  return row(TABLES.payments.columns, { row: payment });
}
