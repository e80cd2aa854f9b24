import { useState } from 'react';
import { Alert, Button, Collapse, Form, Input, Typography } from 'antd';
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { useLocation, useNavigate } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { TLoginRequest } from '../../../../contracts/api.ts';
import { ApiError } from '../../lib/api-client.ts';
import { AuthShell } from './auth-shell.tsx';
import { fetchMe, login, ME_KEY } from './auth-api.ts';

const DEMO_ACCOUNTS =
  'admin, security, auditor, finance, section, dept, leader, unit, unit2, expert, agency, supervisor';

function readFrom(state: unknown): string {
  if (typeof state === 'object' && state !== null && 'from' in state && typeof state.from === 'string') {
    return state.from.startsWith('/') && !state.from.startsWith('/login') ? state.from : '/workbench';
  }
  return '/workbench';
}

function readExpired(state: unknown): boolean {
  return typeof state === 'object' && state !== null && 'expired' in state && state.expired === true;
}

export function LoginPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const queryClient = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);

  const submit = async (values: TLoginRequest) => {
    setSubmitting(true);
    setError(null);
    try {
      await login(values);
      const me = await queryClient.fetchQuery({ queryKey: ME_KEY, queryFn: fetchMe, staleTime: 0 });
      void navigate(me.must_change_password ? '/change-password' : readFrom(location.state), {
        replace: true,
      });
    } catch (e) {
      // The server translates its messages (wrong credentials, locked account with its time).
      const fallback =
        e instanceof ApiError && e.status === 401 ? t('login.wrongCredentials') : t('common.loadFailed');
      setError(e instanceof Error && e.message !== '' ? e.message : fallback);
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <AuthShell>
      <Typography.Title level={2} style={{ marginBottom: 4 }}>
        {t('login.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 24 }}>
        {t('login.subtitle')}
      </Typography.Paragraph>
      {readExpired(location.state) && error === null ? (
        <Alert type="info" showIcon title={t('login.sessionEnded')} style={{ marginBottom: 16 }} />
      ) : null}
      {error === null ? null : <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Form<TLoginRequest>
        layout="vertical"
        size="large"
        onFinish={(v) => void submit(v)}
        requiredMark={false}
      >
        <Form.Item
          name="username"
          label={t('login.username')}
          rules={[{ required: true, whitespace: true, message: t('login.usernameRequired') }]}
        >
          <Input
            prefix={<UserOutlined />}
            autoComplete="username"
            autoFocus
            placeholder={t('login.usernamePlaceholder')}
          />
        </Form.Item>
        <Form.Item
          name="password"
          label={t('login.password')}
          rules={[{ required: true, message: t('login.passwordRequired') }]}
        >
          <Input.Password
            prefix={<LockOutlined />}
            autoComplete="current-password"
            placeholder={t('login.passwordPlaceholder')}
          />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={submitting}>
          {t('login.submit')}
        </Button>
      </Form>
      <Collapse
        ghost
        size="small"
        style={{ marginTop: 20 }}
        items={[
          {
            key: 'demo',
            label: <Typography.Text type="secondary">{t('login.demoTitle')}</Typography.Text>,
            children: (
              <Typography.Paragraph type="secondary" style={{ fontSize: 13, margin: 0 }}>
                {t('login.demoAccounts')}: <Typography.Text code>{DEMO_ACCOUNTS}</Typography.Text>
                <br />
                {t('login.demoPassword')}:{' '}
                <Typography.Text code copyable>
                  Demo@2026
                </Typography.Text>
              </Typography.Paragraph>
            ),
          },
        ]}
      />
    </AuthShell>
  );
}
