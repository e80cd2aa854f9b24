import { Card, Table, Typography, type TableColumnsType } from 'antd';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { TJobList } from '../../../../contracts/imports.ts';
import { EmptyState } from '../../components/empty-state.tsx';
import { ErrorResult } from '../../components/error-result.tsx';
import { formatDateTime } from '../../lib/dates.ts';
import { useMyJobs } from './imports-api.ts';
import { JobStatusTag } from './job-status-tag.tsx';

type Row = TJobList['items'][number];

/** The user's recent imports; a row opens its result (or its progress). */
export function JobHistory({ current }: { current: string | undefined }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const jobs = useMyJobs();
  const rows = jobs.data?.items ?? [];

  const columns: TableColumnsType<Row> = [
    {
      title: t('imports.history.time'),
      dataIndex: 'created_at',
      key: 'time',
      width: 170,
      render: (v: string) => formatDateTime(v),
    },
    {
      title: t('imports.history.files'),
      key: 'files',
      render: (_: unknown, r: Row) => (
        <Typography.Text ellipsis style={{ maxWidth: 320 }}>
          {r.files.join(t('imports.sep'))}
        </Typography.Text>
      ),
    },
    {
      title: t('imports.history.status'),
      key: 'status',
      width: 120,
      render: (_: unknown, r: Row) => <JobStatusTag status={r.status} />,
    },
    {
      title: t('imports.history.result'),
      key: 'result',
      render: (_: unknown, r: Row) => {
        if (r.status === 'DONE' && r.counts)
          return t('imports.history.written', {
            projects: r.counts.projects_inserted + r.counts.projects_updated,
            indicators: r.counts.indicators,
          });
        if (r.status === 'FAILED') return t('imports.history.errors', { count: r.error_count });
        return r.phase === 'READ'
          ? t('imports.job.read', { done: r.done })
          : t('imports.job.progress', { done: r.done, total: r.total });
      },
    },
  ];

  return (
    <Card title={t('imports.history.title')}>
      {jobs.isError ? (
        <ErrorResult error={jobs.error} onRetry={() => void jobs.refetch()} />
      ) : (
        <Table<Row>
          rowKey="id"
          size="small"
          columns={columns}
          dataSource={rows}
          loading={jobs.isPending}
          pagination={false}
          rowClassName={(r) =>
            r.id === current ? 'pb-clickable-row ant-table-row-selected' : 'pb-clickable-row'
          }
          onRow={(r) => ({ onClick: () => void navigate(`/imports/${r.id}`) })}
          locale={{
            emptyText: jobs.isPending ? (
              ' '
            ) : (
              <EmptyState title={t('imports.history.empty')} hint={t('imports.history.emptyHint')} />
            ),
          }}
        />
      )}
    </Card>
  );
}
