import { Alert, Card, Space, Table, Tag, Typography } from 'antd';
import { ArrowRightOutlined, EditOutlined, MinusCircleOutlined, PlusCircleOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { FIELD_LABELS, type Lang } from '../../../../contracts/issues.ts';
import type { ZTargetDiff } from '../../../../contracts/targets.ts';
import { LV1_LABELS, LV2_LABELS } from '../../../../domain/targets/framework.ts';
import { COLORS } from '../../app/theme.ts';

type TDiff = z.infer<typeof ZTargetDiff>;
type Change = TDiff['goals'][number];

const LOOK = {
  ADDED: { color: 'green', icon: <PlusCircleOutlined /> },
  REMOVED: { color: 'red', icon: <MinusCircleOutlined /> },
  CHANGED: { color: 'blue', icon: <EditOutlined /> },
} as const;

/** A stored value in words (sign, progress kind, value basis, categories). */
function useValueText(lang: Lang) {
  const { t } = useTranslation();
  const zh = lang === 'zh-CN';
  return (field: string, v: string | null): string | null => {
    if (v === null) return null;
    const label = (map: Record<string, { zh: string; en: string } | undefined>) => {
      const l = map[v];
      return l ? (zh ? l.zh : l.en) : v;
    };
    switch (field) {
      case 'computesign':
        return t(`targets.sign.${v}`, v);
      case 'progress':
        return t(`targets.progress.${v}`, v);
      case 'value_basis':
        return t(`targets.valueBasis.${v}`, v);
      case 'kpi_lv1':
        return label(LV1_LABELS);
      case 'kpi_lv2':
        return label(LV2_LABELS);
      default:
        return v;
    }
  };
}

function ChangeCell({ before, after }: { before: string | null; after: string | null }) {
  const { t } = useTranslation();
  const empty = <Typography.Text type="secondary">{t('targets.versions.empty_value')}</Typography.Text>;
  return (
    <Space size={6} wrap align="start">
      {before === null ? empty : <span className="pb-tgt-diff-before">{before}</span>}
      <ArrowRightOutlined style={{ color: COLORS.grey, marginTop: 4 }} aria-label="→" />
      {after === null ? empty : <span className="pb-tgt-diff-after">{after}</span>}
    </Space>
  );
}

/** A field's name in the glossary's words (capitalised in English, as a label). */
function fieldName(f: string, lang: Lang): string {
  const l = FIELD_LABELS[f];
  if (!l) return f;
  return lang === 'zh-CN' ? l.zh : l.en.charAt(0).toUpperCase() + l.en.slice(1);
}

/** An added or removed indicator on one line: its values, new in green or gone struck through in red. */
function WholeIndicator({
  fields,
  removed,
  lang,
}: {
  fields: readonly Change[];
  removed: boolean;
  lang: Lang;
}) {
  const { t } = useTranslation();
  const text = useValueText(lang);
  return (
    <div className="pb-tgt-diff-whole">
      {fields.map((f) => {
        const v = text(f.field, removed ? f.before : f.after);
        return v === null ? null : (
          <span key={f.field} className="pb-tgt-diff-pair">
            <Typography.Text type="secondary">
              {fieldName(f.field, lang)}
              {t('targets.colon')}
            </Typography.Text>
            <span className={removed ? 'pb-tgt-diff-before' : 'pb-tgt-diff-after'}>{v}</span>
          </span>
        );
      })}
    </div>
  );
}

function ChangeTable({ rows, lang }: { rows: readonly Change[]; lang: Lang }) {
  const { t } = useTranslation();
  const text = useValueText(lang);
  return (
    <Table<Change>
      size="small"
      pagination={false}
      rowKey="field"
      dataSource={[...rows]}
      columns={[
        {
          title: '',
          dataIndex: 'field',
          width: 140,
          render: (f: string) => <strong>{fieldName(f, lang)}</strong>,
        },
        {
          title: `${t('targets.versions.before')} → ${t('targets.versions.after')}`,
          key: 'change',
          render: (_, r) => <ChangeCell before={text(r.field, r.before)} after={text(r.field, r.after)} />,
        },
      ]}
    />
  );
}

/**
 * What changed between two versions: goals, then indicators added, removed or changed, each
 * field before → after (red struck-through, green new; icon and word, never colour alone).
 */
export function TargetDiffView({ diff, lang }: { diff: TDiff; lang: Lang }) {
  const { t } = useTranslation();
  if (diff.goals.length === 0 && diff.indicators.length === 0) {
    return <Alert type="info" showIcon title={t('targets.versions.noChange')} />;
  }
  return (
    <div>
      {diff.goals.length > 0 ? (
        <Card size="small" title={t('targets.versions.goals')} style={{ marginBottom: 16 }}>
          <ChangeTable rows={diff.goals} lang={lang} />
        </Card>
      ) : null}
      {diff.indicators.length > 0 ? (
        <Card size="small" title={t('targets.versions.indicatorsTitle')}>
          {diff.indicators.map((ind) => (
            <div key={`${ind.change}|${ind.kpi_lv3}`} style={{ marginBottom: 16 }}>
              <Space style={{ marginBottom: 6 }}>
                <Tag color={LOOK[ind.change].color} icon={LOOK[ind.change].icon}>
                  {t(`targets.versions.change.${ind.change}`)}
                </Tag>
                <Typography.Text strong>{ind.kpi_lv3}</Typography.Text>
              </Space>
              {ind.change === 'CHANGED' ? (
                <ChangeTable rows={ind.fields} lang={lang} />
              ) : (
                <WholeIndicator
                  fields={ind.fields.filter((f) => f.field !== 'kpi_lv3')}
                  removed={ind.change === 'REMOVED'}
                  lang={lang}
                />
              )}
            </div>
          ))}
        </Card>
      ) : null}
    </div>
  );
}
