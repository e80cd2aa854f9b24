import { Select, Space } from 'antd';
import { CalendarOutlined, EnvironmentOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../current-user.tsx';
import { regionChoices, useScope, yearChoices } from '../scope-context.tsx';

/** Region and fiscal-year switch of the top bar. */
export function ScopeSwitch() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const scope = useScope();
  const years = yearChoices(me);
  return (
    <Space size={8}>
      <Select
        aria-label={t('top.region')}
        value={scope.mofDivCode}
        onChange={scope.setMofDivCode}
        prefix={<EnvironmentOutlined />}
        style={{ minWidth: 190 }}
        popupMatchSelectWidth={false}
        showSearch={{ optionFilterProp: 'label' }}
        options={regionChoices(me).map((r) => ({
          value: r.mof_div_code,
          label: `${r.name}（${r.mof_div_code}）`,
        }))}
      />
      <Select
        aria-label={t('top.fiscalYear')}
        value={scope.fiscalYear}
        onChange={scope.setFiscalYear}
        prefix={<CalendarOutlined />}
        style={{ minWidth: 130 }}
        options={years.map((y) => ({ value: y, label: t('top.yearLabel', { year: y }) }))}
      />
    </Space>
  );
}
