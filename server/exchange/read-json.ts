/**
 * A `perfbudget/1` JSON document as an ExchangeInput, streamed with bounded memory: the document
 * is scanned chunk by chunk (json-scan.ts) and one project is parsed at a time. Values are kept
 * as they are, except numbers, which become the text of their token.
 *
 * Opening checks the format and that there is a `projects` array. Files up to 32 MB are
 * parsed completely at opening, so that any syntax error is reported then; in a larger file
 * opening stops once `format` and `projects` are seen, and a syntax error further on is thrown
 * (as ExchangeReadError FORMAT.UNREADABLE) by the iteration that meets it.
 */
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { chunksOf, DocumentScanner } from './json-scan.ts';
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

function headerOf(walker: DocumentScanner): ExchangeHeader {
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

async function prescan(file: string, name: string, size: number): Promise<DocumentScanner> {
  const full = size <= FULL_SCAN_BYTES;
  const scanner = new DocumentScanner(name, [], full);
  try {
    for await (const chunk of chunksOf(file)) {
      scanner.push(chunk);
      if (!full && scanner.seen.has('format') && scanner.seen.has('projects')) return scanner;
    }
  } catch (err) {
    throw readFailure(name, err);
  }
  scanner.end();
  return scanner;
}

/** A failure of the file system as FORMAT.UNREADABLE (the scanner's own errors pass through). */
function readFailure(name: string, err: unknown): unknown {
  return err instanceof ExchangeReadError ? err : unreadable(`${name}: ${errorText(err)}`);
}

/** The elements of one top-level array, parsed one after the other. */
async function* elementsOf(
  file: string,
  name: string,
  key: 'projects' | 'payments',
  onEnd?: (s: DocumentScanner) => void,
) {
  const scanner = new DocumentScanner(name, [key]);
  try {
    for await (const chunk of chunksOf(file)) {
      scanner.push(chunk);
      yield* scanner.elements.splice(0);
    }
  } catch (err) {
    throw readFailure(name, err);
  }
  scanner.end();
  onEnd?.(scanner);
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
    const all = elementsOf(file, name, 'projects', (s) => {
      header = headerOf(s);
    });
    for await (const el of all) yield projectEntry(el.index, el.value);
  }

  async function* payments(): AsyncGenerator<PaymentRow> {
    for await (const el of elementsOf(file, name, 'payments'))
      if (isObject(el.value)) yield { row: el.value };
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
