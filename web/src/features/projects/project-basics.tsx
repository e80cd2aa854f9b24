import { Descriptions, Space, Tag, Typography, type DescriptionsProps } from 'antd';
import { CheckOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { TProject } from '../../../../contracts/api.ts';
import { MoneyText } from '../../components/money-text.tsx';
import { formatDateTime } from '../../lib/dates.ts';
import { BudgetKindTag } from './budget-kind-tag.tsx';

/** The special attributes of a project, as tags; only those that apply. */
function ProjectFlags({ project: p }: { project: TProject }) {
  const { t } = useTranslation();
  const flags = [
    { on: p.is_investment_fund, label: t('projects.flag.investmentFund') },
    { on: p.is_debt, label: t('projects.flag.debt') },
    { on: p.is_ppp, label: t('projects.flag.ppp') },
    { on: p.is_purchased_service, label: t('projects.flag.purchasedService') },
  ].filter((f) => f.on);
  if (flags.length === 0) return <Typography.Text type="secondary">{t('projects.noFlags')}</Typography.Text>;
  return (
    <Space size={[4, 4]} wrap>
      {flags.map((f) => (
        <Tag key={f.label} color="blue" icon={<CheckOutlined />}>
          {f.label}
        </Tag>
      ))}
    </Space>
  );
}

/** The base data of a project: classification, flags, money by source, years, links. */
export function ProjectBasics({ project: p }: { project: TProject }) {
  const { t } = useTranslation();
  const money = (v: string) => <MoneyText yuan={v} />;
  const items: DescriptionsProps['items'] = [
    { key: 'code', label: t('projects.field.code'), children: <span className="pb-num">{p.pro_code}</span> },
    { key: 'year', label: t('projects.field.fiscalYear'), children: p.fiscal_year },
    { key: 'kind', label: t('projects.field.budgetKind'), children: <BudgetKindTag kind={p.budget_kind} /> },
    {
      key: 'agency',
      label: t('projects.field.agency'),
      children: `${p.agency_name ?? '—'}（${p.agency_code}）`,
    },
    {
      key: 'dept',
      label: t('projects.field.department'),
      children: `${p.dept_name ?? '—'}（${p.dept_code}）`,
    },
    {
      key: 'func',
      label: t('projects.field.funcClass'),
      children: <span className="pb-num">{p.func_class}</span>,
    },
    {
      key: 'new',
      label: t('projects.field.newOrContinuing'),
      children: p.is_new ? t('projects.new') : t('projects.continuing'),
    },
    { key: 'years', label: t('projects.field.years'), children: `${p.start_year} – ${p.end_year}` },
    { key: 'updated', label: t('projects.field.updatedAt'), children: formatDateTime(p.updated_at) },
    {
      key: 'flags',
      label: t('projects.field.flags'),
      span: 'filled',
      children: <ProjectFlags project={p} />,
    },
    { key: 'parent', label: t('projects.field.parent'), children: p.parent_pro_code ?? '—' },
    { key: 'sub', label: t('projects.field.subRegion'), children: p.sub_mof_code ?? '—', span: 'filled' },
  ];
  const funding: DescriptionsProps['items'] = [
    {
      key: 'amount',
      label: t('projects.field.amount'),
      children: <Typography.Text strong>{money(p.amount)}</Typography.Text>,
    },
    { key: 'current', label: t('projects.field.amountCurrent'), children: money(p.amount_current) },
    { key: 'carry', label: t('projects.field.amountCarryOver'), children: money(p.amount_carry_over) },
    { key: 'transfer', label: t('projects.field.amountTransfer'), children: money(p.amount_transfer) },
    { key: 'other', label: t('projects.field.amountOther'), children: money(p.amount_other) },
  ];
  return (
    <>
      <Descriptions bordered size="middle" column={{ xs: 1, md: 2, xl: 3 }} items={items} />
      <Descriptions
        title={t('projects.fundingTitle')}
        bordered
        size="middle"
        column={{ xs: 1, md: 2, xl: 5 }}
        layout="vertical"
        items={funding}
        style={{ marginTop: 24 }}
      />
    </>
  );
}
