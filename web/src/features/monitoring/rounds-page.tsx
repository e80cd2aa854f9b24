import { useState, type Key } from 'react';
import { App, Button, Flex, Popconfirm, Progress, Table, Tag, Tooltip, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { AlertOutlined, PlusOutlined, StopOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { TRound } from '../../../../contracts/monitoring.ts';
import { useCurrentUser } from '../../app/current-user.tsx';
import { useScope } from '../../app/scope-context.tsx';
import { COLORS } from '../../app/theme.ts';
import { EmptyState } from '../../components/empty-state.tsx';
import { ErrorResult } from '../../components/error-result.tsx';
import { LightTag } from '../../components/light-tag.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { describeError } from '../../components/server-errors.ts';
import { DeadlineText } from '../review/deadline-text.tsx';
import { useCloseRound, useReportList, useRounds } from './monitoring-api.ts';
import { lightCounts, reportLink, submittedPercent } from './monitoring-model.ts';
import { hasPermission } from '../auth/auth-api.ts';
import { buildReportColumns } from './report-columns.tsx';
import { RoundFormModal } from './round-form-modal.tsx';

const PAGE = 10;

/** The reports of one round in the user's scope (the expanded row of the rounds table). */
function RoundReports({ round }: { round: TRound }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [page, setPage] = useState(1);
  const list = useReportList({ round_id: round.id, page, page_size: PAGE });
  if (list.isError) return <ErrorResult error={list.error} onRetry={() => void list.refetch()} />;
  return (
    <Table
      rowKey="id"
      size="small"
      columns={buildReportColumns(t, { department: true, updated: false })}
      dataSource={list.data?.items ?? []}
      loading={list.isFetching}
      rowClassName={() => 'pb-clickable-row'}
      onRow={(r) => ({ onClick: () => void navigate(reportLink(r.id)) })}
      scroll={{ x: 1050 }}
      pagination={{
        current: page,
        pageSize: PAGE,
        total: list.data?.total ?? 0,
        onChange: setPage,
        hideOnSinglePage: true,
        showSizeChanger: false,
        showTotal: (total) => t('common.total', { total }),
      }}
      locale={{
        emptyText: list.isPending ? (
          ' '
        ) : (
          <EmptyState title={t('monitoring.rounds.noReports')} hint={t('monitoring.rounds.noReportsHint')} />
        ),
      }}
    />
  );
}

function buildColumns(
  t: TFunction,
  close: ((round: TRound) => void) | null,
  closing: string | null,
): TableColumnsType<TRound> {
  const cols: TableColumnsType<TRound> = [
    {
      title: t('monitoring.rounds.col.title'),
      key: 'title',
      width: 260,
      render: (_: unknown, r) => (
        <Flex vertical>
          <Typography.Text strong>{r.title}</Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('monitoring.rounds.scope', {
              scope:
                r.dept_codes.length === 0 && r.agency_codes.length === 0
                  ? t('monitoring.rounds.scopeAll')
                  : t('monitoring.rounds.scopeSome', {
                      depts: r.dept_codes.length,
                      units: r.agency_codes.length,
                    }),
            })}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      title: t('monitoring.rounds.col.asOf'),
      key: 'asOf',
      width: 120,
      render: (_: unknown, r) => (
        <Flex vertical>
          <span className="pb-num">{r.as_of}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('monitoring.rounds.month', { month: r.month })}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      title: t('monitoring.rounds.col.deadline'),
      key: 'deadline',
      width: 150,
      render: (_: unknown, r) => (
        <DeadlineText deadline={r.deadline} overdue={r.overdue && r.status === 'OPEN'} />
      ),
    },
    {
      title: t('monitoring.rounds.col.progress'),
      key: 'progress',
      width: 190,
      render: (_: unknown, r) => {
        const percent = submittedPercent(r);
        const text = t('monitoring.rounds.progressText', { submitted: r.submitted, reports: r.reports });
        return (
          <Flex vertical gap={2}>
            <Progress
              percent={percent}
              size="small"
              strokeColor={percent === 100 ? COLORS.green : COLORS.blue}
              aria-label={text}
            />
            <Typography.Text type="secondary" style={{ fontSize: 12 }} className="pb-num">
              {text}
            </Typography.Text>
          </Flex>
        );
      },
    },
    {
      title: t('monitoring.rounds.col.lights'),
      key: 'lights',
      width: 230,
      render: (_: unknown, r) => {
        const counts = lightCounts(r.lights);
        if (counts.length === 0)
          return <Typography.Text type="secondary">{t('monitoring.rounds.noLights')}</Typography.Text>;
        return (
          <Flex gap={4} wrap>
            {counts.map(({ light, count }) => (
              <LightTag key={light} light={light} label={`${t(`lights.${light}`)} ${String(count)}`} />
            ))}
          </Flex>
        );
      },
    },
    {
      title: t('monitoring.rounds.col.status'),
      key: 'status',
      width: 90,
      render: (_: unknown, r) => (
        <Tag color={r.status === 'OPEN' ? 'processing' : 'default'} style={{ marginInlineEnd: 0 }}>
          {t(`monitoring.rounds.status.${r.status}`)}
        </Tag>
      ),
    },
  ];
  if (close !== null) {
    cols.push({
      title: t('common.actions'),
      key: 'actions',
      width: 100,
      render: (_: unknown, r) =>
        r.status === 'OPEN' ? (
          <span onClick={(e) => e.stopPropagation()}>
            <Popconfirm
              title={t('monitoring.rounds.closeConfirm')}
              description={t('monitoring.rounds.closeText', {
                pending: Math.max(r.reports - r.submitted, 0),
              })}
              onConfirm={() => close(r)}
              okText={t('monitoring.rounds.close')}
              cancelText={t('common.cancel')}
            >
              <Button size="small" icon={<StopOutlined />} loading={closing === r.id}>
                {t('monitoring.rounds.close')}
              </Button>
            </Popconfirm>
          </span>
        ) : null,
    });
  }
  return cols;
}

/**
 * 运行监控: the monitoring rounds of the year with their progress and light counts; each round
 * opens onto its reports in the user's scope. The performance office issues and closes rounds.
 */
export function RoundsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useCurrentUser();
  const scope = useScope();
  const navigate = useNavigate();
  const rounds = useRounds(scope.fiscalYear);
  const closeRound = useCloseRound();
  const canIssue = hasPermission(me, 'monitoring:issue');
  const [creating, setCreating] = useState(false);
  const [expanded, setExpanded] = useState<readonly Key[] | null>(null);
  const items = rounds.data?.items ?? [];
  const firstOpen = items.find((r) => r.status === 'OPEN') ?? items[0];
  const expandedKeys = expanded ?? (firstOpen === undefined ? [] : [firstOpen.id]);

  const close = (r: TRound) => {
    closeRound.mutate(r.id, {
      onSuccess: () => void message.success(t('monitoring.rounds.closed')),
      onError: (e) => void message.error(describeError(e)),
    });
  };

  const issueButton = (
    <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
      {t('monitoring.rounds.issue')}
    </Button>
  );

  return (
    <>
      <PageHeader
        title={t('monitoring.rounds.title')}
        subtitle={t('monitoring.rounds.subtitle', { year: scope.fiscalYear })}
        extra={
          <>
            <Tooltip title={t('monitoring.warnings.subtitleShort')}>
              <Button icon={<AlertOutlined />} onClick={() => void navigate('/warnings')}>
                {t('monitoring.nav.warnings')}
              </Button>
            </Tooltip>
            {canIssue ? issueButton : null}
          </>
        }
      />
      {rounds.isError ? (
        <ErrorResult error={rounds.error} onRetry={() => void rounds.refetch()} />
      ) : (
        <Table<TRound>
          rowKey="id"
          size="middle"
          columns={buildColumns(
            t,
            canIssue ? close : null,
            closeRound.isPending ? (closeRound.variables ?? null) : null,
          )}
          dataSource={items}
          loading={rounds.isFetching}
          scroll={{ x: 1150 }}
          expandable={{
            expandedRowKeys: expandedKeys,
            onExpandedRowsChange: (keys) => setExpanded(keys),
            expandRowByClick: true,
            expandedRowRender: (r) => <RoundReports round={r} />,
          }}
          rowClassName={() => 'pb-clickable-row'}
          pagination={
            items.length > 20 ? { pageSize: 20, showTotal: (total) => t('common.total', { total }) } : false
          }
          locale={{
            emptyText: rounds.isPending ? (
              ' '
            ) : (
              <EmptyState
                title={t('monitoring.rounds.empty')}
                hint={canIssue ? t('monitoring.rounds.emptyIssueHint') : t('monitoring.rounds.emptyHint')}
                action={canIssue ? issueButton : undefined}
              />
            ),
          }}
        />
      )}
      {creating ? <RoundFormModal onClose={() => setCreating(false)} /> : null}
    </>
  );
}
