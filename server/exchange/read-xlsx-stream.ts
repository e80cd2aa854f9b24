/**
 * The streaming path of the xlsx reader, for files over a few MB: the workbook's parts are read
 * straight from the zip (zip.ts) and tokenized (xml.ts) one at a time, and only the cell texts of
 * the exchange sheets are kept, never a model of the workbook. Shared strings are kept in memory
 * (Excel writes them all into one part).
 */
import { excelNumberText, dateText, isDateFormat } from './xlsx-cells.ts';
import { listZipEntries, openZipEntry, type ZipEntry } from './zip.ts';
import { xmlEvents, type XmlEvent } from './xml.ts';

export interface RawSheetRow {
  row: number;
  texts: (string | null)[];
}

/** Built-in number formats that show dates (ECMA-376 §18.8.30, with the East Asian ones). */
const DATE_FORMAT_IDS = new Set([
  14, 15, 16, 17, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 50, 51, 52, 53, 54, 55, 56, 57, 58,
]);

/** The XML events of a part, a batch per chunk (handled synchronously: a worksheet has millions). */
async function* partEvents(
  file: string,
  entries: Map<string, ZipEntry>,
  name: string,
): AsyncGenerator<XmlEvent[]> {
  const entry = entries.get(name);
  if (!entry) return;
  yield* xmlEvents(await openZipEntry(file, entry));
}

/**
 * A copy of a string that does not keep its source alive: V8 makes longer slices views into the
 * parent string, which here is a whole chunk of XML (every kept cell would pin its chunk).
 */
function own(text: string): string {
  return text.length < 13 ? text : (' ' + text).slice(1);
}

/** OOXML's escapes of control characters in strings (`_x000D_`). */
const unescapeX = (s: string): string =>
  s.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));

/**
 * Collects the text of `t` elements (string items and inline strings), skipping phonetic runs.
 * Returns true when it consumed the event.
 */
class TextCollector {
  text = '';
  private inT = false;
  private inPhonetic = 0;
  take(ev: XmlEvent): boolean {
    if (ev.kind === 'open' && ev.name === 'rPh') this.inPhonetic++;
    else if (ev.kind === 'close' && ev.name === 'rPh') this.inPhonetic--;
    else if (ev.kind === 'open' && ev.name === 't') this.inT = !ev.empty;
    else if (ev.kind === 'close' && ev.name === 't') this.inT = false;
    else if (ev.kind === 'text' && this.inT && this.inPhonetic === 0) this.text += ev.text;
    else return false;
    return true;
  }
}

async function sharedStrings(file: string, entries: Map<string, ZipEntry>): Promise<string[]> {
  const out: string[] = [];
  let item: TextCollector | null = null;
  for await (const batch of partEvents(file, entries, 'xl/sharedStrings.xml'))
    for (const ev of batch) {
      if (ev.kind === 'open' && ev.name === 'si') item = new TextCollector();
      else if (ev.kind === 'close' && ev.name === 'si' && item) {
        out.push(own(unescapeX(item.text)));
        item = null;
      } else item?.take(ev);
    }
  return out;
}

/** Whether each cell style (index into cellXfs) shows a date. */
async function dateStyles(file: string, entries: Map<string, ZipEntry>): Promise<boolean[]> {
  const formats = new Map<number, string>();
  const styles: boolean[] = [];
  let inCellXfs = false;
  for await (const batch of partEvents(file, entries, 'xl/styles.xml'))
    for (const ev of batch) {
      if (ev.kind === 'open' && ev.name === 'numFmt')
        formats.set(Number(ev.attrs.numFmtId), ev.attrs.formatCode ?? '');
      else if (ev.kind === 'open' && ev.name === 'cellXfs') inCellXfs = !ev.empty;
      else if (ev.kind === 'close' && ev.name === 'cellXfs') inCellXfs = false;
      else if (ev.kind === 'open' && ev.name === 'xf' && inCellXfs) {
        const id = Number(ev.attrs.numFmtId ?? 0);
        const custom = formats.get(id);
        styles.push(custom === undefined ? DATE_FORMAT_IDS.has(id) : isDateFormat(custom));
      }
    }
  return styles;
}

export interface WorkbookParts {
  /** Sheet name → zip part name, in workbook order. */
  sheets: Map<string, string>;
  date1904: boolean;
}

async function workbookParts(file: string, entries: Map<string, ZipEntry>): Promise<WorkbookParts> {
  const targets = new Map<string, string>();
  for await (const batch of partEvents(file, entries, 'xl/_rels/workbook.xml.rels'))
    for (const ev of batch) {
      if (ev.kind !== 'open' || ev.name !== 'Relationship') continue;
      const target = ev.attrs.Target ?? '';
      targets.set(ev.attrs.Id ?? '', target.startsWith('/') ? target.slice(1) : `xl/${target}`);
    }
  const sheets = new Map<string, string>();
  let date1904 = false;
  for await (const batch of partEvents(file, entries, 'xl/workbook.xml'))
    for (const ev of batch) {
      if (ev.kind !== 'open') continue;
      if (ev.name === 'workbookPr') date1904 = ev.attrs.date1904 === '1' || ev.attrs.date1904 === 'true';
      if (ev.name !== 'sheet') continue;
      const rId = Object.entries(ev.attrs).find(([k]) => k.endsWith(':id'))?.[1] ?? '';
      const part = targets.get(rId);
      if (ev.attrs.name !== undefined && part !== undefined) sheets.set(ev.attrs.name, part);
    }
  if (!entries.has('xl/workbook.xml')) throw new Error('no xl/workbook.xml: not an Excel workbook');
  return { sheets, date1904 };
}

/** 0-based column of a cell reference such as `AB12`. */
function columnOf(ref: string): number {
  let col = 0;
  for (const ch of ref) {
    const code = ch.charCodeAt(0);
    if (code < 65 || code > 90) break;
    col = col * 26 + (code - 64);
  }
  return col - 1;
}

interface Context {
  strings: string[];
  dates: boolean[];
  date1904: boolean;
}

function rawCellText(
  type: string,
  value: string | null,
  inline: string,
  style: number,
  ctx: Context,
): string | null {
  switch (type) {
    case 'inlineStr':
      return unescapeX(inline);
    case 's':
      return value === null ? null : (ctx.strings[Number(value)] ?? null);
    case 'str':
    case 'e':
      return value;
    case 'b':
      return value === null ? null : value === '1' || value === 'true' ? 'true' : 'false';
    case 'd':
      return value === null ? null : value.slice(0, 10);
    default: {
      if (value === null || value.trim() === '') return null;
      const n = Number(value);
      if (Number.isNaN(n)) return value;
      if (ctx.dates[style] === true && n > 0) {
        const epoch = ctx.date1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, 30);
        return dateText(new Date(epoch + Math.round(n * 86_400_000)));
      }
      return excelNumberText(n);
    }
  }
}

/** The rows of one worksheet part, as cell texts by 0-based column. */
async function sheetRows(file: string, entries: Map<string, ZipEntry>, part: string, ctx: Context) {
  const rows: RawSheetRow[] = [];
  let row: RawSheetRow | null = null;
  let cell: {
    col: number;
    type: string;
    style: number;
    value: string | null;
    inline: TextCollector | null;
  } | null = null;
  let inValue = false;
  let lastRow = 0;
  for await (const batch of partEvents(file, entries, part))
    for (const ev of batch) {
      if (ev.kind === 'open') {
        if (ev.name === 'row') {
          lastRow = ev.attrs.r !== undefined ? Number(ev.attrs.r) : lastRow + 1;
          row = { row: lastRow, texts: [] };
        } else if (ev.name === 'c' && row) {
          const col = ev.attrs.r !== undefined ? columnOf(ev.attrs.r) : row.texts.length;
          cell = { col, type: ev.attrs.t ?? 'n', style: Number(ev.attrs.s ?? 0), value: null, inline: null };
        } else if (ev.name === 'v' && cell) inValue = !ev.empty;
        else if (ev.name === 'is' && cell) cell.inline = new TextCollector();
        else cell?.inline?.take(ev);
      } else if (ev.kind === 'text') {
        if (inValue && cell) cell.value = (cell.value ?? '') + ev.text;
        else cell?.inline?.take(ev);
      } else if (ev.name === 'v') inValue = false;
      else if (ev.name === 'c' && cell && row) {
        const text = rawCellText(cell.type, cell.value, cell.inline?.text ?? '', cell.style, ctx);
        row.texts[cell.col] = text === null ? null : own(text);
        cell = null;
      } else if (ev.name === 'row' && row) {
        if (row.texts.some((t) => t !== null && t !== undefined)) rows.push(row);
        row = null;
      } else cell?.inline?.take(ev);
    }
  return rows;
}

/** The rows of the sheets whose names `wanted` accepts, by sheet name. */
export async function streamSheets(
  file: string,
  wanted: (name: string) => boolean,
): Promise<Map<string, RawSheetRow[]>> {
  const entries = await listZipEntries(file);
  const { sheets, date1904 } = await workbookParts(file, entries);
  const names = [...sheets.keys()].filter(wanted);
  const out = new Map<string, RawSheetRow[]>();
  if (names.length === 0) return out;
  const ctx: Context = {
    strings: await sharedStrings(file, entries),
    dates: await dateStyles(file, entries),
    date1904,
  };
  for (const name of names) {
    const part = sheets.get(name);
    if (part !== undefined) out.set(name, await sheetRows(file, entries, part, ctx));
  }
  return out;
}
