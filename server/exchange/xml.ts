/**
 * A small streaming XML tokenizer for the parts of an .xlsx (worksheets, shared strings, styles,
 * workbook): elements with attributes and text, entities decoded, namespace prefixes dropped
 * from element names. Comments, processing instructions and the DOCTYPE are skipped; CDATA is
 * text. Enough for SpreadsheetML, not a general XML parser (no validation, no DTD entities).
 */
import type { Readable } from 'node:stream';

export type XmlEvent =
  | { kind: 'open'; name: string; attrs: Record<string, string>; empty: boolean }
  | { kind: 'close'; name: string }
  | { kind: 'text'; text: string };

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|[a-zA-Z]+);/g, (all, ref: string) => {
    if (ref.startsWith('#x')) return String.fromCodePoint(parseInt(ref.slice(2), 16));
    if (ref.startsWith('#')) return String.fromCodePoint(parseInt(ref.slice(1), 10));
    return ENTITIES[ref] ?? all;
  });
}

const localName = (name: string): string => name.slice(name.indexOf(':') + 1);

function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13;
}

/** An element's name and attributes from the text between `<` and `>` (a hand-written scan: hot). */
function parseTag(body: string): XmlEvent {
  let end = body.length;
  while (end > 0 && isSpace(body.charCodeAt(end - 1))) end--;
  const empty = body.charCodeAt(end - 1) === 47; // '/'
  if (empty) end--;
  let i = 0;
  while (i < end && !isSpace(body.charCodeAt(i))) i++;
  const name = localName(body.slice(0, i));
  const attrs: Record<string, string> = {};
  while (i < end) {
    while (i < end && isSpace(body.charCodeAt(i))) i++;
    const eq = body.indexOf('=', i);
    if (eq < 0 || eq >= end) break;
    const key = body.slice(i, eq).trim();
    let q = eq + 1;
    while (q < end && isSpace(body.charCodeAt(q))) q++;
    const quote = body[q];
    if (quote !== '"' && quote !== "'") break;
    const close = body.indexOf(quote, q + 1);
    if (close < 0) break;
    attrs[key] = decodeEntities(body.slice(q + 1, close));
    i = close + 1;
  }
  return { kind: 'open', name, attrs, empty };
}

/** The end of a tag that starts at `from` (a '>' outside quotes), or -1 when not yet read. */
function tagEnd(buf: string, from: number): number {
  let quote = 0;
  for (let i = from; i < buf.length; i++) {
    const code = buf.charCodeAt(i);
    if (quote !== 0) {
      if (code === quote) quote = 0;
    } else if (code === 34 || code === 39)
      quote = code; // " or '
    else if (code === 62) return i; // >
  }
  return -1;
}

/** Tokenizes text fed in chunks; `feed` returns the events complete so far. */
export class XmlTokenizer {
  private buf = '';

  feed(chunk: string): XmlEvent[] {
    this.buf += chunk;
    const events: XmlEvent[] = [];
    const buf = this.buf;
    let pos = 0;
    while (pos < buf.length) {
      const lt = buf.indexOf('<', pos);
      if (lt < 0) break; // text continues in the next chunk
      if (lt > pos) events.push({ kind: 'text', text: decodeEntities(buf.slice(pos, lt)) });
      pos = lt;
      let end: number;
      const next = buf.charCodeAt(lt + 1);
      if (next === 33 || next === 63)
        end = this.special(buf, lt, events); // <! or <?
      else if (next === 47) {
        // </name>
        const close = buf.indexOf('>', lt);
        end = close < 0 ? -1 : close + 1;
        if (close >= 0) events.push({ kind: 'close', name: localName(buf.slice(lt + 2, close).trim()) });
      } else {
        const close = tagEnd(buf, lt);
        end = close < 0 ? -1 : close + 1;
        if (close >= 0) {
          const tag = parseTag(buf.slice(lt + 1, close));
          events.push(tag);
          if (tag.kind === 'open' && tag.empty) events.push({ kind: 'close', name: tag.name });
        }
      }
      if (end < 0) break; // the markup continues in the next chunk
      pos = end;
    }
    this.buf = buf.slice(pos);
    return events;
  }

  /** At the end of input: whatever text is left. */
  end(): XmlEvent[] {
    const rest = this.buf;
    this.buf = '';
    return rest.trim() === '' ? [] : [{ kind: 'text', text: decodeEntities(rest) }];
  }

  /** Comments, processing instructions, CDATA and the DOCTYPE; the end, or -1 when not yet read. */
  private special(buf: string, lt: number, events: XmlEvent[]): number {
    if (buf.length < lt + 9) return -1; // too short to tell which one
    if (buf.startsWith('<!--', lt)) return this.after(buf, lt, '-->');
    if (buf.startsWith('<?', lt)) return this.after(buf, lt, '?>');
    if (buf.startsWith('<![CDATA[', lt)) {
      const end = this.after(buf, lt, ']]>');
      if (end >= 0) events.push({ kind: 'text', text: buf.slice(lt + 9, end - 3) });
      return end;
    }
    const close = tagEnd(buf, lt);
    return close < 0 ? -1 : close + 1;
  }

  private after(buf: string, from: number, terminator: string): number {
    const at = buf.indexOf(terminator, from);
    return at < 0 ? -1 : at + terminator.length;
  }
}

/** The XML events of a stream of UTF-8 bytes, a batch per chunk. */
export async function* xmlEvents(stream: Readable): AsyncGenerator<XmlEvent[]> {
  const decoder = new TextDecoder('utf-8');
  const tokenizer = new XmlTokenizer();
  for await (const chunk of stream) {
    if (!(chunk instanceof Buffer)) continue;
    const events = tokenizer.feed(decoder.decode(chunk, { stream: true }));
    if (events.length > 0) yield events;
  }
  yield [...tokenizer.feed(decoder.decode()), ...tokenizer.end()];
}
