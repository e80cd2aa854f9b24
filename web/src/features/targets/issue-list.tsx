import { useState } from 'react';
import { Alert, Button, Typography } from 'antd';
import { ExclamationCircleFilled, WarningFilled } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { COLORS } from '../../app/theme.ts';
import type { ShownIssue } from './editor-context.ts';

const SHOWN = 6;

/**
 * Every issue of the draft above the form; a click goes to the field. Errors first, then
 * warnings, in the order of the form.
 */
export function IssueList({
  issues,
  rowName,
  onGo,
  title,
}: {
  issues: readonly ShownIssue[];
  /** The words for a row: its name or its number. */
  rowName: (index: number) => string;
  onGo: (issue: ShownIssue) => void;
  title?: string;
}) {
  const { t } = useTranslation();
  const [all, setAll] = useState(false);
  if (issues.length === 0) return null;
  const errors = issues.filter((i) => i.level === 'error').length;
  const sorted = [...issues].sort((a, b) => (a.level === b.level ? 0 : a.level === 'error' ? -1 : 1));
  const shown = all ? sorted : sorted.slice(0, SHOWN);
  return (
    <Alert
      id="tgt-issue-list"
      type={errors > 0 ? 'error' : 'warning'}
      showIcon
      style={{ marginBottom: 16 }}
      title={
        title ??
        t(
          errors === 0
            ? 'targets.issues.titleWarnings'
            : errors === issues.length
              ? 'targets.issues.titleErrors'
              : 'targets.issues.title',
          { errors, warnings: issues.length - errors },
        )
      }
      description={
        <ul className="pb-tgt-issue-list">
          {shown.map((i) => (
            <li key={`${i.path}|${i.code}|${i.message}`}>
              <Button type="link" size="small" onClick={() => onGo(i)} className="pb-tgt-issue-link">
                <span style={{ color: i.level === 'error' ? COLORS.red : COLORS.yellow }}>
                  {i.level === 'error' ? <ExclamationCircleFilled /> : <WarningFilled />}
                </span>
                {i.ref.kind === 'indicator' ? (
                  <Typography.Text type="secondary">{rowName(i.ref.index)} · </Typography.Text>
                ) : null}
                <span>{i.ref.kind === 'indicator' ? i.inline : i.message}</span>
              </Button>
            </li>
          ))}
          {sorted.length > SHOWN ? (
            <li>
              <Button type="link" size="small" onClick={() => setAll(!all)}>
                {all ? t('targets.issues.hide') : `${t('targets.issues.show')} (${String(sorted.length)})`}
              </Button>
            </li>
          ) : null}
        </ul>
      }
    />
  );
}
