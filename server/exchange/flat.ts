/**
 * Rows of the flat files (CSV folder or workbook sheets) once their cells are text: the shape the
 * CSV and Excel readers produce and the merge (merge.ts) turns into projects.
 */
import { Decimal } from 'decimal.js';
import type { ColumnDef, TableDef, TableKey } from './columns.ts';
import type { Source } from './types.ts';

/** A cell once read: text, a list (`list` columns), or null for an empty cell. */
export type CellValue = string | string[] | null;

/** One data row of a table: its 1-based row number and the cells of the known columns present. */
export interface FlatRow {
  row: number;
  cells: Record<string, CellValue>;
}

/** One table of the input: where it is, which known columns it has, and its data rows. */
export interface FlatTable {
  def: TableDef;
  file: string;
  sheet?: string;
  /** The known columns present in the header, in table order. */
  columns: readonly ColumnDef[];
  /** The non-blank data rows in file order; may be called more than once. */
  rows(): AsyncIterable<FlatRow>;
}

export type FlatTables = { projects: FlatTable } & Partial<Record<Exclude<TableKey, 'projects'>, FlatTable>>;

/** Column positions of the known field codes of a header row (first occurrence wins). */
export function mapHeader(def: TableDef, codes: readonly (string | null | undefined)[]): Map<string, number> {
  const known = new Set(def.columns.map((c) => c.code));
  const positions = new Map<string, number>();
  codes.forEach((raw, i) => {
    const code = typeof raw === 'string' ? raw.trim() : '';
    if (known.has(code) && !positions.has(code)) positions.set(code, i);
  });
  return positions;
}

/** The known columns present in a header, in the order of the table definition. */
export function presentColumns(def: TableDef, positions: Map<string, number>): ColumnDef[] {
  return def.columns.filter((c) => positions.has(c.code));
}

/** A cell's text as a value: whitespace-only is empty (null); list cells split on `;` or `；`. */
export function cellValue(column: ColumnDef, text: string | null | undefined): CellValue {
  if (text === null || text === undefined || text.trim() === '') return null;
  if (column.kind !== 'list') return text;
  const items = text
    .split(/[;；]/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
  return items.length === 0 ? null : items;
}

/** The cells of one row by field code, or null when every known cell is empty (a blank row). */
export function rowCells(
  columns: readonly ColumnDef[],
  positions: Map<string, number>,
  texts: readonly (string | null | undefined)[],
): Record<string, CellValue> | null {
  const cells: Record<string, CellValue> = {};
  let blank = true;
  for (const column of columns) {
    const at = positions.get(column.code);
    const value = at === undefined ? null : cellValue(column, texts[at]);
    if (value !== null) blank = false;
    cells[column.code] = value;
  }
  return blank ? null : cells;
}

/** The project code a row points at, trimmed; null when empty. */
export function rowKey(row: FlatRow): string | null {
  const v = row.cells.pro_code;
  return typeof v === 'string' && v.trim() !== '' ? v.trim() : null;
}

const DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;

/** Whether two repeated cells agree: the same text, or the same decimal number (`1000` = `1000.00`). */
export function sameValue(a: unknown, b: unknown): boolean {
  if (typeof a === 'string' && typeof b === 'string') {
    const x = a.trim();
    const y = b.trim();
    if (x === y) return true;
    return DECIMAL.test(x) && DECIMAL.test(y) && new Decimal(x).eq(new Decimal(y));
  }
  return JSON.stringify(a) === JSON.stringify(b);
}

/** The source of a row of a table, optionally naming a column. */
export function sourceAt(table: FlatTable, row: FlatRow, column?: string): Source {
  const src: Source = { file: table.file, row: row.row };
  if (table.sheet !== undefined) src.sheet = table.sheet;
  if (column !== undefined) src.column = column;
  return src;
}
