import { Card, Col, Flex, Row, Statistic, Typography } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { TProject } from '../../../../contracts/api.ts';
import { LightTag } from '../../components/light-tag.tsx';
import { formatWan } from '../../lib/money.ts';
import { BudgetKindTag } from './budget-kind-tag.tsx';
import { ProjectTargetStatus } from '../targets/target-status-tag.tsx';
import { FundsStatusTag } from '../monitoring/monitoring-tags.tsx';

/** Record header: code, name, status, owner and amount in 万元. */
export function ProjectHeader({ project }: { project: TProject }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <Card style={{ marginBottom: 16 }}>
      <Row gutter={[24, 16]} align="middle">
        <Col flex="auto">
          <Typography.Link onClick={() => void navigate(-1)} style={{ fontSize: 13 }}>
            <ArrowLeftOutlined /> {t('projects.backToList')}
          </Typography.Link>
          <Flex gap={10} align="center" wrap style={{ marginTop: 8 }}>
            <Typography.Title level={3} style={{ margin: 0 }}>
              {project.pro_name}
            </Typography.Title>
            <LightTag light="BLUE" label={t('projects.status.REGISTERED')} />
            <BudgetKindTag kind={project.budget_kind} />
            <ProjectTargetStatus projectId={project.id} />
            <FundsStatusTag status={project.funds_status} />
          </Flex>
          <Typography.Text type="secondary" style={{ display: 'block', marginTop: 6 }}>
            <span className="pb-num">{project.pro_code}</span> · {project.agency_name ?? project.agency_code}{' '}
            · {project.dept_name ?? project.dept_code} ·{' '}
            {t('projects.fiscalYear', { year: project.fiscal_year })}
          </Typography.Text>
        </Col>
        <Col>
          <Statistic
            title={t('projects.field.amount')}
            value={formatWan(project.amount, { grouping: true })}
            suffix={t('common.wan')}
          />
        </Col>
      </Row>
    </Card>
  );
}
