import { Button, Checkbox, Flex, Input, Select, Table, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { DownOutlined, MessageOutlined, UpOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { TMonitoringDraft, TMonitoringIndicatorDraft } from '../../../../contracts/monitoring.ts';
import {
  DEVIATION_CAUSES,
  LEVELS,
  LIKELIHOODS,
  type DeviationCause,
  type Level,
  type Likelihood,
  type ShownLight,
} from '../../../../domain/monitoring/lights.ts';
import { LV1_LABELS, LV2_LABELS } from '../../../../domain/targets/framework.ts';
import { DecimalInput, FieldIssues, FieldLabel, statusOf } from './form-parts.tsx';
import { LightValue } from './monitoring-tags.tsx';
import {
  fieldDomId,
  rowKindOf,
  takesPlanned,
  type ReportIndicator,
  type RowKind,
  type ShownIssue,
} from './monitoring-model.ts';

/** Fields of a row shown in its expandable detail. */
export const DETAIL_FIELDS: readonly string[] = ['deviation_causes', 'analysis', 'measures'];

interface Row {
  key: string;
  index: number;
}

export interface IndicatorTableProps {
  indicators: readonly ReportIndicator[];
  draft: TMonitoringDraft;
  edit: boolean;
  lang: 'zh-CN' | 'en-US';
  /** The light of each row (live while editing, stored otherwise); null: not computable yet. */
  lights: readonly (ShownLight | null)[];
  issuesOf: (index: number, field: string) => readonly ShownIssue[];
  patchRow: (index: number, patch: Partial<TMonitoringIndicatorDraft>) => void;
  isOpen: (index: number) => boolean;
  toggleRow: (index: number) => void;
}

function levelLabel(code: string, lang: 'zh-CN' | 'en-US', table: 'lv1' | 'lv2'): string {
  const labels: Record<string, { zh: string; en: string } | undefined> =
    table === 'lv1' ? LV1_LABELS : LV2_LABELS;
  const l = labels[code];
  return l === undefined ? code : lang === 'zh-CN' ? l.zh : l.en;
}

function text(v: string | null): string {
  return v === null || v.trim() === '' ? '—' : v;
}

/**
 * One row per indicator of the in-force target: target value, planned value (where the rule
 * reads one), actual or level, forecast, likelihood and the row's light; deviation causes,
 * analysis and measures in the row's detail (opened where the light is red or yellow).
 */
export function IndicatorTable(props: IndicatorTableProps) {
  const { t } = useTranslation();
  const { indicators, draft, edit, lang, lights, issuesOf, patchRow } = props;
  const rows: Row[] = indicators.map((ind, index) => ({ key: `${String(ind.seq)}`, index }));
  const id = (index: number, field: string) => fieldDomId({ kind: 'row', index, field });
  const rowOf = (i: number): TMonitoringIndicatorDraft | undefined => draft.indicators[i];
  const kindOf = (i: number): RowKind | null => {
    const ind = indicators[i];
    return ind === undefined ? null : rowKindOf(ind);
  };
  const notApplicable = (hint: string) => (
    <Tooltip title={hint}>
      <Typography.Text type="secondary">—</Typography.Text>
    </Tooltip>
  );

  const columns: ColumnsType<Row> = [
    {
      title: t('monitoring.report.col.indicator'),
      key: 'name',
      width: 200,
      render: (_, { index }) => {
        const ind = indicators[index];
        if (ind === undefined) return null;
        return (
          <Flex vertical id={id(index, 'kpi_lv3')}>
            <Typography.Text strong>{ind.kpi_lv3}</Typography.Text>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {levelLabel(ind.kpi_lv1, lang, 'lv1')} / {levelLabel(ind.kpi_lv2, lang, 'lv2')}
            </Typography.Text>
          </Flex>
        );
      },
    },
    {
      title: <FieldLabel label={t('monitoring.report.col.target')} help={t('monitoring.help.target')} />,
      key: 'target',
      width: 140,
      render: (_, { index }) => {
        const ind = indicators[index];
        if (ind === undefined) return null;
        const qualitative = kindOf(index) === 'qualitative';
        return (
          <Flex vertical>
            <span className="pb-num">
              {qualitative
                ? `${t(`targets.sign.${ind.computesign}`, ind.computesign)} · ${ind.kpi_val}`
                : `${t(`targets.sign.${ind.computesign}`, ind.computesign)} ${ind.kpi_val}${ind.meterunit === null ? '' : ` ${ind.meterunit}`}`}
            </span>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {qualitative
                ? t('monitoring.report.qualitative')
                : t(`targets.progress.${ind.progress}`, ind.progress)}
              {' · '}
              {t('monitoring.report.weight', { weight: ind.weight })}
            </Typography.Text>
          </Flex>
        );
      },
    },
    {
      title: <FieldLabel label={t('monitoring.report.col.planned')} help={t('monitoring.help.planned')} />,
      key: 'planned',
      width: 120,
      render: (_, { index }) => {
        const r = rowOf(index);
        const kind = kindOf(index);
        if (r === undefined || kind === null) return null;
        if (!takesPlanned(kind)) return notApplicable(t(`monitoring.report.plannedNa.${kind}`));
        return edit ? (
          <DecimalInput
            id={id(index, 'planned')}
            ariaLabel={`${indicators[index]?.kpi_lv3 ?? ''} ${t('monitoring.report.col.planned')}`}
            value={r.planned}
            suffix={indicators[index]?.meterunit}
            placeholder={t('monitoring.report.optional')}
            issues={issuesOf(index, 'planned')}
            onChange={(v) => patchRow(index, { planned: v })}
          />
        ) : (
          <span className="pb-num">{text(r.planned)}</span>
        );
      },
    },
    {
      title: (
        <FieldLabel
          label={t('monitoring.report.col.actual')}
          help={t('monitoring.help.actual')}
          required={edit}
        />
      ),
      key: 'actual',
      width: 140,
      render: (_, { index }) => {
        const r = rowOf(index);
        const kind = kindOf(index);
        if (r === undefined || kind === null) return null;
        if (kind === 'qualitative') {
          const issues = issuesOf(index, 'level');
          return edit ? (
            <>
              <Select<Level>
                id={id(index, 'level')}
                aria-label={`${indicators[index]?.kpi_lv3 ?? ''} ${t('monitoring.report.col.level')}`}
                value={r.level ?? undefined}
                allowClear
                placeholder={t('monitoring.report.levelPlaceholder')}
                status={statusOf(issues)}
                style={{ width: '100%' }}
                popupMatchSelectWidth={false}
                options={LEVELS.map((l) => ({ value: l, label: t(`monitoring.level.${l}`) }))}
                onChange={(v: Level | undefined) => patchRow(index, { level: v ?? null })}
              />
              <FieldIssues issues={issues} />
            </>
          ) : (
            <span>{r.level === null ? '—' : t(`monitoring.level.${r.level}`)}</span>
          );
        }
        return edit ? (
          <DecimalInput
            id={id(index, 'actual')}
            ariaLabel={`${indicators[index]?.kpi_lv3 ?? ''} ${t('monitoring.report.col.actual')}`}
            value={r.actual}
            suffix={indicators[index]?.meterunit}
            placeholder={t('monitoring.report.actualPlaceholder')}
            issues={issuesOf(index, 'actual')}
            onChange={(v) => patchRow(index, { actual: v })}
          />
        ) : (
          <span className="pb-num">{text(r.actual)}</span>
        );
      },
    },
    {
      title: <FieldLabel label={t('monitoring.report.col.forecast')} help={t('monitoring.help.forecast')} />,
      key: 'forecast',
      width: 120,
      render: (_, { index }) => {
        const r = rowOf(index);
        const kind = kindOf(index);
        if (r === undefined || kind === null) return null;
        if (kind === 'qualitative') return notApplicable(t('monitoring.report.forecastNa'));
        return edit ? (
          <DecimalInput
            id={id(index, 'forecast')}
            ariaLabel={`${indicators[index]?.kpi_lv3 ?? ''} ${t('monitoring.report.col.forecast')}`}
            value={r.forecast}
            suffix={indicators[index]?.meterunit}
            placeholder={t('monitoring.report.optional')}
            issues={issuesOf(index, 'forecast')}
            onChange={(v) => patchRow(index, { forecast: v })}
          />
        ) : (
          <span className="pb-num">{text(r.forecast)}</span>
        );
      },
    },
    {
      title: (
        <FieldLabel label={t('monitoring.report.col.likelihood')} help={t('monitoring.help.likelihood')} />
      ),
      key: 'likelihood',
      width: 140,
      render: (_, { index }) => {
        const r = rowOf(index);
        if (r === undefined) return null;
        const issues = issuesOf(index, 'likelihood');
        return edit ? (
          <>
            <Select<Likelihood>
              id={id(index, 'likelihood')}
              aria-label={`${indicators[index]?.kpi_lv3 ?? ''} ${t('monitoring.report.col.likelihood')}`}
              value={r.likelihood ?? undefined}
              allowClear
              placeholder={t('monitoring.report.likelihoodPlaceholder')}
              status={statusOf(issues)}
              style={{ width: '100%' }}
              popupMatchSelectWidth={false}
              options={LIKELIHOODS.map((l) => ({ value: l, label: t(`monitoring.likelihood.${l}`) }))}
              onChange={(v: Likelihood | undefined) => patchRow(index, { likelihood: v ?? null })}
            />
            <FieldIssues issues={issues} />
          </>
        ) : (
          <span>{r.likelihood === null ? '—' : t(`monitoring.likelihood.${r.likelihood}`)}</span>
        );
      },
    },
    {
      title: <FieldLabel label={t('monitoring.report.col.light')} help={t('monitoring.help.rowLight')} />,
      key: 'light',
      width: 130,
      render: (_, { index }) => {
        const l = lights[index] ?? null;
        return (
          <LightValue
            light={l?.light ?? null}
            value={l?.value ?? null}
            pendingHint={t('monitoring.light.pendingRow')}
          />
        );
      },
    },
    {
      title: t('monitoring.report.col.explain'),
      key: 'explain',
      width: 110,
      render: (_, { index }) => {
        const r = rowOf(index);
        if (r === undefined) return null;
        const open = props.isOpen(index);
        const filled = r.deviation_causes.length > 0 || r.analysis !== null || r.measures !== null;
        if (!edit && !filled) return <Typography.Text type="secondary">—</Typography.Text>;
        return (
          <Button
            type="link"
            size="small"
            onClick={() => props.toggleRow(index)}
            icon={open ? <UpOutlined /> : <DownOutlined />}
            iconPlacement="end"
            aria-expanded={open}
          >
            {filled ? <MessageOutlined /> : null}
            {open ? t('monitoring.report.hideExplain') : t('monitoring.report.showExplain')}
          </Button>
        );
      },
    },
  ];

  const detail = (index: number) => {
    const r = rowOf(index);
    if (r === undefined) return null;
    const light = lights[index]?.light;
    const asks = light === 'RED' || light === 'YELLOW';
    const causeIssues = issuesOf(index, 'deviation_causes');
    return (
      <div className="pb-mon-detail">
        {asks && edit ? (
          <Typography.Text type="warning" className="pb-mon-detail-wide" style={{ fontSize: 13 }}>
            {t('monitoring.report.explainHint')}
          </Typography.Text>
        ) : null}
        <div className="pb-mon-detail-wide">
          <FieldLabel label={t('monitoring.report.col.causes')} help={t('monitoring.help.causes')} />
          <div id={id(index, 'deviation_causes')} style={{ marginTop: 6 }}>
            {edit ? (
              <Checkbox.Group<DeviationCause>
                value={r.deviation_causes}
                options={DEVIATION_CAUSES.map((c) => ({ value: c, label: t(`monitoring.cause.${c}`) }))}
                onChange={(v) =>
                  patchRow(index, { deviation_causes: DEVIATION_CAUSES.filter((c) => v.includes(c)) })
                }
              />
            ) : (
              <span>
                {r.deviation_causes.length === 0
                  ? '—'
                  : r.deviation_causes
                      .map((c) => t(`monitoring.cause.${c}`))
                      .join(lang === 'zh-CN' ? '、' : ', ')}
              </span>
            )}
            <FieldIssues issues={causeIssues} />
          </div>
        </div>
        {(['analysis', 'measures'] as const).map((field) => {
          const issues = issuesOf(index, field);
          return (
            <div key={field}>
              <FieldLabel label={t(`monitoring.report.col.${field}`)} help={t(`monitoring.help.${field}`)} />
              <div style={{ marginTop: 6 }}>
                {edit ? (
                  <Input.TextArea
                    id={id(index, field)}
                    value={r[field] ?? ''}
                    maxLength={2000}
                    autoSize={{ minRows: 2, maxRows: 6 }}
                    status={statusOf(issues)}
                    placeholder={t(`monitoring.report.${field}Placeholder`)}
                    onChange={(e) =>
                      patchRow(index, { [field]: e.target.value.trim() === '' ? null : e.target.value })
                    }
                  />
                ) : (
                  <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>
                    {text(r[field])}
                  </Typography.Paragraph>
                )}
                <FieldIssues issues={issues} />
              </div>
            </div>
          );
        })}
      </div>
    );
  };

  return (
    <Table<Row>
      className="pb-mon-table"
      size="small"
      columns={columns}
      dataSource={rows}
      pagination={false}
      tableLayout="fixed"
      scroll={{ x: 1100 }}
      rowClassName={(r) => {
        const l = lights[r.index]?.light;
        return l === 'RED' ? 'pb-mon-row-red' : l === 'YELLOW' ? 'pb-mon-row-yellow' : '';
      }}
      expandable={{
        expandedRowKeys: rows.filter((r) => props.isOpen(r.index)).map((r) => r.key),
        expandedRowRender: (r) => detail(r.index),
        showExpandColumn: false,
      }}
    />
  );
}
