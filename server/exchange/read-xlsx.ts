/**
 * An Excel workbook (the template layout: sheets 项目, 绩效指标, 运行监控, 自评, 支付记录; row 1
 * labels, row 2 field codes, data from row 3) as an ExchangeInput. The Excel path is for
 * county-size files (a sheet holds at most 1,048,576 rows): the cells of the five sheets are read
 * once as text and kept in memory. Small files are loaded with exceljs; files over 1 MB are
 * streamed part by part (read-xlsx-stream.ts) so that no model of the whole workbook is built.
 */
import { stat } from 'node:fs/promises';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { TABLE_LIST, type TableDef, type TableKey } from './columns.ts';
import {
  mapHeader,
  presentColumns,
  rowCells,
  type FlatRow,
  type FlatTable,
  type FlatTables,
} from './flat.ts';
import { openFlatInput } from './merge.ts';
import { errorText, unreadable, type ExchangeInput } from './types.ts';
import { streamSheets } from './read-xlsx-stream.ts';
import { cellText } from './xlsx-cells.ts';

/** Files up to this size are loaded with exceljs (its in-memory model is slow and large beyond). */
const STREAM_ABOVE_BYTES = 1 << 20;

interface Sheet {
  name: string;
  rows: SheetRow[];
}

interface SheetRow {
  row: number;
  /** Cell texts by 0-based column. */
  texts: (string | null)[];
}

function texts(row: ExcelJS.Row): (string | null)[] {
  const out: (string | null)[] = [];
  row.eachCell({ includeEmpty: false }, (cell, col) => {
    out[col - 1] = cellText(cell.value, cell.numFmt);
  });
  return out;
}

/** The table a sheet holds: by its Chinese name, or by its table key (`projects`, …). */
function tableOfSheet(name: string): TableDef | undefined {
  const trimmed = name.trim();
  return TABLE_LIST.find((t) => t.sheet === trimmed || t.key === trimmed.toLowerCase());
}

async function loadInMemory(file: string): Promise<Map<TableKey, Sheet>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const sheets = new Map<TableKey, Sheet>();
  for (const ws of wb.worksheets) {
    const def = tableOfSheet(ws.name);
    if (!def || sheets.has(def.key)) continue;
    const rows: SheetRow[] = [];
    ws.eachRow({ includeEmpty: false }, (row) => rows.push({ row: row.number, texts: texts(row) }));
    sheets.set(def.key, { name: ws.name, rows });
  }
  return sheets;
}

async function loadStreaming(file: string): Promise<Map<TableKey, Sheet>> {
  const raw = await streamSheets(file, (name) => tableOfSheet(name) !== undefined);
  const sheets = new Map<TableKey, Sheet>();
  for (const [name, rows] of raw) {
    const def = tableOfSheet(name);
    if (def && !sheets.has(def.key)) sheets.set(def.key, { name, rows });
  }
  return sheets;
}

function sheetTable(def: TableDef, fileName: string, { name, rows }: Sheet): FlatTable {
  // The codes are in row 2; a sheet whose codes are in row 1 (no label row) is read too.
  const headerAt = rows.findIndex((r) => r.row <= 2 && mapHeader(def, r.texts).size > 0);
  const header = rows[headerAt];
  if (!header)
    throw unreadable(`${fileName}: sheet ${name} has no row of field codes (such as pro_code) in row 2`);
  const positions = mapHeader(def, header.texts);
  const columns = presentColumns(def, positions);
  const data: FlatRow[] = [];
  for (const r of rows.slice(headerAt + 1)) {
    const cells = rowCells(columns, positions, r.texts);
    if (cells) data.push({ row: r.row, cells });
  }
  return {
    def,
    file: fileName,
    sheet: name,
    columns,
    async *rows() {
      yield* data;
    },
  };
}

/**
 * Open an .xlsx file; the 项目 sheet is required, the others are optional. Files larger than
 * `streamAbove` bytes are read with the streaming reader.
 */
export async function openXlsx(file: string, streamAbove = STREAM_ABOVE_BYTES): Promise<ExchangeInput> {
  let sheets: Map<TableKey, Sheet>;
  try {
    const { size } = await stat(file);
    sheets = size > streamAbove ? await loadStreaming(file) : await loadInMemory(file);
  } catch (err) {
    throw unreadable(`${path.basename(file)}: not a readable Excel workbook (${errorText(err)})`);
  }
  const fileName = path.basename(file);
  const found: Partial<Record<TableKey, FlatTable>> = {};
  for (const def of TABLE_LIST) {
    const sheet = sheets.get(def.key);
    if (sheet) found[def.key] = sheetTable(def, fileName, sheet);
  }
  const { projects } = found;
  if (!projects) throw unreadable(`${fileName}: no sheet ${TABLE_LIST[0]?.sheet ?? '项目'}`);
  return openFlatInput('xlsx', [file], { ...found, projects } satisfies FlatTables);
}
