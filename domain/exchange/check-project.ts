import { checkBoolean, checkDecimal, checkEnum, checkYear, requireText, type Rec } from '../fields.ts';
import type { Issue } from '../issues.ts';
import { BUDGET_KINDS } from '../targets/indicator.ts';

/**
 * Check the project fields of an exchange-format project (exchange-format.md): codes and names,
 * budget kind, classification, amount (money: at most 2 decimals, ≥ 0), flags and years.
 * Returns whether the project spans several years (its target then needs a long-term goal).
 */
export function checkProject(o: Rec, base: string, out: Issue[]): { multiYear: boolean } {
  requireText(o, 'pro_code', base, out);
  requireText(o, 'pro_name', base, out);
  requireText(o, 'agency_code', base, out);
  requireText(o, 'dept_code', base, out);
  checkEnum(o, 'budget_kind', BUDGET_KINDS, base, out, true);
  requireText(o, 'func_class', base, out);
  checkDecimal(o, 'amount', base, out, { required: true, maxDecimals: 2 });
  checkBoolean(o, 'is_new', base, out);
  const start = checkYear(o, 'start_year', base, out, false);
  const end = checkYear(o, 'end_year', base, out, false);
  return { multiYear: start !== null && end !== null && end > start };
}
