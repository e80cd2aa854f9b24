import {
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Flex,
  Progress,
  Row,
  Skeleton,
  Statistic,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { TableColumnsType } from 'antd';
import type { TFunction } from 'i18next';
import { ArrowLeftOutlined, BellOutlined, WarningFilled } from '@ant-design/icons';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { ZOverdueItem } from '../../../../contracts/targets.ts';
import { useCurrentUser } from '../../app/current-user.tsx';
import { COLORS } from '../../app/theme.ts';
import { EmptyState } from '../../components/empty-state.tsx';
import { ErrorResult } from '../../components/error-result.tsx';
import { MoneyText } from '../../components/money-text.tsx';
import { NotFoundPage } from '../../components/not-found-page.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { describeError } from '../../components/server-errors.ts';
import { ApiError } from '../../lib/api-client.ts';
import { formatDate } from '../../lib/dates.ts';
import { hasPermission } from '../auth/auth-api.ts';
import { useOrgTree } from '../org/org-api.ts';
import { DeadlineText } from '../review/deadline-text.tsx';
import { TargetStatusTag } from '../review/target-status-tag.tsx';
import { approvedPercent, COUNT_KEYS, pendingCount } from './task-model.ts';
import { TaskScope } from './task-scope.tsx';
import { useOverdue, useRemind, useTask } from './tasks-api.ts';

type TOverdueItem = z.infer<typeof ZOverdueItem>;

function positiveInt(v: string | null, fallback: number, max: number): number {
  const n = Number(v);
  return Number.isInteger(n) && n >= 1 ? Math.min(n, max) : fallback;
}

function buildColumns(t: TFunction, overdue: boolean): TableColumnsType<TOverdueItem> {
  return [
    {
      title: t('tasks.detail.col.code'),
      dataIndex: 'pro_code',
      key: 'code',
      width: 150,
      render: (v: string) => <Typography.Text className="pb-num">{v}</Typography.Text>,
    },
    {
      title: t('tasks.detail.col.name'),
      dataIndex: 'pro_name',
      key: 'name',
      ellipsis: true,
      render: (v: string) => <Typography.Text strong>{v}</Typography.Text>,
    },
    {
      title: t('tasks.detail.col.agency'),
      key: 'agency',
      width: 170,
      ellipsis: true,
      render: (_: unknown, r: TOverdueItem) => r.agency_name ?? r.agency_code,
    },
    {
      title: t('tasks.detail.col.department'),
      key: 'dept',
      width: 140,
      ellipsis: true,
      render: (_: unknown, r: TOverdueItem) => r.dept_name ?? r.dept_code,
    },
    {
      title: t('tasks.detail.col.amount'),
      dataIndex: 'amount',
      key: 'amount',
      align: 'right',
      width: 130,
      render: (v: string) => <MoneyText yuan={v} />,
    },
    {
      title: t('tasks.detail.col.status'),
      key: 'status',
      width: 180,
      render: (_: unknown, r: TOverdueItem) => <TargetStatusTag status={r.status} step={r.step} />,
    },
    {
      title: t('tasks.detail.col.overdue'),
      key: 'overdue',
      width: 100,
      render: () =>
        overdue ? (
          <Typography.Text style={{ color: COLORS.red, whiteSpace: 'nowrap' }}>
            <WarningFilled /> {t('tasks.overdue')}
          </Typography.Text>
        ) : (
          <Typography.Text type="secondary">{t('tasks.detail.notOverdue')}</Typography.Text>
        ),
    },
  ];
}

/** A task: its scope and deadline, progress by status, the projects not yet approved, reminders. */
export function TaskDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const me = useCurrentUser();
  const navigate = useNavigate();
  const { message, modal } = App.useApp();
  const [params, setParams] = useSearchParams();
  const page = positiveInt(params.get('page'), 1, 100_000);
  const size = positiveInt(params.get('size'), 20, 200);
  const task = useTask(id);
  const overdue = useOverdue(id, page, size, task.isSuccess);
  const org = useOrgTree(task.data?.mof_div_code, task.isSuccess && hasPermission(me, 'org:read'));
  const remind = useRemind(id);

  if (task.isPending) return <Skeleton active paragraph={{ rows: 10 }} />;
  if (task.isError) {
    if (task.error instanceof ApiError && task.error.status === 404) {
      return <NotFoundPage title={t('tasks.detail.notFoundTitle')} text={t('tasks.detail.notFoundText')} />;
    }
    return <ErrorResult error={task.error} onRetry={() => void task.refetch()} />;
  }
  const tk = task.data;
  const pending = pendingCount(tk.progress);

  const askRemind = () => {
    modal.confirm({
      title: t('tasks.detail.remindConfirm'),
      content: t('tasks.detail.remindText', { count: pending, date: formatDate(tk.deadline) }),
      okText: t('tasks.detail.remind'),
      cancelText: t('common.cancel'),
      onOk: async () => {
        try {
          const r = await remind.mutateAsync();
          if (r.notified > 0) message.success(t('tasks.detail.reminded', { count: r.notified }));
          else message.info(t('tasks.detail.remindedNone'));
        } catch (e) {
          message.error(describeError(e));
        }
      },
    });
  };

  return (
    <>
      <PageHeader
        title={
          <Flex align="center" gap={12} wrap>
            {tk.title}
            <Tag color={tk.status === 'OPEN' ? 'processing' : 'default'}>
              {t(`tasks.taskStatus.${tk.status}`)}
            </Tag>
          </Flex>
        }
        subtitle={
          <Flex gap={16} wrap align="center">
            <span>{t('top.yearLabel', { year: tk.fiscal_year })}</span>
            <DeadlineText deadline={tk.deadline} overdue={tk.overdue} />
          </Flex>
        }
        extra={
          <>
            <Button icon={<ArrowLeftOutlined />} onClick={() => void navigate('/tasks')}>
              {t('tasks.detail.back')}
            </Button>
            {hasPermission(me, 'task:issue') ? (
              <Button
                type="primary"
                icon={<BellOutlined />}
                disabled={pending === 0}
                loading={remind.isPending}
                onClick={askRemind}
              >
                {t('tasks.detail.remind')}
              </Button>
            ) : null}
          </>
        }
      />
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        <Col xs={24} lg={10}>
          <Card title={t('tasks.detail.progress')} style={{ height: '100%' }}>
            <Flex gap={24} align="center">
              <Progress
                type="dashboard"
                percent={approvedPercent(tk.progress)}
                size={120}
                strokeColor={COLORS.green}
                aria-label={t('tasks.progressText', {
                  approved: tk.progress.approved,
                  projects: tk.progress.projects,
                })}
              />
              <Flex vertical gap={8} style={{ minWidth: 0 }}>
                <Typography.Text strong className="pb-num">
                  {t('tasks.progressText', {
                    approved: tk.progress.approved,
                    projects: tk.progress.projects,
                  })}
                </Typography.Text>
                <Descriptions size="small" column={1}>
                  <Descriptions.Item label={t('tasks.detail.scope')}>
                    <TaskScope task={tk} org={org.data} />
                  </Descriptions.Item>
                </Descriptions>
              </Flex>
            </Flex>
          </Card>
        </Col>
        <Col xs={24} lg={14}>
          <Card style={{ height: '100%' }}>
            <Row gutter={[16, 16]}>
              <Col span={8}>
                <Statistic title={t('tasks.detail.projects')} value={tk.progress.projects} />
              </Col>
              <Col span={8}>
                <Statistic
                  title={tk.overdue ? t('tasks.detail.pendingOverdue') : t('tasks.detail.pending')}
                  value={pending}
                  styles={tk.overdue && pending > 0 ? { content: { color: COLORS.red } } : undefined}
                  prefix={tk.overdue && pending > 0 ? <WarningFilled /> : undefined}
                />
              </Col>
              {COUNT_KEYS.map((k) => (
                <Col span={8} key={k}>
                  <Statistic
                    title={t(`tasks.counts.${k}`)}
                    value={tk.progress[k]}
                    styles={k === 'approved' ? { content: { color: COLORS.green } } : undefined}
                  />
                </Col>
              ))}
            </Row>
          </Card>
        </Col>
      </Row>
      <Card
        title={tk.overdue ? t('tasks.detail.pendingOverdue') : t('tasks.detail.pending')}
        extra={<Typography.Text type="secondary">{t('tasks.detail.pendingHint')}</Typography.Text>}
        styles={{ body: { padding: 0 } }}
      >
        {overdue.isError ? (
          <ErrorResult error={overdue.error} onRetry={() => void overdue.refetch()} />
        ) : (
          <Table<TOverdueItem>
            rowKey="project_id"
            size="middle"
            columns={buildColumns(t, tk.overdue)}
            dataSource={overdue.data?.items ?? []}
            loading={overdue.isFetching}
            rowClassName={() => 'pb-clickable-row'}
            onRow={(r) => ({
              onClick: () => void navigate(`/projects/${encodeURIComponent(r.project_id)}?tab=target`),
            })}
            scroll={{ x: 1000 }}
            onChange={(pagination) => {
              const next = new URLSearchParams(params);
              next.set('page', String(pagination.current ?? 1));
              next.set('size', String(pagination.pageSize ?? size));
              setParams(next);
            }}
            pagination={{
              current: page,
              pageSize: size,
              total: overdue.data?.total ?? 0,
              showSizeChanger: true,
              pageSizeOptions: [20, 50, 100, 200],
              showTotal: (total) => t('common.total', { total }),
            }}
            locale={{
              emptyText: overdue.isPending ? (
                ' '
              ) : (
                <EmptyState title={t('tasks.detail.noPending')} hint={t('tasks.detail.noPendingHint')} />
              ),
            }}
          />
        )}
      </Card>
    </>
  );
}
