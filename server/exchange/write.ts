/**
 * Exporters of the exchange format from projects in the JSON shape, streamed one project at a
 * time: the JSON document (one project per line) and the CSV folder (UTF-8 with BOM so that
 * Excel opens the Chinese text, RFC 4180 quoting, CRLF line ends). The Excel export is in
 * write-xlsx.ts. Each writer ends what it writes to.
 */
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { TABLES, TABLE_KEYS, type TableKey } from './columns.ts';
import { flattenPayment, flattenProject, valueText, type ExportHeader, type OutRow } from './flatten.ts';
import { FORMAT } from './read-json.ts';

export type { ExportHeader } from './flatten.ts';
export { writeXlsx } from './write-xlsx.ts';

type Projects = AsyncIterable<Record<string, unknown>> | Iterable<Record<string, unknown>>;
type Payments = AsyncIterable<Record<string, unknown>> | Iterable<Record<string, unknown>>;

/**
 * Writing text to a stream with backpressure. The stream's end (or error) is watched from the
 * start, so that an error between two writes is neither lost nor left to crash the process, and a
 * wait for 'drain' cannot outlive a failed stream.
 */
export interface Sink {
  put(text: string): Promise<void>;
  end(): Promise<void>;
}

export function sinkOf(out: Writable): Sink {
  const done = finished(out);
  done.catch(() => undefined); // observed by put() and end()
  return {
    async put(text) {
      if (!out.write(text)) await Promise.race([once(out, 'drain'), done]);
    },
    async end() {
      out.end();
      await done;
    },
  };
}

/** A header value as it goes into the JSON document (numbers as their decimal text). */
const headerJson = (v: unknown): string => JSON.stringify(typeof v === 'number' ? valueText(v) : (v ?? null));

/**
 * Write `{format, mof_div_code, fiscal_year, projects: [...], payments?: [...]}` to `out`, one
 * project per line, and end `out`.
 */
export async function writeJson(
  projects: Projects,
  header: ExportHeader,
  out: Writable,
  payments?: Payments,
): Promise<void> {
  const sink = sinkOf(out);
  await sink.put(
    `{"format":${JSON.stringify(FORMAT)},"mof_div_code":${headerJson(header.mof_div_code)},` +
      `"fiscal_year":${headerJson(header.fiscal_year)},\n"projects":[`,
  );
  let first = true;
  for await (const project of projects) {
    await sink.put(`${first ? '\n' : ',\n'}${JSON.stringify(project)}`);
    first = false;
  }
  await sink.put('\n]');
  if (payments) {
    await sink.put(',\n"payments":[');
    first = true;
    for await (const payment of payments) {
      await sink.put(`${first ? '\n' : ',\n'}${JSON.stringify(payment)}`);
      first = false;
    }
    await sink.put('\n]');
  }
  await sink.put('}\n');
  await sink.end();
}

/** A CSV field per RFC 4180: quoted when it holds a comma, a quote or a line break. */
export function csvField(text: string | null): string {
  if (text === null) return '';
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

const csvLine = (cells: readonly (string | null)[]): string => `${cells.map(csvField).join(',')}\r\n`;

/** The CSV files of a folder, each opened (with BOM and header row) at its first row. */
class CsvFiles {
  private readonly streams = new Map<TableKey, { out: Writable; sink: Sink }>();
  private readonly dir: string;
  constructor(dir: string) {
    this.dir = dir;
  }

  async write(key: TableKey, rows: readonly OutRow[]): Promise<void> {
    if (rows.length === 0) return;
    const sink = await this.open(key);
    await sink.put(rows.map(csvLine).join(''));
  }

  async open(key: TableKey): Promise<Sink> {
    let file = this.streams.get(key);
    if (!file) {
      const def = TABLES[key];
      const out = createWriteStream(path.join(this.dir, def.file));
      file = { out, sink: sinkOf(out) };
      this.streams.set(key, file);
      await file.sink.put(`\uFEFF${csvLine(def.columns.map((c) => c.code))}`);
    }
    return file.sink;
  }

  async close(): Promise<void> {
    await Promise.all([...this.streams.values()].map((f) => f.sink.end()));
  }

  destroy(): void {
    for (const { out } of this.streams.values()) out.destroy();
  }
}

/**
 * Write the CSV folder: projects.csv always, and each other file that has rows (payments from
 * the optional `payments`). Child files are grouped by pro_code in project order.
 */
export async function writeCsvFolder(
  projects: Projects,
  header: ExportHeader,
  dir: string,
  payments?: Payments,
): Promise<void> {
  await mkdir(dir, { recursive: true });
  const files = new CsvFiles(dir);
  try {
    await files.open('projects');
    for await (const project of projects) {
      const flat = flattenProject(project, header);
      for (const key of TABLE_KEYS) if (key !== 'payments') await files.write(key, flat[key]);
    }
    if (payments)
      for await (const payment of payments) await files.write('payments', [flattenPayment(payment)]);
    await files.close();
  } catch (err) {
    files.destroy();
    throw err;
  }
}
