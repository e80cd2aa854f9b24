import type { ReactNode } from 'react';
import { Button, Divider, Flex, Space, Tag, Tooltip, Typography } from 'antd';
import {
  CheckCircleFilled,
  CloseCircleFilled,
  CloudSyncOutlined,
  ExclamationCircleFilled,
  LoadingOutlined,
  RiseOutlined,
  SaveOutlined,
  SendOutlined,
  WarningFilled,
} from '@ant-design/icons';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { COLORS } from '../../app/theme.ts';
import type { WeightSummary } from './target-model.ts';
import type { SavePhase } from './use-target-draft.ts';

export interface SaveInfo {
  phase: SavePhase;
  savedAt: Date | null;
  dirty: boolean;
  everSaved: boolean;
}

function SaveIndicator({ info, onRetry }: { info: SaveInfo; onRetry: () => void }) {
  const { t } = useTranslation();
  if (info.phase === 'saving') {
    return (
      <Typography.Text type="secondary">
        <LoadingOutlined /> {t('targets.save.saving')}
      </Typography.Text>
    );
  }
  if (info.phase === 'error') {
    return (
      <Space size={4}>
        <Typography.Text style={{ color: COLORS.red }}>
          <CloseCircleFilled /> {t('targets.save.failed')}
        </Typography.Text>
        <Button size="small" type="link" onClick={onRetry}>
          {t('targets.save.retry')}
        </Button>
      </Space>
    );
  }
  if (info.dirty) {
    return (
      <Typography.Text style={{ color: COLORS.yellow }}>
        <CloudSyncOutlined /> {t('targets.save.unsaved')}
      </Typography.Text>
    );
  }
  if (info.savedAt !== null) {
    return (
      <Typography.Text type="secondary">
        <CheckCircleFilled style={{ color: COLORS.green }} />{' '}
        {t('targets.save.savedAt', { time: dayjs(info.savedAt).format('HH:mm') })}
      </Typography.Text>
    );
  }
  return (
    <Typography.Text type="secondary">
      {info.everSaved ? (
        <>
          <CheckCircleFilled style={{ color: COLORS.green }} /> {t('targets.save.savedClean')}
        </>
      ) : (
        t('targets.save.notSaved')
      )}
    </Typography.Text>
  );
}

/**
 * The sticky bar over the editor: the running weight total against 100 − budget points, the
 * level-1 split, error / warning / flag counts, the save state and the actions.
 */
export function SummaryBar({
  weights,
  budgetPoints,
  errors,
  warnings,
  flags,
  onIssuesClick,
  save,
  onSave,
  onSubmit,
  submitting,
  extra,
}: {
  weights: WeightSummary;
  budgetPoints: number;
  /** Counts of the live check (edit mode only). */
  errors?: number;
  warnings?: number;
  flags: number;
  onIssuesClick: () => void;
  /** Present in edit mode. */
  save?: SaveInfo;
  onSave?: () => void;
  onSubmit?: () => void;
  submitting?: boolean;
  extra?: ReactNode;
}) {
  const { t } = useTranslation();
  const total = weights.total.toFixed();
  const expected = weights.expected.toFixed();
  return (
    <div className="pb-tgt-summary" role="region" aria-label={t('targets.summary.weightTotal')}>
      <Flex align="center" justify="space-between" gap={12} wrap>
        <Flex align="center" gap={8} wrap style={{ rowGap: 6 }}>
          <Tooltip
            title={
              weights.exact
                ? t('targets.summary.weightExact')
                : t('targets.summary.weightOff', { expected, points: String(budgetPoints) })
            }
          >
            <Tag
              className="pb-tgt-total"
              icon={weights.exact ? <CheckCircleFilled /> : <ExclamationCircleFilled />}
              style={{
                color: weights.exact ? COLORS.green : COLORS.red,
                borderColor: weights.exact ? `${COLORS.green}66` : `${COLORS.red}66`,
                background: weights.exact ? `${COLORS.green}12` : `${COLORS.red}0d`,
              }}
            >
              {t('targets.summary.weightTotal')}{' '}
              <span className="pb-num">{t('targets.summary.weightOf', { total, expected })}</span>
            </Tag>
          </Tooltip>
          <Tooltip
            title={`${t('targets.summary.split')}${weights.splitMatches ? '' : ` · ${t('targets.summary.splitHint')}`}`}
          >
            <Space size={6} wrap className="pb-tgt-split" aria-label={t('targets.summary.split')}>
              {weights.split.map((s) => {
                const ok = s.actual.eq(s.expected);
                return (
                  <span key={s.lv1} className="pb-num" style={{ color: ok ? COLORS.green : COLORS.yellow }}>
                    {ok ? <CheckCircleFilled /> : <WarningFilled />} {t(`level1.${s.lv1}`)}{' '}
                    {s.actual.toFixed()}/{s.expected}
                  </span>
                );
              })}
            </Space>
          </Tooltip>
          {errors === undefined && flags === 0 ? null : <Divider orientation="vertical" />}
          {errors === undefined || warnings === undefined ? null : (
            <Button type="text" size="small" onClick={onIssuesClick} className="pb-tgt-counts">
              {errors === 0 && warnings === 0 ? (
                <span style={{ color: COLORS.green }}>
                  <CheckCircleFilled /> {t('targets.summary.noErrors')}
                </span>
              ) : (
                <>
                  {errors > 0 ? (
                    <span style={{ color: COLORS.red }}>
                      <CloseCircleFilled /> {t('targets.summary.errors', { count: errors })}
                    </span>
                  ) : null}
                  {warnings > 0 ? (
                    <span style={{ color: COLORS.yellow, marginInlineStart: 8 }}>
                      <WarningFilled /> {t('targets.summary.warnings', { count: warnings })}
                    </span>
                  ) : null}
                </>
              )}
            </Button>
          )}
          {flags > 0 ? (
            <Tag color="orange" icon={<RiseOutlined />}>
              {t('targets.summary.flags', { count: flags })}
            </Tag>
          ) : null}
        </Flex>
        <Flex align="center" gap={10} wrap style={{ marginInlineStart: 'auto' }}>
          {save ? <SaveIndicator info={save} onRetry={() => onSave?.()} /> : null}
          {extra}
          {onSave ? (
            <Button icon={<SaveOutlined />} onClick={onSave} disabled={save?.phase === 'conflict'}>
              {t('targets.save.save')}
            </Button>
          ) : null}
          {onSubmit ? (
            <Tooltip
              title={(errors ?? 0) > 0 ? t('targets.save.submitBlocked', { count: errors }) : undefined}
            >
              <Button
                type="primary"
                icon={<SendOutlined />}
                onClick={onSubmit}
                loading={submitting}
                disabled={(errors ?? 0) > 0 || save?.phase === 'conflict'}
              >
                {t('targets.save.submit')}
              </Button>
            </Tooltip>
          ) : null}
        </Flex>
      </Flex>
    </div>
  );
}
