import { useState } from 'react';
import { App, Button, Space, Table, Tabs } from 'antd';
import { DownloadOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { TLibraryIndicator } from '../../../../contracts/library.ts';
import { useCurrentUser } from '../../app/current-user.tsx';
import { useScope } from '../../app/scope-context.tsx';
import { EmptyState } from '../../components/empty-state.tsx';
import { ErrorResult } from '../../components/error-result.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { describeError } from '../../components/server-errors.ts';
import { hasPermission } from '../auth/auth-api.ts';
import { CoreIndicatorModal } from './core-indicator-modal.tsx';
import { CoreIndicatorsTab, useDepartmentOptions } from './core-indicators-tab.tsx';
import { ImportModal } from './import-modal.tsx';
import { buildLibraryColumns } from './library-columns.tsx';
import { exportLibrary, useLibraryList } from './library-api.ts';
import { LibraryDetailDrawer } from './library-detail-drawer.tsx';
import { LibraryFilters } from './library-filters.tsx';
import { LibraryFormDrawer, type LibraryFormTarget } from './library-form-drawer.tsx';
import {
  isFiltered,
  readLibraryState,
  toLibraryFilters,
  writeLibraryState,
  type LibraryListState,
} from './list-params.ts';

/**
 * 指标库: the server-paged list with search and filters, the detail drawer (definition, reference
 * values, distribution of targets and actuals), and for the performance office the create/edit
 * form, retire, Excel export/import and the core indicators pushed down per year.
 */
export function LibraryPage() {
  const { t, i18n } = useTranslation();
  const me = useCurrentUser();
  const scope = useScope();
  const { message } = App.useApp();
  const [params, setParams] = useSearchParams();
  const state = readLibraryState(params);
  const filters = toLibraryFilters(state, scope.fiscalYear);
  const list = useLibraryList(filters);
  const canManage = hasPermission(me, 'library:manage');
  const canExport = canManage || hasPermission(me, 'export:data');
  const [tab, setTab] = useState(params.get('tab') === 'core' ? 'core' : 'indicators');
  const [form, setForm] = useState<LibraryFormTarget | null>(null);
  const [importing, setImporting] = useState(false);
  const [exporting, setExporting] = useState(false);
  const [core, setCore] = useState<{ preset: TLibraryIndicator | null } | null>(null);
  const departments = useDepartmentOptions(scope.mofDivCode);

  const update = (next: Partial<LibraryListState>) => {
    // A change of filter goes back to the first page; opening the drawer keeps the page.
    const page = next.page ?? ('open' in next ? state.page : 1);
    setParams(writeLibraryState({ ...state, ...next, page }));
  };
  const openDrawer = (code: string | undefined) => update({ open: code });

  const doExport = async () => {
    setExporting(true);
    try {
      await exportLibrary(filters);
    } catch (e) {
      message.error(describeError(e));
    } finally {
      setExporting(false);
    }
  };

  const filtered = isFiltered(state);
  const indicators = (
    <>
      <LibraryFilters state={state} onChange={update} onReset={() => setParams(new URLSearchParams())} />
      {list.isError ? (
        <ErrorResult error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <Table<TLibraryIndicator>
          rowKey="code"
          size="middle"
          columns={buildLibraryColumns(t, i18n.language, me.org.mof_div_code, scope.fiscalYear)}
          dataSource={list.data?.items ?? []}
          loading={list.isFetching}
          rowClassName={() => 'pb-clickable-row'}
          onRow={(r) => ({ onClick: () => openDrawer(r.code) })}
          scroll={{ x: 1000 }}
          onChange={(pagination, _f, _s, extra) => {
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
            ) : (
              <EmptyState
                title={filtered ? t('library.noMatch') : t('library.empty')}
                hint={filtered ? t('library.noMatchHint') : t('library.emptyHint')}
              />
            ),
          }}
        />
      )}
    </>
  );

  return (
    <>
      <PageHeader
        title={t('library.title')}
        subtitle={t('library.subtitle', { year: scope.fiscalYear })}
        extra={
          <Space wrap>
            {canExport ? (
              <Button icon={<DownloadOutlined />} loading={exporting} onClick={() => void doExport()}>
                {t('library.export')}
              </Button>
            ) : null}
            {canManage ? (
              <Button icon={<UploadOutlined />} onClick={() => setImporting(true)}>
                {t('library.importButton')}
              </Button>
            ) : null}
            {canManage ? (
              <Button
                type="primary"
                icon={<PlusOutlined />}
                onClick={() => setForm({ mode: 'create', source: null })}
              >
                {t('library.create')}
              </Button>
            ) : null}
          </Space>
        }
      />
      <Tabs
        activeKey={tab}
        onChange={setTab}
        items={[
          { key: 'indicators', label: t('library.tabs.indicators'), children: indicators },
          {
            key: 'core',
            label: t('library.tabs.core'),
            children: <CoreIndicatorsTab canManage={canManage} onAdd={() => setCore({ preset: null })} />,
          },
        ]}
      />
      <LibraryDetailDrawer
        code={state.open ?? null}
        fiscalYear={scope.fiscalYear}
        ownRegion={me.org.mof_div_code}
        canManage={canManage}
        onClose={() => openDrawer(undefined)}
        onEdit={(ind) => setForm({ mode: 'edit', source: ind })}
        onCopy={(ind) => setForm({ mode: 'create', source: ind })}
        onMakeCore={(ind) => setCore({ preset: ind })}
      />
      <LibraryFormDrawer
        target={form}
        year={scope.fiscalYear}
        onClose={() => setForm(null)}
        onSaved={(code) => {
          setForm(null);
          openDrawer(code);
        }}
      />
      {canManage ? <ImportModal open={importing} onClose={() => setImporting(false)} /> : null}
      {canManage && core ? (
        <CoreIndicatorModal
          open
          mofDivCode={scope.mofDivCode}
          fiscalYear={scope.fiscalYear}
          preset={core.preset}
          departments={departments}
          onClose={() => setCore(null)}
        />
      ) : null}
    </>
  );
}
