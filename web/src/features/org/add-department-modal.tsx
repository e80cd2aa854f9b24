import { useState } from 'react';
import { Alert, App, Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { applyServerErrors } from '../../components/server-errors.ts';
import { useCreateDepartment } from './org-api.ts';

interface Values {
  dept_code: string;
  name: string;
}

/** SYS_ADMIN adds a department to a region. */
export function AddDepartmentModal({
  mofDivCode,
  regionName,
  open,
  onClose,
}: {
  mofDivCode: string;
  regionName: string;
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const create = useCreateDepartment();
  const [errors, setErrors] = useState<string[]>([]);

  const submit = async () => {
    const v = await form.validateFields();
    setErrors([]);
    try {
      await create.mutateAsync({
        mof_div_code: mofDivCode,
        dept_code: v.dept_code.trim(),
        name: v.name.trim(),
      });
      message.success(t('org.departmentAdded'));
      form.resetFields();
      onClose();
    } catch (e) {
      setErrors(applyServerErrors(form, e, ['dept_code', 'name']));
    }
  };

  return (
    <Modal
      title={t('org.addDepartmentIn', { region: regionName })}
      open={open}
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
          name="dept_code"
          label={t('org.deptCode')}
          tooltip={t('org.codeHelp')}
          rules={[
            { required: true, message: t('common.required') },
            { pattern: /^[0-9A-Za-z]{1,20}$/, message: t('org.codePattern') },
          ]}
        >
          <Input placeholder="101" maxLength={20} />
        </Form.Item>
        <Form.Item
          name="name"
          label={t('org.deptName')}
          rules={[{ required: true, whitespace: true, message: t('common.required') }, { max: 100 }]}
        >
          <Input placeholder={t('org.deptNameExample')} maxLength={100} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
