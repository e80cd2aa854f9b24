import { Decimal } from 'decimal.js';

/** Exact sum of decimal amounts (yuan strings), as a 2-decimal string. */
export function sumMoney(amounts: readonly string[]): string {
  return amounts.reduce((t, a) => t.plus(a), new Decimal(0)).toFixed(2, Decimal.ROUND_HALF_UP);
}

/** A stored NUMERIC amount as a 2-decimal string ('1000000' → '1000000.00'). */
export function formatMoney(amount: string): string {
  return new Decimal(amount).toFixed(2, Decimal.ROUND_HALF_UP);
}
