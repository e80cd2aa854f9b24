import { describe, expect, it } from 'vitest';
import { XmlTokenizer, type XmlEvent } from './xml.ts';

const XML =
  '<?xml version="1.0" encoding="UTF-8"?>\n<!-- note --><x:sheetData a="1 > 0" b=\'q"\'>' +
  '<row r="3"><c r="B3" t="inlineStr"><is><t>A &amp; B &#x4E2D;&#25991;</t></is></c>' +
  '<c r="C3"/><c r="D3"><v><![CDATA[1<2]]></v></c></row></x:sheetData>';

function tokenize(parts: string[]): XmlEvent[] {
  const t = new XmlTokenizer();
  const events = parts.flatMap((p) => t.feed(p));
  events.push(...t.end());
  // Adjacent text events (a text cut by a chunk end) are one text.
  return events.reduce<XmlEvent[]>((out, ev) => {
    const last = out.at(-1);
    if (ev.kind === 'text' && last?.kind === 'text')
      out[out.length - 1] = { kind: 'text', text: last.text + ev.text };
    else out.push(ev);
    return out;
  }, []);
}

describe('XML tokenizer', () => {
  it('gives elements, attributes and decoded text, wherever the chunks are cut', () => {
    const whole = tokenize([XML]);
    expect(whole.filter((e) => e.kind !== 'text' || e.text.trim() !== '')).toEqual([
      { kind: 'open', name: 'sheetData', attrs: { a: '1 > 0', b: 'q"' }, empty: false },
      { kind: 'open', name: 'row', attrs: { r: '3' }, empty: false },
      { kind: 'open', name: 'c', attrs: { r: 'B3', t: 'inlineStr' }, empty: false },
      { kind: 'open', name: 'is', attrs: {}, empty: false },
      { kind: 'open', name: 't', attrs: {}, empty: false },
      { kind: 'text', text: 'A & B 中文' },
      { kind: 'close', name: 't' },
      { kind: 'close', name: 'is' },
      { kind: 'close', name: 'c' },
      { kind: 'open', name: 'c', attrs: { r: 'C3' }, empty: true },
      { kind: 'close', name: 'c' },
      { kind: 'open', name: 'c', attrs: { r: 'D3' }, empty: false },
      { kind: 'open', name: 'v', attrs: {}, empty: false },
      { kind: 'text', text: '1<2' },
      { kind: 'close', name: 'v' },
      { kind: 'close', name: 'c' },
      { kind: 'close', name: 'row' },
      { kind: 'close', name: 'sheetData' },
    ]);
    for (let cut = 1; cut < XML.length; cut++) {
      expect(tokenize([XML.slice(0, cut), XML.slice(cut)])).toEqual(whole);
    }
  });
});
