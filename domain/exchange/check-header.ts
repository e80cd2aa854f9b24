import { textOf } from '../decimal-text.ts';
import { error, type Issue } from '../issues.ts';

/** Check the document's region and fiscal year (exchange-format.md). */
export function checkHeader(h: { mof_div_code: unknown; fiscal_year: unknown }): Issue[] {
  const out: Issue[] = [];
  const mof = textOf(h.mof_div_code);
  if (mof === null) out.push(error('mof_div_code', 'FIELD.REQUIRED'));
  else if (!/^\d{6,9}$/.test(mof)) out.push(error('mof_div_code', 'FIELD.TYPE', { expected: 'region' }));
  const year = textOf(h.fiscal_year);
  if (year === null) out.push(error('fiscal_year', 'FIELD.REQUIRED'));
  else if (!/^\d{4}$/.test(year)) out.push(error('fiscal_year', 'FIELD.TYPE', { expected: 'year' }));
  return out;
}
