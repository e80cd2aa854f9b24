/**
 * Opening an exchange input of any kind: a `.json` file, a `.xlsx` workbook or a folder of CSV
 * files. Structure only: no business validation here.
 */
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { openCsvFolder } from './read-csv.ts';
import { openJson } from './read-json.ts';
import { openXlsx } from './read-xlsx.ts';
import { errorText, unreadable, type ExchangeInput } from './types.ts';

/**
 * Open `inputPath` for reading. Throws ExchangeReadError (FORMAT.UNREADABLE: missing, not one of
 * the kinds, unparseable, no projects; FORMAT.VERSION: a JSON `format` other than perfbudget/1).
 */
export async function openExchange(inputPath: string): Promise<ExchangeInput> {
  let isDirectory: boolean;
  try {
    isDirectory = (await stat(inputPath)).isDirectory();
  } catch (err) {
    const missing = err instanceof Error && 'code' in err && err.code === 'ENOENT';
    throw unreadable(missing ? `${inputPath}: not found` : `${inputPath}: ${errorText(err)}`);
  }
  if (isDirectory) return openCsvFolder(inputPath);
  const ext = path.extname(inputPath).toLowerCase();
  switch (ext) {
    case '.json':
      return openJson(inputPath);
    case '.xlsx':
      return openXlsx(inputPath);
    case '.csv':
      throw unreadable(`${inputPath}: give the folder that holds projects.csv, not a single CSV file`);
    default:
      throw unreadable(`${inputPath}: not a .json file, an .xlsx workbook or a folder of CSV files`);
  }
}
