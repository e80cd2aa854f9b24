import { useState } from 'react';
import { Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../components/empty-state.tsx';
import { ErrorResult } from '../../components/error-result.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { formatDateTime } from '../../lib/dates.ts';
import { AuditEntryDetail } from './audit-entry-detail.tsx';
import { AuditFiltersBar } from './audit-filters.tsx';
import { useAuditLog, type AuditFilters, type TAuditEntry } from './audit-api.ts';
import { VerifyChainPanel } from './verify-chain.tsx';

const ACTION_COLOR: Record<string, string> = {
  LOGIN_FAILED: 'red',
  LOCK: 'red',
  DELETE: 'volcano',
  ROLE_GRANT: 'gold',
  ROLE_REVOKE: 'gold',
  CREATE: 'green',
  UPDATE: 'blue',
};

/** AUDIT_ADMIN: the tamper-evident log, filtered, with before/after and a chain check. */
export function AuditPage() {
  const { t } = useTranslation();
  const [filters, setFilters] = useState<AuditFilters>({ page: 1, page_size: 20 });
  const log = useAuditLog(filters);

  const columns: TableColumnsType<TAuditEntry> = [
    {
      title: t('audit.seq'),
      dataIndex: 'seq',
      width: 80,
      render: (v: number) => <span className="pb-num">{v}</span>,
    },
    {
      title: t('audit.at'),
      dataIndex: 'at',
      width: 170,
      render: (v: string) => <span className="pb-num">{formatDateTime(v)}</span>,
    },
    {
      title: t('audit.actor'),
      key: 'actor',
      width: 200,
      render: (_: unknown, e: TAuditEntry) => (
        <span>
          {e.actor_name ?? t('audit.system')}
          {e.actor_roles === null || e.actor_roles === '' ? null : (
            <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
              {e.actor_roles
                .split(/[,\s]+/)
                .filter(Boolean)
                .map((r) => t(`roles.${r}`, { defaultValue: r }))
                .join('、')}
            </Typography.Text>
          )}
        </span>
      ),
    },
    { title: t('audit.ip'), dataIndex: 'ip', width: 130, render: (v: string | null) => v ?? '—' },
    {
      title: t('audit.action'),
      dataIndex: 'action',
      width: 130,
      render: (v: string) => (
        <Tag color={ACTION_COLOR[v]}>{t(`audit.actions.${v}`, { defaultValue: v })}</Tag>
      ),
    },
    {
      title: t('audit.entity'),
      key: 'entity',
      ellipsis: true,
      render: (_: unknown, e: TAuditEntry) => (
        <span>
          {t(`audit.entities.${e.entity}`, { defaultValue: e.entity })}
          {e.entity_id === null ? null : (
            <Typography.Text type="secondary" className="pb-hash">
              {' '}
              · {e.entity_id}
            </Typography.Text>
          )}
        </span>
      ),
    },
    { title: t('audit.reason'), dataIndex: 'reason', ellipsis: true, render: (v: string | null) => v ?? '—' },
  ];

  return (
    <>
      <PageHeader title={t('audit.title')} subtitle={t('audit.subtitle')} />
      <VerifyChainPanel />
      <AuditFiltersBar onApply={(f) => setFilters({ ...f, page: 1, page_size: filters.page_size })} />
      {log.isError ? (
        <ErrorResult error={log.error} onRetry={() => void log.refetch()} />
      ) : (
        <Table<TAuditEntry>
          rowKey="seq"
          size="middle"
          columns={columns}
          dataSource={log.data?.items ?? []}
          loading={log.isFetching}
          scroll={{ x: 1000 }}
          expandable={{ expandedRowRender: (e) => <AuditEntryDetail entry={e} /> }}
          pagination={{
            current: filters.page,
            pageSize: filters.page_size,
            total: log.data?.total ?? 0,
            showSizeChanger: true,
            showTotal: (total) => t('common.total', { total }),
            onChange: (page, size) =>
              setFilters({ ...filters, page: size === filters.page_size ? page : 1, page_size: size }),
          }}
          locale={{
            emptyText: log.isPending ? (
              ' '
            ) : (
              <EmptyState title={t('audit.empty')} hint={t('audit.emptyHint')} />
            ),
          }}
        />
      )}
    </>
  );
}
