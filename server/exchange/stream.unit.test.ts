import { createWriteStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import v8 from 'node:v8';
import vm from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openExchange, writeJson, type ProjectEntry } from './index.ts';
import { tempDir } from './test-fixtures.ts';

let dir = '';
let cleanup: () => Promise<void> = async () => {};

beforeAll(async () => {
  ({ dir, cleanup } = await tempDir());
});
afterAll(() => cleanup());

/**
 * A full garbage collection, so that the heap measured is what the reader keeps alive rather than
 * garbage not yet collected (the flag can be set at run time; `gc` then exists in new contexts).
 */
function collectGarbage(): void {
  v8.setFlagsFromString('--expose-gc');
  const gc: unknown = vm.runInNewContext('gc');
  if (typeof gc === 'function') gc();
}

const PROJECTS = 20_000;
const INDICATORS = 10;

function* generate(): Generator<Record<string, unknown>> {
  for (let p = 0; p < PROJECTS; p++) {
    const code = `3601212600${String(p).padStart(5, '0')}`;
    yield {
      pro_code: code,
      pro_name: `乡村教师培训项目第${p}期（送教下乡、集中研修与网络研修相结合）`,
      agency_code: '101001',
      agency_name: '县教师进修学校',
      dept_code: '101',
      dept_name: '县教育局',
      budget_kind: 'GENERAL_PUBLIC',
      amount: `${p}.50`,
      target: {
        long_term_goal: '提升乡村教师教学能力，建设一支师德高尚、业务精湛的乡村教师队伍',
        annual_goal: '完成年度培训任务，参训教师满意度不低于百分之九十',
        indicators: Array.from({ length: INDICATORS }, (_, i) => ({
          kpi_lv1: 'OUTPUT',
          kpi_lv2: 'QUANTITY',
          kpi_lv3: `培训人次${i}`,
          computesign: 'GE',
          kpi_val: `${500 + i}`,
          meterunit: '人次',
          weight: '9',
          scoring_standard: '完成目标值得满分，每少完成百分之一扣百分之一的分值，扣完为止',
        })),
      },
    };
  }
}

describe('streaming JSON', () => {
  it('reads 20,000 projects × 10 indicators back with a heap far below the file size', async () => {
    const file = path.join(dir, 'province.json');
    await writeJson(generate(), { mof_div_code: '360100', fiscal_year: '2026' }, createWriteStream(file));
    const { size } = await stat(file);

    collectGarbage();
    const baseline = process.memoryUsage().heapUsed;
    let peak = 0;
    let count = 0;
    let last: ProjectEntry | undefined;
    const input = await openExchange(file);
    for await (const entry of input.projects()) {
      count++;
      last = entry;
      if (count % 2000 === 0) {
        collectGarbage();
        peak = Math.max(peak, process.memoryUsage().heapUsed - baseline);
      }
    }
    console.log(
      `streaming JSON: file ${(size / 2 ** 20).toFixed(1)} MB, live heap growth peak ${(peak / 2 ** 20).toFixed(1)} MB`,
    );

    expect(count).toBe(PROJECTS);
    expect(last?.index).toBe(PROJECTS - 1);
    expect(last?.project.pro_code).toBe('360121260019999');
    expect(last?.project.amount).toBe('19999.50');
    const indicators = (last?.project.target as { indicators: Record<string, unknown>[] }).indicators;
    expect(indicators).toHaveLength(INDICATORS);
    expect(indicators[9]).toMatchObject({ kpi_lv3: '培训人次9', kpi_val: '509' });
    expect(input.header()).toEqual({ format: 'perfbudget/1', mof_div_code: '360100', fiscal_year: '2026' });
    expect(size).toBeGreaterThan(32 * 2 ** 20); // the large-file path: opening does not scan it all
    // What stays alive is a chunk of text and the project being read, not the document.
    expect(peak).toBeLessThan(size / 4);
  });
});
