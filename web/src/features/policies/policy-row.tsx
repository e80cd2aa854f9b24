import type { ReactNode } from 'react';
import { Form, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Issue } from './policy-model.ts';

const KNOWN: Record<string, string> = {
  'grade_cuts must be strictly decreasing': 'policies.issue.decreasing',
  'must be ascending': 'policies.issue.ascending',
  'a decimal amount in yuan': 'policies.issue.money',
};

/** Put a resolvePolicy issue into the user's language; bounds come from the row. */
export function translateIssue(
  issue: Issue,
  range: string | undefined,
  t: (k: string, o?: Record<string, unknown>) => string,
): string {
  const known = KNOWN[issue.message];
  if (known !== undefined) return t(known);
  if (/received (null|undefined)/.test(issue.message)) return t('common.required');
  if (range !== undefined) return t('policies.issue.range', { range });
  return t('policies.issue.other', { message: issue.message });
}

export function issuesAt(issues: Issue[], path: string): Issue[] {
  return issues.filter((i) => i.path === path || i.path.startsWith(`${path}.`));
}

interface Props {
  /** The policy path whose issues this row shows (e.g. `lights.execution`). */
  path: string;
  label: string;
  help: string;
  range?: string;
  issues: Issue[];
  overridden?: boolean;
  children: ReactNode;
}

/** One labelled line of the policy form, with the live issues of its path next to it. */
export function PolicyRow({ path, label, help, range, issues, overridden = false, children }: Props) {
  const { t } = useTranslation();
  const mine = issuesAt(issues, path);
  const text = [...new Set(mine.map((i) => translateIssue(i, range, t)))].join('；');
  return (
    <Form.Item
      label={
        <span>
          {label}
          {overridden ? (
            <Tag color="gold" style={{ marginInlineStart: 8, fontSize: 11, lineHeight: '18px' }}>
              {t('policies.adjusted')}
            </Tag>
          ) : null}
        </span>
      }
      tooltip={help}
      validateStatus={mine.length > 0 ? 'error' : undefined}
      help={mine.length > 0 ? text : undefined}
      style={{ marginBottom: 18 }}
    >
      {children}
    </Form.Item>
  );
}
