/**
 * The JSON document as a stream of stream-json tokens, and a walker over its top level that
 * assembles one element of `projects` (or `payments`) at a time. Numbers keep the text of their
 * token (`1234.50` stays "1234.50"): the tokenizer runs with packed values, and a packed number
 * token carries its source text.
 */
import { createReadStream } from 'node:fs';
import { jsonParser, type Token } from 'stream-json/core/parser.js';
import { errorText, unreadable } from './types.ts';

/** stream-chain's end-of-input marker, registered globally under this name. */
const NONE = Symbol.for('object-stream.none');

type Tokenizer = ReturnType<typeof jsonParser>;

function tokensOf(out: ReturnType<Tokenizer>): Token[] {
  return typeof out === 'object' ? out.values : [];
}

/** The tokens of a JSON file, a batch per chunk read. Errors are ExchangeReadError FORMAT.UNREADABLE. */
export async function* jsonTokens(file: string, name: string): AsyncGenerator<Token[]> {
  try {
    const decoder = new TextDecoder('utf-8', { fatal: true }); // drops a leading BOM
    const tokenizer = jsonParser({ packValues: true, streamValues: false });
    for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 })) {
      if (!(chunk instanceof Buffer)) continue;
      const batch = tokensOf(tokenizer(decoder.decode(chunk, { stream: true })));
      if (batch.length > 0) yield batch;
    }
    const rest = decoder.decode();
    if (rest !== '') yield tokensOf(tokenizer(rest));
    // The flush call takes the marker in place of text (Flushable's contract).
    yield tokensOf((tokenizer as unknown as (end: symbol) => ReturnType<Tokenizer>)(NONE));
  } catch (err) {
    throw unreadable(`${name}: not valid JSON (${errorText(err)})`);
  }
}

type Container = unknown[] | Record<string, unknown>;

/** Assembles one JSON value from tokens; numbers become their source text. */
class ValueBuilder {
  private readonly stack: Container[] = [];
  private key = '';
  value: unknown = undefined;

  /** Feed a token; true when the value is complete. */
  push(token: Token): boolean {
    switch (token.name) {
      case 'startObject':
        return this.open({});
      case 'startArray':
        return this.open([]);
      case 'endObject':
      case 'endArray': {
        const done = this.stack.pop();
        return this.stack.length === 0 ? this.finish(done) : false;
      }
      case 'keyValue':
        this.key = token.value;
        return false;
      case 'stringValue':
      case 'numberValue':
        return this.add(token.value);
      case 'nullValue':
        return this.add(null);
      case 'trueValue':
        return this.add(true);
      case 'falseValue':
        return this.add(false);
      default:
        return false;
    }
  }

  private open(container: Container): boolean {
    this.add(container);
    this.stack.push(container);
    return false;
  }

  private finish(value: unknown): boolean {
    this.value = value;
    return true;
  }

  private add(value: unknown): boolean {
    const top = this.stack.at(-1);
    if (top === undefined) return this.finish(value);
    if (Array.isArray(top)) top.push(value);
    else if (this.key !== '__proto__') top[this.key] = value;
    // A "__proto__" key is data, not the prototype.
    else
      Object.defineProperty(top, this.key, { value, enumerable: true, writable: true, configurable: true });
    return false;
  }
}

/** Skips one JSON value. */
class ValueSkipper {
  private depth = 0;
  push(token: Token): boolean {
    switch (token.name) {
      case 'startObject':
      case 'startArray':
        this.depth++;
        return false;
      case 'endObject':
      case 'endArray':
        this.depth--;
        return this.depth === 0;
      case 'keyValue':
        return false;
      default:
        return this.depth === 0;
    }
  }
}

export type ArrayKey = 'projects' | 'payments';
const HEADER_KEYS = new Set(['format', 'mof_div_code', 'fiscal_year']);

/**
 * Walks the top-level object: keeps the header values, and hands out every element of the arrays
 * it collects (`elements`) as it completes; other values are skipped without being assembled.
 */
export class DocumentWalker {
  readonly header = new Map<string, unknown>();
  readonly seen = new Set<string>();
  readonly elements: { key: ArrayKey; index: number; value: unknown }[] = [];
  private state: 'start' | 'key' | 'value' | 'array' | 'element' | 'end' = 'start';
  private key = '';
  private arrayKey: ArrayKey | null = null;
  private index = 0;
  private inner: ValueBuilder | ValueSkipper | null = null;
  private readonly collect: ReadonlySet<ArrayKey>;
  private readonly name: string;

  constructor(name: string, collect: readonly ArrayKey[]) {
    this.name = name;
    this.collect = new Set(collect);
  }

  get done(): boolean {
    return this.state === 'end';
  }

  push(token: Token): void {
    switch (this.state) {
      case 'start':
        if (token.name !== 'startObject') throw unreadable(`${this.name}: the document is not a JSON object`);
        this.state = 'key';
        return;
      case 'key':
        if (token.name === 'keyValue') {
          this.key = token.value;
          this.seen.add(token.value);
          this.state = 'value';
        } else if (token.name === 'endObject') this.state = 'end';
        return;
      case 'value':
        if ((this.key === 'projects' || this.key === 'payments') && token.name === 'startArray') {
          this.arrayKey = this.key;
          this.state = 'array';
          this.index = 0;
          return;
        }
        if (this.key === 'projects') throw unreadable(`${this.name}: "projects" is not an array`);
        this.inner = HEADER_KEYS.has(this.key) ? new ValueBuilder() : new ValueSkipper();
        this.state = 'element';
        this.feed(token);
        return;
      case 'array':
        if (token.name === 'endArray') {
          this.arrayKey = null;
          this.state = 'key';
          return;
        }
        this.inner =
          this.arrayKey && this.collect.has(this.arrayKey) ? new ValueBuilder() : new ValueSkipper();
        this.state = 'element';
        this.feed(token);
        return;
      case 'element':
        this.feed(token);
        return;
      case 'end':
        return;
    }
  }

  private feed(token: Token): void {
    const inner = this.inner;
    if (!inner?.push(token)) return;
    this.inner = null;
    if (this.arrayKey === null) {
      if (inner instanceof ValueBuilder) this.header.set(this.key, inner.value);
      this.state = 'key';
      return;
    }
    if (inner instanceof ValueBuilder) {
      this.elements.push({ key: this.arrayKey, index: this.index, value: inner.value });
    }
    this.index++;
    this.state = 'array';
  }
}
