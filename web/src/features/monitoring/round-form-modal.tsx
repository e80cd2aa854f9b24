import { useState } from 'react';
import { Alert, App, DatePicker, Form, Input, Modal, Space, Tag } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../app/current-user.tsx';
import { regionNameOf, useScope } from '../../app/scope-context.tsx';
import { validatorOf } from '../../components/form-rules.ts';
import { applyServerErrors } from '../../components/server-errors.ts';
import { ApiError } from '../../lib/api-client.ts';
import { ScopeFields } from '../tasks/scope-fields.tsx';
import { useIssueRound } from './monitoring-api.ts';
import {
  checkAsOf,
  checkRoundDeadline,
  checkRoundTitle,
  quarterEnds,
  toIssueRound,
} from './monitoring-model.ts';

interface Values {
  title?: string;
  as_of?: Dayjs | null;
  deadline?: Dayjs | null;
  dept_codes?: string[];
  agency_codes?: string[];
}

const FIELDS = ['title', 'as_of', 'deadline', 'dept_codes', 'agency_codes'];

function dateOf(value: unknown): string | undefined {
  return dayjs.isDayjs(value) ? value.format('YYYY-MM-DD') : undefined;
}

/**
 * 下达监控任务: the performance office opens a monitoring round of the current year — title,
 * as-of date (in the year), deadline, departments and units (none = the whole region). Every
 * project in scope with an approved target gets a draft report.
 */
export function RoundFormModal({ onClose }: { onClose: (created: boolean) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useCurrentUser();
  const scope = useScope();
  const region = scope.mofDivCode;
  const year = scope.fiscalYear;
  const [form] = Form.useForm<Values>();
  const issue = useIssueRound();
  const [errors, setErrors] = useState<string[]>([]);
  const asOfChosen = dateOf(Form.useWatch('as_of', form));
  const today = dayjs().format('YYYY-MM-DD');
  const quarters = quarterEnds(year, today);

  const submit = async () => {
    const v = await form.validateFields();
    setErrors([]);
    try {
      await issue.mutateAsync(
        toIssueRound(
          {
            title: v.title,
            as_of: v.as_of?.format('YYYY-MM-DD'),
            deadline: v.deadline?.format('YYYY-MM-DD'),
            dept_codes: v.dept_codes,
            agency_codes: v.agency_codes,
          },
          year,
        ),
      );
      message.success(t('monitoring.form.created'));
      onClose(true);
    } catch (e) {
      if (e instanceof ApiError && e.code === 'MONITORING.AS_OF_OUT_OF_YEAR') {
        form.setFields([{ name: 'as_of', errors: [t('monitoring.form.asOfYear', { year })] }]);
        return;
      }
      setErrors(applyServerErrors(form, e, FIELDS));
    }
  };

  return (
    <Modal
      open
      width={640}
      title={t('monitoring.form.title')}
      onCancel={() => onClose(false)}
      onOk={() => void submit().catch(() => undefined)}
      okText={t('monitoring.form.submit')}
      cancelText={t('common.cancel')}
      confirmLoading={issue.isPending}
      maskClosable={false}
      destroyOnHidden
    >
      <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('monitoring.form.intro')} />
      {errors.length === 0 ? null : (
        <Alert type="error" showIcon style={{ marginBottom: 16 }} title={errors.join('；')} />
      )}
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ dept_codes: [], agency_codes: [] }}
        requiredMark
      >
        <Form.Item
          name="title"
          label={t('monitoring.form.name')}
          tooltip={t('monitoring.form.nameHelp')}
          required
          rules={[
            {
              validator: validatorOf<string>((v) => {
                const problem = checkRoundTitle(v);
                return problem === null
                  ? null
                  : t(problem === 'required' ? 'monitoring.form.nameRequired' : 'monitoring.form.nameLength');
              }),
            },
          ]}
        >
          <Input maxLength={200} showCount placeholder={t('monitoring.form.namePlaceholder', { year })} />
        </Form.Item>
        <Space size={16} style={{ display: 'flex' }} align="start">
          <Form.Item label={t('monitoring.form.region')} style={{ minWidth: 240 }}>
            <Input value={`${regionNameOf(me, region)}（${region}）`} disabled />
          </Form.Item>
          <Form.Item label={t('monitoring.form.year')} tooltip={t('monitoring.form.yearHelp')}>
            <Input value={t('top.yearLabel', { year })} disabled style={{ width: 140 }} />
          </Form.Item>
        </Space>
        <Form.Item
          name="as_of"
          label={t('monitoring.form.asOf')}
          tooltip={t('monitoring.form.asOfHelp')}
          required
          extra={
            quarters.length === 0 ? undefined : (
              <Space size={4} wrap style={{ marginTop: 4 }}>
                {t('monitoring.form.quarterPick')}
                {quarters.map((d) => (
                  <Tag.CheckableTag
                    key={d}
                    checked={asOfChosen === d}
                    onChange={() => {
                      form.setFieldsValue({ as_of: dayjs(d) });
                      void form.validateFields(['as_of', 'deadline']).catch(() => undefined);
                    }}
                  >
                    {d}
                  </Tag.CheckableTag>
                ))}
              </Space>
            )
          }
          rules={[
            {
              validator: validatorOf<Dayjs | null>((v) => {
                const problem = checkAsOf(v?.format('YYYY-MM-DD'), year);
                if (problem === null) return null;
                return problem === 'required'
                  ? t('monitoring.form.asOfRequired')
                  : t('monitoring.form.asOfYear', { year });
              }),
            },
          ]}
        >
          <DatePicker
            style={{ width: '100%' }}
            format="YYYY-MM-DD"
            onChange={() => {
              if (form.getFieldValue('deadline') != null)
                void form.validateFields(['deadline']).catch(() => undefined);
            }}
          />
        </Form.Item>
        <Form.Item
          name="deadline"
          label={t('monitoring.form.deadline')}
          tooltip={t('monitoring.form.deadlineHelp')}
          required
          dependencies={['as_of']}
          rules={[
            ({ getFieldValue }) => ({
              validator: validatorOf<Dayjs | null>((v) => {
                const problem = checkRoundDeadline(
                  v?.format('YYYY-MM-DD'),
                  dateOf(getFieldValue('as_of')),
                  today,
                );
                if (problem === null) return null;
                return t(`monitoring.form.deadline_${problem}`);
              }),
            }),
          ]}
        >
          <DatePicker style={{ width: '100%' }} format="YYYY-MM-DD" />
        </Form.Item>
        <ScopeFields region={region} labels="monitoring.form" />
      </Form>
    </Modal>
  );
}
