import { Decimal } from 'decimal.js';

/**
 * Decimal strings as the exchange format writes them (exchange-format.md "Numbers"): digits with
 * an optional fraction, no sign, no thousands separators, no exponent.
 */
const DECIMAL_RE = /^\d+(\.\d+)?$/;
const SIGNED_RE = /^-\d+(\.\d+)?$/;

export type DecimalCheck =
  { ok: true; value: Decimal } | { ok: false; reason: 'missing' | 'type' | 'negative' | 'precision' };

/** A value as text: strings trimmed, JSON numbers as their shortest decimal text, else null. */
export function textOf(v: unknown): string | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number') return Number.isFinite(v) ? new Decimal(v).toFixed() : String(v);
  if (typeof v === 'string') {
    const t = v.trim();
    return t === '' ? null : t;
  }
  return null;
}

/** Whether a value is present (null, undefined and blank text are missing). */
export function isPresent(v: unknown): boolean {
  if (v === null || v === undefined) return false;
  if (typeof v === 'string') return v.trim() !== '';
  return true;
}

/**
 * Read a non-negative decimal with at most `maxDecimals` decimals. Anything that is not text or
 * a number is a type error; a leading minus is reported as negative.
 */
export function readDecimal(v: unknown, maxDecimals?: number): DecimalCheck {
  if (!isPresent(v)) return { ok: false, reason: 'missing' };
  if (typeof v !== 'string' && typeof v !== 'number') return { ok: false, reason: 'type' };
  const t = textOf(v);
  if (t === null) return { ok: false, reason: 'type' };
  if (SIGNED_RE.test(t)) return { ok: false, reason: 'negative' };
  if (!DECIMAL_RE.test(t)) return { ok: false, reason: 'type' };
  const d = decimalOfText(t);
  if (maxDecimals !== undefined && d.decimalPlaces() > maxDecimals) return { ok: false, reason: 'precision' };
  return { ok: true, value: d };
}

/**
 * Decimals are immutable, and the same few texts ("100", "95", "1") come back millions of times
 * in a large import: parsed decimals are shared through a bounded cache.
 */
const PARSED = new Map<string, Decimal>();
const PARSED_MAX = 50_000;

function decimalOfText(t: string): Decimal {
  let d = PARSED.get(t);
  if (d === undefined) {
    if (PARSED.size >= PARSED_MAX) PARSED.clear();
    d = new Decimal(t);
    PARSED.set(t, d);
  }
  return d;
}

/** The decimal of a value when it is a valid non-negative decimal, else null. */
export function decimalOrNull(v: unknown): Decimal | null {
  const r = readDecimal(v);
  return r.ok ? r.value : null;
}

/** Round half-up to 2 decimals, as text ('80.00'). */
export function fixed2(d: Decimal): string {
  return d.toFixed(2, Decimal.ROUND_HALF_UP);
}

/** Boolean as the exchange format allows it: true/false, "true"/"false", 是/否. */
export function readBoolean(v: unknown): boolean | null | 'invalid' {
  if (!isPresent(v)) return null;
  if (typeof v === 'boolean') return v;
  if (typeof v === 'string') {
    const t = v.trim().toLowerCase();
    if (t === 'true' || t === '是') return true;
    if (t === 'false' || t === '否') return false;
  }
  return 'invalid';
}
