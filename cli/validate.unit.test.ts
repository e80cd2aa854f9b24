import { createWriteStream } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeCsvFolder, writeXlsx } from '../server/exchange/index.ts';
import { runValidate } from './validate.ts';

// The worked example and the output exchange-format.md says `validate` must print for it.
const SPEC = path.resolve(import.meta.dirname, '../../shared/spec/exchange-format.md');
let dir = '';
let example: { mof_div_code: string; fiscal_year: string; projects: Record<string, unknown>[] };
let expected: unknown;

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'pb-validate-'));
  const blocks = [...(await fs.readFile(SPEC, 'utf8')).matchAll(/```json\n([\s\S]*?)```/g)].map(
    (m) => m[1] ?? '',
  );
  example = JSON.parse(blocks[0] ?? '');
  expected = JSON.parse(blocks[1] ?? '');
  await fs.writeFile(path.join(dir, 'example.json'), blocks[0] ?? '');
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

async function* each<T>(xs: T[]) {
  for (const x of xs) yield await Promise.resolve(x);
}
const header = () => ({ mof_div_code: example.mof_div_code, fiscal_year: example.fiscal_year });

describe('validate', () => {
  it('prints exactly the output of the spec for the worked example', async () => {
    const r = await runValidate({ input: path.join(dir, 'example.json'), lang: 'zh-CN' });
    expect(r.exit).toBe(0);
    expect(r.output).toEqual(expected);
    // Streamed piece by piece, the text is what JSON.stringify(output, null, 2) gives.
    expect(r.text).toBe(`${JSON.stringify(r.output, null, 2)}\n`);
  });

  it('gives the same result for the example as a CSV folder and as a workbook', async () => {
    const csv = path.join(dir, 'csv');
    await writeCsvFolder(each(example.projects), header(), csv);
    expect((await runValidate({ input: csv, lang: 'zh-CN' })).output).toEqual(expected);
    const xlsx = path.join(dir, 'example.xlsx');
    await writeXlsx(each(example.projects), header(), createWriteStream(xlsx));
    expect((await runValidate({ input: xlsx, lang: 'zh-CN' })).output).toEqual(expected);
  });

  it('lists every error with its path and source cell, and exits 1', async () => {
    const bad = structuredClone(example.projects);
    const p = bad[0] as { target: { indicators: Record<string, unknown>[] } };
    Object.assign(p.target.indicators[1] ?? {}, { computesign: 'GTE' });
    Object.assign(p.target.indicators[2] ?? {}, { meterunit: null });
    const csv = path.join(dir, 'bad');
    await writeCsvFolder(each(bad), header(), csv);
    const r = await runValidate({ input: csv, lang: 'en-US' });
    expect(r.exit).toBe(1);
    expect(r.text).toBe(`${JSON.stringify(r.output, null, 2)}\n`);
    expect(r.output.errors).toEqual([
      {
        path: 'projects[0].target.indicators[1].computesign',
        code: 'FIELD.ENUM',
        message:
          'project 1, performance target, indicator 2, sign: must be one of GE, GT, LE, LT, EQ, QUAL, OTHER',
        source: { file: 'indicators.csv', row: 3, column: 'computesign' },
      },
      {
        path: 'projects[0].target.indicators[2].meterunit',
        code: 'INDICATOR.UNIT_REQUIRED',
        message: 'project 1, performance target, indicator 3, unit: a quantitative indicator needs a unit',
        source: { file: 'indicators.csv', row: 4, column: 'meterunit' },
      },
    ]);
  });

  it('exits 2 with one FORMAT error when the input or the policy cannot be used', async () => {
    const missing = await runValidate({ input: path.join(dir, 'nope.json'), lang: 'zh-CN' });
    expect([missing.exit, missing.output.errors[0]?.code, missing.output.projects]).toEqual([
      2,
      'FORMAT.UNREADABLE',
      undefined,
    ]);
    await fs.writeFile(path.join(dir, 'v2.json'), '{"format":"perfbudget/2","projects":[]}');
    expect(
      (await runValidate({ input: path.join(dir, 'v2.json'), lang: 'zh-CN' })).output.errors[0]?.code,
    ).toBe('FORMAT.VERSION');
    await fs.writeFile(path.join(dir, 'policy.json'), '{"grade_cuts": [60, 80, 90]}');
    const policy = await runValidate({
      input: path.join(dir, 'example.json'),
      policy: path.join(dir, 'policy.json'),
      lang: 'zh-CN',
    });
    expect([policy.exit, policy.output.errors[0]?.code]).toEqual([2, 'FORMAT.POLICY']);
  });

  it('computes peers across the file and applies a policy', async () => {
    const peers = Array.from({ length: 6 }, (_, i) => {
      const p = structuredClone(example.projects[0] ?? {}) as Record<string, unknown> & {
        target: { indicators: Record<string, unknown>[] };
      };
      p.pro_code = `36012126010${i}`;
      delete p.monitoring;
      delete p.self_evaluation;
      const first = p.target.indicators[0] ?? {};
      Object.assign(first, { kpi_val: i === 0 ? '300' : '1000', last_actual: null, last_target: null });
      return p;
    });
    await fs.writeFile(
      path.join(dir, 'peers.json'),
      JSON.stringify({
        format: 'perfbudget/1',
        mof_div_code: '360121',
        fiscal_year: '2026',
        projects: peers,
      }),
    );
    const r = await runValidate({ input: path.join(dir, 'peers.json'), lang: 'zh-CN' });
    // 300 < 70 % of the median (1000) of its five peers; the others' peers include 300.
    expect(r.output.projects?.map((p) => p.target?.flags.map((f) => f.flag))).toEqual([
      ['BELOW_PEERS'],
      [],
      [],
      [],
      [],
      [],
    ]);
    await fs.writeFile(path.join(dir, 'p.json'), JSON.stringify({ difficulty: { min_peers: 6 } }));
    const strict = await runValidate({
      input: path.join(dir, 'peers.json'),
      policy: path.join(dir, 'p.json'),
      lang: 'zh-CN',
    });
    expect(strict.output.projects?.[0]?.target?.flags).toEqual([]);
  });
});
