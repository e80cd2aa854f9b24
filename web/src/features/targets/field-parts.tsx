import type { ReactNode } from 'react';
import { Tooltip, Typography } from 'antd';
import { ExclamationCircleFilled, QuestionCircleOutlined, WarningFilled } from '@ant-design/icons';
import { COLORS } from '../../app/theme.ts';
import type { ShownIssue } from './editor-context.ts';

/** A field's label with its help tooltip (an example from the rule book) and a required mark. */
export function FieldLabel({
  label,
  help,
  required = false,
}: {
  label: ReactNode;
  help?: string;
  required?: boolean;
}) {
  return (
    <span className="pb-tgt-label">
      {required ? <span className="pb-tgt-required">*</span> : null}
      {label}
      {help === undefined ? null : (
        <Tooltip title={help} overlayStyle={{ maxWidth: 380 }}>
          <QuestionCircleOutlined
            className="pb-tgt-help"
            aria-label={typeof label === 'string' ? label : undefined}
          />
        </Tooltip>
      )}
    </span>
  );
}

/** The messages of one field, under it: icon and words, red for errors, amber for warnings. */
export function FieldIssues({ issues }: { issues: readonly ShownIssue[] }) {
  if (issues.length === 0) return null;
  return (
    <div className="pb-tgt-issues" role="alert">
      {issues.map((i) => (
        <Typography.Text
          key={`${i.code}-${i.path}-${i.inline}`}
          style={{ color: i.level === 'error' ? COLORS.red : COLORS.yellow, fontSize: 12, display: 'block' }}
        >
          {i.level === 'error' ? <ExclamationCircleFilled /> : <WarningFilled />} {i.inline}
        </Typography.Text>
      ))}
    </div>
  );
}

/** The input status of a field with issues. */
export function statusOf(issues: readonly ShownIssue[]): 'error' | 'warning' | undefined {
  if (issues.some((i) => i.level === 'error')) return 'error';
  return issues.length > 0 ? 'warning' : undefined;
}
