import { useState } from 'react';
import { Alert, App, Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { applyServerErrors } from '../../components/server-errors.ts';

interface Values {
  code: string;
  name: string;
}

/**
 * The form shared by "add a department" and "add a budget unit": a code and a name, checked
 * live, with the server's field errors (e.g. a code already taken) shown at the fields.
 */
export function CodeNameModal({
  open,
  title,
  codeField,
  labels,
  pending,
  successText,
  onSubmit,
  onClose,
}: {
  open: boolean;
  title: string;
  /** The API's name of the code field, for mapping its errors back to the form. */
  codeField: string;
  labels: { code: string; codePlaceholder: string; name: string; namePlaceholder: string };
  pending: boolean;
  successText: string;
  onSubmit: (v: { code: string; name: string }) => Promise<unknown>;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [errors, setErrors] = useState<string[]>([]);

  const submit = async () => {
    const v = await form.validateFields();
    setErrors([]);
    try {
      await onSubmit({ code: v.code.trim(), name: v.name.trim() });
      message.success(successText);
      form.resetFields();
      onClose();
    } catch (e) {
      setErrors(applyServerErrors(form, e, [codeField, 'name'], { [codeField]: 'code' }));
    }
  };

  return (
    <Modal
      title={title}
      open={open}
      onOk={() => void submit().catch(() => undefined)}
      onCancel={onClose}
      confirmLoading={pending}
      okText={t('common.save')}
      destroyOnHidden
    >
      {errors.map((m) => (
        <Alert key={m} type="error" showIcon title={m} style={{ marginBottom: 12 }} />
      ))}
      <Form<Values> form={form} layout="vertical" preserve={false}>
        <Form.Item
          name="code"
          label={labels.code}
          tooltip={t('org.codeHelp')}
          rules={[
            { required: true, message: t('common.required') },
            { pattern: /^[0-9A-Za-z]{1,20}$/, message: t('org.codePattern') },
          ]}
        >
          <Input placeholder={labels.codePlaceholder} maxLength={20} />
        </Form.Item>
        <Form.Item
          name="name"
          label={labels.name}
          rules={[{ required: true, whitespace: true, message: t('common.required') }, { max: 100 }]}
        >
          <Input placeholder={labels.namePlaceholder} maxLength={100} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
