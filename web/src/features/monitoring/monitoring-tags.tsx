import { Tag, Tooltip } from 'antd';
import { HourglassOutlined, PauseCircleFilled, StopFilled } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { TDisposition, TReportView } from '../../../../contracts/monitoring.ts';
import type { Light } from '../../../../domain/monitoring/lights.ts';
import { COLORS } from '../../app/theme.ts';
import { LightTag } from '../../components/light-tag.tsx';
import { percentText } from './monitoring-model.ts';

type FundsStatus = TReportView['project']['funds_status'];

/**
 * A light with its value (红灯 · 48.00%); `null` is a light that cannot be computed yet (fields
 * still to fill), shown grey with the word 待计算 — never colour alone.
 */
export function LightValue({
  light,
  value,
  pendingHint,
}: {
  light: Light | null;
  value?: string | null;
  pendingHint?: string;
}) {
  const { t } = useTranslation();
  if (light === null) {
    const tag = (
      <Tag icon={<HourglassOutlined />} style={{ color: COLORS.grey, marginInlineEnd: 0 }}>
        {t('monitoring.light.pending')}
      </Tag>
    );
    return pendingHint === undefined ? tag : <Tooltip title={pendingHint}>{tag}</Tooltip>;
  }
  const shown = percentText(value ?? null);
  return <LightTag light={light} label={shown === null ? undefined : `${t(`lights.${light}`)} ${shown}`} />;
}

/** The funds status of a project: nothing while NORMAL, in red with an icon when suspended or stopped. */
export function FundsStatusTag({ status }: { status: FundsStatus }) {
  const { t } = useTranslation();
  if (status === 'NORMAL') return null;
  return (
    <Tag
      icon={status === 'SUSPENDED' ? <PauseCircleFilled /> : <StopFilled />}
      style={{
        color: '#ffffff',
        background: COLORS.red,
        borderColor: COLORS.red,
        marginInlineEnd: 0,
        fontWeight: 500,
      }}
    >
      {t(`monitoring.funds.${status}`)}
    </Tag>
  );
}

const DISPOSITION_COLOURS: Record<TDisposition['kind'], string> = {
  CONTINUE: COLORS.green,
  ADJUST_TARGET: COLORS.blue,
  SUSPEND_FUNDS: COLORS.red,
  STOP_RECOVER: COLORS.red,
};

/** A disposition of a RED project in words, coloured by its weight. */
export function DispositionTag({ kind }: { kind: TDisposition['kind'] }) {
  const { t } = useTranslation();
  const c = DISPOSITION_COLOURS[kind];
  return (
    <Tag style={{ color: c, borderColor: `${c}55`, background: `${c}0f`, marginInlineEnd: 0 }}>
      {t(`monitoring.disposition.kind.${kind}`)}
    </Tag>
  );
}

/** 草稿 / 已提交. */
export function ReportStatusTag({ status }: { status: 'DRAFT' | 'SUBMITTED' }) {
  const { t } = useTranslation();
  return (
    <Tag color={status === 'SUBMITTED' ? 'success' : 'default'} style={{ marginInlineEnd: 0 }}>
      {t(`monitoring.reportStatus.${status}`)}
    </Tag>
  );
}
