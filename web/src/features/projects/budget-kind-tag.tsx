import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TBudgetKind } from '../../../../contracts/api.ts';

const COLOR: Record<TBudgetKind, string> = {
  GENERAL_PUBLIC: 'blue',
  GOV_FUND: 'cyan',
  SOE_CAPITAL: 'purple',
  SOCIAL_INSURANCE: 'geekblue',
};

export function BudgetKindTag({ kind }: { kind: TBudgetKind }) {
  const { t } = useTranslation();
  return (
    <Tag color={COLOR[kind]} style={{ marginInlineEnd: 0 }}>
      {t(`budgetKind.${kind}`)}
    </Tag>
  );
}
