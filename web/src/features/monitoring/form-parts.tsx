import type { ReactNode } from 'react';
import { Input, Tooltip, Typography } from 'antd';
import { ExclamationCircleFilled, QuestionCircleOutlined, WarningFilled } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { COLORS } from '../../app/theme.ts';
import { IssueList as FormIssueList } from '../../components/issue-list.tsx';
import type { ShownIssue } from './monitoring-model.ts';
import './monitoring.css';

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
    <span className="pb-mon-label">
      {required ? <span className="pb-mon-required">*</span> : null}
      {label}
      {help === undefined ? null : (
        <Tooltip title={help} styles={{ root: { maxWidth: 380 } }}>
          <QuestionCircleOutlined
            className="pb-mon-help"
            aria-label={typeof label === 'string' ? label : undefined}
          />
        </Tooltip>
      )}
    </span>
  );
}

/** The messages of one field, under it: icon and words, red for errors, amber for warnings. */
export function FieldIssues({
  issues,
}: {
  issues: readonly Pick<ShownIssue, 'code' | 'path' | 'inline' | 'level'>[];
}) {
  if (issues.length === 0) return null;
  return (
    <div className="pb-mon-issues" role="alert">
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
export function statusOf(issues: readonly Pick<ShownIssue, 'level'>[]): 'error' | 'warning' | undefined {
  if (issues.some((i) => i.level === 'error')) return 'error';
  return issues.length > 0 ? 'warning' : undefined;
}

/** A decimal typed as text (actual, forecast, planned): blank is null. */
export function DecimalInput({
  id,
  value,
  onChange,
  issues,
  suffix,
  placeholder,
  ariaLabel,
}: {
  id: string;
  value: string | null;
  onChange: (v: string | null) => void;
  issues: readonly ShownIssue[];
  suffix?: string | null;
  placeholder?: string;
  ariaLabel: string;
}) {
  return (
    <>
      <Input
        id={id}
        aria-label={ariaLabel}
        value={value ?? ''}
        maxLength={40}
        className="pb-num"
        inputMode="decimal"
        suffix={suffix ?? undefined}
        placeholder={placeholder}
        status={statusOf(issues)}
        onChange={(e) => onChange(e.target.value.trim() === '' ? null : e.target.value.trim())}
      />
      <FieldIssues issues={issues} />
    </>
  );
}

/** Every issue of the report above the form; a click goes to the field. Errors first. */
export function IssueList({
  issues,
  rowName,
  onGo,
  title,
}: {
  issues: readonly ShownIssue[];
  rowName: (index: number) => string;
  onGo: (issue: ShownIssue) => void;
  title?: string;
}) {
  const { t } = useTranslation();
  const errors = issues.filter((i) => i.level === 'error').length;
  return (
    <FormIssueList
      id="mon-issue-list"
      issues={issues}
      title={title ?? t('monitoring.report.issuesTitle', { count: errors })}
      rowOf={(i) => (i.ref.kind === 'row' ? i.ref.index : null)}
      rowName={rowName}
      onGo={onGo}
      showLabel={t('monitoring.report.issuesShow')}
      hideLabel={t('monitoring.report.issuesHide')}
    />
  );
}
