/**
 * The sheet layout of the exchange workbook, shared by the blank template and the Excel export:
 * row 1 the Chinese labels (English labels as cell notes for en-US), row 2 the field codes in
 * small grey type, panes frozen below row 2, column widths, text format on code and text columns
 * (so that 010 stays 010 and long codes are not turned into numbers), and dropdowns on enum and
 * boolean columns.
 */
import type ExcelJS from 'exceljs';
import type { ColumnDef, TableDef } from './columns.ts';

export type Lang = 'zh-CN' | 'en-US';

/** The first data row of a sheet; rows 1 and 2 are labels and codes. */
export const FIRST_DATA_ROW = 3;
/** Dropdowns cover data rows up to this row in the blank template. */
export const TEMPLATE_ROWS = 5000;
/** Excel's limit of rows in one sheet. */
export const MAX_SHEET_ROWS = 1_048_576;

export const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDCE6F1' } };
const CODE_FONT: Partial<ExcelJS.Font> = { size: 9, color: { argb: 'FF808080' } };

/** Views for a table sheet: frozen below the codes row. */
export const TABLE_SHEET_VIEWS: Partial<ExcelJS.WorksheetView>[] = [
  { state: 'frozen', xSplit: 0, ySplit: 2 },
];

interface RangeValidations {
  add(address: string, validation: ExcelJS.DataValidation): void;
}

/** exceljs keeps range validations on `worksheet.dataValidations`, which its typings do not declare. */
function rangeValidations(ws: ExcelJS.Worksheet): RangeValidations | undefined {
  const holder: unknown = Reflect.get(ws, 'dataValidations');
  if (
    typeof holder !== 'object' ||
    holder === null ||
    !('add' in holder) ||
    typeof holder.add !== 'function'
  ) {
    return undefined;
  }
  return holder as RangeValidations;
}

function numFmtOf(column: ColumnDef): string | undefined {
  switch (column.kind) {
    case 'text':
    case 'enum':
    case 'list':
    case 'boolean':
      return '@';
    case 'date':
      return 'yyyy-mm-dd';
    case 'decimal':
      return undefined;
  }
}

function listOf(column: ColumnDef): string[] | null {
  if (column.kind === 'boolean') return ['true', 'false', '是', '否'];
  if (column.kind === 'enum' && column.values) return column.values.map((v) => v.value);
  return null;
}

/**
 * Lay out a freshly added table sheet (add it with `views: TABLE_SHEET_VIEWS`): labels, codes,
 * widths, formats, and dropdowns on rows 3…`lastRow`. Rows 1 and 2 are left uncommitted.
 */
export function layOutTableSheet(ws: ExcelJS.Worksheet, def: TableDef, lang: Lang, lastRow: number): void {
  ws.columns = def.columns.map((column) => {
    const numFmt = numFmtOf(column);
    return numFmt === undefined ? { width: column.width } : { width: column.width, style: { numFmt } };
  });
  const labels = ws.getRow(1);
  const codes = ws.getRow(2);
  def.columns.forEach((column, i) => {
    const label = labels.getCell(i + 1);
    label.value = column.zh;
    label.font = { bold: true };
    label.fill = HEADER_FILL;
    label.alignment = { vertical: 'middle', wrapText: true };
    if (lang === 'en-US') label.note = column.en;
    const code = codes.getCell(i + 1);
    code.value = column.code;
    code.font = CODE_FONT;
  });
  const validations = rangeValidations(ws);
  if (!validations || lastRow < FIRST_DATA_ROW) return;
  def.columns.forEach((column, i) => {
    const list = listOf(column);
    if (!list) return;
    const letter = ws.getColumn(i + 1).letter;
    validations.add(`${letter}${FIRST_DATA_ROW}:${letter}${lastRow}`, {
      type: 'list',
      allowBlank: true,
      formulae: [`"${list.join(',')}"`],
      showErrorMessage: true,
      errorStyle: 'warning',
      errorTitle: column.code,
      error: lang === 'en-US' ? `One of: ${list.join(', ')}` : `请选择：${list.join('、')}`,
    });
  });
}
