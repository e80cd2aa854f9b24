import type { ReactNode } from 'react';
import { Col, Input, Row, Space, Tag, Typography } from 'antd';
import { RiseOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { issuesOf, useEditor } from './editor-context.ts';
import { FieldIssues, FieldLabel, statusOf } from './field-parts.tsx';
import { FlagTag } from './flag-tag.tsx';
import { fieldDomId, textValue } from './target-model.ts';
import type { GoalField } from './use-target-draft.ts';

function GoalInput({
  field,
  label,
  help,
  placeholder,
  required,
  rows = 3,
  highlight = false,
  extra,
}: {
  field: GoalField;
  label: string;
  help: string;
  placeholder: string;
  required: boolean;
  rows?: number;
  highlight?: boolean;
  extra?: ReactNode;
}) {
  const ctx = useEditor();
  const { t } = useTranslation();
  const issues = issuesOf(ctx, field);
  const value = ctx.draft[field];
  return (
    <div className={`pb-tgt-goal${highlight ? ' pb-tgt-highlight' : ''}`}>
      <div className="pb-tgt-dlabel">
        <FieldLabel label={label} help={help} required={required === true && ctx.mode === 'edit'} />
      </div>
      {extra}
      {ctx.mode === 'edit' ? (
        <Input.TextArea
          id={fieldDomId({ kind: 'target', field })}
          value={value ?? ''}
          maxLength={4000}
          showCount={rows > 2}
          autoSize={{ minRows: rows, maxRows: 10 }}
          placeholder={placeholder}
          status={statusOf(issues)}
          onChange={(e) => ctx.setGoal(field, textValue(e.target.value))}
        />
      ) : (
        <Typography.Paragraph
          id={fieldDomId({ kind: 'target', field })}
          style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}
          strong={highlight}
          type={value ? undefined : 'secondary'}
        >
          {value ?? t('targets.indicators.none')}
        </Typography.Paragraph>
      )}
      <FieldIssues issues={issues} />
    </div>
  );
}

/**
 * The goals: long-term (required for multi-year projects), annual, and the target-level
 * justification (project-level flags) and explanation (a level-1 split other than the default).
 */
export function GoalsSection({ multiYear, amountField }: { multiYear: boolean; amountField?: ReactNode }) {
  const { t } = useTranslation();
  const ctx = useEditor();
  const projectFlags = ctx.flags.get(-1) ?? [];
  const showJustification =
    projectFlags.length > 0 || ctx.draft.justification !== null || issuesOf(ctx, 'justification').length > 0;
  // Asked for once the weights are complete and split otherwise than the default (the rule's warning).
  const splitWarned = (ctx.issues.get('indicators') ?? []).some((i) => i.code === 'TARGET.LEVEL1_SPLIT');
  const showExplanation =
    splitWarned || ctx.draft.explanation !== null || issuesOf(ctx, 'explanation').length > 0;
  return (
    <div className="pb-tgt-goals">
      {amountField}
      <Row gutter={[24, 16]}>
        <Col xs={24} xl={12}>
          <GoalInput
            field="long_term_goal"
            label={t('targets.goals.longTerm')}
            help={t('targets.help.longTerm')}
            placeholder={multiYear ? t('targets.goals.longTermPlaceholder') : t('targets.goals.notMultiYear')}
            required={multiYear}
          />
        </Col>
        <Col xs={24} xl={12}>
          <GoalInput
            field="annual_goal"
            label={t('targets.goals.annual')}
            help={t('targets.help.annual')}
            placeholder={t('targets.goals.annualPlaceholder')}
            required
          />
        </Col>
        {showJustification ? (
          <Col xs={24} xl={12}>
            <GoalInput
              field="justification"
              label={t('targets.goals.targetJustification')}
              help={t('targets.help.targetJustification')}
              placeholder={t('targets.goals.targetJustificationPlaceholder')}
              required={projectFlags.length > 0}
              rows={2}
              highlight={projectFlags.length > 0}
              extra={
                projectFlags.length > 0 ? (
                  <Space size={4} style={{ marginBottom: 6 }} wrap>
                    <Tag icon={<RiseOutlined />} color="orange">
                      {t('targets.flag.projectLevel')}
                    </Tag>
                    {projectFlags.map((f) => (
                      <FlagTag key={f.flag} flag={f} justified={Boolean(ctx.draft.justification)} />
                    ))}
                  </Space>
                ) : undefined
              }
            />
          </Col>
        ) : null}
        {showExplanation ? (
          <Col xs={24} xl={12}>
            <GoalInput
              field="explanation"
              label={t('targets.goals.splitExplanation')}
              help={t('targets.help.splitExplanation')}
              placeholder={t('targets.goals.splitExplanationPlaceholder')}
              required={false}
              rows={2}
            />
          </Col>
        ) : null}
      </Row>
    </div>
  );
}
