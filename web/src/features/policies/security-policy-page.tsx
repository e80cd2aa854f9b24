import { useState } from 'react';
import { Alert, App, Button, Card, Col, Form, InputNumber, Row, Skeleton, Tag } from 'antd';
import { SaveOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { ZSecurityPolicy, type TSecurityPolicy } from '../../../../domain/policy/security-policy.ts';
import { ErrorResult } from '../../components/error-result.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { validatorOf } from '../../components/form-rules.ts';
import { applyServerErrors } from '../../components/server-errors.ts';
import { ApiError } from '../../lib/api-client.ts';
import { useSaveSecurityPolicy, useSecurityPolicy } from './security-policy-api.ts';

type Field = keyof TSecurityPolicy;

/** Bounds as in ZSecurityPolicy, for the inputs and the translated range messages. */
const FIELDS: Record<Field, { min: number; max: number; unit: string }> = {
  password_min_length: { min: 8, max: 64, unit: 'chars' },
  password_min_classes: { min: 1, max: 4, unit: 'classes' },
  lockout_threshold: { min: 3, max: 20, unit: 'times' },
  lockout_window_minutes: { min: 1, max: 1440, unit: 'minutes' },
  lockout_minutes: { min: 1, max: 1440, unit: 'minutes' },
  idle_timeout_minutes: { min: 5, max: 480, unit: 'minutes' },
  absolute_timeout_hours: { min: 1, max: 72, unit: 'hours' },
  login_rate_per_minute: { min: 10, max: 10000, unit: 'perMinute' },
};

const GROUPS: { key: string; fields: Field[] }[] = [
  { key: 'password', fields: ['password_min_length', 'password_min_classes'] },
  { key: 'lockout', fields: ['lockout_threshold', 'lockout_window_minutes', 'lockout_minutes'] },
  { key: 'session', fields: ['idle_timeout_minutes', 'absolute_timeout_hours'] },
  { key: 'rate', fields: ['login_rate_per_minute'] },
];

/** SEC_ADMIN: password rules, lockout, session timeouts and login rate, validated live. */
export function SecurityPolicyPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const view = useSecurityPolicy();
  const save = useSaveSecurityPolicy();
  const [form] = Form.useForm<TSecurityPolicy>();
  const [errors, setErrors] = useState<string[]>([]);

  if (view.isPending) return <Skeleton active />;
  if (view.isError) return <ErrorResult error={view.error} onRetry={() => void view.refetch()} />;

  const submit = async (values: TSecurityPolicy) => {
    setErrors([]);
    const parsed = ZSecurityPolicy.safeParse(values);
    if (!parsed.success) return;
    try {
      await save.mutateAsync({ version: view.data.version, policy: parsed.data });
      message.success(t('security.saved'));
    } catch (e) {
      if (e instanceof ApiError && e.status === 409) setErrors([e.message]);
      else setErrors(applyServerErrors(form, e, Object.keys(FIELDS)));
    }
  };

  return (
    <>
      <PageHeader
        title={t('security.title')}
        subtitle={t('security.subtitle')}
        extra={<Tag>{t('common.version', { version: view.data.version })}</Tag>}
      />
      {errors.map((m) => (
        <Alert
          key={m}
          type="error"
          showIcon
          title={m}
          style={{ marginBottom: 12 }}
          action={
            <Button size="small" onClick={() => void view.refetch()}>
              {t('common.reload')}
            </Button>
          }
        />
      ))}
      <Form<TSecurityPolicy>
        key={view.data.version}
        form={form}
        layout="vertical"
        initialValues={view.data.policy}
        onFinish={(v) => void submit(v)}
      >
        <Row gutter={[16, 16]}>
          {GROUPS.map((g) => (
            <Col key={g.key} xs={24} lg={12}>
              <Card title={t(`security.group.${g.key}`)} style={{ height: '100%' }}>
                {g.fields.map((f) => {
                  const meta = FIELDS[f];
                  return (
                    <Form.Item
                      key={f}
                      name={f}
                      label={t(`security.field.${f}`)}
                      tooltip={t(`security.help.${f}`)}
                      rules={[
                        { required: true, message: t('common.required') },
                        {
                          validator: validatorOf<unknown>((value) =>
                            ZSecurityPolicy.shape[f].safeParse(value).success
                              ? null
                              : t('common.intRange', { min: meta.min, max: meta.max }),
                          ),
                        },
                      ]}
                    >
                      <InputNumber
                        precision={0}
                        suffix={t(`security.unit.${meta.unit}`)}
                        style={{ width: 220 }}
                      />
                    </Form.Item>
                  );
                })}
              </Card>
            </Col>
          ))}
        </Row>
        <Button
          type="primary"
          htmlType="submit"
          icon={<SaveOutlined />}
          loading={save.isPending}
          style={{ marginTop: 16 }}
        >
          {t('common.save')}
        </Button>
      </Form>
    </>
  );
}
