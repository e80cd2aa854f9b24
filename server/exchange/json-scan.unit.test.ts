import { describe, expect, it } from 'vitest';
import { DocumentScanner } from './json-scan.ts';
import { ExchangeReadError } from './types.ts';

/** Scan `doc` pushed in chunks of `size` bytes. */
function scan(doc: string | Buffer, size: number, strict = false): DocumentScanner {
  const bytes = typeof doc === 'string' ? Buffer.from(doc) : doc;
  const s = new DocumentScanner('t.json', ['projects', 'payments'], strict);
  for (let at = 0; at < bytes.length; at += size) s.push(bytes.subarray(at, at + size));
  s.end();
  return s;
}

const DOC =
  '\uFEFF{ "format" : "perfbudget/1", "note": {"a": [1, "}]\\"", {"b": null}]}, "fiscal_year": 2026,\n' +
  '"projects": [ {"pro_name": "引号\\"与}括号]", "amount": 12.50, "x": [true, false, -0, 1e2]},\n' +
  ' {"pro_code": "P\\\\", "k": "\\u4e2d"} , 7, "s" ], "payments": [{"amount": "3.00"}] }';

describe('DocumentScanner', () => {
  it('gives the same elements and header for every chunk size, numbers as their source text', () => {
    for (let size = 1; size <= 40; size++) {
      const s = scan(DOC, size, size % 2 === 0);
      expect(s.done).toBe(true);
      expect(s.header.get('format')).toBe('perfbudget/1');
      expect(s.header.get('fiscal_year')).toBe('2026');
      expect(s.elements.map((e) => [e.key, e.index, e.value])).toEqual([
        ['projects', 0, { pro_name: '引号"与}括号]', amount: '12.50', x: [true, false, '-0', '1e2'] }],
        ['projects', 1, { pro_code: 'P\\', k: '中' }],
        ['projects', 2, '7'],
        ['projects', 3, 's'],
        ['payments', 0, { amount: '3.00' }],
      ]);
    }
  });

  it('counts the elements it skips', () => {
    const s = new DocumentScanner('t.json', ['payments']);
    s.push(Buffer.from('{"projects":[{"a":1},{"b":"]"}],"payments":[{"c":"1"}]}'));
    s.end();
    expect(s.elements).toEqual([{ key: 'payments', index: 0, value: { c: '1' } }]);
  });

  it('refuses bad structure, bad syntax inside an element, bad UTF-8 and early ends', () => {
    const bad: (string | Buffer)[] = [
      '[1]',
      '{"projects":{}}',
      '{"projects":[{"a":1}] "x":1}',
      '{"projects":[{"a":01}]}',
      '{"projects":[{"a":1},]}',
      '{"projects":[]} {}',
      '{"projects":[{"a":"b}',
      Buffer.from([0x7b, 0x22, 0xe9, 0x22, 0x3a, 0x31, 0x7d]),
    ];
    for (const doc of bad) {
      expect(() => scan(doc, 3, true), String(doc)).toThrow(ExchangeReadError);
    }
  });
});
