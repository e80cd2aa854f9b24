import { useState } from 'react';
import { Button, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { TOrgTree } from '../../../../contracts/api.ts';
import type { TTask } from '../../../../contracts/targets.ts';
import { useCurrentUser } from '../../app/current-user.tsx';
import { useScope } from '../../app/scope-context.tsx';
import { EmptyState } from '../../components/empty-state.tsx';
import { ErrorResult } from '../../components/error-result.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { hasPermission } from '../auth/auth-api.ts';
import { useOrgTree } from '../org/org-api.ts';
import { DeadlineText } from '../review/deadline-text.tsx';
import { TaskFormModal } from './task-form-modal.tsx';
import { TaskProgress } from './task-progress.tsx';
import { TaskScope } from './task-scope.tsx';
import { useTasks } from './tasks-api.ts';

function buildColumns(t: TFunction, org: TOrgTree | undefined): TableColumnsType<TTask> {
  return [
    {
      title: t('tasks.col.title'),
      key: 'title',
      render: (_: unknown, task: TTask) => <Typography.Text strong>{task.title}</Typography.Text>,
    },
    { title: t('tasks.col.year'), dataIndex: 'fiscal_year', key: 'year', width: 80 },
    {
      title: t('tasks.col.scope'),
      key: 'scope',
      width: 240,
      render: (_: unknown, task: TTask) => <TaskScope task={task} org={org} />,
    },
    {
      title: t('tasks.col.deadline'),
      key: 'deadline',
      width: 170,
      render: (_: unknown, task: TTask) => <DeadlineText deadline={task.deadline} overdue={task.overdue} />,
    },
    {
      title: t('tasks.col.progress'),
      key: 'progress',
      width: 300,
      render: (_: unknown, task: TTask) => <TaskProgress task={task} counts />,
    },
    {
      title: t('tasks.col.status'),
      key: 'status',
      width: 100,
      render: (_: unknown, task: TTask) => (
        <Tag color={task.status === 'OPEN' ? 'processing' : 'default'} style={{ marginInlineEnd: 0 }}>
          {t(`tasks.taskStatus.${task.status}`)}
        </Tag>
      ),
    },
  ];
}

/** 申报任务: the target declaration tasks of the fiscal year; the performance office issues them. */
export function TaskListPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const scope = useScope();
  const navigate = useNavigate();
  const tasks = useTasks(scope.fiscalYear);
  const org = useOrgTree(scope.mofDivCode, hasPermission(me, 'org:read', 'org:manage'));
  const canIssue = hasPermission(me, 'task:issue');
  const [creating, setCreating] = useState(false);
  const items = tasks.data?.items ?? [];

  return (
    <>
      <PageHeader
        title={t('tasks.title')}
        subtitle={t('tasks.subtitle', { year: scope.fiscalYear })}
        extra={
          canIssue ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              {t('tasks.issue')}
            </Button>
          ) : undefined
        }
      />
      {tasks.isError ? (
        <ErrorResult error={tasks.error} onRetry={() => void tasks.refetch()} />
      ) : (
        <Table<TTask>
          rowKey="id"
          size="middle"
          columns={buildColumns(t, org.data)}
          dataSource={items}
          loading={tasks.isFetching}
          rowClassName={() => 'pb-clickable-row'}
          onRow={(task) => ({ onClick: () => void navigate(`/tasks/${encodeURIComponent(task.id)}`) })}
          scroll={{ x: 1000 }}
          pagination={
            items.length > 20 ? { pageSize: 20, showTotal: (total) => t('common.total', { total }) } : false
          }
          locale={{
            emptyText: tasks.isPending ? (
              ' '
            ) : (
              <EmptyState
                title={t('tasks.empty')}
                hint={canIssue ? t('tasks.emptyIssueHint') : t('tasks.emptyHint')}
                action={
                  canIssue ? (
                    <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
                      {t('tasks.issue')}
                    </Button>
                  ) : undefined
                }
              />
            ),
          }}
        />
      )}
      {creating ? (
        <TaskFormModal
          onClose={(created) => {
            setCreating(false);
            if (created !== null) void navigate(`/tasks/${encodeURIComponent(created)}`);
          }}
        />
      ) : null}
    </>
  );
}
