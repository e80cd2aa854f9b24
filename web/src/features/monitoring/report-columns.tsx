import type { TableColumnsType } from 'antd';
import { Flex, Space, Typography } from 'antd';
import type { TFunction } from 'i18next';
import type { TReportListItem } from '../../../../contracts/monitoring.ts';
import { MoneyText } from '../../components/money-text.tsx';
import { formatDateTime } from '../../lib/dates.ts';
import { DispositionTag, FundsStatusTag, LightValue, ReportStatusTag } from './monitoring-tags.tsx';

/** Whether the latest disposition only repeats the funds status shown next to it. */
function sameAsFunds(r: TReportListItem): boolean {
  return (
    (r.disposition === 'SUSPEND_FUNDS' && r.funds_status === 'SUSPENDED') ||
    (r.disposition === 'STOP_RECOVER' && r.funds_status === 'STOPPED')
  );
}

/** The project, its unit and department in one cell. */
function ProjectCell({ r }: { r: TReportListItem }) {
  return (
    <Flex vertical style={{ minWidth: 0 }}>
      <Typography.Text strong ellipsis>
        {r.pro_name}
      </Typography.Text>
      <Typography.Text type="secondary" ellipsis style={{ fontSize: 12 }}>
        <span className="pb-num">{r.pro_code}</span> · {r.agency_name ?? r.agency_code}
      </Typography.Text>
    </Flex>
  );
}

/**
 * Columns of a report list (a round's reports and the warnings): project, budget and executed in
 * 万元, the three lights with values, report status, funds status and the latest disposition.
 */
export function buildReportColumns(
  t: TFunction,
  options: { round?: boolean; department?: boolean; section?: boolean; updated?: boolean } = {},
): TableColumnsType<TReportListItem> {
  const cols: TableColumnsType<TReportListItem> = [
    {
      title: t('monitoring.col.project'),
      key: 'project',
      width: 260,
      ellipsis: true,
      render: (_: unknown, r) => <ProjectCell r={r} />,
    },
  ];
  if (options.department === true) {
    cols.push({
      title: t('monitoring.col.department'),
      key: 'department',
      width: 150,
      ellipsis: true,
      render: (_: unknown, r) => (
        <Flex vertical style={{ minWidth: 0 }}>
          <Typography.Text ellipsis>{r.dept_name ?? r.dept_code}</Typography.Text>
          {options.section === true && r.section_name !== null ? (
            <Typography.Text type="secondary" ellipsis style={{ fontSize: 12 }}>
              {r.section_name}
            </Typography.Text>
          ) : null}
        </Flex>
      ),
    });
  }
  if (options.round === true) {
    cols.push({
      title: t('monitoring.col.round'),
      key: 'round',
      width: 160,
      ellipsis: true,
      render: (_: unknown, r) => (
        <Flex vertical style={{ minWidth: 0 }}>
          <Typography.Text ellipsis>{r.round_title}</Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }} className="pb-num">
            {t('monitoring.asOfShort', { date: r.as_of })}
          </Typography.Text>
        </Flex>
      ),
    });
  }
  cols.push(
    {
      title: t('monitoring.col.budgetExecuted'),
      key: 'money',
      align: 'right',
      width: 150,
      render: (_: unknown, r) => (
        <Flex vertical align="flex-end">
          <MoneyText yuan={r.budget} />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {r.executed === null ? '—' : <MoneyText yuan={r.executed} />}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      title: t('monitoring.col.execution'),
      key: 'execution',
      width: 140,
      render: (_: unknown, r) =>
        r.execution_light === null ? '—' : <LightValue light={r.execution_light} value={r.execution_value} />,
    },
    {
      title: t('monitoring.col.target'),
      key: 'target',
      width: 100,
      render: (_: unknown, r) => (r.target_light === null ? '—' : <LightValue light={r.target_light} />),
    },
    {
      title: t('monitoring.col.projectLight'),
      key: 'projectLight',
      width: 100,
      render: (_: unknown, r) => (r.project_light === null ? '—' : <LightValue light={r.project_light} />),
    },
    {
      title: t('monitoring.col.status'),
      key: 'status',
      width: 170,
      render: (_: unknown, r) => (
        <Space size={4} wrap>
          <ReportStatusTag status={r.status} />
          <FundsStatusTag status={r.funds_status} />
          {r.disposition === null || sameAsFunds(r) ? null : <DispositionTag kind={r.disposition} />}
        </Space>
      ),
    },
  );
  if (options.updated !== false) {
    cols.push({
      title: t('monitoring.col.updated'),
      key: 'updated',
      width: 160,
      render: (_: unknown, r) => (
        <Typography.Text type="secondary" className="pb-num" style={{ fontSize: 12 }}>
          {formatDateTime(r.updated_at)}
        </Typography.Text>
      ),
    });
  }
  return cols;
}
