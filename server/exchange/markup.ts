/**
 * The marked workbook handed back after a failed check: the input with every cell an issue points
 * at filled red and annotated with its message(s), the first cell of each such row light red, and
 * a first sheet 错误清单 / Errors listing all issues. An Excel input is copied; CSV files become
 * one sheet each (named after the file, header row of codes in row 1); a JSON input gets the list
 * only. In memory (exceljs): meant for county-size inputs.
 */
import path from 'node:path';
import ExcelJS from 'exceljs';
import { TABLE_LIST } from './columns.ts';
import { readCsvRecords } from './csv-source.ts';
import { mapHeader } from './flat.ts';
import { HEADER_FILL, type Lang } from './layout.ts';
import type { ExchangeInput, Source } from './types.ts';
import { cellText } from './xlsx-cells.ts';

export interface MarkupIssue {
  path: string;
  code: string;
  message: string;
  source?: Source;
}

const RED: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFF6666' } };
const LIGHT_RED: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFDADA' } };

const ERRORS_SHEET: Record<Lang, string> = { 'zh-CN': '错误清单', 'en-US': 'Errors' };
const LIST_HEADER: Record<Lang, string[]> = {
  'zh-CN': ['路径', '错误代码', '说明', '文件', '工作表', '行', '列', '单元格'],
  'en-US': ['Path', 'Code', 'Message', 'File', 'Sheet', 'Row', 'Column', 'Cell'],
};

/** A sheet of the marked workbook and the columns of its field codes. */
interface MarkedSheet {
  ws: ExcelJS.Worksheet;
  codes: Map<string, number>;
}

/**
 * Field code → 1-based column, from the codes row: row 2 of a workbook, row 1 of a CSV file (each
 * also accepts the other, as the readers do).
 */
function codeColumns(ws: ExcelJS.Worksheet, rows: readonly number[]): Map<string, number> {
  const def = TABLE_LIST.find((t) => t.sheet === ws.name || t.key === ws.name.toLowerCase());
  for (const rowNumber of rows) {
    const texts: (string | null)[] = [];
    ws.getRow(rowNumber).eachCell((cell, col) => (texts[col - 1] = cellText(cell.value)));
    const positions = def ? mapHeader(def, texts) : new Map<string, number>();
    if (positions.size > 0) return new Map([...positions].map(([code, i]) => [code, i + 1]));
  }
  return new Map();
}

async function loadCsvSheets(
  wb: ExcelJS.Workbook,
  files: readonly string[],
): Promise<Map<string, MarkedSheet>> {
  const sheets = new Map<string, MarkedSheet>();
  for (const file of files) {
    const name = path.basename(file);
    const ws = wb.addWorksheet(name.replace(/\.csv$/i, '').slice(0, 31));
    for await (const record of readCsvRecords(file, name)) ws.getRow(record.row).values = record.fields;
    ws.getRow(1).font = { bold: true };
    ws.views = [{ state: 'frozen', xSplit: 0, ySplit: 1 }];
    sheets.set(name, { ws, codes: codeColumns(ws, [1, 2]) });
  }
  return sheets;
}

async function loadWorkbook(wb: ExcelJS.Workbook, file: string): Promise<Map<string, MarkedSheet>> {
  await wb.xlsx.readFile(file);
  const sheets = new Map<string, MarkedSheet>();
  for (const ws of wb.worksheets) {
    clearOldMarks(ws);
    sheets.set(ws.name, { ws, codes: codeColumns(ws, [2, 1]) });
  }
  return sheets;
}

/**
 * Remove the marks of an earlier check (a preparer may correct the marked workbook and upload it
 * again): the fills of exactly our two colours, and notes made only of issue lines.
 */
function clearOldMarks(ws: ExcelJS.Worksheet): void {
  const ours = new Set([argbOf(RED), argbOf(LIGHT_RED)]);
  ws.eachRow((row) =>
    row.eachCell((cell) => {
      if (ours.has(argbOf(cell.fill))) {
        const { fill: _old, ...style } = cell.style;
        cell.style = style;
      }
      const note = noteText(cell.note);
      if (note !== null && note.split('\n').every((line) => ISSUE_LINE.test(line))) {
        // exceljs cannot remove a note: drop the cell's comment, and set the value again so that
        // the comment kept in the loaded value model goes too.
        const value = cell.value;
        Reflect.set(cell, '_comment', undefined);
        cell.value = value;
      }
    }),
  );
}

const ISSUE_LINE = /^[A-Z_]+\.[A-Z_0-9]+: /;

/** The text of a note as set (a string) or as loaded (rich text runs). */
function noteText(note: unknown): string | null {
  if (typeof note === 'string') return note;
  if (typeof note !== 'object' || note === null || !('texts' in note) || !Array.isArray(note.texts))
    return null;
  return note.texts
    .map((t: unknown) =>
      typeof t === 'object' && t !== null && 'text' in t && typeof t.text === 'string' ? t.text : '',
    )
    .join('');
}

function argbOf(fill: ExcelJS.Fill | undefined): string | undefined {
  return fill?.type === 'pattern' ? fill.fgColor?.argb : undefined;
}

/** Fill one cell: a loaded workbook shares style objects between cells, so copy before changing. */
function fill(cell: ExcelJS.Cell, color: ExcelJS.Fill): void {
  cell.style = { ...cell.style, fill: color };
}

function orderOf(ws: ExcelJS.Worksheet): number {
  const order: unknown = Reflect.get(ws, 'orderNo');
  return typeof order === 'number' ? order : 0;
}

interface Located {
  sheet: MarkedSheet;
  row: number;
  col: number | null;
}

function locate(sheets: Map<string, MarkedSheet>, kind: ExchangeInput['kind'], source: Source | undefined) {
  if (!source) return null;
  const sheet = kind === 'xlsx' ? sheets.get(source.sheet ?? '') : sheets.get(source.file);
  if (!sheet) return null;
  const col = source.column === undefined ? null : (sheet.codes.get(source.column) ?? null);
  return { sheet, row: source.row, col } satisfies Located;
}

/** Build the marked workbook of an input (its kind and files) and the issues found in it. */
export async function buildMarkedWorkbook(
  input: Pick<ExchangeInput, 'kind' | 'files'>,
  issues: readonly MarkupIssue[],
  lang: Lang,
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  let sheets = new Map<string, MarkedSheet>();
  const first = input.files[0];
  if (input.kind === 'xlsx' && first !== undefined) sheets = await loadWorkbook(wb, first);
  else if (input.kind === 'csv') sheets = await loadCsvSheets(wb, input.files);

  // Messages per cell, so that a cell named by several issues gets one note with all of them.
  const notes = new Map<string, { cell: ExcelJS.Cell; messages: string[] }>();
  const located = issues.map((issue) => locate(sheets, input.kind, issue.source));
  located.forEach((at, i) => {
    const issue = issues[i];
    if (!at || !issue) return;
    const cell = at.sheet.ws.getCell(at.row, at.col ?? 1);
    const key = `${at.sheet.ws.name}!${cell.address}`;
    const marked = notes.get(key) ?? { cell, messages: [] };
    marked.messages.push(`${issue.code}: ${issue.message}`);
    notes.set(key, marked);
  });
  for (const at of located) if (at) fill(at.sheet.ws.getCell(at.row, 1), LIGHT_RED);
  for (const { cell, messages } of notes.values()) {
    fill(cell, RED);
    cell.note = messages.join('\n');
  }

  const existing = wb.getWorksheet(ERRORS_SHEET[lang]);
  if (existing) wb.removeWorksheet(existing.id);
  const list = wb.addWorksheet(ERRORS_SHEET[lang]);
  for (const ws of wb.worksheets) {
    // Loaded sheets may have no views at all (null, despite the typings).
    const views: unknown = ws.views;
    if (Array.isArray(views)) ws.views = ws.views.map((v) => ({ ...v, tabSelected: false }));
  }
  // exceljs orders the sheets by `orderNo` (not in its typings): put the list first.
  Reflect.set(list, 'orderNo', Math.min(0, ...wb.worksheets.map(orderOf)) - 1);
  const view = { state: 'frozen' as const, xSplit: 0, ySplit: 1, tabSelected: true };
  list.views = [view];
  list.columns = [40, 28, 60, 18, 14, 8, 18, 14].map((width) => ({ width }));
  const head = list.addRow(LIST_HEADER[lang]);
  head.eachCell((cell) => {
    cell.font = { bold: true };
    cell.fill = HEADER_FILL;
  });
  issues.forEach((issue, i) => {
    const s = issue.source;
    const at = located[i];
    const address = at ? `${at.sheet.ws.name}!${at.sheet.ws.getCell(at.row, at.col ?? 1).address}` : null;
    const row = list.addRow([
      issue.path,
      issue.code,
      issue.message,
      s?.file ?? null,
      at?.sheet.ws.name ?? s?.sheet ?? null,
      s?.row ?? null,
      s?.column ?? null,
      address,
    ]);
    row.alignment = { wrapText: true, vertical: 'top' };
  });
  // A workbook loaded from a file may carry no views (exceljs then leaves the property unset).
  const views: unknown = wb.views;
  if (Array.isArray(views) && views.length > 0)
    wb.views = wb.views.map((v) => ({ ...v, activeTab: 0, firstSheet: 0 }));
  return Buffer.from(await wb.xlsx.writeBuffer());
}
