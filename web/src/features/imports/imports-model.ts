import type { TSource } from '../../../../contracts/imports.ts';
import { FIELD_LABELS, type Lang } from '../../../../contracts/issues.ts';
import { IMPORT_UPLOAD_LIMIT } from '../../../../contracts/imports.ts';

export type SelectionProblem = 'empty' | 'mixed' | 'tooLarge' | null;

const extOf = (name: string) => /\.[^.]+$/.exec(name.toLowerCase())?.[0] ?? '';

/**
 * Whether a set of chosen files can be uploaded as one import: one .json or one .xlsx file, or
 * one or more .csv files, 50 MB in all (the server checks the same).
 */
export function selectionProblem(files: readonly { name: string; size: number }[]): SelectionProblem {
  if (files.length === 0) return 'empty';
  const total = files.reduce((n, f) => n + f.size, 0);
  if (total > IMPORT_UPLOAD_LIMIT) return 'tooLarge';
  const exts = files.map((f) => extOf(f.name));
  if (exts.every((e) => e === '.csv')) return null;
  if (files.length === 1 && (exts[0] === '.json' || exts[0] === '.xlsx')) return null;
  return 'mixed';
}

/** The message of an issue without the field words it starts with (the table shows them apart). */
export function messageAfterField(message: string, field: string): string {
  if (field === '' || !message.startsWith(field)) return message;
  const rest = message.slice(field.length).replace(/^\s*[：:]\s*/, '');
  return rest === '' ? message : rest;
}

/**
 * Where an issue came from in a CSV or Excel input: file, sheet, row and column in one line. The
 * column is named by `columnWord` (its field code otherwise: the codes row of the file holds it).
 */
export function sourceText(
  source: TSource | null,
  rowWord: (row: number) => string,
  columnWord: (code: string) => string = (code) => code,
): string {
  if (source === null) return '';
  const parts = [source.file];
  if (source.sheet !== undefined && source.sheet !== source.file) parts.push(source.sheet);
  parts.push(rowWord(source.row));
  if (source.column !== undefined) parts.push(columnWord(source.column));
  return parts.join(' · ');
}

/**
 * A column of the exchange format in words with its field code, as the file's two header rows show
 * it: 权重（weight）; the code alone when it has no label or the label is the code itself.
 */
export function columnWords(code: string, lang: Lang): string {
  const label = FIELD_LABELS[code];
  if (!label) return code;
  const word = lang === 'zh-CN' ? label.zh : label.en;
  if (word === code) return code;
  return lang === 'zh-CN' ? `${word}（${code}）` : `${word} (${code})`;
}
