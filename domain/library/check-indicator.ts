/**
 * The rule of a library indicator (domain.md §4 "Indicator library"): the fields of
 * ZLibraryIndicatorInput, level 1 and level 2 forming a pair of one of the framework's trees
 * ("2015" or "2021": the library serves regions on either), a unit for quantitative signs, and
 * validity years in order. Used by the server's create/update and Excel import, and live by the
 * web form. Messages in both languages: contracts/library-issues.ts.
 */
import { ZLibraryIndicatorInput, type TLibraryIndicatorInput } from '../../contracts/library.ts';
import { isValidPair } from '../targets/framework.ts';
import { isQuantitative } from '../targets/indicator.ts';

export type LibraryField = keyof TLibraryIndicatorInput;

/** The fields in the order of the form and of the Excel columns. */
export const LIBRARY_FIELDS = [
  'code',
  'name',
  'name_en',
  'definition',
  'unit',
  'formula',
  'sign',
  'scoring_rule',
  'sector',
  'func_class',
  'kpi_lv1',
  'kpi_lv2',
  'kind',
  'progress',
  'valid_from',
  'valid_to',
] as const satisfies readonly LibraryField[];

/** Fields that may be left empty. */
export const OPTIONAL_LIBRARY_FIELDS: readonly LibraryField[] = [
  'name_en',
  'unit',
  'formula',
  'scoring_rule',
  'func_class',
  'valid_from',
  'valid_to',
];

export const LIBRARY_ISSUE_CODES = [
  'FIELD.REQUIRED',
  'FIELD.TYPE',
  'FIELD.ENUM',
  'FIELD.TOO_LONG',
  'INDICATOR.LEVEL_PAIR',
  'INDICATOR.UNIT_REQUIRED',
  'LIBRARY.VALIDITY_ORDER',
  'LIBRARY.DUPLICATE_CODE',
  'LIBRARY.CODE_TAKEN',
  'LIBRARY.NO_CODES_ROW',
  'LIBRARY.EMPTY',
  'FORMAT.UNREADABLE',
] as const;
export type LibraryIssueCode = (typeof LIBRARY_ISSUE_CODES)[number];

/** A problem of one field (`field` null: of the whole record or file). */
export interface LibraryIssue {
  field: LibraryField | null;
  code: LibraryIssueCode;
  params?: Record<string, string>;
}

export type LibraryCheck =
  { ok: true; value: TLibraryIndicatorInput; issues: [] } | { ok: false; issues: LibraryIssue[] };

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The known fields of a raw record, strings trimmed, blank as null, numbers as their text (a year
 * typed into Excel arrives as a number). Unknown keys are dropped.
 */
export function normaliseLibraryInput(raw: Record<string, unknown>): Record<LibraryField, unknown> {
  const out = {} as Record<LibraryField, unknown>;
  for (const f of LIBRARY_FIELDS) {
    const v = raw[f];
    if (v === undefined || v === null) out[f] = null;
    else if (typeof v === 'string') out[f] = v.trim() === '' ? null : v.trim();
    else if (typeof v === 'number' && Number.isFinite(v)) out[f] = String(v);
    else out[f] = v;
  }
  return out;
}

/** Check a library indicator; on success the parsed value. Issues come in field order. */
export function checkLibraryIndicator(raw: unknown): LibraryCheck {
  if (!isRecord(raw)) return { ok: false, issues: [{ field: null, code: 'FIELD.TYPE' }] };
  const o = normaliseLibraryInput(raw);
  const byField = new Map<LibraryField, LibraryIssue>();
  const r = ZLibraryIndicatorInput.safeParse(o);
  if (!r.success) {
    for (const issue of r.error.issues) {
      const field = LIBRARY_FIELDS.find((f) => f === issue.path[0]);
      if (field === undefined || byField.has(field)) continue;
      byField.set(field, issueOf(field, o[field], issue));
    }
  }
  const fine = (...fields: LibraryField[]) => fields.every((f) => !byField.has(f));
  const text = (f: LibraryField): string | null => (typeof o[f] === 'string' ? o[f] : null);
  const lv1 = text('kpi_lv1');
  const lv2 = text('kpi_lv2');
  if (fine('kpi_lv1', 'kpi_lv2') && lv1 !== null && lv2 !== null) {
    if (!isValidPair('2015', lv1, lv2) && !isValidPair('2021', lv1, lv2)) {
      byField.set('kpi_lv2', { field: 'kpi_lv2', code: 'INDICATOR.LEVEL_PAIR', params: { lv1 } });
    }
  }
  if (fine('sign', 'unit') && isQuantitative(text('sign')) && text('unit') === null) {
    byField.set('unit', { field: 'unit', code: 'INDICATOR.UNIT_REQUIRED' });
  }
  const from = text('valid_from');
  const to = text('valid_to');
  if (fine('valid_from', 'valid_to') && from !== null && to !== null && to < from) {
    byField.set('valid_to', { field: 'valid_to', code: 'LIBRARY.VALIDITY_ORDER', params: { from } });
  }
  const issues = LIBRARY_FIELDS.flatMap((f) => {
    const i = byField.get(f);
    return i ? [i] : [];
  });
  if (issues.length === 0 && r.success) return { ok: true, value: r.data, issues: [] };
  return { ok: false, issues };
}

interface ZodIssueLike {
  code: string;
  values?: readonly unknown[];
  maximum?: number | bigint;
}

function issueOf(field: LibraryField, value: unknown, issue: ZodIssueLike): LibraryIssue {
  if (value === null || value === undefined) return { field, code: 'FIELD.REQUIRED' };
  switch (issue.code) {
    case 'invalid_value':
      return {
        field,
        code: 'FIELD.ENUM',
        params: { allowed: (issue.values ?? []).map((v) => String(v)).join(', ') },
      };
    case 'too_big':
      return { field, code: 'FIELD.TOO_LONG', params: { max: String(issue.maximum ?? '') } };
    case 'too_small':
      return { field, code: 'FIELD.REQUIRED' };
    default:
      return { field, code: 'FIELD.TYPE', params: { expected: field } };
  }
}
