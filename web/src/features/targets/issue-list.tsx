import { useTranslation } from 'react-i18next';
import { IssueList as FormIssueList } from '../../components/issue-list.tsx';
import type { ShownIssue } from './editor-context.ts';

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
  const errors = issues.filter((i) => i.level === 'error').length;
  return (
    <FormIssueList
      id="tgt-issue-list"
      issues={issues}
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
      rowOf={(i) => (i.ref.kind === 'indicator' ? i.ref.index : null)}
      rowName={rowName}
      onGo={onGo}
      showLabel={t('targets.issues.show')}
      hideLabel={t('targets.issues.hide')}
    />
  );
}
