/**
 * The library as an Excel workbook, in the layout of the exchange template: row 1 the Chinese
 * labels (English as cell notes for en-US), row 2 the field codes (the reader goes by them), data
 * from row 3. Values are written as text so that codes and years read back exactly.
 */
import ExcelJS from 'exceljs';
import type { TLibraryIndicator } from '../../../contracts/library.ts';
import { LIBRARY_FIELD_LABELS } from '../../../contracts/library-issues.ts';
import type { Lang } from '../../../contracts/errors.ts';
import {
  checkLibraryIndicator,
  LIBRARY_FIELDS,
  type LibraryField,
  type LibraryIssue,
} from '../../../domain/library/check-indicator.ts';
import type { TLibraryIndicatorInput } from '../../../contracts/library.ts';
import { cellText } from '../../exchange/xlsx-cells.ts';

export const SHEET_ZH = '指标库';
const FIRST_DATA_ROW = 3;
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDCE6F1' } };

type ExportColumn = LibraryField | 'status' | 'usage_count' | 'mof_div_code';

const COLUMNS: { code: ExportColumn; width: number }[] = [
  { code: 'code', width: 20 },
  { code: 'name', width: 24 },
  { code: 'name_en', width: 24 },
  { code: 'definition', width: 48 },
  { code: 'unit', width: 10 },
  { code: 'formula', width: 36 },
  { code: 'sign', width: 8 },
  { code: 'scoring_rule', width: 40 },
  { code: 'sector', width: 12 },
  { code: 'func_class', width: 12 },
  { code: 'kpi_lv1', width: 14 },
  { code: 'kpi_lv2', width: 14 },
  { code: 'kind', width: 12 },
  { code: 'progress', width: 12 },
  { code: 'valid_from', width: 10 },
  { code: 'valid_to', width: 10 },
  { code: 'status', width: 10 },
  { code: 'usage_count', width: 10 },
  { code: 'mof_div_code', width: 12 },
];

/** The filtered list as a workbook (one sheet 指标库). */
export async function libraryWorkbook(rows: readonly TLibraryIndicator[], lang: Lang): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(SHEET_ZH, { views: [{ state: 'frozen', xSplit: 1, ySplit: 2 }] });
  ws.columns = COLUMNS.map((c) =>
    c.code === 'usage_count' ? { width: c.width } : { width: c.width, style: { numFmt: '@' } },
  );
  const labels = ws.getRow(1);
  const codes = ws.getRow(2);
  COLUMNS.forEach((c, i) => {
    const label = labels.getCell(i + 1);
    label.value = LIBRARY_FIELD_LABELS[c.code].zh;
    label.font = { bold: true };
    label.fill = HEADER_FILL;
    label.alignment = { vertical: 'middle', wrapText: true };
    if (lang === 'en-US') label.note = LIBRARY_FIELD_LABELS[c.code].en;
    const code = codes.getCell(i + 1);
    code.value = c.code;
    code.font = { size: 9, color: { argb: 'FF808080' } };
  });
  for (const r of rows) {
    ws.addRow(
      COLUMNS.map((c) => {
        if (c.code === 'usage_count') return r.usage_count;
        if (c.code === 'mof_div_code') return r.mof_div_code ?? '';
        return r[c.code] ?? '';
      }),
    );
  }
  const out = await wb.xlsx.writeBuffer();
  return Buffer.from(out);
}

/** A problem of the file, or of one cell of it (Excel row number and column letter). */
export interface ImportIssue extends Omit<LibraryIssue, 'field'> {
  field: LibraryField | 'status' | null;
  row: number | null;
  column: string | null;
}

export interface ImportRow {
  row: number;
  value: TLibraryIndicatorInput;
  status: 'ACTIVE' | 'RETIRED' | null;
}

export type ImportRead = { ok: true; rows: ImportRow[] } | { ok: false; issues: ImportIssue[] };

const STATUSES = ['ACTIVE', 'RETIRED'] as const;

function columnLetter(n: number): string {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

/**
 * Read and check every row of an uploaded workbook: each row by the library rule, codes unique
 * in the file. Returns the rows only when all of them are valid, else every problem found.
 */
export async function readLibraryWorkbook(file: Buffer): Promise<ImportRead> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(file as unknown as ArrayBuffer);
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e);
    return {
      ok: false,
      issues: [{ field: null, code: 'FORMAT.UNREADABLE', params: { detail }, row: null, column: null }],
    };
  }
  const ws = wb.worksheets.find((w) => w.name.trim() === SHEET_ZH) ?? wb.worksheets[0];
  if (!ws) return { ok: false, issues: [{ field: null, code: 'LIBRARY.EMPTY', row: null, column: null }] };
  const fieldAt = new Map<number, LibraryField | 'status'>();
  ws.getRow(2).eachCell({ includeEmpty: false }, (cell, col) => {
    const code = cellText(cell.value, cell.numFmt)?.trim();
    const field = [...LIBRARY_FIELDS, 'status' as const].find((f) => f === code);
    if (field) fieldAt.set(col, field);
  });
  if (![...fieldAt.values()].includes('code')) {
    return { ok: false, issues: [{ field: null, code: 'LIBRARY.NO_CODES_ROW', row: 2, column: null }] };
  }
  const letterOf = (field: LibraryField | 'status'): string | null => {
    for (const [col, f] of fieldAt) if (f === field) return columnLetter(col);
    return null;
  };
  const issues: ImportIssue[] = [];
  const rows: ImportRow[] = [];
  const firstRowOf = new Map<string, number>();
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (rowNumber < FIRST_DATA_ROW) return;
    const raw: Record<string, string | null> = {};
    row.eachCell({ includeEmpty: false }, (cell, col) => {
      const field = fieldAt.get(col);
      if (field) raw[field] = cellText(cell.value, cell.numFmt);
    });
    if (Object.values(raw).every((v) => v === null || v.trim() === '')) return;
    const at = (i: LibraryIssue): ImportIssue => ({
      ...i,
      row: rowNumber,
      column: i.field === null ? null : letterOf(i.field),
    });
    const checked = checkLibraryIndicator(raw);
    issues.push(...checked.issues.map(at));
    const statusText = raw.status?.trim() ?? '';
    const status = STATUSES.find((s) => s === statusText) ?? null;
    if (statusText !== '' && status === null) {
      issues.push({
        field: 'status',
        code: 'FIELD.ENUM',
        params: { allowed: STATUSES.join(', ') },
        row: rowNumber,
        column: letterOf('status'),
      });
    }
    const code = raw.code?.trim();
    if (code) {
      const first = firstRowOf.get(code);
      if (first === undefined) firstRowOf.set(code, rowNumber);
      else
        issues.push(
          at({ field: 'code', code: 'LIBRARY.DUPLICATE_CODE', params: { code, first: String(first) } }),
        );
    }
    if (checked.ok) rows.push({ row: rowNumber, value: checked.value, status });
  });
  if (issues.length > 0) return { ok: false, issues };
  if (rows.length === 0)
    return { ok: false, issues: [{ field: null, code: 'LIBRARY.EMPTY', row: null, column: null }] };
  return { ok: true, rows };
}
