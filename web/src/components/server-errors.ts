import type { FormInstance } from 'antd';
import { ApiError } from '../lib/api-client.ts';

/**
 * Put the field issues of a 400 REQUEST.INVALID next to their fields. Returns the issues that
 * match no field of the form (to be shown above it), or the error's message when there are none.
 */
export function applyServerErrors(
  form: FormInstance,
  error: unknown,
  fieldNames: readonly string[],
  /** Server field name → form field name, where they differ. */
  aliases: Readonly<Record<string, string>> = {},
): string[] {
  if (!(error instanceof ApiError)) return [error instanceof Error ? error.message : String(error)];
  const issues = error.fieldIssues;
  if (issues.length === 0) return [error.message];
  const unmatched: string[] = [];
  const byField = new Map<string, string[]>();
  for (const issue of issues) {
    const field = issue.path.split('.')[0] ?? '';
    const text = issue.message || error.message;
    const target = aliases[field] ?? field;
    if (fieldNames.includes(field)) byField.set(target, [...(byField.get(target) ?? []), text]);
    else unmatched.push(issue.path === '' ? issue.message : `${issue.path}: ${issue.message}`);
  }
  form.setFields([...byField].map(([name, errors]) => ({ name, errors })));
  return unmatched.length > 0 || byField.size === 0 ? [error.message, ...unmatched] : [];
}

/** One line for a failed request: the server's message and the reasons in its details. */
export function describeError(error: unknown): string {
  if (!(error instanceof ApiError)) return error instanceof Error ? error.message : String(error);
  const reasons = error.fieldIssues.filter((i) => i.code !== 'CONFLICT').map((i) => i.message);
  return reasons.length === 0 ? error.message : `${error.message}：${reasons.join('；')}`;
}
