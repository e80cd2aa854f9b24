/**
 * Excel cell values as the text the exchange format reads: numbers as the decimal Excel displays
 * in General format (15 significant digits, never `0.30000000000000004`, no exponent), dates as
 * YYYY-MM-DD, formulas by their result, rich text and hyperlinks by their text.
 */
import { Decimal } from 'decimal.js';

/** The decimal Excel shows for a number in General format, without exponent. */
export function excelNumberText(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  const n = Number(value.toPrecision(15));
  return n === 0 ? '0' : new Decimal(n).toFixed();
}

/** Whether a number format shows a date (day, month or year parts outside quotes and brackets). */
export function isDateFormat(format: string | undefined): boolean {
  if (format === undefined || format === '' || /^general$/i.test(format)) return false;
  const bare = format.replace(/"[^"]*"|\[[^\]]*\]|\\./g, '');
  return /[dy]/i.test(bare) || (/m/i.test(bare) && !/[hs]/i.test(bare));
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** A Date read by exceljs (which stores Excel's day serial as UTC midnight) as YYYY-MM-DD. */
export function dateText(date: Date): string {
  if (Number.isNaN(date.getTime())) return '';
  return `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
}

/** Excel's 1900 day serial (as a formula result, which exceljs leaves a number) as a date. */
function serialDate(serial: number): Date {
  return new Date(Math.round((serial - 25569) * 86_400_000));
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

/** The text of a cell value of exceljs (in-memory or streaming reader); null when empty. */
export function cellText(value: unknown, numFmt?: string): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value;
  if (typeof value === 'number') {
    return isDateFormat(numFmt) && value > 0 ? dateText(serialDate(value)) : excelNumberText(value);
  }
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (value instanceof Date) return dateText(value);
  if (!isRecord(value)) return null;
  if (Array.isArray(value.richText)) {
    return value.richText
      .map((part: unknown) => (isRecord(part) && typeof part.text === 'string' ? part.text : ''))
      .join('');
  }
  if ('formula' in value || 'sharedFormula' in value) return cellText(value.result, numFmt);
  if (typeof value.error === 'string') return value.error;
  if ('text' in value) return cellText(value.text, numFmt);
  return null;
}
