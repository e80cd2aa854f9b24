import { useState } from 'react';
import { App, Button, Card, Input, Table } from 'antd';
import { UserAddOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { TUser } from '../../../../contracts/api.ts';
import { useCurrentUser } from '../../app/current-user.tsx';
import { regionNameOf, useScope } from '../../app/scope-context.tsx';
import { EmptyState } from '../../components/empty-state.tsx';
import { ErrorResult } from '../../components/error-result.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { describeError } from '../../components/server-errors.ts';
import { hasPermission } from '../auth/auth-api.ts';
import { useOrgTree } from '../org/org-api.ts';
import { CreateUserModal } from './create-user-modal.tsx';
import { GrantRolesModal } from './grant-roles-modal.tsx';
import { buildUserColumns } from './user-columns.tsx';
import { useUpdateUser, useUsers } from './users-api.ts';

/** Users and roles: SYS_ADMIN manages accounts, SEC_ADMIN grants roles. */
export function UsersPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const scope = useScope();
  const { message } = App.useApp();
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const users = useUsers({ q, page, page_size: pageSize });
  const update = useUpdateUser();
  const canManage = hasPermission(me, 'user:manage');
  const canGrant = hasPermission(me, 'role:grant');
  const [creating, setCreating] = useState(false);
  const [granting, setGranting] = useState<TUser | null>(null);
  const org = useOrgTree(undefined, hasPermission(me, 'org:read', 'org:manage'));

  const orgName = (u: TUser): string => {
    const region = regionNameOf(me, u.mof_div_code);
    const dept =
      org.data?.departments.find((d) => d.mof_div_code === u.mof_div_code && d.dept_code === u.dept_code)
        ?.name ?? u.dept_code;
    const agency =
      org.data?.agencies.find((a) => a.mof_div_code === u.mof_div_code && a.agency_code === u.agency_code)
        ?.name ?? u.agency_code;
    const section =
      org.data?.sections.find((s) => s.mof_div_code === u.mof_div_code && s.section_code === u.section_code)
        ?.name ?? u.section_code;
    return [region, dept, agency, section]
      .filter((x) => x !== null && x !== undefined && x !== '')
      .join(' / ');
  };

  const patch = async (
    u: TUser,
    body: { status?: 'ACTIVE' | 'DISABLED'; unlock?: boolean },
    done: string,
  ) => {
    try {
      await update.mutateAsync({ id: u.id, body: { version: u.version, ...body } });
      message.success(done);
    } catch (e) {
      message.error(describeError(e));
    }
  };

  const columns = buildUserColumns(t, {
    canManage,
    canGrant,
    orgName,
    onGrant: setGranting,
    onToggleStatus: (u) =>
      void patch(
        u,
        { status: u.status === 'ACTIVE' ? 'DISABLED' : 'ACTIVE' },
        u.status === 'ACTIVE' ? t('users.disabled') : t('users.enabled'),
      ),
    onUnlock: (u) => void patch(u, { unlock: true }, t('users.unlocked')),
  });

  return (
    <>
      <PageHeader
        title={t('users.title')}
        subtitle={canManage ? t('users.subtitleSys') : t('users.subtitleSec')}
        extra={
          canManage ? (
            <Button type="primary" icon={<UserAddOutlined />} onClick={() => setCreating(true)}>
              {t('users.create')}
            </Button>
          ) : undefined
        }
      />
      <Card size="small" style={{ marginBottom: 16 }} styles={{ body: { padding: '12px 16px' } }}>
        <Input.Search
          allowClear
          aria-label={t('users.search')}
          placeholder={t('users.searchPlaceholder')}
          style={{ width: 320 }}
          onSearch={(v) => {
            setQ(v.trim());
            setPage(1);
          }}
        />
      </Card>
      {users.isError ? (
        <ErrorResult error={users.error} onRetry={() => void users.refetch()} />
      ) : (
        <Table<TUser>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={users.data?.items ?? []}
          loading={users.isFetching}
          scroll={{ x: 1000 }}
          pagination={{
            current: page,
            pageSize,
            total: users.data?.total ?? 0,
            showSizeChanger: true,
            showTotal: (total) => t('common.total', { total }),
            onChange: (p, s) => {
              setPage(s === pageSize ? p : 1);
              setPageSize(s);
            },
          }}
          locale={{
            emptyText: users.isPending ? (
              ' '
            ) : (
              <EmptyState
                title={t('users.empty')}
                hint={q === '' ? t('users.emptyHint') : t('users.noMatchHint')}
              />
            ),
          }}
        />
      )}
      {creating ? (
        <CreateUserModal defaultRegion={scope.mofDivCode} onClose={() => setCreating(false)} />
      ) : null}
      {granting === null ? null : <GrantRolesModal user={granting} onClose={() => setGranting(null)} />}
    </>
  );
}
