/**
 * File I/O of the exchange format `perfbudget/1` (shared/spec/exchange-format.md): reading a JSON
 * document, a folder of CSV files or an Excel workbook as projects in the JSON shape, with the
 * source cell of every value (`openExchange`); writing the same three kinds (`writeJson`,
 * `writeCsvFolder`, `writeXlsx`); the blank template (`buildTemplate`) and the workbook marked
 * with the issues of a check (`buildMarkedWorkbook`). Structure only: the rules live in domain/.
 * JSON and CSV are streamed with bounded memory (province scale); Excel is for county-size files.
 */
export {
  COLUMN_KINDS,
  ENUMS,
  TABLES,
  TABLE_KEYS,
  TABLE_LIST,
  findColumn,
  type ColumnDef,
  type ColumnKind,
  type ColumnScope,
  type EnumValue,
  type TableDef,
  type TableKey,
} from './columns.ts';
export { buildMarkedWorkbook, type MarkupIssue } from './markup.ts';
export { openExchange } from './read.ts';
export { FORMAT } from './read-json.ts';
export { buildTemplate } from './template.ts';
export {
  ExchangeReadError,
  type ExchangeHeader,
  type ExchangeInput,
  type ExchangeKind,
  type PaymentRow,
  type ProjectEntry,
  type ReadErrorCode,
  type ReadIssue,
  type Source,
} from './types.ts';
export { csvField, writeCsvFolder, writeJson, writeXlsx, type ExportHeader } from './write.ts';
export type { Lang } from './layout.ts';
