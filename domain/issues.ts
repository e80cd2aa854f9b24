/**
 * A problem found by a rule, before it is put into words: where (a JSON path into the exchange
 * document or the form), what (a stable code of exchange-format.md), and how bad. Messages in
 * both languages come from contracts/issues.ts.
 */
export const ISSUE_CODES = [
  'FORMAT.UNREADABLE',
  'FORMAT.VERSION',
  'FORMAT.POLICY',
  'FIELD.REQUIRED',
  'FIELD.TYPE',
  'FIELD.ENUM',
  'FIELD.NEGATIVE',
  'FIELD.INCONSISTENT',
  'INDICATOR.UNIT_REQUIRED',
  'INDICATOR.VALUE_NOT_NUMERIC',
  'INDICATOR.DUPLICATE_NAME',
  'INDICATOR.LEVEL_PAIR',
  'INDICATOR.EXPLANATION_REQUIRED',
  'INDICATOR.CORE_CHANGED',
  'TARGET.WEIGHT_SUM',
  'TARGET.NO_QUANTITATIVE_OUTPUT',
  'TARGET.JUSTIFICATION_REQUIRED',
  'TARGET.LEVEL1_SPLIT',
  'TARGET.CORE_MISSING',
  'PROJECT.NO_TARGET',
  'PROJECT.UNKNOWN_CODE',
  'PROJECT.DUPLICATE_CODE',
  'PROJECT.UNKNOWN_UNIT',
  'MONITORING.UNKNOWN_INDICATOR',
  'MONITORING.ACTUAL_REQUIRED',
  'SELF_EVAL.UNKNOWN_INDICATOR',
  'SELF_EVAL.ACTUAL_REQUIRED',
  'SELF_EVAL.SCORE_REQUIRED',
  'SELF_EVAL.SCORE_OUT_OF_BAND',
  'SELF_EVAL.EXPLANATION_REQUIRED',
  'SELF_EVAL.NOT_MEASURABLE',
  'SELF_EVAL.SCORE_IGNORED',
] as const;
export type IssueCode = (typeof ISSUE_CODES)[number];

export type IssueLevel = 'error' | 'warning';

export interface Issue {
  path: string;
  code: IssueCode;
  level: IssueLevel;
  /** Values the message quotes (expected total, allowed values, …). */
  params?: Record<string, string>;
}

/** Build an error issue. */
export function error(path: string, code: IssueCode, params?: Record<string, string>): Issue {
  return params ? { path, code, level: 'error', params } : { path, code, level: 'error' };
}

/** Build a warning issue. */
export function warning(path: string, code: IssueCode, params?: Record<string, string>): Issue {
  return params ? { path, code, level: 'warning', params } : { path, code, level: 'warning' };
}
