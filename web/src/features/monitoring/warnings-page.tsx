import { useMemo, useState, type ReactNode } from 'react';
import { App, Button, Card, Flex, Input, Segmented, Select, Space, Switch, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { DownloadOutlined, ReloadOutlined } from '@ant-design/icons';
import { useNavigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { TReportListItem } from '../../../../contracts/monitoring.ts';
import { useCurrentUser } from '../../app/current-user.tsx';
import { useScope } from '../../app/scope-context.tsx';
import { EmptyState } from '../../components/empty-state.tsx';
import { ErrorResult } from '../../components/error-result.tsx';
import { LightTag } from '../../components/light-tag.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { SavedViewsButton } from '../../components/saved-views-button.tsx';
import { describeError } from '../../components/server-errors.ts';
import { hasPermission } from '../auth/auth-api.ts';
import { useOrgTree } from '../org/org-api.ts';
import { exportReports, useReportList, useRounds } from './monitoring-api.ts';
import {
  isWarningsFiltered,
  readWarningsState,
  reportLink,
  toWarningsQuery,
  warningRows,
  writeWarningsState,
  type WarningRow,
  type WarningsState,
} from './monitoring-model.ts';
import { buildReportColumns } from './report-columns.tsx';

/** Search box and filters of the warnings page. */
function WarningsFilters({
  state,
  rounds,
  departments,
  sections,
  onChange,
  onReset,
}: {
  state: WarningsState;
  rounds: { value: string; label: string }[];
  departments: { value: string; label: string }[] | null;
  sections: { value: string; label: string }[] | null;
  onChange: (next: Partial<WarningsState>) => void;
  onReset: () => void;
}) {
  const { t } = useTranslation();
  const [q, setQ] = useState(state.q);
  const [seenQ, setSeenQ] = useState(state.q);
  if (seenQ !== state.q) {
    setSeenQ(state.q);
    setQ(state.q);
  }
  return (
    <Card size="small" style={{ marginBottom: 16 }} styles={{ body: { padding: '12px 16px' } }}>
      <Flex gap={12} wrap align="center">
        <Segmented<'ALL' | 'RED' | 'YELLOW'>
          aria-label={t('monitoring.warnings.lightFilter')}
          value={state.light ?? 'ALL'}
          onChange={(v) => onChange({ light: v === 'ALL' ? undefined : v })}
          options={[
            { value: 'ALL', label: t('monitoring.warnings.redAndYellow') },
            { value: 'RED', label: <LightTag light="RED" /> },
            { value: 'YELLOW', label: <LightTag light="YELLOW" /> },
          ]}
        />
        <Input.Search
          aria-label={t('monitoring.warnings.search')}
          placeholder={t('monitoring.warnings.searchPlaceholder')}
          allowClear
          value={q}
          onChange={(e) => setQ(e.target.value)}
          onSearch={(v) => onChange({ q: v.trim() })}
          style={{ width: 240 }}
        />
        <Select
          aria-label={t('monitoring.warnings.roundFilter')}
          placeholder={t('monitoring.warnings.allRounds')}
          allowClear
          value={state.round}
          onChange={(v: string | undefined) => onChange({ round: v })}
          options={rounds}
          style={{ width: 220 }}
          popupMatchSelectWidth={false}
        />
        {departments === null ? null : (
          <Select
            aria-label={t('monitoring.warnings.departmentFilter')}
            placeholder={t('monitoring.warnings.allDepartments')}
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            value={state.dept}
            onChange={(v: string | undefined) => onChange({ dept: v })}
            options={departments}
            style={{ width: 200 }}
            popupMatchSelectWidth={false}
          />
        )}
        {sections === null || sections.length === 0 ? null : (
          <Select
            aria-label={t('monitoring.warnings.sectionFilter')}
            placeholder={t('monitoring.warnings.allSections')}
            allowClear
            value={state.section}
            onChange={(v: string | undefined) => onChange({ section: v })}
            options={sections}
            style={{ width: 160 }}
            popupMatchSelectWidth={false}
          />
        )}
        <Select
          aria-label={t('monitoring.warnings.statusFilter')}
          placeholder={t('monitoring.warnings.allStatuses')}
          allowClear
          value={state.status}
          onChange={(v: 'DRAFT' | 'SUBMITTED' | undefined) => onChange({ status: v })}
          options={(['DRAFT', 'SUBMITTED'] as const).map((s) => ({
            value: s,
            label: t(`monitoring.reportStatus.${s}`),
          }))}
          style={{ width: 120 }}
        />
        <Space size={6}>
          <Switch
            size="small"
            checked={state.group}
            onChange={(v) => onChange({ group: v })}
            aria-label={t('monitoring.warnings.group')}
          />
          <Typography.Text>{t('monitoring.warnings.group')}</Typography.Text>
        </Space>
        <Button
          icon={<ReloadOutlined />}
          onClick={() => {
            setQ('');
            onReset();
          }}
        >
          {t('common.reset')}
        </Button>
      </Flex>
    </Card>
  );
}

/**
 * 预警: the RED and YELLOW projects of the year's rounds in the user's scope, grouped by
 * department, with filters (round, department, finance section, light, status, search), the
 * funds status and disposition of each, and export to Excel.
 */
export function WarningsPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const scope = useScope();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [params, setParams] = useSearchParams();
  const state = readWarningsState(params);
  const query = toWarningsQuery(state, scope.fiscalYear);
  const list = useReportList(query);
  const rounds = useRounds(scope.fiscalYear);
  const canReadOrg = hasPermission(me, 'org:read', 'org:manage');
  const org = useOrgTree(scope.mofDivCode, canReadOrg);
  const [exporting, setExporting] = useState(false);

  const departments = useMemo(
    () =>
      canReadOrg
        ? (org.data?.departments ?? [])
            .filter((d) => d.mof_div_code === scope.mofDivCode)
            .map((d) => ({ value: d.dept_code, label: `${d.name}（${d.dept_code}）` }))
        : null,
    [canReadOrg, org.data, scope.mofDivCode],
  );
  const sections = useMemo(
    () =>
      canReadOrg
        ? (org.data?.sections ?? [])
            .filter((s) => s.mof_div_code === scope.mofDivCode)
            .map((s) => ({ value: s.id, label: s.name }))
        : null,
    [canReadOrg, org.data, scope.mofDivCode],
  );
  const roundOptions = (rounds.data?.items ?? []).map((r) => ({
    value: r.id,
    label: `${r.title}（${r.as_of}）`,
  }));

  const update = (next: Partial<WarningsState>) => {
    const page = next.page ?? 1;
    setParams(writeWarningsState({ ...state, ...next, page }));
  };

  const doExport = async () => {
    setExporting(true);
    try {
      await exportReports(query);
    } catch (e) {
      message.error(describeError(e));
    } finally {
      setExporting(false);
    }
  };

  const rows = warningRows(list.data?.items ?? [], state.group);
  const itemColumns = buildReportColumns(t, {
    round: true,
    department: !state.group,
    section: true,
    updated: false,
  });
  const span = itemColumns.length;
  const columns: TableColumnsType<WarningRow> = itemColumns.map((c, i) => ({
    ...(c as TableColumnsType<WarningRow>[number]),
    render: (_: unknown, row: WarningRow, index: number) => {
      if (row.kind === 'group') {
        if (i !== 0) return null;
        return (
          <Flex gap={10} align="center" wrap>
            <Typography.Text strong>{row.dept_name ?? row.dept_code}</Typography.Text>
            <Typography.Text type="secondary" className="pb-num">
              {row.dept_code}
            </Typography.Text>
            {row.section_name === null ? null : (
              <Typography.Text type="secondary">{row.section_name}</Typography.Text>
            )}
            {row.red > 0 ? <LightTag light="RED" label={`${t('lights.RED')} ${String(row.red)}`} /> : null}
            {row.yellow > 0 ? (
              <LightTag light="YELLOW" label={`${t('lights.YELLOW')} ${String(row.yellow)}`} />
            ) : null}
          </Flex>
        );
      }
      const render = (c as { render?: (v: unknown, r: TReportListItem, i: number) => ReactNode }).render;
      return render === undefined ? null : render(undefined, row.item, index);
    },
    onCell: (row: WarningRow) => (row.kind === 'group' ? { colSpan: i === 0 ? span : 0 } : {}),
  }));

  return (
    <>
      <PageHeader
        title={t('monitoring.warnings.title')}
        subtitle={t('monitoring.warnings.subtitle', { year: scope.fiscalYear })}
        extra={
          <Space>
            <SavedViewsButton
              list="warnings"
              username={me.username}
              query={params.toString()}
              onApply={(q) => setParams(new URLSearchParams(q))}
            />
            {hasPermission(me, 'export:data') ? (
              <Button icon={<DownloadOutlined />} loading={exporting} onClick={() => void doExport()}>
                {t('monitoring.warnings.export')}
              </Button>
            ) : null}
          </Space>
        }
      />
      <WarningsFilters
        state={state}
        rounds={roundOptions}
        departments={departments}
        sections={sections}
        onChange={update}
        onReset={() => setParams(new URLSearchParams())}
      />
      {list.isError ? (
        <ErrorResult error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <Table<WarningRow>
          rowKey="key"
          size="middle"
          columns={columns}
          dataSource={rows}
          loading={list.isFetching}
          rowClassName={(r) => (r.kind === 'group' ? 'pb-mon-group-row' : 'pb-clickable-row')}
          onRow={(r) => ({
            onClick: r.kind === 'item' ? () => void navigate(reportLink(r.item.id)) : undefined,
          })}
          scroll={{ x: 1080 }}
          onChange={(pagination, _filters, _sorter, extra) => {
            if (extra.action !== 'paginate') return;
            update({ page: pagination.current ?? 1, size: pagination.pageSize ?? state.size });
          }}
          pagination={{
            current: state.page,
            pageSize: state.size,
            total: list.data?.total ?? 0,
            showSizeChanger: true,
            pageSizeOptions: [20, 50, 100, 200],
            showTotal: (total) => t('common.total', { total }),
          }}
          locale={{
            emptyText: list.isPending ? (
              ' '
            ) : isWarningsFiltered(state) ? (
              <EmptyState
                title={t('monitoring.warnings.noMatch')}
                hint={t('monitoring.warnings.noMatchHint')}
              />
            ) : (
              <EmptyState title={t('monitoring.warnings.empty')} hint={t('monitoring.warnings.emptyHint')} />
            ),
          }}
        />
      )}
    </>
  );
}
