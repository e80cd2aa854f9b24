import { useState } from 'react';
import { Alert, App, DatePicker, Form, Input, Modal, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../app/current-user.tsx';
import { regionNameOf, useScope, yearChoices } from '../../app/scope-context.tsx';
import { validatorOf } from '../../components/form-rules.ts';
import { applyServerErrors } from '../../components/server-errors.ts';
import { checkDeadline, checkTitle, toCreateTask } from './task-model.ts';
import { ScopeFields } from './scope-fields.tsx';
import { useCreateTask } from './tasks-api.ts';

interface Values {
  title?: string;
  fiscal_year: string;
  dept_codes?: string[];
  agency_codes?: string[];
  deadline?: Dayjs | null;
}

const FIELDS = ['title', 'fiscal_year', 'dept_codes', 'agency_codes', 'deadline'];

/**
 * The performance office issues a target declaration task in the current region: title, year,
 * departments and units (none = all), deadline. Every field is checked as it is typed.
 */
export function TaskFormModal({ onClose }: { onClose: (createdId: string | null) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useCurrentUser();
  const scope = useScope();
  const region = scope.mofDivCode;
  const [form] = Form.useForm<Values>();
  const create = useCreateTask();
  const [errors, setErrors] = useState<string[]>([]);
  const year = Form.useWatch('fiscal_year', form) ?? scope.fiscalYear;
  const today = dayjs().format('YYYY-MM-DD');

  const submit = async () => {
    const v = await form.validateFields();
    setErrors([]);
    try {
      const task = await create.mutateAsync(
        toCreateTask(
          {
            title: v.title,
            fiscal_year: v.fiscal_year,
            dept_codes: v.dept_codes,
            agency_codes: v.agency_codes,
            deadline: v.deadline?.format('YYYY-MM-DD'),
          },
          region,
          scope.fiscalYear,
        ),
      );
      message.success(t('tasks.form.created'));
      onClose(task.id);
    } catch (e) {
      setErrors(applyServerErrors(form, e, FIELDS));
    }
  };

  return (
    <Modal
      open
      width={640}
      title={t('tasks.form.title')}
      onCancel={() => onClose(null)}
      onOk={() => void submit().catch(() => undefined)}
      okText={t('tasks.form.submit')}
      cancelText={t('common.cancel')}
      confirmLoading={create.isPending}
      maskClosable={false}
      destroyOnHidden
    >
      {errors.length === 0 ? null : (
        <Alert type="error" showIcon style={{ marginBottom: 16 }} title={errors.join('；')} />
      )}
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ fiscal_year: scope.fiscalYear, dept_codes: [], agency_codes: [] }}
        requiredMark
      >
        <Form.Item
          name="title"
          label={t('tasks.form.name')}
          tooltip={t('tasks.form.nameHelp')}
          required
          rules={[
            {
              validator: validatorOf<string>((v) => {
                const problem = checkTitle(v);
                return problem === null
                  ? null
                  : t(problem === 'required' ? 'tasks.form.nameRequired' : 'tasks.form.nameLength');
              }),
            },
          ]}
        >
          <Input maxLength={200} showCount placeholder={t('tasks.form.namePlaceholder', { year })} />
        </Form.Item>
        <Form.Item label={t('tasks.form.region')} tooltip={t('tasks.form.regionHelp')}>
          <Input value={`${regionNameOf(me, region)}（${region}）`} disabled />
        </Form.Item>
        <Form.Item name="fiscal_year" label={t('tasks.form.year')} required>
          <Select
            options={yearChoices(me).map((y) => ({ value: y, label: t('top.yearLabel', { year: y }) }))}
            onChange={() => {
              // The deadline depends on the year: check it again once one is chosen.
              if (form.getFieldValue('deadline') != null)
                void form.validateFields(['deadline']).catch(() => undefined);
            }}
          />
        </Form.Item>
        <ScopeFields region={region} labels="tasks.form" />
        <Form.Item
          name="deadline"
          label={t('tasks.form.deadline')}
          tooltip={t('tasks.form.deadlineHelp')}
          required
          rules={[
            ({ getFieldValue }) => ({
              validator: validatorOf<Dayjs | null>((v) => {
                const chosen: unknown = getFieldValue('fiscal_year');
                const fy = typeof chosen === 'string' ? chosen : scope.fiscalYear;
                const problem = checkDeadline(v?.format('YYYY-MM-DD'), today, fy);
                if (problem === null) return null;
                return problem === 'required'
                  ? t('tasks.form.deadlineRequired')
                  : problem === 'past'
                    ? t('tasks.form.deadlinePast')
                    : t('tasks.form.deadlineYear', { year: fy });
              }),
            }),
          ]}
        >
          <DatePicker style={{ width: '100%' }} format="YYYY-MM-DD" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
