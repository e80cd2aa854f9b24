import { useMemo, useState } from 'react';
import { App, Button, Space, Table } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useNavigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { TProject } from '../../../../contracts/api.ts';
import { useCurrentUser } from '../../app/current-user.tsx';
import { useScope } from '../../app/scope-context.tsx';
import { EmptyState } from '../../components/empty-state.tsx';
import { ErrorResult } from '../../components/error-result.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { SavedViewsButton } from '../../components/saved-views-button.tsx';
import { describeError } from '../../components/server-errors.ts';
import { hasPermission } from '../auth/auth-api.ts';
import { useOrgTree } from '../org/org-api.ts';
import { buildProjectColumns, toSortParam } from './project-columns.tsx';
import { ProjectFilters } from './project-filters.tsx';
import { readListState, toFilters, writeListState, type ListState } from './list-params.ts';
import { exportProjects, useProjects } from './projects-api.ts';

/** The project registry: server-paged, filtered and sorted, exportable to Excel. */
export function ProjectListPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const scope = useScope();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [params, setParams] = useSearchParams();
  const state = readListState(params);
  const filters = toFilters(state, scope.params);
  const projects = useProjects(filters);
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

  const update = (next: Partial<ListState>) => {
    // Any change of filter goes back to the first page.
    const page = next.page ?? 1;
    setParams(writeListState({ ...state, ...next, page }));
  };

  const doExport = async () => {
    setExporting(true);
    try {
      await exportProjects(filters);
    } catch (e) {
      message.error(describeError(e));
    } finally {
      setExporting(false);
    }
  };

  const filtered =
    state.q !== '' ||
    state.dept !== undefined ||
    state.kind !== undefined ||
    state.minWan !== undefined ||
    state.maxWan !== undefined;

  return (
    <>
      <PageHeader
        title={t('projects.title')}
        subtitle={t('projects.subtitle', { year: scope.fiscalYear })}
        extra={
          <Space>
            <SavedViewsButton
              list="projects"
              username={me.username}
              query={params.toString()}
              onApply={(query) => setParams(new URLSearchParams(query))}
            />
            {hasPermission(me, 'export:data') ? (
              <Button icon={<DownloadOutlined />} loading={exporting} onClick={() => void doExport()}>
                {t('projects.export')}
              </Button>
            ) : null}
          </Space>
        }
      />
      <ProjectFilters
        state={state}
        departments={departments}
        onChange={update}
        onReset={() => setParams(new URLSearchParams())}
      />
      {projects.isError ? (
        <ErrorResult error={projects.error} onRetry={() => void projects.refetch()} />
      ) : (
        <Table<TProject>
          rowKey="id"
          size="middle"
          columns={buildProjectColumns(t, state.sort)}
          dataSource={projects.data?.items ?? []}
          loading={projects.isFetching}
          rowClassName={() => 'pb-clickable-row'}
          onRow={(p) => ({ onClick: () => void navigate(`/projects/${encodeURIComponent(p.id)}`) })}
          scroll={{ x: 1100 }}
          onChange={(pagination, _filters, sorter, extra) => {
            const s = Array.isArray(sorter) ? sorter[0] : sorter;
            const sort = toSortParam(s?.field, s?.order);
            const page = extra.action === 'paginate' ? (pagination.current ?? 1) : 1;
            update({ sort, page, size: pagination.pageSize ?? state.size });
          }}
          pagination={{
            current: state.page,
            pageSize: state.size,
            total: projects.data?.total ?? 0,
            showSizeChanger: true,
            pageSizeOptions: [20, 50, 100, 200],
            showTotal: (total) => t('common.total', { total }),
          }}
          locale={{
            emptyText: projects.isPending ? (
              ' '
            ) : (
              <EmptyState
                title={filtered ? t('projects.noMatch') : t('projects.empty')}
                hint={
                  filtered ? t('projects.noMatchHint') : t('projects.emptyHint', { year: scope.fiscalYear })
                }
              />
            ),
          }}
        />
      )}
    </>
  );
}
