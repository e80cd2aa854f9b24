/**
 * Exact money formatting. Amounts travel as decimal strings in yuan (never floats); the UI shows
 * 万元 (10 000 yuan) with 2 decimals, rounded half away from zero, using BigInt arithmetic.
 */

const MONEY_PATTERN = /^(-?)(\d+)(?:\.(\d+))?$/;

/** Parse a decimal yuan string into integer fen (1/100 yuan), rounding extra decimals half-up. */
export function parseFen(yuan: string): bigint | null {
  const m = MONEY_PATTERN.exec(yuan.trim());
  if (m === null) return null;
  const [, sign = '', whole = '0', frac = ''] = m;
  const fenDigits = (frac + '00').slice(0, 2);
  let fen = BigInt(whole) * 100n + BigInt(fenDigits);
  if (frac.length > 2 && Number(frac[2]) >= 5) fen += 1n;
  return sign === '-' ? -fen : fen;
}

function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/**
 * Format a yuan amount as 万元 with 2 decimals: formatWan('123456') → '12.35'.
 * With `grouping`, thousands are separated: '1,234.57'. Returns '—' for a value that is not money.
 */
export function formatWan(yuan: string, options: { grouping?: boolean } = {}): string {
  const fen = parseFen(yuan);
  if (fen === null) return '—';
  const negative = fen < 0n;
  const abs = negative ? -fen : fen;
  // 0.01 万元 = 100 yuan = 10 000 fen; round half away from zero.
  const centiWan = (abs + 5000n) / 10000n;
  const whole = (centiWan / 100n).toString();
  const cents = (centiWan % 100n).toString().padStart(2, '0');
  const text = `${options.grouping === true ? groupThousands(whole) : whole}.${cents}`;
  return negative && centiWan !== 0n ? `-${text}` : text;
}

/** Format a yuan amount as yuan with 2 decimals and thousands separators: '123,456.00'. */
export function formatYuan(yuan: string): string {
  const fen = parseFen(yuan);
  if (fen === null) return '—';
  const negative = fen < 0n;
  const abs = negative ? -fen : fen;
  const text = `${groupThousands((abs / 100n).toString())}.${(abs % 100n).toString().padStart(2, '0')}`;
  return negative ? `-${text}` : text;
}

/**
 * Convert an amount typed in 万元 (up to 6 decimals) into a yuan string with at most 2 decimals,
 * as the API expects: wanToYuan('1.5') → '15000'. Returns null when the input is not a number.
 */
export function wanToYuan(wan: string): string | null {
  const m = /^(\d+)(?:\.(\d{0,6}))?$/.exec(wan.trim());
  if (m === null) return null;
  const [, whole = '0', frac = ''] = m;
  const fen = BigInt(whole + (frac + '000000').slice(0, 6));
  const yuanWhole = (fen / 100n).toString();
  const yuanCents = (fen % 100n).toString().padStart(2, '0');
  return yuanCents === '00' ? yuanWhole : `${yuanWhole}.${yuanCents}`;
}
