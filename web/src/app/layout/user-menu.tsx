import { App, Avatar, Dropdown, Flex, Typography, type MenuProps } from 'antd';
import { DownOutlined, KeyOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { logout } from '../../features/auth/auth-api.ts';
import { useCurrentUser } from '../current-user.tsx';

/** Display name and roles, change password, log out. */
export function UserMenu() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const roles = me.roles.map((r) => t(`roles.${r}`)).join('、');

  const doLogout = async () => {
    try {
      await logout();
    } catch (e) {
      message.warning(e instanceof Error ? e.message : String(e));
    }
    queryClient.clear();
    void navigate('/login', { replace: true });
  };

  const items: MenuProps['items'] = [
    {
      key: 'who',
      disabled: true,
      label: (
        <div style={{ maxWidth: 260, cursor: 'default' }}>
          <Typography.Text strong>{me.display_name}</Typography.Text>
          <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
            {me.username} · {roles || t('top.noRole')}
          </Typography.Text>
          <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
            {[me.org.region_name, me.org.dept_name, me.org.agency_name ?? me.org.section_name]
              .filter(Boolean)
              .join(' / ')}
          </Typography.Text>
        </div>
      ),
    },
    { type: 'divider' },
    { key: 'password', icon: <KeyOutlined />, label: t('top.changePassword') },
    { key: 'logout', icon: <LogoutOutlined />, label: t('top.logout'), danger: true },
  ];

  return (
    <Dropdown
      trigger={['click']}
      menu={{
        items,
        onClick: (info) => {
          if (info.key === 'password') void navigate('/change-password');
          if (info.key === 'logout') void doLogout();
        },
      }}
    >
      <Flex
        role="button"
        tabIndex={0}
        aria-label={t('top.userMenu')}
        align="center"
        gap={8}
        style={{ cursor: 'pointer', color: '#fff', padding: '0 4px' }}
      >
        <Avatar size={28} icon={<UserOutlined />} style={{ background: 'rgba(255,255,255,0.18)' }} />
        <span style={{ lineHeight: 1.2 }}>
          <span style={{ display: 'block', fontSize: 13 }}>{me.display_name}</span>
          <span
            style={{
              display: 'block',
              fontSize: 11,
              opacity: 0.75,
              maxWidth: 180,
              overflow: 'hidden',
              textOverflow: 'ellipsis',
              whiteSpace: 'nowrap',
            }}
          >
            {roles}
          </span>
        </span>
        <DownOutlined style={{ fontSize: 10, opacity: 0.8 }} />
      </Flex>
    </Dropdown>
  );
}
