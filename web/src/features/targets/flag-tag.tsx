import { Descriptions, Popover, Tag, Typography } from 'antd';
import { CheckCircleOutlined, RiseOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { TFlagView } from '../../../../contracts/targets.ts';
import { formatWan } from '../../lib/money.ts';

const EVIDENCE_ORDER = [
  'target',
  'last_target',
  'last_actual',
  'peer_median',
  'peer_best',
  'peer_count',
  'amount',
  'quantitative_count',
] as const;

/** The figures behind a flag, as a small table. */
export function FlagEvidence({ flag, unit }: { flag: TFlagView; unit?: string | null }) {
  const { t } = useTranslation();
  const e = flag.evidence;
  const items = EVIDENCE_ORDER.flatMap((k) => {
    const v = e[k];
    if (v === undefined) return [];
    let text: string;
    if (k === 'amount') text = formatWan(String(v), { grouping: true });
    else if (k === 'peer_count' || k === 'quantitative_count') text = String(v);
    else text = unit ? `${String(v)} ${unit}` : String(v);
    return [
      { key: k, label: t(`targets.flag.evidence.${k}`), children: <span className="pb-num">{text}</span> },
    ];
  });
  const rule = flag.index === null ? t('targets.flag.rule.PROJECT') : t(`targets.flag.rule.${flag.flag}`);
  return (
    <div style={{ maxWidth: 340 }}>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginBottom: 8 }}>
        {rule}
      </Typography.Paragraph>
      <Descriptions size="small" column={1} bordered items={items} />
    </div>
  );
}

/**
 * A difficulty flag: an orange tag (icon + words) whose popover shows the evidence: target, last
 * year's target and actual, peer median, best peer and peer count.
 */
export function FlagTag({
  flag,
  unit,
  justified = false,
}: {
  flag: TFlagView;
  unit?: string | null;
  justified?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <Popover
      title={
        <span>
          <RiseOutlined style={{ color: '#d4380d' }} /> {t(`targets.flag.${flag.flag}`)}
          {flag.kpi_lv3 ? <Typography.Text type="secondary"> · {flag.kpi_lv3}</Typography.Text> : null}
        </span>
      }
      content={
        <>
          <FlagEvidence flag={flag} unit={unit} />
          <Typography.Text
            style={{ display: 'block', marginTop: 8, fontSize: 12 }}
            type={justified ? 'success' : 'warning'}
          >
            {justified ? <CheckCircleOutlined /> : null}{' '}
            {justified ? t('targets.flag.justified') : t('targets.flag.needJustification')}
          </Typography.Text>
        </>
      }
      trigger={['hover', 'click', 'focus']}
    >
      <Tag
        color="orange"
        icon={<RiseOutlined />}
        className="pb-tgt-flag"
        tabIndex={0}
        style={{ cursor: 'help' }}
      >
        {t(`targets.flag.${flag.flag}`)}
      </Tag>
    </Popover>
  );
}
