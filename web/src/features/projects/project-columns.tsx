import type { TableColumnsType } from 'antd';
import type { SortOrder } from 'antd/es/table/interface';
import { Space, Typography } from 'antd';
import type { TFunction } from 'i18next';
import type { TProject, TProjectListQuery } from '../../../../contracts/api.ts';
import { MoneyText } from '../../components/money-text.tsx';
import { FundsStatusTag } from '../monitoring/monitoring-tags.tsx';
import { BudgetKindTag } from './budget-kind-tag.tsx';

type SortField = 'pro_code' | 'pro_name' | 'amount';

function orderOf(sort: TProjectListQuery['sort'], field: SortField): SortOrder {
  if (sort === field) return 'ascend';
  if (sort === `-${field}`) return 'descend';
  return null;
}

/** Table columns of the registry; sort state comes from the URL. */
export function buildProjectColumns(
  t: TFunction,
  sort: TProjectListQuery['sort'],
): TableColumnsType<TProject> {
  return [
    {
      title: t('projects.col.code'),
      dataIndex: 'pro_code',
      key: 'pro_code',
      width: 150,
      sorter: true,
      sortOrder: orderOf(sort, 'pro_code'),
      render: (v: string) => <Typography.Text className="pb-num">{v}</Typography.Text>,
    },
    {
      title: t('projects.col.name'),
      dataIndex: 'pro_name',
      key: 'pro_name',
      sorter: true,
      sortOrder: orderOf(sort, 'pro_name'),
      ellipsis: true,
      render: (v: string, p: TProject) => (
        <Space size={6}>
          <Typography.Text strong>{v}</Typography.Text>
          <FundsStatusTag status={p.funds_status} />
        </Space>
      ),
    },
    {
      title: t('projects.col.agency'),
      key: 'agency',
      ellipsis: true,
      width: 170,
      render: (_: unknown, p: TProject) => p.agency_name ?? p.agency_code,
    },
    {
      title: t('projects.col.department'),
      key: 'dept',
      ellipsis: true,
      width: 140,
      render: (_: unknown, p: TProject) => p.dept_name ?? p.dept_code,
    },
    {
      title: t('projects.col.budgetKind'),
      dataIndex: 'budget_kind',
      key: 'budget_kind',
      width: 150,
      render: (_: unknown, p: TProject) => <BudgetKindTag kind={p.budget_kind} />,
    },
    {
      title: t('projects.col.newOrContinuing'),
      key: 'is_new',
      width: 96,
      render: (_: unknown, p: TProject) => (p.is_new ? t('projects.new') : t('projects.continuing')),
    },
    {
      title: t('projects.col.amount'),
      dataIndex: 'amount',
      key: 'amount',
      align: 'right',
      width: 150,
      sorter: true,
      sortOrder: orderOf(sort, 'amount'),
      render: (v: string) => <MoneyText yuan={v} />,
    },
  ];
}

/** The API sort parameter for a table sorter change. */
export function toSortParam(field: unknown, order: SortOrder | undefined): TProjectListQuery['sort'] {
  if (order === null || order === undefined) return undefined;
  if (field !== 'pro_code' && field !== 'pro_name' && field !== 'amount') return undefined;
  return order === 'descend' ? `-${field}` : field;
}
