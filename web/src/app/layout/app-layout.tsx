import { useState } from 'react';
import { Layout, Flex } from 'antd';
import { Outlet } from 'react-router';
import { useCurrentUser } from '../current-user.tsx';
import { ScopeProvider } from '../scope-context.tsx';
import { isAdministrator } from '../../features/auth/auth-api.ts';
import { NotificationBell } from '../../features/notifications/notification-bell.tsx';
import { Brand } from './brand.tsx';
import { SideMenu } from './side-menu.tsx';
import { ScopeSwitch } from './scope-switch.tsx';
import { LanguageSwitch } from './language-switch.tsx';
import { UserMenu } from './user-menu.tsx';

/** The frame of every page after login: top bar, menu by stage, content. */
export function AppLayout() {
  const me = useCurrentUser();
  const [collapsed, setCollapsed] = useState(false);
  return (
    <ScopeProvider me={me}>
      <Layout style={{ minHeight: '100vh' }}>
        <Layout.Header
          style={{
            position: 'sticky',
            top: 0,
            zIndex: 20,
            height: 56,
            lineHeight: 'normal',
            boxShadow: '0 1px 4px rgba(0,21,41,0.25)',
          }}
        >
          <Flex align="center" justify="space-between" style={{ height: '100%' }} gap={16}>
            <Brand />
            <Flex align="center" gap={14}>
              {isAdministrator(me) ? null : <ScopeSwitch />}
              <NotificationBell />
              <LanguageSwitch />
              <UserMenu />
            </Flex>
          </Flex>
        </Layout.Header>
        <Layout>
          <Layout.Sider
            width={236}
            collapsible
            collapsed={collapsed}
            onCollapse={setCollapsed}
            theme="light"
            style={{
              borderInlineEnd: '1px solid #e8ecf3',
              position: 'sticky',
              top: 56,
              height: 'calc(100vh - 56px)',
              overflow: 'auto',
            }}
          >
            <SideMenu collapsed={collapsed} />
          </Layout.Sider>
          <Layout.Content style={{ padding: '20px 24px 32px', minWidth: 0 }}>
            <Outlet />
          </Layout.Content>
        </Layout>
      </Layout>
    </ScopeProvider>
  );
}
