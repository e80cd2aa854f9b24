import { Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatWan, formatYuan } from '../lib/money.ts';

/** An amount in 万元 with 2 decimals; the exact yuan figure on hover. */
export function MoneyText({ yuan, unit = false }: { yuan: string; unit?: boolean }) {
  const { t } = useTranslation();
  return (
    <Tooltip title={`${formatYuan(yuan)} ${t('common.yuan')}`}>
      <span className="pb-num">
        {formatWan(yuan, { grouping: true })}
        {unit ? ` ${t('common.wan')}` : ''}
      </span>
    </Tooltip>
  );
}
