/**
 * A small seeded pseudo-random generator for the data generator: sfc32 (Chris Doty-Humphrey's
 * Small Fast Counter, 128-bit state) seeded through splitmix32, plus the helpers the generator
 * needs. Same seed ⇒ same sequence on every platform (only 32-bit integer arithmetic).
 */
import { createHash } from 'node:crypto';

/** A 32-bit hash of any list of parts (FNV-1a over the parts, then a murmur3 finaliser). */
export function hashSeed(...parts: readonly (string | number)[]): number {
  let h = 0x811c9dc5;
  for (const part of parts) {
    const s = typeof part === 'number' ? `#${String(part)}` : part;
    for (let i = 0; i < s.length; i++) {
      h ^= s.charCodeAt(i);
      h = Math.imul(h, 0x01000193);
    }
    h ^= 0x1f; // separator, so ('ab', 'c') ≠ ('a', 'bc')
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/**
 * A UUID (version-4 layout) from a SHA-256 of the parts: 122 bits of hash, so that the ids of a
 * province (hundreds of thousands of targets and reports) do not collide — unlike a UUID drawn
 * from an Rng, whose state comes from a 32-bit seed.
 */
export function uuidFrom(...parts: readonly (string | number)[]): string {
  const hash = createHash('sha256');
  for (const part of parts)
    hash.update(typeof part === 'number' ? `#${String(part)}\u001f` : `${part}\u001f`);
  const b = hash.digest();
  b[6] = ((b[6] ?? 0) & 0x0f) | 0x40;
  b[8] = ((b[8] ?? 0) & 0x3f) | 0x80;
  const hex = b.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

function splitmix32(state: number): () => number {
  let s = state >>> 0;
  return () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
}

function item<T>(items: readonly T[], index: number): T {
  const v = items[index];
  if (v === undefined && index >= items.length) throw new RangeError(`index ${String(index)} out of range`);
  return v as T;
}

export class Rng {
  #a: number;
  #b: number;
  #c: number;
  #d: number;
  #spare: number | null = null;

  /** A number seed is used as is (32 bits); a string or a list of parts is hashed. */
  constructor(seed: number | string | readonly (string | number)[]) {
    const n = typeof seed === 'number' ? seed >>> 0 : hashSeed(...(typeof seed === 'string' ? [seed] : seed));
    const sm = splitmix32(n);
    this.#a = sm();
    this.#b = sm();
    this.#c = sm();
    this.#d = sm();
    for (let i = 0; i < 12; i++) this.uint32();
  }

  /** The next 32-bit unsigned integer (sfc32). */
  uint32(): number {
    const t = (((this.#a + this.#b) | 0) + this.#d) | 0;
    this.#d = (this.#d + 1) | 0;
    this.#a = this.#b ^ (this.#b >>> 9);
    this.#b = (this.#c + (this.#c << 3)) | 0;
    this.#c = (this.#c << 21) | (this.#c >>> 11);
    this.#c = (this.#c + t) | 0;
    return t >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    return this.uint32() / 4294967296;
  }

  /** Uniform integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    if (max < min) throw new RangeError(`int(${String(min)}, ${String(max)})`);
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** Uniform float in [min, max). */
  float(min: number, max: number): number {
    return min + this.next() * (max - min);
  }

  chance(p: number): boolean {
    return p > 0 && this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError('pick from an empty list');
    return item(items, Math.floor(this.next() * items.length));
  }

  /** An index drawn with the given non-negative weights (linear scan; see WeightedTable for many draws). */
  weightedIndex(weights: readonly number[]): number {
    let total = 0;
    for (const w of weights) total += w;
    if (!(total > 0)) throw new RangeError('weights must have a positive sum');
    let x = this.next() * total;
    for (let i = 0; i < weights.length; i++) {
      x -= item(weights, i);
      if (x < 0) return i;
    }
    // Floating-point leftovers: the last positive weight.
    for (let i = weights.length - 1; i >= 0; i--) if (item(weights, i) > 0) return i;
    return weights.length - 1;
  }

  weighted<T>(items: readonly T[], weights: readonly number[]): T {
    if (items.length !== weights.length) throw new RangeError('items and weights differ in length');
    return item(items, this.weightedIndex(weights));
  }

  /** Normal deviate (Box–Muller; the second value of each pair is kept for the next call). */
  normal(mean = 0, sd = 1): number {
    if (this.#spare !== null) {
      const z = this.#spare;
      this.#spare = null;
      return mean + sd * z;
    }
    let u = 0;
    while (u === 0) u = this.next();
    const v = this.next();
    const r = Math.sqrt(-2 * Math.log(u));
    this.#spare = r * Math.sin(2 * Math.PI * v);
    return mean + sd * r * Math.cos(2 * Math.PI * v);
  }

  /** exp(N(mu, sigma)). */
  logNormal(mu: number, sigma: number): number {
    return Math.exp(this.normal(mu, sigma));
  }

  /** Log-normal given by its median (= exp(mu)) and sigma. */
  logNormalMedian(median: number, sigma: number): number {
    return this.logNormal(Math.log(median), sigma);
  }

  /** Fisher–Yates, in place; returns the array. */
  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      const tmp = item(items, i);
      items[i] = item(items, j);
      items[j] = tmp;
    }
    return items;
  }

  /** k distinct items (in random order). */
  sample<T>(items: readonly T[], k: number): T[] {
    return this.shuffle([...items]).slice(0, Math.max(0, Math.min(k, items.length)));
  }

  /** An independent generator derived from this one's next output and the labels. */
  fork(...labels: readonly (string | number)[]): Rng {
    return new Rng([this.uint32(), ...labels]);
  }
}

export function createRng(seed: number | string | readonly (string | number)[]): Rng {
  return new Rng(seed);
}

/** Weighted choice for many draws: cumulative weights and binary search. */
export class WeightedTable<T> {
  readonly items: readonly T[];
  readonly #cumulative: number[];
  readonly total: number;

  constructor(items: readonly T[], weights: readonly number[]) {
    if (items.length !== weights.length) throw new RangeError('items and weights differ in length');
    this.items = items;
    this.#cumulative = [];
    let sum = 0;
    for (const w of weights) {
      if (!(w >= 0)) throw new RangeError('weights must be non-negative');
      sum += w;
      this.#cumulative.push(sum);
    }
    this.total = sum;
  }

  get size(): number {
    return this.items.length;
  }

  pick(rng: Rng): T {
    if (!(this.total > 0)) throw new RangeError('weighted pick from an empty table');
    const x = rng.next() * this.total;
    let lo = 0;
    let hi = this.#cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (item(this.#cumulative, mid) > x) hi = mid;
      else lo = mid + 1;
    }
    return item(this.items, lo);
  }
}
