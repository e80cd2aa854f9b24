/**
 * A `perfbudget/1` JSON document as an ExchangeInput, streamed with bounded memory: the document
 * is tokenized chunk by chunk (stream-json) and one project is assembled at a time. Values are
 * kept as they are, except numbers, which become the text of their token.
 *
 * Opening checks the format and that there is a `projects` array. Files up to 32 MB are
 * tokenized completely at opening, so that any syntax error is reported then; in a larger file
 * opening stops once `format` and `projects` are seen, and a syntax error further on is thrown
 * (as ExchangeReadError FORMAT.UNREADABLE) by the iteration that meets it.
 */
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { DocumentWalker, jsonTokens } from './json-tokens.ts';
import {
  ExchangeReadError,
  errorText,
  unreadable,
  type ExchangeHeader,
  type ExchangeInput,
  type PaymentRow,
  type ProjectEntry,
  type ReadIssue,
} from './types.ts';

export const FORMAT = 'perfbudget/1';
const FULL_SCAN_BYTES = 32 << 20;

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function headerOf(walker: DocumentWalker): ExchangeHeader {
  const format = walker.header.get('format');
  return {
    format: typeof format === 'string' ? format : null,
    mof_div_code: walker.header.get('mof_div_code') ?? null,
    fiscal_year: walker.header.get('fiscal_year') ?? null,
  };
}

function projectEntry(index: number, value: unknown): ProjectEntry {
  const issues: ReadIssue[] = [];
  if (!isObject(value)) {
    issues.push({
      path: `projects[${index}]`,
      code: 'FIELD.TYPE',
      detail: 'a project must be a JSON object',
    });
  }
  return { index, project: isObject(value) ? value : {}, sourceOf: () => undefined, issues };
}

async function prescan(file: string, name: string, size: number): Promise<DocumentWalker> {
  const walker = new DocumentWalker(name, []);
  const full = size <= FULL_SCAN_BYTES;
  for await (const batch of jsonTokens(file, name)) {
    for (const token of batch) walker.push(token);
    if (!full && walker.seen.has('format') && walker.seen.has('projects')) return walker;
  }
  if (!walker.done) throw unreadable(`${name}: the JSON document is incomplete`);
  return walker;
}

/** Open a JSON file; throws ExchangeReadError when it is not a readable `perfbudget/1` document. */
export async function openJson(file: string): Promise<ExchangeInput> {
  const name = path.basename(file);
  let size: number;
  try {
    size = (await stat(file)).size;
  } catch (err) {
    throw unreadable(`${name}: ${errorText(err)}`);
  }
  const scanned = await prescan(file, name, size);
  let header = headerOf(scanned);
  if (header.format !== FORMAT) {
    const found = scanned.header.get('format');
    const detail =
      found === undefined ? `${name}: no "format"` : `${name}: "format" is ${JSON.stringify(found)}`;
    throw new ExchangeReadError('FORMAT.VERSION', detail);
  }
  if (!scanned.seen.has('projects')) throw unreadable(`${name}: no "projects" array`);

  async function* projects(): AsyncGenerator<ProjectEntry> {
    const walker = new DocumentWalker(name, ['projects']);
    for await (const batch of jsonTokens(file, name)) {
      for (const token of batch) walker.push(token);
      for (const el of walker.elements.splice(0)) yield projectEntry(el.index, el.value);
    }
    if (!walker.done) throw unreadable(`${name}: the JSON document is incomplete`);
    header = headerOf(walker);
  }

  async function* payments(): AsyncGenerator<PaymentRow> {
    const walker = new DocumentWalker(name, ['payments']);
    for await (const batch of jsonTokens(file, name)) {
      for (const token of batch) walker.push(token);
      for (const el of walker.elements.splice(0)) if (isObject(el.value)) yield { row: el.value };
    }
  }

  return {
    kind: 'json',
    files: [file],
    header: () => header,
    projects: () => ({ [Symbol.asyncIterator]: projects }),
    payments: () => ({ [Symbol.asyncIterator]: payments }),
    orphanIssues: () => [],
  };
}
