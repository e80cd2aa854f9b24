import { Button, Popconfirm, Space, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import { CheckCircleFilled, LockFilled, StopOutlined } from '@ant-design/icons';
import type { TFunction } from 'i18next';
import type { TUser } from '../../../../contracts/api.ts';
import { COLORS } from '../../app/theme.ts';
import { formatDateTime } from '../../lib/dates.ts';
import { RoleTags } from './role-tags.tsx';

export interface UserActions {
  canManage: boolean;
  canGrant: boolean;
  onToggleStatus: (u: TUser) => void;
  onUnlock: (u: TUser) => void;
  onGrant: (u: TUser) => void;
  orgName: (u: TUser) => string;
}

function isLocked(u: TUser): boolean {
  return u.locked_until !== null && new Date(u.locked_until).getTime() > Date.now();
}

function StatusCell({ user: u, t }: { user: TUser; t: TFunction }) {
  return (
    <Space size={4} wrap>
      {u.status === 'ACTIVE' ? (
        <Tag
          icon={<CheckCircleFilled />}
          style={{ color: COLORS.green, borderColor: `${COLORS.green}55`, background: `${COLORS.green}0f` }}
        >
          {t('users.status.ACTIVE')}
        </Tag>
      ) : (
        <Tag icon={<StopOutlined />}>{t('users.status.DISABLED')}</Tag>
      )}
      {isLocked(u) ? (
        <Tooltip title={t('users.lockedUntil', { at: formatDateTime(u.locked_until) })}>
          <Tag
            icon={<LockFilled />}
            style={{ color: COLORS.red, borderColor: `${COLORS.red}55`, background: `${COLORS.red}0f` }}
          >
            {t('users.locked')}
          </Tag>
        </Tooltip>
      ) : null}
      {u.must_change_password ? <Tag>{t('users.mustChange')}</Tag> : null}
    </Space>
  );
}

export function buildUserColumns(t: TFunction, a: UserActions): TableColumnsType<TUser> {
  const columns: TableColumnsType<TUser> = [
    {
      title: t('users.username'),
      dataIndex: 'username',
      width: 140,
      render: (v: string) => <Typography.Text strong>{v}</Typography.Text>,
    },
    { title: t('users.displayName'), dataIndex: 'display_name', width: 140 },
    { title: t('users.org'), key: 'org', ellipsis: true, render: (_: unknown, u: TUser) => a.orgName(u) },
    {
      title: t('users.roles'),
      dataIndex: 'roles',
      render: (_: unknown, u: TUser) => <RoleTags roles={u.roles} />,
    },
    {
      title: t('users.statusTitle'),
      key: 'status',
      width: 200,
      render: (_: unknown, u: TUser) => <StatusCell user={u} t={t} />,
    },
  ];
  if (!a.canManage && !a.canGrant) return columns;
  columns.push({
    title: t('common.actions'),
    key: 'actions',
    width: 220,
    render: (_: unknown, u: TUser) => (
      <Space size={0} wrap>
        {a.canGrant ? (
          <Button type="link" size="small" onClick={() => a.onGrant(u)}>
            {t('users.grant')}
          </Button>
        ) : null}
        {a.canManage ? (
          <Popconfirm
            title={
              u.status === 'ACTIVE'
                ? t('users.confirmDisable', { name: u.display_name })
                : t('users.confirmEnable', { name: u.display_name })
            }
            onConfirm={() => a.onToggleStatus(u)}
          >
            <Button type="link" size="small" danger={u.status === 'ACTIVE'}>
              {u.status === 'ACTIVE' ? t('users.disable') : t('users.enable')}
            </Button>
          </Popconfirm>
        ) : null}
        {a.canManage && isLocked(u) ? (
          <Button type="link" size="small" onClick={() => a.onUnlock(u)}>
            {t('users.unlock')}
          </Button>
        ) : null}
      </Space>
    ),
  });
  return columns;
}
