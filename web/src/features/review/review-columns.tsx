import type { TableColumnsType } from 'antd';
import { Flex, Tag, Tooltip, Typography } from 'antd';
import { FlagFilled } from '@ant-design/icons';
import type { TFunction } from 'i18next';
import type { TTargetListItem } from '../../../../contracts/targets.ts';
import { MoneyText } from '../../components/money-text.tsx';
import { formatDateTime } from '../../lib/dates.ts';
import { DeadlineText } from './deadline-text.tsx';
import { TargetStatusTag } from './target-status-tag.tsx';

/** Table columns of the review list (the API sorts by deadline then last update; no column sort). */
export function buildReviewColumns(t: TFunction): TableColumnsType<TTargetListItem> {
  return [
    {
      title: t('review.col.code'),
      key: 'code',
      width: 140,
      render: (_: unknown, r: TTargetListItem) =>
        r.kind === 'DEPARTMENT' ? (
          <Tooltip title={t('review.departmentTargetHint')}>
            <Tag color="blue" style={{ marginInlineEnd: 0 }}>
              {t('review.departmentTarget')}
            </Tag>
          </Tooltip>
        ) : (
          <Typography.Text className="pb-num">{r.pro_code}</Typography.Text>
        ),
    },
    {
      title: t('review.col.name'),
      key: 'name',
      ellipsis: true,
      render: (_: unknown, r: TTargetListItem) => (
        <Flex vertical style={{ minWidth: 0 }}>
          <Typography.Text strong ellipsis>
            {r.name}
          </Typography.Text>
          <Typography.Text type="secondary" ellipsis style={{ fontSize: 12 }}>
            {r.kind === 'DEPARTMENT'
              ? t('review.departmentTargetHint')
              : [r.agency_name ?? r.agency_code, r.dept_name ?? r.dept_code]
                  .filter((x) => x !== null)
                  .join(' · ')}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      title: t('review.col.amount'),
      dataIndex: 'amount',
      key: 'amount',
      align: 'right',
      width: 120,
      render: (v: string) => <MoneyText yuan={v} />,
    },
    {
      title: t('review.col.status'),
      key: 'status',
      width: 200,
      render: (_: unknown, r: TTargetListItem) => <TargetStatusTag status={r.status} step={r.step} />,
    },
    {
      title: t('review.col.flags'),
      dataIndex: 'flag_count',
      key: 'flags',
      width: 110,
      render: (n: number) =>
        n > 0 ? (
          <Tooltip title={t('review.flagHint')}>
            <Tag color="orange" icon={<FlagFilled />} style={{ marginInlineEnd: 0 }}>
              {t('review.flagCount', { count: n })}
            </Tag>
          </Tooltip>
        ) : (
          <Typography.Text type="secondary">{t('review.noFlags')}</Typography.Text>
        ),
    },
    {
      title: t('review.col.version'),
      key: 'version',
      width: 72,
      render: (_: unknown, r: TTargetListItem) => (
        <Tooltip title={t('review.updatedAt', { time: formatDateTime(r.updated_at).slice(0, 16) })}>
          <span className="pb-num">v{r.current_version}</span>
        </Tooltip>
      ),
    },
    {
      title: t('review.col.deadline'),
      key: 'deadline',
      width: 170,
      render: (_: unknown, r: TTargetListItem) => <DeadlineText deadline={r.deadline} overdue={r.overdue} />,
    },
  ];
}
