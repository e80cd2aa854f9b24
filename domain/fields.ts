import { error, type Issue } from './issues.ts';
import { isPresent, readBoolean, readDecimal, textOf } from './decimal-text.ts';

/**
 * Field-level checks shared by every part of the exchange document and the forms: each returns
 * the issue of one field (FIELD.REQUIRED / TYPE / ENUM / NEGATIVE) or nothing.
 */
export type Rec = Record<string, unknown>;

export function isRecord(v: unknown): v is Rec {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function join(base: string, key: string): string {
  return base === '' ? key : `${base}.${key}`;
}

/** A required text field. */
export function requireText(o: Rec, key: string, base: string, out: Issue[]): string | null {
  const v = o[key];
  if (!isPresent(v)) {
    out.push(error(join(base, key), 'FIELD.REQUIRED'));
    return null;
  }
  if (typeof v !== 'string' && typeof v !== 'number') {
    out.push(error(join(base, key), 'FIELD.TYPE'));
    return null;
  }
  return textOf(v);
}

/** An enumerated field; `required` reports a missing value. */
export function checkEnum<T extends string>(
  o: Rec,
  key: string,
  values: readonly T[],
  base: string,
  out: Issue[],
  required: boolean,
): T | null {
  const v = o[key];
  if (!isPresent(v)) {
    if (required) out.push(error(join(base, key), 'FIELD.REQUIRED'));
    return null;
  }
  const t = typeof v === 'string' ? v.trim() : null;
  const hit = values.find((x) => x === t);
  if (hit === undefined) {
    out.push(error(join(base, key), 'FIELD.ENUM', { allowed: values.join(', ') }));
    return null;
  }
  return hit;
}

/**
 * A non-negative decimal field (money has `maxDecimals` 2). Returns true when the value is
 * absent-and-optional or valid.
 */
export function checkDecimal(
  o: Rec,
  key: string,
  base: string,
  out: Issue[],
  opts: { required: boolean; maxDecimals?: number },
): boolean {
  const r = readDecimal(o[key], opts.maxDecimals);
  if (r.ok) return true;
  const path = join(base, key);
  switch (r.reason) {
    case 'missing':
      if (opts.required) out.push(error(path, 'FIELD.REQUIRED'));
      return !opts.required;
    case 'negative':
      out.push(error(path, 'FIELD.NEGATIVE'));
      return false;
    case 'type':
      out.push(error(path, 'FIELD.TYPE', { expected: 'decimal' }));
      return false;
    case 'precision':
      out.push(error(path, 'FIELD.TYPE', { expected: `decimal-${opts.maxDecimals ?? 2}` }));
      return false;
  }
}

/** An optional boolean field (true/false, 是/否). */
export function checkBoolean(o: Rec, key: string, base: string, out: Issue[]): void {
  if (readBoolean(o[key]) === 'invalid')
    out.push(error(join(base, key), 'FIELD.TYPE', { expected: 'boolean' }));
}

/** A 4-digit year field. */
export function checkYear(o: Rec, key: string, base: string, out: Issue[], required: boolean): string | null {
  const v = textOf(o[key]);
  if (v === null) {
    if (required) out.push(error(join(base, key), 'FIELD.REQUIRED'));
    return null;
  }
  if (!/^\d{4}$/.test(v)) {
    out.push(error(join(base, key), 'FIELD.TYPE', { expected: 'year' }));
    return null;
  }
  return v;
}

/** An ISO date field (YYYY-MM-DD, a real calendar date). */
export function checkDate(o: Rec, key: string, base: string, out: Issue[], required: boolean): string | null {
  const v = textOf(o[key]);
  if (v === null) {
    if (required) out.push(error(join(base, key), 'FIELD.REQUIRED'));
    return null;
  }
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
  const d = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : null;
  if (!m || !d || d.toISOString().slice(0, 10) !== v) {
    out.push(error(join(base, key), 'FIELD.TYPE', { expected: 'date' }));
    return null;
  }
  return v;
}
