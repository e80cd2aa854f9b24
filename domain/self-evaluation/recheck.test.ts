import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  cyrb128,
  drawRecheckSample,
  largestRemainder,
  RECHECK_ALGORITHM,
  seededInts,
  sfc32,
  type RecheckItem,
} from './recheck.ts';
import { GRADES, type Grade } from './score.ts';

function dept(code: string, counts: Partial<Record<Grade, number>>): RecheckItem[] {
  const out: RecheckItem[] = [];
  for (const g of GRADES) {
    for (let i = 0; i < (counts[g] ?? 0); i++)
      out.push({ id: `${code}-${g}-${String(i).padStart(3, '0')}`, dept_code: code, grade: g });
  }
  return out;
}

const draw = (items: RecheckItem[], seed = 's', share = 0.1, min = 1) =>
  drawRecheckSample({ items, share, min, seed });

/** A deterministic shuffle (reverse, then interleave halves) for order-independence checks. */
function reorder<T>(xs: T[]): T[] {
  const r = [...xs].reverse();
  const h = Math.ceil(r.length / 2);
  return r.slice(0, h).flatMap((x, i) => (r[h + i] === undefined ? [x] : [x, r[h + i] as T]));
}

describe('drawRecheckSample: sizes and allocation', () => {
  it('N = 23 with grades 10/8/5: n = 3, one per grade by largest remainder', () => {
    const s = draw(dept('101', { EXCELLENT: 10, GOOD: 8, FAIR: 5 }));
    expect(s.per_department).toHaveLength(1);
    const d = s.per_department[0];
    expect(d?.count).toBe(23);
    expect(d?.sample_size).toBe(3);
    // quotas 30/23 = 1.30, 24/23 = 1.04, 15/23 = 0.65 → floors 1, 1, 0; the seat left goes to FAIR
    expect(d?.grades).toEqual([
      { grade: 'EXCELLENT', count: 10, drawn: 1 },
      { grade: 'GOOD', count: 8, drawn: 1 },
      { grade: 'FAIR', count: 5, drawn: 1 },
    ]);
    expect(s.picked).toHaveLength(3);
    expect(s.picked.filter((id) => id.includes('-FAIR-'))).toHaveLength(1);
  });

  it('N = 30 with share 0.1 gives exactly 3 (ceil on the exact product, not 3.0000000000000004)', () => {
    const s = draw(dept('101', { GOOD: 30 }));
    expect(s.per_department[0]?.sample_size).toBe(3);
  });

  it('N = 57 grades 20/20/10/7: n = 6 → 2/2/1/1', () => {
    // quotas 120/57 = 2.11, 2.11, 60/57 = 1.05, 42/57 = 0.74 → floors 2, 2, 1, 0; POOR takes the last seat
    const s = draw(dept('7', { EXCELLENT: 20, GOOD: 20, FAIR: 10, POOR: 7 }));
    expect(s.per_department[0]?.grades.map((g) => g.drawn)).toEqual([2, 2, 1, 1]);
  });

  it('breaks equal remainders by grade order', () => {
    // n = 1, quotas 0.5 / 0.5 → EXCELLENT
    expect(draw(dept('1', { EXCELLENT: 2, GOOD: 2 })).per_department[0]?.grades.map((g) => g.drawn)).toEqual([
      1, 0,
    ]);
    // n = 1, GOOD and NOT_DEMONSTRATED tie at 1/2 → GOOD
    expect(
      draw(dept('1', { GOOD: 1, NOT_DEMONSTRATED: 1 })).per_department[0]?.grades.map((g) => [
        g.grade,
        g.drawn,
      ]),
    ).toEqual([
      ['GOOD', 1],
      ['NOT_DEMONSTRATED', 0],
    ]);
    // n = 2 of 3 grades with 1 each: remainders 2/3 each → EXCELLENT, GOOD
    expect(
      draw(dept('1', { EXCELLENT: 1, GOOD: 1, POOR: 1 }), 's', 0.5).per_department[0]?.grades.map(
        (g) => g.drawn,
      ),
    ).toEqual([1, 1, 0]);
  });

  it('applies min, never more than N, and works per department', () => {
    const items = [...dept('B', { GOOD: 3 }), ...dept('A', { FAIR: 40, POOR: 1 }), ...dept('C', { POOR: 1 })];
    const s = draw(items, 'x', 0.1, 5);
    expect(s.per_department.map((d) => [d.dept_code, d.count, d.sample_size])).toEqual([
      ['A', 41, 5],
      ['B', 3, 3],
      ['C', 1, 1],
    ]);
    // A: quotas 200/41 = 4.88 and 5/41 = 0.12 → 4 and 0, the seat left to FAIR (0.88 > 0.12)
    expect(s.per_department[0]?.grades).toEqual([
      { grade: 'FAIR', count: 40, drawn: 5 },
      { grade: 'POOR', count: 1, drawn: 0 },
    ]);
    expect(s.picked).toHaveLength(9);
    expect(s.picked.slice(0, 5).every((id) => id.startsWith('A-FAIR-'))).toBe(true);
    expect(new Set(s.picked).size).toBe(9);
    expect(draw([]).per_department).toEqual([]);
  });

  it('names the algorithm and the seed', () => {
    const s = draw(dept('1', { GOOD: 4 }), 'RC-2026-360121');
    expect(s.algorithm).toBe(RECHECK_ALGORITHM);
    expect(s.seed).toBe('RC-2026-360121');
  });

  it('rejects duplicate ids and bad parameters', () => {
    const one: RecheckItem = { id: 'x', dept_code: '1', grade: 'GOOD' };
    expect(() => draw([one, { ...one, grade: 'POOR' }])).toThrow(RangeError);
    expect(() => draw([one], 's', 0)).toThrow(RangeError);
    expect(() => draw([one], 's', 1.5)).toThrow(RangeError);
    expect(() => draw([one], 's', 0.1, -1)).toThrow(RangeError);
  });
});

describe('drawRecheckSample: reproducibility', () => {
  const items = [
    ...dept('101', { EXCELLENT: 12, GOOD: 30, FAIR: 9, POOR: 4, NOT_DEMONSTRATED: 2 }),
    ...dept('205', { GOOD: 17, FAIR: 3 }),
  ];

  it('gives the same sample for the same seed whatever the input order', () => {
    const a = draw(items, 'seed-1');
    expect(draw(reorder(items), 'seed-1')).toEqual(a);
    expect(draw([...items].reverse(), 'seed-1')).toEqual(a);
    fc.assert(
      fc.property(fc.shuffledSubarray(items, { minLength: items.length, maxLength: items.length }), (xs) => {
        expect(draw(xs, 'seed-1')).toEqual(a);
      }),
      { numRuns: 50 },
    );
  });

  it('gives different samples for different seeds (20 seeds, 20 distinct samples)', () => {
    const samples = new Set(Array.from({ length: 20 }, (_, i) => draw(items, `seed-${i}`).picked.join(',')));
    expect(samples.size).toBe(20);
  });

  it('keeps one department’s sample when another department changes', () => {
    const a = draw(items, 'k');
    const b = draw([...items, ...dept('999', { GOOD: 5 })], 'k');
    expect(b.per_department[0]).toEqual(a.per_department[0]);
  });

  it('is pinned: the stored algorithm must keep drawing the same sample', () => {
    // dept 101: N = 57, n = 6, counts 12/30/9/4/2 → quotas 1.26/3.16/0.95/0.42/0.21 → 1/3/1/1/0;
    // dept 205: N = 20, n = 2, counts 17/3 → quotas 1.7/0.3 → 2/0
    expect(cyrb128('')).toEqual([41608494, 3485963809, 1435736333, 1262568316]);
    expect(cyrb128('apples')).toEqual([1353502818, 2189370424, 187770103, 4227467030]);
    // Changing these values breaks every stored sample: bump RECHECK_ALGORITHM instead.
    expect(draw(items, 'RC-2026').picked).toEqual([
      '101-EXCELLENT-001',
      '101-GOOD-013',
      '101-GOOD-012',
      '101-GOOD-000',
      '101-FAIR-008',
      '101-POOR-001',
      '205-GOOD-009',
      '205-GOOD-010',
    ]);
    expect(RECHECK_ALGORITHM).toBe('sfc32+cyrb128/fisher-yates/v1');
  });

  it('draws each item of a grade about equally often', () => {
    const hits = new Map<string, number>();
    const pool = dept('1', { GOOD: 4 });
    for (let i = 0; i < 4000; i++) {
      for (const id of draw(pool, `u${i}`).picked) hits.set(id, (hits.get(id) ?? 0) + 1);
    }
    expect(hits.size).toBe(4);
    for (const n of hits.values()) expect(Math.abs(n - 1000)).toBeLessThan(150);
  });
});

describe('generators', () => {
  it('sfc32 yields unsigned 32-bit integers, deterministically', () => {
    const a = sfc32([1, 2, 3, 4]);
    const b = sfc32([1, 2, 3, 4]);
    for (let i = 0; i < 100; i++) {
      const x = a();
      expect(Number.isInteger(x) && x >= 0 && x < 2 ** 32).toBe(true);
      expect(b()).toBe(x);
    }
  });

  it('seededInts stays in range', () => {
    const r = seededInts('x');
    for (let range = 1; range < 200; range++) {
      const v = r(range);
      expect(v >= 0 && v < range && Number.isInteger(v)).toBe(true);
    }
    expect(() => r(0)).toThrow(RangeError);
  });

  it('largestRemainder shares exactly n seats, each within one of its quota', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 500 }), { minLength: 1, maxLength: 5 }),
        fc.nat(),
        (counts, k) => {
          const total = counts.reduce((s, c) => s + c, 0);
          const n = total === 0 ? 0 : k % (total + 1);
          const seats = largestRemainder(n, counts);
          expect(seats.reduce((s, x) => s + x, 0)).toBe(n);
          seats.forEach((s, i) => {
            const c = counts[i] ?? 0;
            expect(s).toBeLessThanOrEqual(c);
            const floor = total === 0 ? 0 : Math.floor((n * c) / total);
            expect(s === floor || s === floor + 1).toBe(true);
          });
        },
      ),
    );
  });
});
