import { Card, Col, Flex, Form, Radio, Row, Switch, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { COLORS } from '../../app/theme.ts';
import { NumberField } from './number-field.tsx';
import type { Issue, Level1, PolicyFormValues, QualBand } from './policy-model.ts';
import { PolicyRow } from './policy-row.tsx';

const LEVEL1: Level1[] = ['OUTPUT', 'BENEFIT', 'SATISFACTION', 'COST'];
const BANDS: QualBand[] = ['ACHIEVED', 'PARTIAL', 'NOT_ACHIEVED'];
const GRADES = ['EXCELLENT', 'GOOD', 'FAIR'] as const;

export interface CardProps {
  values: PolicyFormValues;
  issues: Issue[];
  isOverridden: (key: string) => boolean;
}

function sumOf(values: (number | null)[]): number {
  // Weights are whole or 2-decimal points; round the display sum to avoid float noise.
  return Math.round(values.reduce<number>((s, v) => s + (v ?? 0), 0) * 100) / 100;
}

/** Evaluation scoring: grades, budget points, level-1 weights, qualitative bands, framework. */
export function PolicyScoringCard({ values, issues, isOverridden }: CardProps) {
  const { t } = useTranslation();
  const weightSum = sumOf(LEVEL1.map((k) => values.level1_weights[k]));
  const total = sumOf([weightSum, values.budget_points]);
  return (
    <Card title={t('policies.group.scoring')} style={{ marginBottom: 16 }}>
      <PolicyRow
        path="framework"
        label={t('policies.field.framework')}
        help={t('policies.help.framework')}
        issues={issues}
        overridden={isOverridden('framework')}
      >
        <Form.Item name="framework" noStyle>
          <Radio.Group
            optionType="button"
            options={[
              { value: '2015', label: t('policies.framework.2015') },
              { value: '2021', label: t('policies.framework.2021') },
            ]}
          />
        </Form.Item>
      </PolicyRow>
      <PolicyRow
        path="review"
        label={t('policies.field.reviewPerfOffice')}
        help={t('policies.help.reviewPerfOffice')}
        issues={issues}
        overridden={isOverridden('review')}
      >
        <Form.Item name={['review', 'perf_office']} valuePropName="checked" noStyle>
          <Switch />
        </Form.Item>
      </PolicyRow>
      <PolicyRow
        path="grade_cuts"
        label={t('policies.field.gradeCuts')}
        help={t('policies.help.gradeCuts')}
        range="0–100"
        issues={issues}
        overridden={isOverridden('grade_cuts')}
      >
        <Flex gap={12} wrap>
          {GRADES.map((g, i) => (
            <NumberField
              key={g}
              name={['grade_cuts', i]}
              label={t(`grades.${g}`)}
              prefix={`${t(`grades.${g}`)} ≥`}
              width={140}
            />
          ))}
          <Typography.Text type="secondary" style={{ alignSelf: 'center' }}>
            {t('policies.poorBelow', { cut: values.grade_cuts[2] ?? '—' })}
          </Typography.Text>
        </Flex>
      </PolicyRow>
      <PolicyRow
        path="level1_weights"
        label={t('policies.field.level1Weights')}
        help={t('policies.help.level1Weights')}
        range="0–100"
        issues={issues}
        overridden={isOverridden('level1_weights')}
      >
        <Flex gap={12} wrap align="center">
          {LEVEL1.map((k) => (
            <NumberField
              key={k}
              name={['level1_weights', k]}
              label={t(`level1.${k}`)}
              prefix={t(`level1.${k}`)}
              width={150}
            />
          ))}
        </Flex>
      </PolicyRow>
      <PolicyRow
        path="budget_points"
        label={t('policies.field.budgetPoints')}
        help={t('policies.help.budgetPoints')}
        range="0–100"
        issues={issues}
        overridden={isOverridden('budget_points')}
      >
        <Flex gap={12} align="center" wrap>
          <NumberField
            name={['budget_points']}
            label={t('policies.field.budgetPoints')}
            suffix={t('policies.points')}
            width={140}
          />
          <Typography.Text style={{ color: total === 100 ? COLORS.green : COLORS.yellow }}>
            {t('policies.weightTotal', { weights: weightSum, points: values.budget_points ?? 0, total })}
            {total === 100 ? '' : ` · ${t('policies.weightTotalHint')}`}
          </Typography.Text>
        </Flex>
      </PolicyRow>
      <Row gutter={16}>
        {BANDS.map((b) => (
          <Col key={b} xs={24} md={8}>
            <PolicyRow
              path={`qual_bands.${b}`}
              label={t('policies.field.qualBand', { band: t(`policies.band.${b}`) })}
              help={t('policies.help.qualBands')}
              range="0–1"
              issues={issues}
              overridden={isOverridden('qual_bands')}
            >
              <Flex gap={8} align="center">
                <NumberField name={['qual_bands', b, 0]} label={t('policies.from')} step={0.05} width={90} />
                <span>–</span>
                <NumberField name={['qual_bands', b, 1]} label={t('policies.to')} step={0.05} width={90} />
                <Typography.Text type="secondary">{t('policies.ofWeight')}</Typography.Text>
              </Flex>
            </PolicyRow>
          </Col>
        ))}
      </Row>
      <PolicyRow
        path="overshoot_ratio"
        label={t('policies.field.overshootRatio')}
        help={t('policies.help.overshootRatio')}
        range="0–100"
        issues={issues}
        overridden={isOverridden('overshoot_ratio')}
      >
        <NumberField
          name={['overshoot_ratio']}
          label={t('policies.field.overshootRatio')}
          step={0.1}
          prefix="×"
          width={140}
        />
      </PolicyRow>
    </Card>
  );
}
