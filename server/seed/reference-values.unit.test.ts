import { describe, expect, it } from 'vitest';
import { loadStarterLibrary } from '../../domain/library/library.ts';
import { syntheticHistory } from './reference-values.ts';

describe('synthetic reference values', () => {
  const entries = loadStarterLibrary();
  const rows = syntheticHistory(entries, '360121', ['2023', '2024', '2025'], 2026);

  it('gives every quantitative shipped indicator one synthetic history value per year, deterministically', () => {
    expect(rows).toHaveLength(entries.filter((e) => e.typical !== null).length * 3);
    expect(
      rows.every((r) => r.isSynthetic === true && r.kind === 'HISTORY' && r.mofDivCode === '360121'),
    ).toBe(true);
    expect(syntheticHistory(entries, '360121', ['2023', '2024', '2025'], 2026)).toEqual(rows);
  });

  it('stays near the typical value, keeps rates at or below 100 % and counts whole', () => {
    for (const r of rows) {
      const e = entries.find((x) => x.code === r.libraryCode);
      const typical = Number(e?.typical);
      const value = Number(r.value);
      // −12 % … +8 %, +2 % drift by the third year, counts rounded to whole numbers.
      expect(value, r.libraryCode).toBeGreaterThanOrEqual(typical * 0.88 - 0.5);
      expect(value, r.libraryCode).toBeLessThanOrEqual(typical * 1.1 + 0.5);
      if (e?.unit === '%' && typical <= 100) expect(value).toBeLessThanOrEqual(100);
      expect(r.value).toMatch(/^\d+(\.\d{1,2})?$/);
    }
    const train = rows.filter((r) => r.libraryCode === 'EDU-TRAIN-001');
    expect(train.every((r) => /^\d+$/.test(String(r.value)))).toBe(true);
  });
});
