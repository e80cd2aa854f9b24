import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ExchangeReadError, openExchange, type ExchangeInput, type ProjectEntry } from './index.ts';
import { EXAMPLE_JSON, tempDir } from './test-fixtures.ts';

let dir = '';
let cleanup: () => Promise<void> = async () => {};

beforeAll(async () => {
  ({ dir, cleanup } = await tempDir());
});
afterAll(() => cleanup());

async function file(name: string, content: string | Buffer): Promise<string> {
  const p = path.join(dir, name);
  await writeFile(p, content);
  return p;
}

async function all(input: ExchangeInput): Promise<ProjectEntry[]> {
  const out: ProjectEntry[] = [];
  for await (const entry of input.projects()) out.push(entry);
  return out;
}

async function readError(p: string): Promise<ExchangeReadError> {
  const err: unknown = await openExchange(p).then(
    () => null,
    (e: unknown) => e,
  );
  if (!(err instanceof ExchangeReadError))
    throw new Error(`expected an ExchangeReadError, got ${String(err)}`);
  return err;
}

describe('JSON reader', () => {
  it('reads the example of exchange-format.md with numbers as their source text', async () => {
    const input = await openExchange(await file('example.json', EXAMPLE_JSON));
    expect(input.kind).toBe('json');
    const entries = await all(input);
    expect(entries).toHaveLength(1);
    const [entry] = entries;
    const expected = JSON.parse(EXAMPLE_JSON.replace('1000000.10', '"1000000.10"')).projects[0];
    expect(entry?.project).toEqual(expected);
    expect(entry?.project.amount).toBe('1000000.10');
    expect(entry?.project.is_new).toBe(false);
    expect(entry?.issues).toEqual([]);
    expect(entry?.sourceOf('target.indicators[0].meterunit')).toBeUndefined();
    expect(input.header()).toEqual({ format: 'perfbudget/1', mof_div_code: '360121', fiscal_year: '2026' });
    expect(input.orphanIssues()).toEqual([]);
  });

  it('keeps the text of every number token, and can be iterated twice', async () => {
    const doc =
      '\uFEFF{"format":"perfbudget/1","mof_div_code":360121,"fiscal_year":2026,"projects":[' +
      '{"amount":1234.50,"weight":1e2,"x":[0.1,-0]},7]}';
    const input = await openExchange(await file('numbers.json', doc));
    for (let round = 0; round < 2; round++) {
      const entries = await all(input);
      expect(entries[0]?.project).toEqual({ amount: '1234.50', weight: '1e2', x: ['0.1', '-0'] });
      expect(entries[1]?.project).toEqual({});
      expect(entries[1]?.issues).toEqual([
        { path: 'projects[1]', code: 'FIELD.TYPE', detail: expect.any(String) },
      ]);
    }
    expect(input.header()).toEqual({ format: 'perfbudget/1', mof_div_code: '360121', fiscal_year: '2026' });
  });

  it('reads payments when the document has them', async () => {
    const doc = '{"format":"perfbudget/1","projects":[],"payments":[{"pro_code":"P1","amount":12.30}]}';
    const input = await openExchange(await file('payments.json', doc));
    const rows = [];
    for await (const p of input.payments()) rows.push(p);
    expect(rows).toEqual([{ row: { pro_code: 'P1', amount: '12.30' } }]);
    expect(await all(input)).toEqual([]);
  });

  it('rejects another format version with FORMAT.VERSION', async () => {
    const err = await readError(await file('v2.json', EXAMPLE_JSON.replace('perfbudget/1', 'perfbudget/2')));
    expect(err.code).toBe('FORMAT.VERSION');
    expect(err.detail).toContain('perfbudget/2');
    expect((await readError(await file('nover.json', '{"projects":[]}'))).code).toBe('FORMAT.VERSION');
  });

  it('rejects garbage, truncated documents and documents without projects with FORMAT.UNREADABLE', async () => {
    const cases = {
      'x.json': 'this is not JSON at all',
      'truncated.json': EXAMPLE_JSON.slice(0, 400),
      'array.json': '[{"format":"perfbudget/1"}]',
      'noprojects.json': '{"format":"perfbudget/1"}',
      'notarray.json': '{"format":"perfbudget/1","projects":{}}',
      'trailing.json': '{"format":"perfbudget/1","projects":[]} {}',
      'latin1.json': Buffer.from([0x7b, 0x22, 0xe9, 0x22, 0x3a, 0x31, 0x7d]),
    };
    for (const [name, content] of Object.entries(cases)) {
      const err = await readError(await file(name, content));
      expect({ name, code: err.code }).toEqual({ name, code: 'FORMAT.UNREADABLE' });
    }
  });

  it('rejects a missing path and unknown kinds with FORMAT.UNREADABLE', async () => {
    const missing = await readError(path.join(dir, 'does-not-exist.json'));
    expect(missing.code).toBe('FORMAT.UNREADABLE');
    expect(missing.detail).toContain('not found');
    expect((await readError(await file('notes.txt', 'hello'))).code).toBe('FORMAT.UNREADABLE');
    expect((await readError(await file('projects.csv', 'pro_code\r\nP1\r\n'))).code).toBe(
      'FORMAT.UNREADABLE',
    );
  });
});
