import { useState } from 'react';
import { Alert, App, Button, Form, Input, Typography } from 'antd';
import { useNavigate } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../app/current-user.tsx';
import { validatorOf } from '../../components/form-rules.ts';
import { applyServerErrors } from '../../components/server-errors.ts';
import { ApiError } from '../../lib/api-client.ts';
import { AuthShell } from './auth-shell.tsx';
import { changePassword, logout, ME_KEY } from './auth-api.ts';
import { PasswordRules, usePasswordPolicy, validatePassword } from './password-rules.tsx';

interface Values {
  old_password: string;
  new_password: string;
  confirm: string;
}

export function ChangePasswordPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const policy = usePasswordPolicy();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const newPassword = Form.useWatch('new_password', form) ?? '';
  const [errors, setErrors] = useState<string[]>([]);
  const [submitting, setSubmitting] = useState(false);

  const submit = async (v: Values) => {
    setSubmitting(true);
    setErrors([]);
    try {
      await changePassword({ old_password: v.old_password, new_password: v.new_password });
      message.success(t('password.changed'));
      await queryClient.invalidateQueries({ queryKey: ME_KEY });
      void navigate('/workbench', { replace: true });
    } catch (e) {
      if (e instanceof ApiError && e.code === 'AUTH.PASSWORD_WRONG') {
        form.setFields([{ name: 'old_password', errors: [e.message] }]);
      } else if (e instanceof ApiError && e.code === 'AUTH.PASSWORD_WEAK') {
        form.setFields([{ name: 'new_password', errors: [e.message] }]);
      } else {
        setErrors(applyServerErrors(form, e, ['old_password', 'new_password']));
      }
    } finally {
      setSubmitting(false);
    }
  };

  const leave = async () => {
    try {
      await logout();
    } finally {
      queryClient.clear();
      void navigate('/login', { replace: true });
    }
  };

  return (
    <AuthShell>
      <Typography.Title level={2} style={{ marginBottom: 4 }}>
        {t('password.title')}
      </Typography.Title>
      {me.must_change_password ? (
        <Alert type="warning" showIcon title={t('password.firstLogin')} style={{ margin: '12px 0 20px' }} />
      ) : (
        <Typography.Paragraph type="secondary">
          {t('password.subtitle', { name: me.display_name })}
        </Typography.Paragraph>
      )}
      {errors.map((m) => (
        <Alert key={m} type="error" showIcon title={m} style={{ marginBottom: 12 }} />
      ))}
      <Form<Values> form={form} layout="vertical" onFinish={(v) => void submit(v)} requiredMark={false}>
        <Form.Item
          name="old_password"
          label={t('password.old')}
          rules={[{ required: true, message: t('password.oldRequired') }]}
        >
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item
          name="new_password"
          label={t('password.new')}
          rules={[
            { required: true, message: t('password.newRequired') },
            {
              validator: validatorOf<string>((value) =>
                validatePassword(value ?? '', me.username, t, policy),
              ),
            },
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <PasswordRules password={newPassword} username={me.username} policy={policy} />
        <Form.Item
          name="confirm"
          label={t('password.confirm')}
          dependencies={['new_password']}
          rules={[
            { required: true, message: t('password.confirmRequired') },
            ({ getFieldValue }) => ({
              validator: validatorOf<string>((value) =>
                value !== undefined && value !== '' && value !== getFieldValue('new_password')
                  ? t('password.mismatch')
                  : null,
              ),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block size="large" loading={submitting}>
          {t('password.submit')}
        </Button>
        {me.must_change_password ? (
          <Button type="link" block style={{ marginTop: 8 }} onClick={() => void leave()}>
            {t('top.logout')}
          </Button>
        ) : (
          <Button type="link" block style={{ marginTop: 8 }} onClick={() => void navigate(-1)}>
            {t('common.cancel')}
          </Button>
        )}
      </Form>
    </AuthShell>
  );
}
