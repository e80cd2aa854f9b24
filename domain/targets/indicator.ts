/**
 * The vocabulary of targets and indicators (domain.md §4, exchange-format.md "Enumerations") and
 * the small predicates the rules share.
 */
export const SIGNS = ['GE', 'GT', 'LE', 'LT', 'EQ', 'QUAL', 'OTHER'] as const;
export type Sign = (typeof SIGNS)[number];

export const PROGRESS_KINDS = ['CUMULATIVE', 'LEVEL'] as const;
export type ProgressKind = (typeof PROGRESS_KINDS)[number];

export const VALUE_BASES = ['PLAN', 'INDUSTRY', 'HISTORY', 'OTHER'] as const;
export type ValueBasis = (typeof VALUE_BASES)[number];

export const BUDGET_KINDS = ['GENERAL_PUBLIC', 'GOV_FUND', 'SOE_CAPITAL', 'SOCIAL_INSURANCE'] as const;
export type BudgetKind = (typeof BUDGET_KINDS)[number];

export const SIGN_LABELS: Record<Sign, { zh: string; en: string; symbol: string }> = {
  GE: { zh: '≥', en: '≥', symbol: '≥' },
  GT: { zh: '>', en: '>', symbol: '>' },
  LE: { zh: '≤', en: '≤', symbol: '≤' },
  LT: { zh: '<', en: '<', symbol: '<' },
  EQ: { zh: '=', en: '=', symbol: '=' },
  QUAL: { zh: '定性', en: 'qualitative', symbol: '定性' },
  OTHER: { zh: '其他', en: 'other', symbol: '其他' },
};

/** GE, GT, LE, LT and EQ compare numbers; QUAL and OTHER are judged by level. */
export function isQuantitative(sign: string | null | undefined): boolean {
  return sign === 'GE' || sign === 'GT' || sign === 'LE' || sign === 'LT' || sign === 'EQ';
}

/** Higher is better (EQ counts as positive, domain.md §4). */
export function isPositive(sign: string | null | undefined): boolean {
  return sign === 'GE' || sign === 'GT' || sign === 'EQ';
}

/** Lower is better. */
export function isNegative(sign: string | null | undefined): boolean {
  return sign === 'LE' || sign === 'LT';
}

/** Default progress kind: LEVEL for rates (% and ‰), CUMULATIVE otherwise. */
export function defaultProgress(unit: string | null | undefined): ProgressKind {
  const u = (unit ?? '').trim();
  return u === '%' || u === '‰' ? 'LEVEL' : 'CUMULATIVE';
}

/** Money units for which a target value can be compared with the project amount, in yuan per unit. */
export const MONEY_UNITS: Record<string, string> = { 元: '1', 万元: '10000' };

/**
 * An indicator as the exchange format and the forms carry it (all values as text or null).
 * `is_core` marks an indicator pushed down by the performance office (locked in the target).
 */
export interface IndicatorDraft {
  kpi_lv1: string | null;
  kpi_lv2: string | null;
  kpi_lv3: string | null;
  computesign: string | null;
  kpi_val: string | null;
  meterunit: string | null;
  weight: string | null;
  progress: string | null;
  value_basis: string | null;
  library_code: string | null;
  last_target: string | null;
  last_actual: string | null;
  data_source: string | null;
  scoring_standard: string | null;
  justification: string | null;
  explanation: string | null;
  is_core?: boolean;
}

export interface TargetDraft {
  long_term_goal: string | null;
  annual_goal: string | null;
  justification: string | null;
  explanation: string | null;
  indicators: IndicatorDraft[];
}

export const INDICATOR_FIELDS = [
  'kpi_lv1',
  'kpi_lv2',
  'kpi_lv3',
  'computesign',
  'kpi_val',
  'meterunit',
  'weight',
  'progress',
  'value_basis',
  'library_code',
  'last_target',
  'last_actual',
  'data_source',
  'scoring_standard',
  'justification',
  'explanation',
] as const satisfies readonly (keyof IndicatorDraft)[];

const numericText = (v: string | null): string | null => (v !== null && /^\d+(\.\d+)?$/.test(v) ? v : null);

/**
 * The column values an indicator of a draft is stored with (drafts may be incomplete): text as
 * given, numbers only where the text is a decimal, weight 0 where it is not a valid weight, the
 * default progress kind where none is given.
 */
export function storedIndicator(i: IndicatorDraft) {
  return {
    kpi_lv1: i.kpi_lv1 ?? '',
    kpi_lv2: i.kpi_lv2 ?? '',
    kpi_lv3: i.kpi_lv3 ?? '',
    computesign: i.computesign ?? '',
    kpi_val: i.kpi_val ?? '',
    kpi_val_num: numericText(i.kpi_val),
    meterunit: i.meterunit,
    weight: /^\d{1,5}(\.\d{1,2})?$/.test(i.weight ?? '') ? (i.weight ?? '0') : '0',
    progress: i.progress ?? defaultProgress(i.meterunit),
    value_basis: i.value_basis,
    library_code: i.library_code,
    last_target: numericText(i.last_target),
    last_actual: numericText(i.last_actual),
    data_source: i.data_source,
    scoring_standard: i.scoring_standard,
    justification: i.justification,
    explanation: i.explanation,
    is_core: i.is_core === true,
  };
}
