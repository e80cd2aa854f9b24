import { Decimal } from 'decimal.js';
import { GRADES, type Grade } from './score.ts';

/**
 * The finance re-check sample of self-evaluations (抽查复核, domain.md §6): per department
 * `n = max(min, ceil(share × N))` (never more than N), shared across grades in proportion to their
 * counts by largest remainder, drawn within each grade with a seeded generator whose algorithm and
 * seed are returned so that the sample can be drawn again identically — on the server or in the
 * browser (pure JS, no node:crypto).
 *
 * The algorithm, named `RECHECK_ALGORITHM` and stored with the sample:
 * 1. group the items by `dept_code` (departments in code order), then by grade;
 * 2. order the items of a grade by `id` (UTF-16 code-unit order), so that the input order never
 *    matters;
 * 3. seed a generator per department and grade: cyrb128 of the text
 *    `${seed}\u0000${dept_code}\u0000${grade}` (UTF-16 code units) gives the four 32-bit words of
 *    sfc32; the first 12 outputs are discarded; one department's sample therefore does not depend
 *    on the other departments;
 * 4. draw k of the L items by a partial Fisher–Yates shuffle: for i = 0 … k − 1 swap position i
 *    with i + r, r uniform in [0, L − i) by rejection sampling on the 32-bit output
 *    (`u < 2³² − 2³² mod range`, then `u mod range`); the first k positions, in draw order, are
 *    the picked items.
 */
export const RECHECK_ALGORITHM = 'sfc32+cyrb128/fisher-yates/v1';

export interface RecheckItem {
  id: string;
  dept_code: string;
  grade: Grade;
}

export interface RecheckGradeShare {
  grade: Grade;
  /** Self-evaluations of this grade in the department. */
  count: number;
  /** How many of them are drawn. */
  drawn: number;
}

export interface RecheckDepartment {
  dept_code: string;
  /** N: self-evaluations in the department. */
  count: number;
  /** n = min(N, max(min, ceil(share × N))). */
  sample_size: number;
  /** Grades present in the department, in grade order. */
  grades: RecheckGradeShare[];
  /** Ids drawn in this department: grades in grade order, each in draw order. */
  picked: string[];
}

export interface RecheckSample {
  algorithm: typeof RECHECK_ALGORITHM;
  seed: string;
  /** All ids drawn: departments in code order, then as in `per_department[].picked`. */
  picked: string[];
  per_department: RecheckDepartment[];
}

/**
 * cyrb128: a 128-bit non-cryptographic string hash (bryc, public domain), over UTF-16 code
 * units; returns four unsigned 32-bit words.
 */
export function cyrb128(str: string): [number, number, number, number] {
  let h1 = 1779033703;
  let h2 = 3144134277;
  let h3 = 1013904242;
  let h4 = 2773480762;
  for (let i = 0; i < str.length; i++) {
    const k = str.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  h1 ^= h2 ^ h3 ^ h4;
  h2 ^= h1;
  h3 ^= h1;
  h4 ^= h1;
  return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0];
}

/**
 * sfc32 (Chris Doty-Humphrey's Small Fast Counting generator, 32-bit): a function returning the
 * next unsigned 32-bit integer of the stream seeded by four 32-bit words.
 */
export function sfc32(seed: readonly [number, number, number, number]): () => number {
  let [a, b, c, d] = seed;
  return () => {
    a |= 0;
    b |= 0;
    c |= 0;
    d |= 0;
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return t >>> 0;
  };
}

const TWO_32 = 4294967296;
const WARM_UP = 12;

/** A seeded generator of uniform integers in [0, range), as step 3–4 of the algorithm describe. */
export function seededInts(text: string): (range: number) => number {
  const next = sfc32(cyrb128(text));
  for (let i = 0; i < WARM_UP; i++) next();
  return (range) => {
    if (!Number.isInteger(range) || range < 1 || range > TWO_32) throw new RangeError(`bad range ${range}`);
    const limit = TWO_32 - (TWO_32 % range);
    for (;;) {
      const u = next();
      if (u < limit) return u % range;
    }
  };
}

/**
 * Share `n` seats among groups in proportion to their counts by largest remainder (Hamilton):
 * each gets floor(n × count / total), the remaining seats go to the largest remainders, ties in
 * the groups' given order. Integer arithmetic only.
 */
export function largestRemainder(n: number, counts: readonly number[]): number[] {
  const total = counts.reduce((s, c) => s + c, 0);
  if (total === 0) return counts.map(() => 0);
  const base = counts.map((c) => Math.floor((n * c) / total));
  const rem = counts.map((c) => (n * c) % total);
  let left = n - base.reduce((s, x) => s + x, 0);
  const order = counts.map((_, i) => i).sort((i, j) => (rem[j] ?? 0) - (rem[i] ?? 0) || i - j);
  for (const i of order) {
    if (left === 0) break;
    base[i] = (base[i] ?? 0) + 1;
    left--;
  }
  return base;
}

/** Code-unit order of two strings (locale-independent, the same everywhere). */
function byCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Draw the re-check sample (domain.md §6) as the module comment describes. `share` in (0, 1] and
 * `min` ≥ 0 come from policy.recheck; ids must be unique (a RangeError otherwise). The same items
 * in any order with the same seed give the same sample.
 */
export function drawRecheckSample(input: {
  items: readonly RecheckItem[];
  share: number;
  min: number;
  seed: string;
}): RecheckSample {
  const { items, seed } = input;
  if (!(input.share > 0 && input.share <= 1)) throw new RangeError('share must be in (0, 1]');
  if (!Number.isInteger(input.min) || input.min < 0) throw new RangeError('min must be an integer ≥ 0');
  const share = new Decimal(input.share);
  const ids = new Set<string>();
  const byDept = new Map<string, Map<Grade, string[]>>();
  for (const it of items) {
    if (ids.has(it.id)) throw new RangeError(`duplicate id ${it.id}`);
    ids.add(it.id);
    let grades = byDept.get(it.dept_code);
    if (!grades) byDept.set(it.dept_code, (grades = new Map<Grade, string[]>()));
    const list = grades.get(it.grade);
    if (list) list.push(it.id);
    else grades.set(it.grade, [it.id]);
  }
  const per_department: RecheckDepartment[] = [];
  for (const dept of [...byDept.keys()].sort(byCodeUnits)) {
    const grades = byDept.get(dept) ?? new Map<Grade, string[]>();
    const present = GRADES.filter((g) => grades.has(g));
    const counts = present.map((g) => grades.get(g)?.length ?? 0);
    const count = counts.reduce((s, c) => s + c, 0);
    const wanted = Math.max(input.min, share.times(count).ceil().toNumber());
    const sampleSize = Math.min(count, wanted);
    const alloc = largestRemainder(sampleSize, counts);
    const picked: string[] = [];
    const shares: RecheckGradeShare[] = present.map((grade, i) => {
      const drawn = alloc[i] ?? 0;
      const pool = [...(grades.get(grade) ?? [])].sort(byCodeUnits);
      const rand = seededInts(`${seed}\u0000${dept}\u0000${grade}`);
      for (let k = 0; k < drawn; k++) {
        const j = k + rand(pool.length - k);
        const a = pool[k];
        const b = pool[j];
        if (a === undefined || b === undefined) break;
        pool[k] = b;
        pool[j] = a;
        picked.push(b);
      }
      return { grade, count: counts[i] ?? 0, drawn };
    });
    per_department.push({ dept_code: dept, count, sample_size: sampleSize, grades: shares, picked });
  }
  return {
    algorithm: RECHECK_ALGORITHM,
    seed,
    picked: per_department.flatMap((d) => d.picked),
    per_department,
  };
}
