/**
 * The Excel export: the template layout (layout.ts) filled with the projects, written with the
 * streaming WorkbookWriter. Project rows go out as they come; the rows of the other sheets are
 * kept (as text arrays) until the projects sheet is complete, since a zip entry is written one
 * after the other. Values are written as text so that they read back exactly ("1000000.10" stays
 * "1000000.10"). For county-size data: a sheet holds at most 1,048,576 rows.
 */
import type { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import ExcelJS from 'exceljs';
import { TABLES, TABLE_KEYS, type TableKey } from './columns.ts';
import { flattenPayment, flattenProject, type ExportHeader, type OutRow } from './flatten.ts';
import {
  FIRST_DATA_ROW,
  MAX_SHEET_ROWS,
  TABLE_SHEET_VIEWS,
  TEMPLATE_ROWS,
  layOutTableSheet,
} from './layout.ts';

type Rows = AsyncIterable<Record<string, unknown>> | Iterable<Record<string, unknown>>;

const capacity = MAX_SHEET_ROWS - FIRST_DATA_ROW + 1;

function tooMany(key: TableKey): Error {
  return new RangeError(
    `the sheet ${TABLES[key].sheet} would exceed Excel's ${MAX_SHEET_ROWS} rows; export JSON or CSV`,
  );
}

/** Write the projects (and optional payments) as a workbook to `out`, and end `out`. */
export async function writeXlsx(
  projects: Rows,
  header: ExportHeader,
  out: Writable,
  payments?: Rows,
): Promise<void> {
  // Watched from the start: an error of `out` fails the export instead of hanging it.
  const done = finished(out);
  done.catch(() => undefined);
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: true,
    useSharedStrings: false,
  });
  const sheets = new Map<TableKey, ExcelJS.Worksheet>();
  for (const key of TABLE_KEYS) {
    sheets.set(key, wb.addWorksheet(TABLES[key].sheet, { views: TABLE_SHEET_VIEWS }));
  }
  const held: Record<Exclude<TableKey, 'projects'>, OutRow[]> = {
    indicators: [],
    monitoring: [],
    self_evaluation: [],
    payments: [],
  };
  const projectSheet = sheets.get('projects');
  if (!projectSheet) throw new Error('no projects sheet');
  layOutTableSheet(projectSheet, TABLES.projects, 'zh-CN', TEMPLATE_ROWS);
  projectSheet.getRow(1).commit();
  projectSheet.getRow(2).commit();
  let projectRows = 0;
  for await (const project of projects) {
    const flat = flattenProject(project, header);
    for (const cells of flat.projects) {
      if (++projectRows > capacity) throw tooMany('projects');
      projectSheet.addRow(cells).commit();
    }
    held.indicators.push(...flat.indicators);
    held.monitoring.push(...flat.monitoring);
    held.self_evaluation.push(...flat.self_evaluation);
  }
  if (payments) for await (const payment of payments) held.payments.push(flattenPayment(payment));
  projectSheet.commit();

  for (const key of ['indicators', 'monitoring', 'self_evaluation', 'payments'] as const) {
    const ws = sheets.get(key);
    if (!ws) continue;
    const rows = held[key];
    if (rows.length > capacity) throw tooMany(key);
    layOutTableSheet(ws, TABLES[key], 'zh-CN', Math.max(TEMPLATE_ROWS, rows.length + FIRST_DATA_ROW - 1));
    ws.getRow(1).commit();
    ws.getRow(2).commit();
    for (const cells of rows) ws.addRow(cells).commit();
    held[key] = [];
    ws.commit();
  }
  await Promise.all([wb.commit(), done]);
}
