import type { TLibraryIndicator, TLibraryIndicatorInput } from '../../../../contracts/library.ts';
import type { Lang } from '../../../../contracts/issues.ts';
import { libraryIssueMessage } from '../../../../contracts/library-issues.ts';
import {
  checkLibraryIndicator,
  LIBRARY_FIELDS,
  type LibraryField,
} from '../../../../domain/library/check-indicator.ts';

/** The form's values: text as typed (antd leaves cleared selects undefined). */
export type LibraryFormValues = Partial<Record<LibraryField, string | null>>;

/** A new indicator: the common defaults (individual, ≥, cumulative, valid from the current year). */
export function emptyForm(year: string): LibraryFormValues {
  return { sign: 'GE', kind: 'INDIVIDUAL', progress: 'CUMULATIVE', kpi_lv1: 'OUTPUT', valid_from: year };
}

/** The values of an indicator; a copy keeps everything but the code (a new one is needed). */
export function formOf(ind: TLibraryIndicator, copy: boolean): LibraryFormValues {
  const v: LibraryFormValues = {};
  // Empty fields are left out (antd inputs take undefined, not null).
  for (const f of LIBRARY_FIELDS) v[f] = ind[f] ?? undefined;
  if (copy) v.code = undefined;
  return v;
}

/** What is sent to the API: every field, text trimmed, blank as null. */
export function inputOf(v: LibraryFormValues): Record<LibraryField, string | null> {
  const out = {} as Record<LibraryField, string | null>;
  for (const f of LIBRARY_FIELDS) {
    const t = v[f]?.trim() ?? '';
    out[f] = t === '' ? null : t;
  }
  return out;
}

/** The problems of the values by field, in the UI language (the same rule the server runs). */
export function issuesByField(v: LibraryFormValues, lang: Lang): Partial<Record<LibraryField, string>> {
  const out: Partial<Record<LibraryField, string>> = {};
  for (const i of checkLibraryIndicator(inputOf(v)).issues) {
    if (i.field !== null && out[i.field] === undefined) out[i.field] = libraryIssueMessage(i, lang);
  }
  return out;
}

/** The editable fields of a stored indicator, as the API takes them back. */
export function inputFields(ind: TLibraryIndicator): TLibraryIndicatorInput {
  const { status: _status, version: _version, usage_count: _usage, mof_div_code: _mof, ...fields } = ind;
  return fields;
}
