import { useState } from 'react';
import { Alert, App, Col, Form, Input, Modal, Row, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../app/current-user.tsx';
import { regionChoices } from '../../app/scope-context.tsx';
import { validatorOf } from '../../components/form-rules.ts';
import { applyServerErrors } from '../../components/server-errors.ts';
import { PasswordRules, usePasswordPolicy, validatePassword } from '../auth/password-rules.tsx';
import { useOrgTree } from '../org/org-api.ts';
import { useCreateUser } from './users-api.ts';

interface Values {
  username: string;
  display_name: string;
  password: string;
  mof_div_code: string;
  dept_code?: string;
  agency_code?: string;
  section_code?: string;
}

const FIELDS = [
  'username',
  'display_name',
  'password',
  'mof_div_code',
  'dept_code',
  'agency_code',
  'section_code',
];

/** SYS_ADMIN creates a user; the initial password must pass the rules and is changed at first login. */
export function CreateUserModal({ defaultRegion, onClose }: { defaultRegion: string; onClose: () => void }) {
  const { t } = useTranslation();
  const passwordPolicy = usePasswordPolicy();
  const me = useCurrentUser();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const create = useCreateUser();
  const [errors, setErrors] = useState<string[]>([]);
  const region = Form.useWatch('mof_div_code', form) ?? defaultRegion;
  const dept = Form.useWatch('dept_code', form);
  const username = Form.useWatch('username', form) ?? '';
  const password = Form.useWatch('password', form) ?? '';
  const tree = useOrgTree(region);
  const departments = (tree.data?.departments ?? []).filter((d) => d.mof_div_code === region);
  const agencies = (tree.data?.agencies ?? []).filter(
    (a) => a.mof_div_code === region && a.dept_code === dept,
  );
  const sections = (tree.data?.sections ?? []).filter((s) => s.mof_div_code === region);

  const submit = async () => {
    const v = await form.validateFields();
    setErrors([]);
    try {
      await create.mutateAsync({
        username: v.username.trim(),
        display_name: v.display_name.trim(),
        password: v.password,
        mof_div_code: v.mof_div_code,
        dept_code: v.dept_code ?? null,
        agency_code: v.agency_code ?? null,
        section_code: v.section_code ?? null,
      });
      message.success(t('users.created'));
      onClose();
    } catch (e) {
      setErrors(applyServerErrors(form, e, FIELDS));
    }
  };

  return (
    <Modal
      open
      width={680}
      title={t('users.createTitle')}
      onCancel={onClose}
      onOk={() => void submit().catch(() => undefined)}
      okText={t('common.create')}
      confirmLoading={create.isPending}
    >
      <Typography.Paragraph type="secondary">{t('users.createHint')}</Typography.Paragraph>
      {errors.map((m) => (
        <Alert key={m} type="error" showIcon title={m} style={{ marginBottom: 12 }} />
      ))}
      <Form<Values> form={form} layout="vertical" initialValues={{ mof_div_code: defaultRegion }}>
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item
              name="username"
              label={t('users.username')}
              tooltip={t('users.usernameHelp')}
              rules={[
                { required: true, message: t('common.required') },
                { pattern: /^[a-zA-Z0-9_.-]{2,32}$/, message: t('users.usernamePattern') },
              ]}
            >
              <Input autoComplete="off" placeholder="zhangsan" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              name="display_name"
              label={t('users.displayName')}
              rules={[{ required: true, whitespace: true, message: t('common.required') }, { max: 50 }]}
            >
              <Input placeholder={t('users.displayNameExample')} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item
          name="password"
          label={t('users.initialPassword')}
          dependencies={['username']}
          rules={[
            { required: true, message: t('common.required') },
            {
              validator: validatorOf<string>((value) =>
                validatePassword(value ?? '', username, t, passwordPolicy),
              ),
            },
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <PasswordRules password={password} username={username} />
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item
              name="mof_div_code"
              label={t('users.region')}
              rules={[{ required: true, message: t('common.required') }]}
            >
              <Select
                options={regionChoices(me).map((r) => ({
                  value: r.mof_div_code,
                  label: `${r.name}（${r.mof_div_code}）`,
                }))}
                onChange={() =>
                  form.setFieldsValue({
                    dept_code: undefined,
                    agency_code: undefined,
                    section_code: undefined,
                  })
                }
              />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="section_code" label={t('users.section')} tooltip={t('users.sectionHelp')}>
              <Select
                allowClear
                loading={tree.isFetching}
                options={sections.map((s) => ({ value: s.section_code, label: s.name }))}
              />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="dept_code" label={t('users.department')}>
              <Select
                allowClear
                showSearch={{ optionFilterProp: 'label' }}
                loading={tree.isFetching}
                options={departments.map((d) => ({
                  value: d.dept_code,
                  label: `${d.name}（${d.dept_code}）`,
                }))}
                onChange={() => form.setFieldsValue({ agency_code: undefined })}
              />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="agency_code" label={t('users.agency')}>
              <Select
                allowClear
                disabled={dept === undefined}
                showSearch={{ optionFilterProp: 'label' }}
                options={agencies.map((a) => ({
                  value: a.agency_code,
                  label: `${a.name}（${a.agency_code}）`,
                }))}
              />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}
