import { Form, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { validatorOf } from '../../components/form-rules.ts';
import { useOrgTree } from '../org/org-api.ts';
import { unitChoices, unitsOutside } from './task-model.ts';

/** A multi-select's value as read from the form store (untyped there). */
export function stringsOf(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

/**
 * The departments and units an issued task covers (a declaration task, a monitoring round):
 * none chosen = the whole region; units only of the chosen departments. The form fields are
 * `dept_codes` and `agency_codes`; `labels` names the i18n block with the field words.
 */
export function ScopeFields({
  region,
  labels,
}: {
  region: string;
  labels: 'tasks.form' | 'monitoring.form';
}) {
  const { t, i18n } = useTranslation();
  const form = Form.useFormInstance();
  const tree = useOrgTree(region);
  const deptCodes = stringsOf(Form.useWatch('dept_codes', form));
  const agencies = tree.data?.agencies ?? [];
  const departments = (tree.data?.departments ?? []).filter((d) => d.mof_div_code === region);
  const deptName = (code: string) => departments.find((d) => d.dept_code === code)?.name ?? code;
  const unitName = (code: string) => agencies.find((a) => a.agency_code === code)?.name ?? code;
  const units = unitChoices(agencies, region, deptCodes);
  const separator = i18n.language === 'zh-CN' ? '、' : ', ';
  return (
    <>
      <Form.Item
        name="dept_codes"
        label={t(`${labels}.departments`)}
        tooltip={t(`${labels}.departmentsHelp`)}
      >
        <Select
          mode="multiple"
          allowClear
          loading={tree.isPending}
          placeholder={t(`${labels}.departmentsPlaceholder`)}
          showSearch={{ optionFilterProp: 'label' }}
          options={departments.map((d) => ({ value: d.dept_code, label: `${d.name}（${d.dept_code}）` }))}
          maxTagCount="responsive"
        />
      </Form.Item>
      <Form.Item
        name="agency_codes"
        label={t(`${labels}.units`)}
        tooltip={t(`${labels}.unitsHelp`)}
        dependencies={['dept_codes']}
        rules={[
          ({ getFieldValue }) => ({
            validator: validatorOf<string[]>((v) => {
              const depts = stringsOf(getFieldValue('dept_codes'));
              const outside = unitsOutside(v ?? [], depts, agencies, region);
              return outside.length === 0
                ? null
                : t(`${labels}.unitsOutside`, { names: outside.map(unitName).join(separator) });
            }),
          }),
        ]}
      >
        <Select
          mode="multiple"
          allowClear
          loading={tree.isPending}
          placeholder={t(`${labels}.unitsPlaceholder`)}
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
    </>
  );
}
