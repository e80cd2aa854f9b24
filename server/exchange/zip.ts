/**
 * Reading the parts of a zip file (an .xlsx) one at a time from disk: the central directory is
 * read from the end of the file, and each part is streamed and inflated on its own. Used by the
 * streaming xlsx reader in place of exceljs's WorkbookReader, whose zip iteration (unzipper, as
 * installed) drops the last entries of a file now and then (seen with exceljs 4.4 on Node 24).
 * No zip64: a workbook is far below 4 GB.
 */
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { createInflateRaw } from 'node:zlib';

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  headerOffset: number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/** The entries of a zip file by name. */
export async function listZipEntries(file: string): Promise<Map<string, ZipEntry>> {
  const handle = await open(file, 'r');
  try {
    const { size } = await handle.stat();
    const tailSize = Math.min(size, 22 + 0xffff);
    const tail = Buffer.alloc(tailSize);
    await handle.read(tail, 0, tailSize, size - tailSize);
    let at = -1;
    for (let i = tailSize - 22; i >= 0; i--) {
      if (tail.readUInt32LE(i) === EOCD) {
        at = i;
        break;
      }
    }
    if (at < 0) throw new Error('not a zip file (no end of central directory)');
    const count = tail.readUInt16LE(at + 10);
    const dirSize = tail.readUInt32LE(at + 12);
    const dirOffset = tail.readUInt32LE(at + 16);
    if (dirOffset === 0xffffffff || dirOffset + dirSize > size)
      throw new Error('unsupported zip (zip64 or damaged)');
    const dir = Buffer.alloc(dirSize);
    await handle.read(dir, 0, dirSize, dirOffset);
    const entries = new Map<string, ZipEntry>();
    let p = 0;
    for (let n = 0; n < count; n++) {
      if (p + 46 > dirSize || dir.readUInt32LE(p) !== CENTRAL)
        throw new Error('damaged zip central directory');
      const nameLength = dir.readUInt16LE(p + 28);
      const name = dir.toString('utf8', p + 46, p + 46 + nameLength);
      entries.set(name, {
        name,
        method: dir.readUInt16LE(p + 10),
        compressedSize: dir.readUInt32LE(p + 20),
        headerOffset: dir.readUInt32LE(p + 42),
      });
      p += 46 + nameLength + dir.readUInt16LE(p + 30) + dir.readUInt16LE(p + 32);
    }
    return entries;
  } finally {
    await handle.close();
  }
}

/** The uncompressed bytes of one entry, streamed. */
export async function openZipEntry(file: string, entry: ZipEntry): Promise<Readable> {
  const handle = await open(file, 'r');
  let start: number;
  try {
    const header = Buffer.alloc(30);
    await handle.read(header, 0, 30, entry.headerOffset);
    if (header.readUInt32LE(0) !== LOCAL) throw new Error(`damaged zip entry ${entry.name}`);
    start = entry.headerOffset + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
  } finally {
    await handle.close();
  }
  if (entry.method !== 0 && entry.method !== 8) throw new Error(`unsupported compression of ${entry.name}`);
  if (entry.compressedSize === 0) return Readable.from([]);
  const raw = createReadStream(file, {
    start,
    end: start + entry.compressedSize - 1,
    highWaterMark: 1 << 16,
  });
  if (entry.method === 0) return raw;
  const inflate = createInflateRaw({ chunkSize: 1 << 16 });
  raw.on('error', (err) => inflate.destroy(err));
  return raw.pipe(inflate);
}
