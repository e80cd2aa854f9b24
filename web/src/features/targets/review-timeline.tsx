import { Space, Tag, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TReview } from '../../../../contracts/targets.ts';
import { COLORS } from '../../app/theme.ts';
import { EmptyState } from '../../components/empty-state.tsx';
import { formatDateTime } from '../../lib/dates.ts';
import { GradeTags } from './review-notices.tsx';

const COLOR: Record<TReview['action'], string> = {
  SUBMIT: COLORS.blue,
  APPROVE: COLORS.green,
  RETURN: COLORS.yellow,
  REJECT: COLORS.red,
  UNLOCK: COLORS.yellow,
  ADJUST: COLORS.blue,
};

/** The review history of a target, newest first: who, at which step, what, with comments and grades. */
export function ReviewTimeline({ reviews }: { reviews: readonly TReview[] }) {
  const { t } = useTranslation();
  if (reviews.length === 0) {
    return <EmptyState title={t('targets.history.empty')} hint={t('targets.history.emptyHint')} />;
  }
  const sorted = [...reviews].sort((a, b) => b.at.localeCompare(a.at));
  return (
    <Timeline
      style={{ paddingTop: 8 }}
      items={sorted.map((r) => ({
        key: r.id,
        color: COLOR[r.action],
        content: (
          <div style={{ paddingBottom: 4 }}>
            <Space size={8} wrap>
              <Typography.Text strong style={{ color: COLOR[r.action] }}>
                {t(`targets.history.action.${r.action}`)}
              </Typography.Text>
              <Typography.Text>{r.actor_name ?? t('targets.history.system')}</Typography.Text>
              {r.step ? <Tag>{t(`targets.step.${r.step}`)}</Tag> : null}
              <Tag variant="filled">{t('targets.history.version', { n: r.version_no })}</Tag>
              <Typography.Text type="secondary" className="pb-num">
                {formatDateTime(r.at)}
              </Typography.Text>
            </Space>
            {r.comment ? (
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: '6px 0 0' }}>
                {r.comment}
              </Typography.Paragraph>
            ) : null}
            {r.grades !== null || r.grade !== null ? (
              <div style={{ marginTop: 6 }}>
                <GradeTags review={r} />
              </div>
            ) : null}
            {r.fixes ? (
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: '6px 0 0' }}>
                <Typography.Text type="secondary">
                  {t('targets.history.fixes')}
                  {t('targets.colon')}
                </Typography.Text>
                {r.fixes}
              </Typography.Paragraph>
            ) : null}
            {r.indicator_comments.length > 0 ? (
              <div style={{ marginTop: 6 }}>
                <Typography.Text type="secondary">
                  {t('targets.history.indicatorComments')}
                  {t('targets.colon')}
                </Typography.Text>
                <ul style={{ margin: '2px 0 0', paddingInlineStart: 18 }}>
                  {r.indicator_comments.map((c) => (
                    <li key={`${c.kpi_lv3}|${c.comment}`}>
                      <Typography.Text strong>{c.kpi_lv3}</Typography.Text>
                      {t('targets.colon')}
                      {c.comment}
                    </li>
                  ))}
                </ul>
              </div>
            ) : null}
          </div>
        ),
      }))}
    />
  );
}
