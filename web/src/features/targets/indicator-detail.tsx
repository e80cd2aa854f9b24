import type { ReactNode } from 'react';
import { Cascader, Input, Select, Tag, Typography } from 'antd';
import { BookOutlined, RiseOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { FRAMEWORKS, LV1_LABELS, LV2_LABELS } from '../../../../domain/targets/framework.ts';
import { VALUE_BASES } from '../../../../domain/targets/indicator.ts';
import { issuesOf, useEditor } from './editor-context.ts';
import { FieldIssues, FieldLabel, statusOf } from './field-parts.tsx';
import { FlagEvidence } from './flag-tag.tsx';
import { fieldDomId, textValue } from './target-model.ts';

interface CategoryOption {
  value: string;
  label: string;
  children?: CategoryOption[];
}

function Field({
  label,
  help,
  required,
  wide = false,
  highlight = false,
  children,
  issueKey,
}: {
  label: string;
  help: string;
  required?: boolean;
  wide?: boolean;
  highlight?: boolean;
  children: ReactNode;
  issueKey: string;
}) {
  const ctx = useEditor();
  return (
    <div className={`pb-tgt-dfield${wide ? ' pb-tgt-wide' : ''}${highlight ? ' pb-tgt-highlight' : ''}`}>
      <div className="pb-tgt-dlabel">
        <FieldLabel label={label} help={help} required={required === true && ctx.mode === 'edit'} />
      </div>
      {children}
      <FieldIssues issues={issuesOf(ctx, issueKey)} />
    </div>
  );
}

/** The expandable detail of an indicator row: category, basis, source, scoring, justification, explanation. */
export function IndicatorDetail({ index }: { index: number }) {
  const { t } = useTranslation();
  const ctx = useEditor();
  const ind = ctx.draft.indicators[index];
  if (ind === undefined) return null;
  const zh = ctx.lang === 'zh-CN';
  const edit = ctx.mode === 'edit';
  const core = ind.is_core === true;
  const flags = ctx.flags.get(index) ?? [];
  const key = (f: string) => `${String(index)}.${f}`;
  const id = (f: string) => fieldDomId({ kind: 'indicator', index, field: f });
  const text = (v: string | null) => (v === null || v.trim() === '' ? t('targets.indicators.none') : v);
  const categoryOptions: CategoryOption[] = FRAMEWORKS[ctx.policy.framework].map((n) => ({
    value: n.lv1,
    label: zh ? LV1_LABELS[n.lv1].zh : LV1_LABELS[n.lv1].en,
    children: n.lv2.map((l2) => ({ value: l2, label: zh ? LV2_LABELS[l2].zh : LV2_LABELS[l2].en })),
  }));
  const categoryText = [ind.kpi_lv1, ind.kpi_lv2]
    .map((c) => {
      if (c === null) return '—';
      const l =
        (LV1_LABELS as Record<string, { zh: string; en: string }>)[c] ??
        (LV2_LABELS as Record<string, { zh: string; en: string }>)[c];
      return l ? (zh ? l.zh : l.en) : c;
    })
    .join(' / ');
  const categoryIssues = [...issuesOf(ctx, key('kpi_lv1')), ...issuesOf(ctx, key('kpi_lv2'))];
  const justIssues = issuesOf(ctx, key('justification'));
  const explIssues = issuesOf(ctx, key('explanation'));

  return (
    <div className="pb-tgt-detail">
      <Field
        label={t('targets.field.category')}
        help={t('targets.help.category')}
        required
        issueKey={key('kpi_lv2')}
      >
        {edit && !core ? (
          <Cascader<CategoryOption>
            id={id('kpi_lv2')}
            options={categoryOptions}
            value={ind.kpi_lv1 && ind.kpi_lv2 ? [ind.kpi_lv1, ind.kpi_lv2] : undefined}
            placeholder={t('targets.placeholder.category')}
            allowClear={false}
            status={statusOf(categoryIssues)}
            style={{ width: '100%' }}
            onChange={(v) => {
              const [lv1, lv2] = (v as string[] | undefined) ?? [];
              ctx.patchRow(index, { kpi_lv1: lv1 ?? null, kpi_lv2: lv2 ?? null });
            }}
          />
        ) : (
          <Typography.Text>{categoryText}</Typography.Text>
        )}
      </Field>
      <Field
        label={t('targets.field.value_basis')}
        help={t('targets.help.value_basis')}
        issueKey={key('value_basis')}
      >
        {edit ? (
          <Select
            id={id('value_basis')}
            allowClear
            value={ind.value_basis ?? undefined}
            placeholder={t('targets.field.value_basis')}
            style={{ width: '100%' }}
            options={VALUE_BASES.map((v) => ({ value: v, label: t(`targets.valueBasis.${v}`) }))}
            onChange={(v: string | undefined) => ctx.patchRow(index, { value_basis: v ?? null })}
          />
        ) : (
          <Typography.Text>
            {ind.value_basis ? t(`targets.valueBasis.${ind.value_basis}`, ind.value_basis) : '—'}
          </Typography.Text>
        )}
      </Field>
      <Field
        label={t('targets.field.data_source')}
        help={t('targets.help.data_source')}
        issueKey={key('data_source')}
      >
        {edit ? (
          <Input
            id={id('data_source')}
            value={ind.data_source ?? ''}
            maxLength={500}
            placeholder={t('targets.placeholder.data_source')}
            onChange={(e) => ctx.patchRow(index, { data_source: textValue(e.target.value) })}
          />
        ) : (
          <Typography.Text>{text(ind.data_source)}</Typography.Text>
        )}
      </Field>
      <Field
        label={t('targets.indicators.lastYear')}
        help={t('targets.help.last_year')}
        issueKey={key('last_actual')}
      >
        <Typography.Text className="pb-num">
          {t('targets.field.last_target')}
          {t('targets.colon')}
          {text(ind.last_target)} · {t('targets.field.last_actual')}
          {t('targets.colon')}
          {text(ind.last_actual)}
          {ind.meterunit && (ind.last_target || ind.last_actual) ? ` ${ind.meterunit}` : ''}
        </Typography.Text>
        {ind.library_code ? (
          <Tag icon={<BookOutlined />} style={{ marginInlineStart: 8 }}>
            {ind.library_code}
          </Tag>
        ) : null}
      </Field>
      <Field
        label={t('targets.field.scoring_standard')}
        help={t('targets.help.scoring_standard')}
        wide
        issueKey={key('scoring_standard')}
      >
        {edit ? (
          <Input.TextArea
            id={id('scoring_standard')}
            value={ind.scoring_standard ?? ''}
            maxLength={2000}
            autoSize={{ minRows: 1, maxRows: 5 }}
            placeholder={t('targets.placeholder.scoring_standard')}
            onChange={(e) => ctx.patchRow(index, { scoring_standard: textValue(e.target.value) })}
          />
        ) : (
          <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{text(ind.scoring_standard)}</Typography.Text>
        )}
      </Field>
      {flags.length > 0 || ind.justification !== null || justIssues.length > 0 ? (
        <Field
          label={t('targets.field.justification')}
          help={t('targets.help.justification')}
          required={flags.length > 0}
          wide
          highlight={flags.length > 0}
          issueKey={key('justification')}
        >
          {flags.length > 0 ? (
            <div className="pb-tgt-flagline">
              {flags.map((f) => (
                <Tag key={f.flag} color="orange" icon={<RiseOutlined />}>
                  {t(`targets.flag.${f.flag}`)}
                </Tag>
              ))}
            </div>
          ) : null}
          {edit ? (
            <Input.TextArea
              id={id('justification')}
              value={ind.justification ?? ''}
              maxLength={2000}
              autoSize={{ minRows: 2, maxRows: 6 }}
              status={statusOf(justIssues)}
              placeholder={t('targets.placeholder.justification')}
              onChange={(e) => ctx.patchRow(index, { justification: textValue(e.target.value) })}
            />
          ) : (
            <Typography.Text strong={flags.length > 0} style={{ whiteSpace: 'pre-wrap' }}>
              {text(ind.justification)}
            </Typography.Text>
          )}
          {flags.length > 0 && !edit ? (
            <div className="pb-tgt-evidence-list">
              {flags.map((f) => (
                <div key={f.flag}>
                  <Typography.Text strong style={{ fontSize: 12 }}>
                    {t(`targets.flag.${f.flag}`)}
                  </Typography.Text>
                  <FlagEvidence flag={f} unit={ind.meterunit} />
                </div>
              ))}
            </div>
          ) : null}
        </Field>
      ) : null}
      {edit || ind.explanation !== null ? (
        <Field
          label={t('targets.field.explanation')}
          help={t('targets.help.explanation')}
          required={ind.computesign === 'OTHER'}
          wide
          issueKey={key('explanation')}
        >
          {edit ? (
            <Input.TextArea
              id={id('explanation')}
              value={ind.explanation ?? ''}
              maxLength={2000}
              autoSize={{ minRows: 1, maxRows: 5 }}
              status={statusOf(explIssues)}
              placeholder={t('targets.placeholder.explanation')}
              onChange={(e) => ctx.patchRow(index, { explanation: textValue(e.target.value) })}
            />
          ) : (
            <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{text(ind.explanation)}</Typography.Text>
          )}
        </Field>
      ) : null}
    </div>
  );
}
