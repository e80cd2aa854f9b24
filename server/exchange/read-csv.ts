/**
 * A folder of CSV files (projects.csv, indicators.csv, monitoring.csv, self_evaluation.csv,
 * payments.csv) as an ExchangeInput. Files are streamed; see merge.ts for how child rows meet
 * their projects and what out-of-order files cost.
 */
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { TABLE_LIST, type TableDef } from './columns.ts';
import { readCsvRecords } from './csv-source.ts';
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

/** How many leading records may hold the header of codes (a sheet saved as CSV has its labels first). */
const HEADER_SEARCH = 2;

async function openCsvTable(def: TableDef, file: string, name: string): Promise<FlatTable> {
  let headerRow = 0;
  let positions = new Map<string, number>();
  for await (const record of readCsvRecords(file, name)) {
    const found = mapHeader(def, record.fields);
    if (found.size > 0) {
      headerRow = record.row;
      positions = found;
      break;
    }
    if (record.row >= HEADER_SEARCH) break;
  }
  if (headerRow === 0) throw unreadable(`${name}: no header row of field codes (such as pro_code)`);
  const columns = presentColumns(def, positions);
  return {
    def,
    file: name,
    columns,
    async *rows(): AsyncGenerator<FlatRow> {
      for await (const record of readCsvRecords(file, name)) {
        if (record.row <= headerRow) continue;
        const cells = rowCells(columns, positions, record.fields);
        if (cells) yield { row: record.row, cells };
      }
    },
  };
}

/** Open a folder of CSV files; projects.csv is required, the others are optional. */
export async function openCsvFolder(dir: string): Promise<ExchangeInput> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (err) {
    throw unreadable(`${dir}: ${errorText(err)}`);
  }
  const byName = new Map(names.map((n) => [n.toLowerCase(), n]));
  const files: string[] = [];
  const found: Partial<Record<TableDef['key'], FlatTable>> = {};
  for (const def of TABLE_LIST) {
    const name = byName.get(def.file);
    if (name === undefined) continue;
    const file = path.join(dir, name);
    found[def.key] = await openCsvTable(def, file, name);
    files.push(file);
  }
  const { projects } = found;
  if (!projects) throw unreadable(`${dir}: no projects.csv`);
  const tables: FlatTables = { ...found, projects };
  return openFlatInput('csv', files, tables);
}
