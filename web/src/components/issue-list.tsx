import { useState } from 'react';
import { Alert, Button, Typography } from 'antd';
import { ExclamationCircleFilled, WarningFilled } from '@ant-design/icons';
import { COLORS } from '../app/theme.ts';

const SHOWN = 6;

/** An issue as a form shows it in the list at the top. */
export interface ListedIssue {
  path: string;
  code: string;
  level: 'error' | 'warning';
  /** Names its field. */
  message: string;
  /** Shorter, for an issue shown after its row's name. */
  inline: string;
}

/**
 * Every issue of a form above it, errors first; a click goes to the field. An issue of a row
 * (`rowOf` gives its index) reads "row name · short message", others the whole message.
 */
export function IssueList<I extends ListedIssue>({
  id,
  issues,
  title,
  rowOf,
  rowName,
  onGo,
  showLabel,
  hideLabel,
}: {
  /** The element id the form scrolls to. */
  id: string;
  issues: readonly I[];
  title: string;
  rowOf: (issue: I) => number | null;
  /** The words for a row: its name or its number. */
  rowName: (index: number) => string;
  onGo: (issue: I) => void;
  showLabel: string;
  hideLabel: string;
}) {
  const [all, setAll] = useState(false);
  if (issues.length === 0) return null;
  const errors = issues.filter((i) => i.level === 'error').length;
  const sorted = [...issues].sort((a, b) => (a.level === b.level ? 0 : a.level === 'error' ? -1 : 1));
  const shown = all ? sorted : sorted.slice(0, SHOWN);
  return (
    <Alert
      id={id}
      type={errors > 0 ? 'error' : 'warning'}
      showIcon
      style={{ marginBottom: 16 }}
      title={title}
      description={
        <ul style={{ margin: '4px 0 0', padding: 0, listStyle: 'none' }}>
          {shown.map((i) => {
            const row = rowOf(i);
            return (
              <li key={`${i.path}|${i.code}|${i.message}`}>
                <Button
                  type="link"
                  size="small"
                  onClick={() => onGo(i)}
                  style={{
                    height: 'auto',
                    padding: '1px 0',
                    whiteSpace: 'normal',
                    textAlign: 'start',
                    color: 'inherit',
                    gap: 6,
                  }}
                >
                  <span style={{ color: i.level === 'error' ? COLORS.red : COLORS.yellow }}>
                    {i.level === 'error' ? <ExclamationCircleFilled /> : <WarningFilled />}
                  </span>
                  {row === null ? null : (
                    <Typography.Text type="secondary">{rowName(row)} · </Typography.Text>
                  )}
                  <span>{row === null ? i.message : i.inline}</span>
                </Button>
              </li>
            );
          })}
          {sorted.length > SHOWN ? (
            <li>
              <Button type="link" size="small" onClick={() => setAll(!all)}>
                {all ? hideLabel : `${showLabel} (${String(sorted.length)})`}
              </Button>
            </li>
          ) : null}
        </ul>
      }
    />
  );
}
