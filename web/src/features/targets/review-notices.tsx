import { Alert, Space, Tag, Typography } from 'antd';
import { MessageFilled } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { TReview, TTargetView } from '../../../../contracts/targets.ts';
import { REVIEW_DIMENSIONS } from '../../../../domain/targets/workflow.ts';
import { formatDateTime } from '../../lib/dates.ts';

/** The grades of a review as tags (完整性 优 …, 总体 良). */
export function GradeTags({ review }: { review: Pick<TReview, 'grades' | 'grade'> }) {
  const { t } = useTranslation();
  if (review.grades === null && review.grade === null) return null;
  return (
    <Space size={[4, 4]} wrap>
      {REVIEW_DIMENSIONS.map((d) => {
        const g = review.grades?.[d];
        return g === undefined ? null : (
          <Tag key={d}>
            {t(`targets.review.dimension.${d}`)} {t(`grades.${g}`)}
          </Tag>
        );
      })}
      {review.grade ? (
        <Tag color="blue">
          {t('targets.history.overall')} {t(`grades.${review.grade}`)}
        </Tag>
      ) : null}
    </Space>
  );
}

/**
 * What the reviewers said, at the top of a returned or rejected target (with the comments on
 * single indicators), and the fixes listed with a 良 grade on an approved one.
 */
export function ReviewNotices({ view, latest }: { view: TTargetView; latest: TReview | null }) {
  const { t } = useTranslation();
  const out = [];
  if (latest !== null && (view.status === 'RETURNED' || view.status === 'REJECTED')) {
    out.push(
      <Alert
        key="returned"
        type={view.status === 'REJECTED' ? 'error' : 'warning'}
        showIcon
        icon={<MessageFilled />}
        style={{ marginBottom: 16 }}
        title={
          <Space wrap>
            <strong>
              {view.status === 'REJECTED'
                ? t('targets.review.rejectedTitle')
                : t('targets.review.returnedTitle')}
            </strong>
            <Typography.Text type="secondary" style={{ fontSize: 13 }}>
              {t('targets.review.returnedBy', {
                actor: latest.actor_name ?? t('targets.history.system'),
                step: latest.step ? t(`targets.step.${latest.step}`) : '—',
                time: formatDateTime(latest.at),
              })}
            </Typography.Text>
          </Space>
        }
        description={
          <>
            {latest.comment ? (
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 8 }}>
                {latest.comment}
              </Typography.Paragraph>
            ) : null}
            <GradeTags review={latest} />
            {latest.indicator_comments.length > 0 ? (
              <ul style={{ margin: '8px 0 0', paddingInlineStart: 18 }}>
                {latest.indicator_comments.map((c) => (
                  <li key={`${c.kpi_lv3}|${c.comment}`}>
                    <Typography.Text strong>{c.kpi_lv3}</Typography.Text>
                    {t('targets.colon')}
                    {c.comment}
                  </li>
                ))}
              </ul>
            ) : null}
          </>
        }
      />,
    );
  }
  const last = [...view.reviews].sort((a, b) => a.at.localeCompare(b.at)).at(-1);
  if (view.status === 'UNLOCKED' && last?.action === 'UNLOCK') {
    out.push(
      <Alert
        key="unlocked"
        type="warning"
        showIcon
        style={{ marginBottom: 16 }}
        title={
          <Space wrap>
            <strong>{t('targets.review.unlockedTitle')}</strong>
            <Typography.Text type="secondary" style={{ fontSize: 13 }}>
              {t('targets.review.returnedBy', {
                actor: last.actor_name ?? t('targets.history.system'),
                step: last.step ? t(`targets.step.${last.step}`) : '—',
                time: formatDateTime(last.at),
              })}
            </Typography.Text>
          </Space>
        }
        description={<span style={{ whiteSpace: 'pre-wrap' }}>{last.comment}</span>}
      />,
    );
  }
  if (view.version.adjustment_reason && view.status !== 'APPROVED') {
    out.push(
      <Alert
        key="adjusting"
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        title={t('targets.versions.adjustmentReason', { reason: view.version.adjustment_reason })}
        description={
          view.in_force_version === null
            ? undefined
            : t('targets.versions.inForceWhileAdjusting', { n: view.in_force_version })
        }
      />,
    );
  }
  if (view.version.grade === 'GOOD' && view.version.fixes) {
    out.push(
      <Alert
        key="fixes"
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        title={t('targets.review.fixesTitle')}
        description={<span style={{ whiteSpace: 'pre-wrap' }}>{view.version.fixes}</span>}
      />,
    );
  }
  return <>{out}</>;
}
