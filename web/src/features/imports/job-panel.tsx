import { useState } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  Collapse,
  Descriptions,
  Progress,
  Result,
  Space,
  Table,
  Typography,
  type TableColumnsType,
} from 'antd';
import { DownloadOutlined, FlagOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { TImportIssue, TJob } from '../../../../contracts/imports.ts';
import type { Lang } from '../../../../contracts/issues.ts';
import { COLORS } from '../../app/theme.ts';
import { formatDateTime } from '../../lib/dates.ts';
import { describeError } from '../../components/server-errors.ts';
import { downloadErrors } from './imports-api.ts';
import { columnWords, messageAfterField, sourceText } from './imports-model.ts';
import { JobStatusTag } from './job-status-tag.tsx';

function IssueTable({ issues }: { issues: TImportIssue[] }) {
  const { t, i18n } = useTranslation();
  const lang: Lang = i18n.language === 'en-US' ? 'en-US' : 'zh-CN';
  const columns: TableColumnsType<TImportIssue> = [
    { title: t('imports.col.where'), dataIndex: 'field', key: 'field', width: 240 },
    {
      title: t('imports.col.code'),
      dataIndex: 'code',
      key: 'code',
      width: 270,
      render: (v: string) => (
        <Typography.Text code style={{ whiteSpace: 'nowrap' }}>
          {v}
        </Typography.Text>
      ),
    },
    {
      title: t('imports.col.message'),
      key: 'message',
      render: (_: unknown, r: TImportIssue) => messageAfterField(r.message, r.field),
    },
    {
      title: t('imports.col.source'),
      key: 'source',
      width: 260,
      render: (_: unknown, r: TImportIssue) =>
        sourceText(
          r.source,
          (row) => t('imports.col.row', { row }),
          (code) => columnWords(code, lang),
        ) || '—',
    },
  ];
  return (
    <Table<TImportIssue>
      rowKey={(r, i) => `${r.path}-${r.code}-${String(i)}`}
      size="small"
      columns={columns}
      dataSource={issues}
      pagination={issues.length > 20 ? { pageSize: 20, size: 'small', showSizeChanger: false } : false}
      scroll={{ x: 900 }}
    />
  );
}

/** One import: progress with its phase while it runs (polled), then what was written or the errors. */
export function JobPanel({ job }: { job: TJob }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [downloading, setDownloading] = useState(false);

  const download = async () => {
    setDownloading(true);
    try {
      await downloadErrors(job.id);
    } catch (e) {
      message.error(describeError(e));
    } finally {
      setDownloading(false);
    }
  };

  const facts = (
    <Descriptions
      size="small"
      column={{ xs: 1, md: 3 }}
      items={[
        { key: 'files', label: t('imports.job.files'), children: job.files.join(t('imports.sep')) || '—' },
        {
          key: 'region',
          label: t('imports.job.region'),
          children: job.mof_div_code ? `${job.mof_div_code} / ${job.fiscal_year ?? '—'}` : '—',
        },
        {
          key: 'time',
          label: job.finished_at ? t('imports.job.finishedAt') : t('imports.job.startedAt'),
          children: formatDateTime(job.finished_at ?? job.created_at),
        },
      ]}
    />
  );

  let body;
  if (job.status === 'RUNNING') {
    const percent = job.total > 0 ? Math.floor((100 * job.done) / job.total) : 0;
    body = (
      <>
        <Typography.Text strong style={{ display: 'block', marginTop: 8 }}>
          {job.phase ? t(`imports.job.phase.${job.phase}`) : ''}
        </Typography.Text>
        <Progress
          percent={job.phase === 'READ' ? 5 : job.phase === 'WRITE' ? 99 : Math.min(98, percent)}
          status="active"
          strokeColor={COLORS.blue}
          style={{ margin: '8px 0' }}
        />
        <Typography.Text type="secondary">
          {job.phase === 'READ'
            ? t('imports.job.read', { done: job.done })
            : t('imports.job.progress', { done: job.done, total: job.total })}{' '}
          · {t('imports.job.running')}
        </Typography.Text>
      </>
    );
  } else if (job.status === 'DONE' && job.counts) {
    const c = job.counts;
    body = (
      <Result
        status="success"
        title={t('imports.job.done')}
        subTitle={
          <>
            {t('imports.job.doneText', c)}
            {c.departments_created + c.units_created > 0
              ? ` ${t('imports.job.created', { departments: c.departments_created, units: c.units_created })}`
              : ''}
            <br />
            {t('imports.job.nextStep')}
          </>
        }
        extra={
          <Button type="primary" icon={<FlagOutlined />} onClick={() => void navigate('/targets')}>
            {t('imports.job.toTargets')}
          </Button>
        }
        style={{ padding: '16px 0' }}
      />
    );
  } else {
    const fatal = job.error_count > 0 && job.errors.every((e) => e.path === '') && !job.has_workbook;
    body = (
      <>
        <Alert
          type="error"
          showIcon
          title={fatal ? t('imports.job.fatal') : t('imports.job.failed')}
          description={
            <>
              {t('imports.job.failedText', { count: job.error_count })}
              {job.error_count > job.errors.length
                ? t('imports.job.listed', { count: job.errors.length })
                : ''}
            </>
          }
          action={
            job.has_workbook ? (
              <Button
                danger
                icon={<DownloadOutlined />}
                loading={downloading}
                onClick={() => void download()}
              >
                {t('imports.job.workbook')}
              </Button>
            ) : undefined
          }
          style={{ marginBottom: 12 }}
        />
        <IssueTable issues={job.errors} />
      </>
    );
  }

  return (
    <Card
      title={
        <Space>
          {t('imports.job.title')}
          <JobStatusTag status={job.status} />
        </Space>
      }
      style={{ marginBottom: 16 }}
    >
      {facts}
      {body}
      {job.warning_count > 0 ? (
        <Collapse
          size="small"
          style={{ marginTop: 12 }}
          items={[
            {
              key: 'warnings',
              label: t('imports.job.warnings', { count: job.warning_count }),
              children: <IssueTable issues={job.warnings} />,
            },
          ]}
        />
      ) : null}
    </Card>
  );
}
