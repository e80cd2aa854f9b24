import { Card, Col, Flex, Row, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatWan } from '../../lib/money.ts';
import { MoneyField, NumberField } from './number-field.tsx';
import { PolicyRow } from './policy-row.tsx';
import type { CardProps } from './policy-scoring-card.tsx';

const RATIOS = ['peer_low', 'peer_high', 'infeasible', 'overshot'] as const;
const COUNTS = ['min_peers', 'min_quantitative'] as const;

/** The light thresholds of the policy, in order: execution has two, positive indicators three. */
const LIGHT_ROWS = [
  { key: 'execution', bounds: ['redBelow', 'yellowBelow'] },
  { key: 'positive', bounds: ['redBelow', 'yellowBelow', 'blueAbove'] },
] as const;

/** Monitoring lights and the difficulty (软目标) checks of targets. */
export function PolicyMonitoringCard({ values, issues, isOverridden }: CardProps) {
  const { t } = useTranslation();
  const money = values.difficulty.money_threshold;
  return (
    <Card title={t('policies.group.monitoring')} style={{ marginBottom: 16 }}>
      {LIGHT_ROWS.map(({ key, bounds }) => (
        <PolicyRow
          key={key}
          path={`lights.${key}`}
          label={t(`policies.field.${key}`)}
          help={t(`policies.help.${key}`)}
          range="0–1000"
          issues={issues}
          overridden={isOverridden('lights')}
        >
          <Flex gap={8} align="center" wrap>
            {bounds.map((bound, i) => (
              <NumberField
                key={bound}
                name={['lights', key, i]}
                label={t(`policies.${bound}`)}
                prefix={t(`policies.${bound}`)}
                suffix="%"
                width={150}
              />
            ))}
          </Flex>
        </PolicyRow>
      ))}
      <Typography.Title level={5} style={{ marginTop: 8 }}>
        {t('policies.difficultyTitle')}
      </Typography.Title>
      <Row gutter={16}>
        {RATIOS.map((k) => (
          <Col key={k} xs={24} md={12}>
            <PolicyRow
              path={`difficulty.${k}`}
              label={t(`policies.field.${k}`)}
              help={t(`policies.help.${k}`)}
              range="0–100"
              issues={issues}
              overridden={isOverridden('difficulty')}
            >
              <NumberField
                name={['difficulty', k]}
                label={t(`policies.field.${k}`)}
                step={0.1}
                prefix="×"
                width={140}
              />
            </PolicyRow>
          </Col>
        ))}
        {COUNTS.map((k) => (
          <Col key={k} xs={24} md={12}>
            <PolicyRow
              path={`difficulty.${k}`}
              label={t(`policies.field.${k}`)}
              help={t(`policies.help.${k}`)}
              range={k === 'min_peers' ? '≥ 1' : '≥ 0'}
              issues={issues}
              overridden={isOverridden('difficulty')}
            >
              <NumberField name={['difficulty', k]} label={t(`policies.field.${k}`)} integer width={140} />
            </PolicyRow>
          </Col>
        ))}
        <Col span={24}>
          <PolicyRow
            path="difficulty.money_threshold"
            label={t('policies.field.money_threshold')}
            help={t('policies.help.money_threshold')}
            issues={issues}
            overridden={isOverridden('difficulty')}
          >
            <Flex gap={8} align="center">
              <MoneyField
                name={['difficulty', 'money_threshold']}
                label={t('policies.field.money_threshold')}
                suffix={t('common.yuan')}
              />
              <Typography.Text type="secondary">
                = {money === null ? '—' : formatWan(money, { grouping: true })} {t('common.wan')}
              </Typography.Text>
            </Flex>
          </PolicyRow>
        </Col>
      </Row>
    </Card>
  );
}
