import { useState } from 'react';
import { Alert, Flex, Segmented, Select, Skeleton, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Lang } from '../../../../contracts/issues.ts';
import type { TTargetView } from '../../../../contracts/targets.ts';
import type { TPolicy } from '../../../../domain/policy/policy.ts';
import { EmptyState } from '../../components/empty-state.tsx';
import { ErrorResult } from '../../components/error-result.tsx';
import { formatDate } from '../../lib/dates.ts';
import { TargetDiffView } from './target-diff.tsx';
import { TargetEditor } from './target-editor.tsx';
import { useTargetDiff, useTargetVersion } from './targets-api.ts';

function VersionContent({ view, n, policy }: { view: TTargetView; n: number; policy: TPolicy }) {
  const { t } = useTranslation();
  const current = n === view.current_version;
  const q = useTargetVersion(current ? null : view.id, current ? null : n);
  const version = current ? view.version : q.data;
  if (!current && q.isError) return <ErrorResult error={q.error} onRetry={() => void q.refetch()} />;
  if (version === undefined) return <Skeleton active />;
  return (
    <>
      {version.adjustment_reason ? (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('targets.versions.adjustmentReason', { reason: version.adjustment_reason })}
        />
      ) : null}
      <TargetEditor
        key={`v${String(n)}`}
        view={view}
        draft={version.draft}
        storedFlags={version.flags}
        policy={policy}
        mode="read"
      />
    </>
  );
}

function VersionDiff({ view, n, lang }: { view: TTargetView; n: number; lang: Lang }) {
  const { t } = useTranslation();
  const q = useTargetDiff(view.id, n > 1 ? n - 1 : null, n);
  if (n <= 1) return <Alert type="info" showIcon title={t('targets.versions.noPrevious')} />;
  if (q.isError) return <ErrorResult error={q.error} onRetry={() => void q.refetch()} />;
  if (q.data === undefined) return <Skeleton active />;
  return <TargetDiffView diff={q.data} lang={lang} />;
}

/** All versions of a target: pick one to read it, and see what changed against the one before. */
export function VersionHistory({ view, policy }: { view: TTargetView; policy: TPolicy }) {
  const { t, i18n } = useTranslation();
  const lang: Lang = i18n.language === 'en-US' ? 'en-US' : 'zh-CN';
  const [n, setN] = useState(view.current_version);
  const [part, setPart] = useState<'content' | 'diff'>(view.current_version > 1 ? 'diff' : 'content');
  if (view.id === null || view.versions.length === 0) {
    return <EmptyState title={t('targets.versions.empty')} hint={t('targets.versions.emptyHint')} />;
  }
  const sorted = [...view.versions].sort((a, b) => b.version_no - a.version_no);
  return (
    <>
      <Flex gap={12} align="center" wrap style={{ marginBottom: 16 }}>
        <Typography.Text>{t('targets.versions.select')}</Typography.Text>
        <Select
          value={n}
          onChange={setN}
          style={{ minWidth: 320 }}
          aria-label={t('targets.versions.select')}
          options={sorted.map((v) => ({
            value: v.version_no,
            label: (
              <span>
                {t('targets.versions.option', {
                  n: v.version_no,
                  status: t(`targets.status.${v.status}`, v.status),
                  date: formatDate(v.approved_at ?? v.created_at),
                })}
                {v.version_no === view.in_force_version ? (
                  <Tag color="green" style={{ marginInlineStart: 8 }}>
                    {t('targets.versions.inForce')}
                  </Tag>
                ) : null}
                {v.version_no === view.current_version && v.version_no !== view.in_force_version ? (
                  <Tag style={{ marginInlineStart: 8 }}>{t('targets.versions.current')}</Tag>
                ) : null}
              </span>
            ),
          }))}
        />
        <Segmented<'content' | 'diff'>
          value={part}
          onChange={(v) => setPart(v)}
          options={[
            { value: 'content', label: t('targets.versions.content') },
            { value: 'diff', label: t('targets.versions.diff', { n: Math.max(n - 1, 1) }), disabled: n <= 1 },
          ]}
        />
      </Flex>
      {part === 'diff' && n > 1 ? (
        <VersionDiff view={view} n={n} lang={lang} />
      ) : (
        <VersionContent view={view} n={n} policy={policy} />
      )}
    </>
  );
}
