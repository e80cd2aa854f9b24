/**
 * Payment records of an upload (exchange-format.md `payments.csv` / sheet 支付记录 / the JSON
 * document's `payments`), read with the exchange readers' parts: the JSON byte scanner, the CSV
 * record reader, the Excel cell text and the table of the payments columns. A payments file needs
 * no projects: the treasury or accounting system sends its payments alone.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { TABLES } from '../../exchange/columns.ts';
import { readCsvRecords } from '../../exchange/csv-source.ts';
import { mapHeader, presentColumns, rowCells } from '../../exchange/flat.ts';
import { FORMAT, type ExchangeKind, type PaymentRow } from '../../exchange/index.ts';
import { chunksOf, DocumentScanner } from '../../exchange/json-scan.ts';
import { ExchangeReadError, errorText, unreadable } from '../../exchange/types.ts';
import { cellText } from '../../exchange/xlsx-cells.ts';

export interface PaymentsInput {
  kind: ExchangeKind;
  /** The files read (for the marked workbook). */
  files: string[];
  /** The JSON document's header (CSV and Excel carry none). */
  header: { mof_div_code: unknown; fiscal_year: unknown };
  rows: PaymentRow[];
}

const DEF = TABLES.payments;
const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

async function readJson(file: string): Promise<PaymentsInput> {
  const name = path.basename(file);
  const scanner = new DocumentScanner(name, ['payments'], true);
  const rows: PaymentRow[] = [];
  try {
    for await (const chunk of chunksOf(file)) {
      scanner.push(chunk);
      for (const el of scanner.elements.splice(0)) rows.push({ row: isObject(el.value) ? el.value : {} });
    }
  } catch (err) {
    throw err instanceof ExchangeReadError ? err : unreadable(`${name}: ${errorText(err)}`);
  }
  scanner.end();
  for (const el of scanner.elements.splice(0)) rows.push({ row: isObject(el.value) ? el.value : {} });
  const format = scanner.header.get('format');
  if (format !== FORMAT)
    throw new ExchangeReadError('FORMAT.VERSION', `${name}: "format" is ${JSON.stringify(format ?? null)}`);
  if (!scanner.seen.has('payments')) throw unreadable(`${name}: no "payments" array`);
  return {
    kind: 'json',
    files: [file],
    header: {
      mof_div_code: scanner.header.get('mof_div_code') ?? null,
      fiscal_year: scanner.header.get('fiscal_year') ?? null,
    },
    rows,
  };
}

/** Rows of a table given as rows of cell texts (header of codes in one of the first two rows). */
function tableRows(
  records: { row: number; texts: (string | null)[] }[],
  where: { file: string; sheet?: string },
): PaymentRow[] {
  const header = records.find((r) => r.row <= 2 && mapHeader(DEF, r.texts).size > 0);
  if (!header) {
    const at = where.sheet === undefined ? where.file : `${where.file} ${where.sheet}`;
    throw unreadable(`${at}: no row of field codes (pro_code, pay_date, amount, voucher_no)`);
  }
  const positions = mapHeader(DEF, header.texts);
  const columns = presentColumns(DEF, positions);
  const out: PaymentRow[] = [];
  for (const r of records) {
    if (r.row <= header.row) continue;
    const cells = rowCells(columns, positions, r.texts);
    if (cells) out.push({ row: cells, source: { ...where, row: r.row } });
  }
  return out;
}

async function readCsv(file: string): Promise<PaymentsInput> {
  const name = path.basename(file);
  const records: { row: number; texts: (string | null)[] }[] = [];
  for await (const r of readCsvRecords(file, name)) records.push({ row: r.row, texts: r.fields });
  return {
    kind: 'csv',
    files: [file],
    header: { mof_div_code: null, fiscal_year: null },
    rows: tableRows(records, { file: name }),
  };
}

async function readXlsx(file: string): Promise<PaymentsInput> {
  const name = path.basename(file);
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.readFile(file);
  } catch (err) {
    throw unreadable(`${name}: not a readable Excel workbook (${errorText(err)})`);
  }
  const ws = wb.worksheets.find((w) =>
    [DEF.sheet, DEF.sheetEn.toLowerCase(), DEF.key].includes(w.name.trim().toLowerCase()),
  );
  if (!ws) throw unreadable(`${name}: no sheet ${DEF.sheet}`);
  const records: { row: number; texts: (string | null)[] }[] = [];
  ws.eachRow({ includeEmpty: false }, (row) => {
    const texts: (string | null)[] = [];
    row.eachCell({ includeEmpty: false }, (cell, col) => {
      texts[col - 1] = cellText(cell.value, cell.numFmt);
    });
    records.push({ row: row.number, texts });
  });
  return {
    kind: 'xlsx',
    files: [file],
    header: { mof_div_code: null, fiscal_year: null },
    rows: tableRows(records, { file: name, sheet: ws.name }),
  };
}

/** Read the payment records of a .json, .xlsx or .csv file; throws ExchangeReadError when unusable. */
export async function readPayments(file: string): Promise<PaymentsInput> {
  try {
    await fs.stat(file);
  } catch (err) {
    throw unreadable(`${path.basename(file)}: ${errorText(err)}`);
  }
  switch (path.extname(file).toLowerCase()) {
    case '.json':
      return readJson(file);
    case '.xlsx':
      return readXlsx(file);
    case '.csv':
      return readCsv(file);
    default:
      throw unreadable(`${path.basename(file)}: not a .json, .xlsx or .csv file`);
  }
}
