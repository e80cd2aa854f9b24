/**
 * CSV files as records: encoding detection (UTF-8 with or without BOM, else GB18030), streamed
 * decoding and RFC 4180 parsing (csv-parse). Row numbers count records, the header being row 1:
 * that is the line number unless a quoted field holds a line break, and the row number of the
 * marked workbook built from the same file (markup.ts).
 */
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import { errorText, unreadable } from './types.ts';

export type CsvEncoding = 'utf-8' | 'gb18030';

const SAMPLE_BYTES = 1 << 20;

/** UTF-8 when the first megabyte decodes as UTF-8, else GB18030. */
export async function detectEncoding(file: string): Promise<CsvEncoding> {
  const handle = await open(file, 'r');
  try {
    const buffer = Buffer.alloc(SAMPLE_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, SAMPLE_BYTES, 0);
    try {
      // stream: true so that a character cut at the end of the sample is not an error.
      new TextDecoder('utf-8', { fatal: true }).decode(buffer.subarray(0, bytesRead), { stream: true });
      return 'utf-8';
    } catch {
      return 'gb18030';
    }
  } finally {
    await handle.close();
  }
}

async function* decodeFile(file: string, encoding: CsvEncoding): AsyncGenerator<string> {
  // A UTF-8 file must stay UTF-8 past the sample: better an error than silently replaced text.
  const decoder = new TextDecoder(encoding, { fatal: encoding === 'utf-8' });
  for await (const chunk of createReadStream(file, { highWaterMark: 1 << 18 })) {
    if (!(chunk instanceof Buffer)) continue;
    const text = decoder.decode(chunk, { stream: true });
    if (text !== '') yield text;
  }
  const rest = decoder.decode();
  if (rest !== '') yield rest;
}

export interface CsvRecord {
  /** 1-based record number (the header is 1). */
  row: number;
  fields: string[];
}

/** The records of a CSV file, streamed. Errors are ExchangeReadError FORMAT.UNREADABLE. */
export async function* readCsvRecords(file: string, name: string): AsyncGenerator<CsvRecord> {
  let row = 0;
  try {
    const encoding = await detectEncoding(file);
    const source = Readable.from(decodeFile(file, encoding));
    const parser = parse({
      bom: true,
      relax_column_count: true,
      skip_empty_lines: false,
      relax_quotes: false,
    });
    source.on('error', (err) => parser.destroy(err));
    source.pipe(parser);
    try {
      for await (const record of parser as AsyncIterable<unknown>) {
        row++;
        yield {
          row,
          fields: Array.isArray(record) ? record.map((f) => (typeof f === 'string' ? f : '')) : [],
        };
      }
    } finally {
      source.destroy();
      parser.destroy();
    }
  } catch (err) {
    throw unreadable(`${name}${row > 0 ? ` after row ${row}` : ''}: ${errorText(err)}`);
  }
}
