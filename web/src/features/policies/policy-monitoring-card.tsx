import { Card, Col, Flex, Row, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatWan } from '../../lib/money.ts';
import { MoneyField, NumberField } from './number-field.tsx';
import { PolicyRow } from './policy-row.tsx';
import type { CardProps } from './policy-scoring-card.tsx';

const RATIOS = ['peer_low', 'peer_high', 'infeasible', 'overshot'] as const;
const COUNTS = ['min_peers', 'min_quantitative'] as const;

/** Monitoring lights and the difficulty (软目标) checks of targets. */
export function PolicyMonitoringCard({ values, issues, isOverridden }: CardProps) {
  const { t } = useTranslation();
  const money = values.difficulty.money_threshold;
  return (
    <Card title={t('policies.group.monitoring')} style={{ marginBottom: 16 }}>
      <PolicyRow
        path="lights.execution"
        label={t('policies.field.execution')}
        help={t('policies.help.execution')}
        range="0–1000"
        issues={issues}
        overridden={isOverridden('lights')}
      >
        <Flex gap={8} align="center" wrap>
          <NumberField
            name={['lights', 'execution', 0]}
            label={t('policies.redBelow')}
            prefix={t('policies.redBelow')}
            suffix="%"
            width={150}
          />
          <NumberField
            name={['lights', 'execution', 1]}
            label={t('policies.yellowBelow')}
            prefix={t('policies.yellowBelow')}
            suffix="%"
            width={150}
          />
        </Flex>
      </PolicyRow>
      <PolicyRow
        path="lights.positive"
        label={t('policies.field.positive')}
        help={t('policies.help.positive')}
        range="0–1000"
        issues={issues}
        overridden={isOverridden('lights')}
      >
        <Flex gap={8} align="center" wrap>
          <NumberField
            name={['lights', 'positive', 0]}
            label={t('policies.redBelow')}
            prefix={t('policies.redBelow')}
            suffix="%"
            width={150}
          />
          <NumberField
            name={['lights', 'positive', 1]}
            label={t('policies.yellowBelow')}
            prefix={t('policies.yellowBelow')}
            suffix="%"
            width={150}
          />
          <NumberField
            name={['lights', 'positive', 2]}
            label={t('policies.blueAbove')}
            prefix={t('policies.blueAbove')}
            suffix="%"
            width={150}
          />
        </Flex>
      </PolicyRow>
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
