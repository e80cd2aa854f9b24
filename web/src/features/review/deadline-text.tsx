import { Typography } from 'antd';
import { ClockCircleOutlined, WarningFilled } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { COLORS } from '../../app/theme.ts';
import { formatDate } from '../../lib/dates.ts';

/** A deadline; when overdue in red with a warning icon and the word 已逾期 (never colour alone). */
export function DeadlineText({ deadline, overdue }: { deadline: string | null; overdue: boolean }) {
  const { t } = useTranslation();
  if (deadline === null) {
    return <Typography.Text type="secondary">{t('review.noDeadline')}</Typography.Text>;
  }
  if (overdue) {
    return (
      <Typography.Text style={{ color: COLORS.red, whiteSpace: 'nowrap' }}>
        <WarningFilled /> <span className="pb-num">{formatDate(deadline)}</span> {t('review.overdue')}
      </Typography.Text>
    );
  }
  return (
    <Typography.Text style={{ whiteSpace: 'nowrap' }}>
      <ClockCircleOutlined style={{ color: COLORS.grey }} />{' '}
      <span className="pb-num">{formatDate(deadline)}</span>
    </Typography.Text>
  );
}
