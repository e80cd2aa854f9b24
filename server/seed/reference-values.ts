/**
 * Synthetic historical reference values (历史标准) of the shipped library for a generated region:
 * per indicator with a typical value and per year, the typical value moved by a deterministic
 * variation (−12 % … +8 %, drifting up a little each year), rates kept at or below 100 %, counts
 * whole. Marked is_synthetic, so that the UI labels them 模拟数据.
 */
import { Decimal } from 'decimal.js';
import { loadStarterLibrary, type TStarterEntry } from '../../domain/library/library.ts';
import type { Database } from '../db/client.ts';
import { insertReferenceValues, type ReferenceValueInsert } from '../modules/library/index.ts';
import { DEMO_ROOT_CODE, DEMO_SEED } from './demo.ts';
import { Rng } from './random.ts';

export const SYNTHETIC_NOTE = '模拟数据：由指标库典型值按确定性随机波动生成，仅供演示';

export function syntheticHistory(
  entries: readonly TStarterEntry[],
  mofDivCode: string,
  years: readonly string[],
  seed: number,
): ReferenceValueInsert[] {
  const out: ReferenceValueInsert[] = [];
  for (const e of entries) {
    if (e.typical === null) continue;
    const typical = new Decimal(e.typical);
    const whole = typical.isInteger() && e.unit !== '%' && e.unit !== '‰';
    years.forEach((year, i) => {
      const rng = new Rng([seed, mofDivCode, e.code, year]);
      const percent = rng.int(-12, 8) + i;
      let value = typical.times(new Decimal(100 + percent).dividedBy(100));
      if ((e.unit === '%' && typical.lte(100)) || (e.unit === '‰' && typical.lte(1000))) {
        value = Decimal.min(value, e.unit === '%' ? 100 : 1000);
      }
      value = whole
        ? value.toDecimalPlaces(0, Decimal.ROUND_HALF_UP)
        : value.toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
      out.push({
        libraryCode: e.code,
        fiscalYear: year,
        mofDivCode,
        kind: 'HISTORY',
        value: value.toFixed(),
        note: SYNTHETIC_NOTE,
        isSynthetic: true,
      });
    });
  }
  return out;
}

/** The years of synthetic history loaded with the demo county (before its fiscal years). */
export const DEMO_REFERENCE_YEARS: readonly string[] = ['2023', '2024', '2025'];

/** Write the demo county's synthetic history (values already present are kept). */
export function loadDemoReferenceValues(database: Database): Promise<number> {
  return insertReferenceValues(
    database.db,
    syntheticHistory(loadStarterLibrary(), DEMO_ROOT_CODE, DEMO_REFERENCE_YEARS, DEMO_SEED),
  );
}
