import { useMemo } from 'react';
import { App, Button, Flex, Popconfirm, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { TCoreIndicator } from '../../../../contracts/library.ts';
import { useCurrentUser } from '../../app/current-user.tsx';
import { regionNameOf, useScope } from '../../app/scope-context.tsx';
import { EmptyState } from '../../components/empty-state.tsx';
import { ErrorResult } from '../../components/error-result.tsx';
import { describeError } from '../../components/server-errors.ts';
import { formatDate } from '../../lib/dates.ts';
import { hasPermission } from '../auth/auth-api.ts';
import { useOrgTree } from '../org/org-api.ts';
import { useCoreIndicators, useDeleteCore } from './library-api.ts';

/** The departments of the scope's region, for the core indicator form and the table. */
export function useDepartmentOptions(mofDivCode: string) {
  const me = useCurrentUser();
  const org = useOrgTree(mofDivCode, hasPermission(me, 'org:read', 'org:manage'));
  return useMemo(
    () =>
      (org.data?.departments ?? [])
        .filter((d) => d.mof_div_code === mofDivCode)
        .map((d) => ({ value: d.dept_code, label: `${d.name}（${d.dept_code}）` })),
    [org.data, mofDivCode],
  );
}

/** 核心指标: what the region's (and the higher regions') performance offices pushed down for the year. */
export function CoreIndicatorsTab({ canManage, onAdd }: { canManage: boolean; onAdd: () => void }) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const scope = useScope();
  const { message } = App.useApp();
  const list = useCoreIndicators(scope.mofDivCode, scope.fiscalYear);
  const remove = useDeleteCore();
  const departments = useDepartmentOptions(scope.mofDivCode);
  const deptName = (code: string) => departments.find((d) => d.value === code)?.label ?? code;
  const manages = (r: TCoreIndicator) =>
    canManage && me.regions.some((x) => x.mof_div_code === r.mof_div_code);

  const columns: TableColumnsType<TCoreIndicator> = [
    {
      title: t('library.core.indicator'),
      key: 'indicator',
      render: (_: unknown, r) => (
        <span>
          <Typography.Text strong>{r.name}</Typography.Text>{' '}
          <Typography.Text type="secondary" className="pb-num">
            {r.library_code}
          </Typography.Text>
        </span>
      ),
    },
    {
      title: t('library.core.funcClassPrefix'),
      dataIndex: 'func_class_prefix',
      key: 'prefix',
      width: 150,
      render: (v: string) => (v === '' ? t('library.core.allProjects') : <span className="pb-num">{v}</span>),
    },
    {
      title: t('library.core.dept'),
      dataIndex: 'dept_code',
      key: 'dept',
      width: 200,
      render: (v: string | null) => (v === null ? t('library.core.allDepts') : deptName(v)),
    },
    {
      title: t('library.core.region'),
      dataIndex: 'mof_div_code',
      key: 'region',
      width: 170,
      render: (v: string) =>
        v === scope.mofDivCode ? (
          regionNameOf(me, v)
        ) : (
          <span>
            <Tag color="purple">{t('library.core.higher')}</Tag>
            <span className="pb-num">{v}</span>
          </span>
        ),
    },
    {
      title: t('library.core.createdAt'),
      dataIndex: 'created_at',
      key: 'created_at',
      width: 120,
      render: (v: string) => formatDate(v),
    },
    ...(canManage
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            width: 100,
            render: (_: unknown, r: TCoreIndicator) =>
              manages(r) ? (
                <Popconfirm
                  title={t('library.core.remove')}
                  description={<div style={{ maxWidth: 300 }}>{t('library.core.removeConfirm')}</div>}
                  onConfirm={() =>
                    remove.mutate(r.id, {
                      onSuccess: () => void message.success(t('library.core.removed')),
                      onError: (e) => void message.error(describeError(e)),
                    })
                  }
                >
                  <Button size="small" danger icon={<DeleteOutlined />}>
                    {t('library.core.remove')}
                  </Button>
                </Popconfirm>
              ) : null,
          },
        ]
      : []),
  ];

  return (
    <>
      <Flex justify="space-between" align="flex-start" gap={16} style={{ marginBottom: 12 }}>
        <Typography.Paragraph type="secondary" style={{ margin: 0, maxWidth: 860 }}>
          {t('library.core.hint', { region: regionNameOf(me, scope.mofDivCode), year: scope.fiscalYear })}
        </Typography.Paragraph>
        {canManage ? (
          <Button type="primary" icon={<PlusOutlined />} onClick={onAdd}>
            {t('library.core.add')}
          </Button>
        ) : null}
      </Flex>
      {list.isError ? (
        <ErrorResult error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <Table<TCoreIndicator>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={list.data?.items ?? []}
          loading={list.isFetching}
          pagination={false}
          locale={{
            emptyText: list.isPending ? (
              ' '
            ) : (
              <EmptyState title={t('library.core.empty')} hint={t('library.core.emptyHint')} />
            ),
          }}
        />
      )}
    </>
  );
}
