import { Card, Col, Flex, Progress, Row, Statistic, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatWan, parseFen } from '../../lib/money.ts';
import { BudgetKindTag } from '../projects/budget-kind-tag.tsx';
import type { TWorkbench } from './workbench-api.ts';

/** Share of a part in a total, in percent for a progress bar (display only). */
function shareOf(part: string, total: string): number {
  const p = parseFen(part) ?? 0n;
  const w = parseFen(total) ?? 0n;
  if (w === 0n) return 0;
  return Number((p * 10000n) / w) / 100;
}

/** The figures of the user's scope: counts, total amount in 万元 and its split by budget kind. */
export function FiguresCards({ figures }: { figures: TWorkbench['figures'] }) {
  const { t } = useTranslation();
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={14}>
        <Card title={t('workbench.figures')} style={{ height: '100%' }}>
          <Row gutter={[16, 16]}>
            <Col span={12}>
              <Statistic
                title={t('workbench.projectCount')}
                value={figures.project_count}
                suffix={t('workbench.items')}
              />
            </Col>
            <Col span={12}>
              <Statistic
                title={t('workbench.totalAmount')}
                value={formatWan(figures.total_amount, { grouping: true })}
                suffix={t('common.wan')}
              />
            </Col>
            <Col span={12}>
              <Statistic title={t('workbench.departmentCount')} value={figures.department_count} />
            </Col>
            <Col span={12}>
              <Statistic title={t('workbench.agencyCount')} value={figures.agency_count} />
            </Col>
          </Row>
        </Card>
      </Col>
      <Col xs={24} lg={10}>
        <Card title={t('workbench.byBudgetKind')} style={{ height: '100%' }}>
          {figures.by_budget_kind.length === 0 ? (
            <Typography.Text type="secondary">{t('workbench.noProjects')}</Typography.Text>
          ) : (
            <Flex vertical gap={12}>
              {figures.by_budget_kind.map((k) => (
                <div key={k.budget_kind}>
                  <Flex justify="space-between" align="center">
                    <BudgetKindTag kind={k.budget_kind} />
                    <Typography.Text className="pb-num">
                      {t('workbench.kindLine', {
                        count: k.count,
                        amount: formatWan(k.amount, { grouping: true }),
                      })}
                    </Typography.Text>
                  </Flex>
                  <Progress
                    percent={shareOf(k.amount, figures.total_amount)}
                    status="normal"
                    size="small"
                    showInfo={false}
                  />
                </div>
              ))}
            </Flex>
          )}
        </Card>
      </Col>
    </Row>
  );
}
