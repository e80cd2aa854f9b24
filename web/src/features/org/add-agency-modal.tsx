import { useState } from 'react';
import { Alert, App, Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { applyServerErrors } from '../../components/server-errors.ts';
import { useCreateAgency } from './org-api.ts';

interface Values {
  agency_code: string;
  name: string;
}

export interface AgencyTarget {
  mofDivCode: string;
  deptCode: string;
  deptName: string;
}

/** SYS_ADMIN adds a budget unit under a department. */
export function AddAgencyModal({ target, onClose }: { target: AgencyTarget | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const create = useCreateAgency();
  const [errors, setErrors] = useState<string[]>([]);

  const submit = async () => {
    if (target === null) return;
    const v = await form.validateFields();
    setErrors([]);
    try {
      await create.mutateAsync({
        mof_div_code: target.mofDivCode,
        dept_code: target.deptCode,
        agency_code: v.agency_code.trim(),
        name: v.name.trim(),
      });
      message.success(t('org.agencyAdded'));
      form.resetFields();
      onClose();
    } catch (e) {
      setErrors(applyServerErrors(form, e, ['agency_code', 'name']));
    }
  };

  return (
    <Modal
      title={t('org.addAgencyIn', { dept: target?.deptName ?? '' })}
      open={target !== null}
      onOk={() => void submit().catch(() => undefined)}
      onCancel={onClose}
      confirmLoading={create.isPending}
      okText={t('common.save')}
      destroyOnHidden
    >
      {errors.map((m) => (
        <Alert key={m} type="error" showIcon title={m} style={{ marginBottom: 12 }} />
      ))}
      <Form<Values> form={form} layout="vertical" preserve={false}>
        <Form.Item
          name="agency_code"
          label={t('org.agencyCode')}
          tooltip={t('org.codeHelp')}
          rules={[
            { required: true, message: t('common.required') },
            { pattern: /^[0-9A-Za-z]{1,20}$/, message: t('org.codePattern') },
          ]}
        >
          <Input placeholder="101001" maxLength={20} />
        </Form.Item>
        <Form.Item
          name="name"
          label={t('org.agencyName')}
          rules={[{ required: true, whitespace: true, message: t('common.required') }, { max: 100 }]}
        >
          <Input placeholder={t('org.agencyNameExample')} maxLength={100} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
