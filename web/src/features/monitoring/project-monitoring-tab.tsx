import { Alert, Card, Col, Flex, Row, Skeleton, Space, Timeline, Typography } from 'antd';
import { RightOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { TProjectMonitoring } from '../../../../contracts/monitoring.ts';
import { COLORS } from '../../app/theme.ts';
import { EmptyState } from '../../components/empty-state.tsx';
import { ErrorResult } from '../../components/error-result.tsx';
import { formatDate } from '../../lib/dates.ts';
import { DispositionList } from './disposition-panel.tsx';
import { useProjectMonitoring } from './monitoring-api.ts';
import { reportLink } from './monitoring-model.ts';
import { FundsStatusTag, LightValue, ReportStatusTag } from './monitoring-tags.tsx';

type RoundEntry = TProjectMonitoring['rounds'][number];

const DOT: Record<string, string> = {
  RED: COLORS.red,
  YELLOW: COLORS.yellow,
  GREEN: COLORS.green,
  BLUE: COLORS.blue,
  NA: COLORS.grey,
};

function RoundItem({ r }: { r: RoundEntry }) {
  const { t } = useTranslation();
  return (
    <Flex vertical gap={6} style={{ paddingBottom: 4 }}>
      <Space size={8} wrap>
        <Typography.Text strong>{r.title}</Typography.Text>
        <Typography.Text type="secondary" className="pb-num">
          {t('monitoring.asOfShort', { date: formatDate(r.as_of) })}
        </Typography.Text>
        <ReportStatusTag status={r.status} />
        <Link to={reportLink(r.report_id)}>
          {t('monitoring.project.openReport')} <RightOutlined style={{ fontSize: 10 }} />
        </Link>
      </Space>
      <Space size={16} wrap>
        <Space size={4}>
          <Typography.Text type="secondary">{t('monitoring.light.execution')}</Typography.Text>
          {r.execution_light === null ? (
            '—'
          ) : (
            <LightValue light={r.execution_light} value={r.execution_value} />
          )}
        </Space>
        <Space size={4}>
          <Typography.Text type="secondary">{t('monitoring.light.target')}</Typography.Text>
          {r.target_light === null ? '—' : <LightValue light={r.target_light} />}
        </Space>
        <Space size={4}>
          <Typography.Text type="secondary">{t('monitoring.light.project')}</Typography.Text>
          {r.project_light === null ? '—' : <LightValue light={r.project_light} />}
        </Space>
      </Space>
    </Flex>
  );
}

/**
 * The 运行监控 tab of a project's record page: its lights across the rounds of the year as a
 * timeline (execution, target and project light of each round, link to the report), and the
 * dispositions finance recorded.
 */
export function ProjectMonitoringTab({ projectId }: { projectId: string }) {
  const { t } = useTranslation();
  const q = useProjectMonitoring(projectId);
  if (q.isPending) return <Skeleton active paragraph={{ rows: 5 }} />;
  if (q.isError) return <ErrorResult error={q.error} onRetry={() => void q.refetch()} />;
  const m = q.data;
  const rounds = [...m.rounds].sort((a, b) => a.as_of.localeCompare(b.as_of));
  return (
    <Row gutter={[24, 16]}>
      <Col xs={24} xl={15}>
        {m.funds_status === 'NORMAL' ? null : (
          <Alert
            type="error"
            style={{ marginBottom: 16 }}
            title={
              <Space>
                <FundsStatusTag status={m.funds_status} />
                {t(`monitoring.project.fundsHint.${m.funds_status}`)}
              </Space>
            }
          />
        )}
        <Typography.Title level={5} style={{ marginTop: 0 }}>
          {t('monitoring.project.timeline')}
        </Typography.Title>
        {rounds.length === 0 ? (
          <EmptyState title={t('monitoring.project.noRounds')} hint={t('monitoring.project.noRoundsHint')} />
        ) : (
          <Timeline
            items={rounds.map((r) => ({
              key: r.round_id,
              color: DOT[r.project_light ?? 'NA'] ?? COLORS.grey,
              content: <RoundItem r={r} />,
            }))}
          />
        )}
      </Col>
      <Col xs={24} xl={9}>
        <Card size="small" title={t('monitoring.disposition.listTitle')}>
          {m.dispositions.length === 0 ? (
            <Typography.Text type="secondary">{t('monitoring.project.noDispositions')}</Typography.Text>
          ) : (
            <DispositionList items={m.dispositions} showRound />
          )}
        </Card>
      </Col>
    </Row>
  );
}
