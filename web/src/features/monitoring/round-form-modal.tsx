import { useState } from 'react';
import { Alert, App, DatePicker, Form, Input, Modal, Select, Space, Tag } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../app/current-user.tsx';
import { regionNameOf, useScope } from '../../app/scope-context.tsx';
import { validatorOf } from '../../components/form-rules.ts';
import { applyServerErrors } from '../../components/server-errors.ts';
import { ApiError } from '../../lib/api-client.ts';
import { useOrgTree } from '../org/org-api.ts';
import { unitChoices, unitsOutside } from '../tasks/task-model.ts';
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

function stringsOf(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

function dateOf(value: unknown): string | undefined {
  return dayjs.isDayjs(value) ? value.format('YYYY-MM-DD') : undefined;
}

/**
 * 下达监控任务: the performance office opens a monitoring round of the current year — title,
 * as-of date (in the year), deadline, departments and units (none = the whole region). Every
 * project in scope with an approved target gets a draft report.
 */
export function RoundFormModal({ onClose }: { onClose: (created: boolean) => void }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const me = useCurrentUser();
  const scope = useScope();
  const region = scope.mofDivCode;
  const year = scope.fiscalYear;
  const [form] = Form.useForm<Values>();
  const issue = useIssueRound();
  const [errors, setErrors] = useState<string[]>([]);
  const tree = useOrgTree(region);
  const deptCodes = Form.useWatch('dept_codes', form) ?? [];
  const asOfChosen = dateOf(Form.useWatch('as_of', form));
  const agencies = tree.data?.agencies ?? [];
  const departments = (tree.data?.departments ?? []).filter((d) => d.mof_div_code === region);
  const deptName = (code: string) => departments.find((d) => d.dept_code === code)?.name ?? code;
  const unitName = (code: string) => agencies.find((a) => a.agency_code === code)?.name ?? code;
  const units = unitChoices(agencies, region, deptCodes);
  const today = dayjs().format('YYYY-MM-DD');
  const separator = i18n.language === 'zh-CN' ? '、' : ', ';
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
        <Form.Item
          name="dept_codes"
          label={t('monitoring.form.departments')}
          tooltip={t('monitoring.form.departmentsHelp')}
        >
          <Select
            mode="multiple"
            allowClear
            loading={tree.isPending}
            placeholder={t('monitoring.form.departmentsPlaceholder')}
            showSearch={{ optionFilterProp: 'label' }}
            options={departments.map((d) => ({ value: d.dept_code, label: `${d.name}（${d.dept_code}）` }))}
            maxTagCount="responsive"
          />
        </Form.Item>
        <Form.Item
          name="agency_codes"
          label={t('monitoring.form.units')}
          tooltip={t('monitoring.form.unitsHelp')}
          dependencies={['dept_codes']}
          rules={[
            ({ getFieldValue }) => ({
              validator: validatorOf<string[]>((v) => {
                const depts = stringsOf(getFieldValue('dept_codes'));
                const outside = unitsOutside(v ?? [], depts, agencies, region);
                return outside.length === 0
                  ? null
                  : t('monitoring.form.unitsOutside', { names: outside.map(unitName).join(separator) });
              }),
            }),
          ]}
        >
          <Select
            mode="multiple"
            allowClear
            loading={tree.isPending}
            placeholder={t('monitoring.form.unitsPlaceholder')}
            showSearch={{ optionFilterProp: 'label' }}
            options={(deptCodes.length > 0 ? deptCodes : departments.map((d) => d.dept_code))
              .map((dept) => ({
                label: deptName(dept),
                title: deptName(dept),
                options: units
                  .filter((a) => a.dept_code === dept)
                  .map((a) => ({ value: a.agency_code, label: `${a.name}（${a.agency_code}）` })),
              }))
              .filter((g) => g.options.length > 0)}
            maxTagCount="responsive"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
