/**
 * The top level of a JSON document, read chunk by chunk: a byte scanner follows the structure of
 * the top-level object (keys, strings, nesting) without building anything, and hands each value
 * it needs — a header value, one element of `projects` or `payments` — to `JSON.parse` as one
 * slice. Memory stays bounded by the largest element, and the parsing is V8's own.
 *
 * Numbers keep the text of their token (`1234.50` stays "1234.50", `1e2` stays "1e2"): a slice
 * that holds a number outside its strings is parsed with a reviver that returns the number's
 * source text; a slice without one (the usual case: the exchange format writes decimals as text)
 * is parsed without it.
 *
 * Errors (bad structure, invalid UTF-8, a slice `JSON.parse` refuses, a document that ends early)
 * are thrown as ExchangeReadError FORMAT.UNREADABLE.
 */
import { isUtf8 } from 'node:buffer';
import { createReadStream } from 'node:fs';
import { errorText, unreadable } from './types.ts';

export type ArrayKey = 'projects' | 'payments';
const ARRAY_KEYS: ReadonlySet<string> = new Set<ArrayKey>(['projects', 'payments']);
const HEADER_KEYS: ReadonlySet<string> = new Set(['format', 'mof_div_code', 'fiscal_year']);

const BOM = [0xef, 0xbb, 0xbf];
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const isSpace = (c: number) => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
const isNumberByte = (c: number) => c === 0x2d || (c >= 0x30 && c <= 0x39);

/** The reviver that keeps a number's source text (JSON.parse source text access). */
const keepNumberText = (_key: string, value: unknown, context?: { source?: string }): unknown =>
  typeof value === 'number' && context?.source !== undefined ? context.source : value;

/** What a captured value is for. */
type Purpose = 'key' | 'header' | 'element' | 'skip';

type State =
  | 'start'
  | 'firstKey'
  | 'key'
  | 'colon'
  | 'value'
  | 'afterValue'
  | 'arrayFirst'
  | 'arrayElement'
  | 'afterElement'
  | 'capture'
  | 'end';

/** The file's bytes in chunks of 1 MB. */
export async function* chunksOf(file: string): AsyncGenerator<Buffer> {
  for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 })) {
    if (chunk instanceof Buffer) yield chunk;
  }
}

/**
 * Scans a document pushed chunk by chunk. `collect` names the arrays whose elements are parsed
 * into `elements`; with `strict`, every other value is parsed too (and thrown away), so that a
 * syntax error anywhere is found.
 */
export class DocumentScanner {
  readonly header = new Map<string, unknown>();
  readonly seen = new Set<string>();
  readonly elements: { key: ArrayKey; index: number; value: unknown }[] = [];
  private state: State = 'start';
  /** Bytes of a byte order mark seen (3: past the start). */
  private bom = 0;
  private key = '';
  private arrayKey: ArrayKey | null = null;
  private index = 0;
  // The value being captured.
  private purpose: Purpose = 'skip';
  private afterCapture: State = 'afterValue';
  private depth = 0;
  private inString = false;
  private escape = false;
  private scalar = false;
  private hasNumber = false;
  private parts: Buffer[] = [];
  private readonly collect: ReadonlySet<ArrayKey>;
  private readonly strict: boolean;
  private readonly name: string;

  constructor(name: string, collect: readonly ArrayKey[], strict = false) {
    this.name = name;
    this.collect = new Set(collect);
    this.strict = strict;
  }

  get done(): boolean {
    return this.state === 'end';
  }

  /** Scan one more chunk. */
  push(chunk: Buffer): void {
    let i = 0;
    while (this.bom < 3 && i < chunk.length && chunk[i] === BOM[this.bom]) {
      i += 1; // a byte order mark at the start of the document
      this.bom += 1;
    }
    if (i < chunk.length) this.bom = 3;
    const len = chunk.length;
    let start = this.state === 'capture' ? 0 : -1;
    let backslash = -1; // the next backslash at or after i (len: none left in the chunk)
    while (i < len) {
      if (this.state === 'capture') {
        if (this.inString) {
          if (this.escape) {
            this.escape = false;
            i += 1;
            continue;
          }
          if (backslash < i) {
            backslash = chunk.indexOf(BACKSLASH, i);
            if (backslash === -1) backslash = len;
          }
          const found = chunk.indexOf(QUOTE, i);
          const quote = found === -1 ? len : found;
          if (backslash < quote) {
            this.escape = true;
            i = backslash + 1;
            continue;
          }
          i = quote;
          if (i === len) break;
          i += 1;
          this.inString = false;
          if (this.depth === 0) {
            this.complete(chunk, start, i);
            start = -1;
          }
          continue;
        }
        const c = chunk[i] as number;
        if (this.scalar) {
          if (isSpace(c) || c === 0x2c || c === 0x7d || c === 0x5d) {
            this.complete(chunk, start, i);
            start = -1;
            continue; // the delimiter belongs to the structure around the value
          }
        } else if (c === QUOTE) this.inString = true;
        else if (c === 0x7b || c === 0x5b) this.depth += 1;
        else if (c === 0x7d || c === 0x5d) {
          this.depth -= 1;
          if (this.depth === 0) {
            i += 1;
            this.complete(chunk, start, i);
            start = -1;
            continue;
          }
        } else if (isNumberByte(c)) this.hasNumber = true;
        i += 1;
        continue;
      }
      const c = chunk[i] as number;
      if (isSpace(c)) {
        i += 1;
        continue;
      }
      switch (this.state) {
        case 'start':
          if (c !== 0x7b) throw this.error('the document is not a JSON object');
          this.state = 'firstKey';
          break;
        case 'firstKey':
        case 'key':
          if (c === 0x7d && this.state === 'firstKey') this.state = 'end';
          else if (c === QUOTE) {
            this.begin('key', 'colon', c);
            start = i;
          } else throw this.error('a key was expected');
          break;
        case 'colon':
          if (c !== 0x3a) throw this.error(`":" was expected after "${this.key}"`);
          this.state = 'value';
          break;
        case 'value':
          if (ARRAY_KEYS.has(this.key) && c === 0x5b) {
            this.arrayKey = this.key as ArrayKey;
            this.index = 0;
            this.state = 'arrayFirst';
            break;
          }
          if (this.key === 'projects') throw this.error('"projects" is not an array');
          this.begin(HEADER_KEYS.has(this.key) ? 'header' : 'skip', 'afterValue', c);
          start = i;
          break;
        case 'afterValue':
          if (c === 0x2c) this.state = 'key';
          else if (c === 0x7d) this.state = 'end';
          else throw this.error('"," or "}" was expected');
          break;
        case 'arrayFirst':
        case 'arrayElement':
          if (c === 0x5d && this.state === 'arrayFirst') {
            this.arrayKey = null;
            this.state = 'afterValue';
            break;
          }
          this.begin(
            this.arrayKey && this.collect.has(this.arrayKey) ? 'element' : 'skip',
            'afterElement',
            c,
          );
          start = i;
          break;
        case 'afterElement':
          if (c === 0x2c) this.state = 'arrayElement';
          else if (c === 0x5d) {
            this.arrayKey = null;
            this.state = 'afterValue';
          } else throw this.error('"," or "]" was expected');
          break;
        case 'end':
          throw this.error('there is more after the end of the document');
      }
      i += 1; // (when a capture began, its first byte was read by begin())
    }
    if (this.state === 'capture' && start !== -1 && this.keeps()) this.parts.push(chunk.subarray(start));
  }

  /** The document has been pushed completely: throws when it ended early. */
  end(): void {
    if (this.state !== 'end') throw this.error('the JSON document is incomplete');
  }

  private begin(purpose: Purpose, after: State, c: number): void {
    this.purpose = purpose;
    this.afterCapture = after;
    this.parts = [];
    this.escape = false;
    this.inString = c === QUOTE;
    this.depth = c === 0x7b || c === 0x5b ? 1 : 0;
    this.scalar = !this.inString && this.depth === 0;
    this.hasNumber = isNumberByte(c);
    this.state = 'capture';
  }

  private keeps(): boolean {
    return this.purpose !== 'skip' || this.strict;
  }

  /** The captured value ends at `end` of this chunk. */
  private complete(chunk: Buffer, start: number, end: number): void {
    this.state = this.afterCapture;
    if (!this.keeps()) {
      if (this.purpose === 'skip' && this.arrayKey !== null) this.index += 1;
      return;
    }
    this.parts.push(chunk.subarray(start, end));
    const bytes = this.parts.length === 1 ? (this.parts[0] as Buffer) : Buffer.concat(this.parts);
    this.parts = [];
    if (!isUtf8(bytes)) throw this.error('the file is not UTF-8');
    let value: unknown;
    try {
      const text = bytes.toString('utf8');
      value = this.hasNumber ? JSON.parse(text, keepNumberText) : JSON.parse(text);
    } catch (err) {
      throw unreadable(`${this.name}: not valid JSON (${errorText(err)})`);
    }
    switch (this.purpose) {
      case 'key':
        this.key = value as string;
        this.seen.add(this.key);
        break;
      case 'header':
        this.header.set(this.key, value);
        break;
      case 'element':
        this.elements.push({ key: this.arrayKey as ArrayKey, index: this.index, value });
        this.index += 1;
        break;
      case 'skip':
        if (this.arrayKey !== null) this.index += 1;
        break;
    }
  }

  private error(what: string) {
    return unreadable(`${this.name}: not valid JSON (${what})`);
  }
}
