import { Card, Col, Flex, Row, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatWan } from '../../lib/money.ts';
import { MoneyField, NumberField } from './number-field.tsx';
import { PolicyRow } from './policy-row.tsx';
import type { CardProps } from './policy-scoring-card.tsx';

/** Re-check sampling of self-evaluations and the ex-ante assessment threshold. */
export function PolicySamplingCard({ values, issues, isOverridden }: CardProps) {
  const { t } = useTranslation();
  const threshold = values.ex_ante_threshold;
  return (
    <Card title={t('policies.group.sampling')} style={{ marginBottom: 16 }}>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <PolicyRow
            path="recheck.share"
            label={t('policies.field.recheckShare')}
            help={t('policies.help.recheckShare')}
            range="0–1"
            issues={issues}
            overridden={isOverridden('recheck')}
          >
            <NumberField
              name={['recheck', 'share']}
              label={t('policies.field.recheckShare')}
              step={0.05}
              width={140}
            />
          </PolicyRow>
        </Col>
        <Col xs={24} md={12}>
          <PolicyRow
            path="recheck.min"
            label={t('policies.field.recheckMin')}
            help={t('policies.help.recheckMin')}
            range="≥ 0"
            issues={issues}
            overridden={isOverridden('recheck')}
          >
            <NumberField
              name={['recheck', 'min']}
              label={t('policies.field.recheckMin')}
              integer
              suffix={t('policies.projectsUnit')}
              width={140}
            />
          </PolicyRow>
        </Col>
        <Col span={24}>
          <PolicyRow
            path="ex_ante_threshold"
            label={t('policies.field.exAnteThreshold')}
            help={t('policies.help.exAnteThreshold')}
            issues={issues}
            overridden={isOverridden('ex_ante_threshold')}
          >
            <Flex gap={8} align="center">
              <MoneyField
                name={['ex_ante_threshold']}
                label={t('policies.field.exAnteThreshold')}
                suffix={t('common.yuan')}
              />
              <Typography.Text type="secondary">
                = {threshold === null ? '—' : formatWan(threshold, { grouping: true })} {t('common.wan')}
              </Typography.Text>
            </Flex>
          </PolicyRow>
        </Col>
      </Row>
    </Card>
  );
}
