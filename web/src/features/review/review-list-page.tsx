import { useMemo, useState } from 'react';
import { Alert, Button, Card, Flex, Space, Table, Typography } from 'antd';
import { CheckOutlined } from '@ant-design/icons';
import { useNavigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { TTargetListItem } from '../../../../contracts/targets.ts';
import { useCurrentUser } from '../../app/current-user.tsx';
import { useScope } from '../../app/scope-context.tsx';
import { EmptyState } from '../../components/empty-state.tsx';
import { ErrorResult } from '../../components/error-result.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { SavedViewsButton } from '../../components/saved-views-button.tsx';
import { hasPermission } from '../auth/auth-api.ts';
import { useOrgTree } from '../org/org-api.ts';
import { BulkApproveModal } from './bulk-approve-modal.tsx';
import {
  isFiltered,
  readReviewState,
  toTargetQuery,
  writeReviewState,
  type ReviewListState,
} from './list-params.ts';
import { buildReviewColumns } from './review-columns.tsx';
import { ReviewFilters } from './review-filters.tsx';
import { useTargetList } from './review-api.ts';
import { canBulkApprove, stepsOf, targetLink } from './status.ts';

/**
 * 目标审核: the targets of the user's scope, server-paged, with the 待我处理 / 全部 switch,
 * filters, saved views and bulk approval for reviewers (not at the grading finance step).
 * The API has no export of targets, so this list offers none.
 */
export function ReviewListPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const scope = useScope();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const defaultView = hasPermission(me, 'target:prepare', 'target:approve') ? 'todo' : 'all';
  const state = readReviewState(params, defaultView);
  const list = useTargetList(toTargetQuery(state, scope.fiscalYear));
  const canReadOrg = hasPermission(me, 'org:read', 'org:manage');
  const org = useOrgTree(scope.mofDivCode, canReadOrg);
  const mySteps = hasPermission(me, 'target:approve') ? stepsOf(me.roles) : [];
  const [selected, setSelected] = useState<TTargetListItem[]>([]);
  const [bulkOpen, setBulkOpen] = useState(false);
  const chosenStep = selected[0]?.step ?? null;

  const departments = useMemo(
    () =>
      canReadOrg
        ? (org.data?.departments ?? [])
            .filter((d) => d.mof_div_code === scope.mofDivCode)
            .map((d) => ({ value: d.dept_code, label: `${d.name}（${d.dept_code}）` }))
        : null,
    [canReadOrg, org.data, scope.mofDivCode],
  );

  const update = (next: Partial<ReviewListState>) => {
    // Any change of filter goes back to the first page.
    const page = next.page ?? 1;
    setParams(writeReviewState({ ...state, ...next, page }, defaultView));
  };

  const bulkPossible = mySteps.some((s) => s !== 'SECTION');
  const showSectionHint =
    mySteps.includes('SECTION') && (list.data?.items ?? []).some((r) => r.step === 'SECTION');
  const items = list.data?.items ?? [];

  return (
    <>
      <PageHeader
        title={t('review.title')}
        subtitle={t('review.subtitle', { year: scope.fiscalYear })}
        extra={
          <SavedViewsButton
            list="targets"
            username={me.username}
            query={params.toString()}
            onApply={(query) => setParams(new URLSearchParams(query))}
          />
        }
      />
      <ReviewFilters
        state={state}
        departments={departments}
        onChange={update}
        onReset={() => setParams(new URLSearchParams())}
      />
      {showSectionHint ? (
        <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('review.sectionHint')} />
      ) : null}
      {selected.length > 0 && chosenStep !== null ? (
        <Card size="small" style={{ marginBottom: 12 }} styles={{ body: { padding: '8px 16px' } }}>
          <Flex justify="space-between" align="center" gap={12} wrap>
            <Typography.Text>
              {t('review.bulk.selected', {
                count: selected.length,
                step: t(`review.stepName.${chosenStep}`),
              })}
              <Typography.Text type="secondary" style={{ marginInlineStart: 12, fontSize: 12 }}>
                {t('review.bulk.onlySameStep')}
              </Typography.Text>
            </Typography.Text>
            <Space>
              <Button onClick={() => setSelected([])}>{t('review.bulk.clear')}</Button>
              <Button type="primary" icon={<CheckOutlined />} onClick={() => setBulkOpen(true)}>
                {t('review.bulk.approve')}
              </Button>
            </Space>
          </Flex>
        </Card>
      ) : null}
      {list.isError ? (
        <ErrorResult error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <Table<TTargetListItem>
          rowKey="id"
          size="middle"
          columns={buildReviewColumns(t)}
          dataSource={items}
          loading={list.isFetching}
          rowClassName={() => 'pb-clickable-row'}
          onRow={(r) => ({ onClick: () => void navigate(targetLink(r)) })}
          scroll={{ x: 1100 }}
          rowSelection={
            bulkPossible
              ? {
                  selectedRowKeys: selected.map((r) => r.id),
                  preserveSelectedRowKeys: true,
                  onChange: (_keys, rows) => {
                    // Rows of other pages stay chosen (antd passes them as undefined).
                    const known = new Map(selected.map((r) => [r.id, r]));
                    for (const r of rows) if (r !== undefined) known.set(r.id, r);
                    const keys = new Set(_keys);
                    const next = [...known.values()].filter((r) => keys.has(r.id));
                    const step = next[0]?.step ?? null;
                    setSelected(next.filter((r) => canBulkApprove(r, mySteps, step)));
                  },
                  getCheckboxProps: (r) => ({
                    disabled: !canBulkApprove(r, mySteps, chosenStep),
                    'aria-label': `${r.pro_code ?? r.dept_code} ${r.name}`,
                  }),
                }
              : undefined
          }
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
            showTotal: (total) => `${t('common.total', { total })} · ${t('review.noSortHint')}`,
          }}
          locale={{
            emptyText: list.isPending ? (
              ' '
            ) : isFiltered(state) ? (
              <EmptyState title={t('review.noMatch')} hint={t('review.noMatchHint')} />
            ) : state.view === 'todo' ? (
              <EmptyState title={t('review.emptyTodo')} hint={t('review.emptyTodoHint')} />
            ) : (
              <EmptyState title={t('review.empty')} hint={t('review.emptyHint')} />
            ),
          }}
        />
      )}
      {bulkOpen ? (
        <BulkApproveModal
          items={selected}
          onClose={(changed) => {
            setBulkOpen(false);
            if (changed) setSelected([]);
          }}
        />
      ) : null}
    </>
  );
}
