import { useState } from 'react';
import { Alert, Card, Col, Flex, Row, Skeleton, Space, Statistic, Typography } from 'antd';
import { ArrowLeftOutlined, LockOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { TReportView } from '../../../../contracts/monitoring.ts';
import { ErrorResult } from '../../components/error-result.tsx';
import { NotFoundPage } from '../../components/not-found-page.tsx';
import { describeError } from '../../components/server-errors.ts';
import { ApiError } from '../../lib/api-client.ts';
import { formatDate, formatDateTime } from '../../lib/dates.ts';
import { formatWan } from '../../lib/money.ts';
import { useScope } from '../../app/scope-context.tsx';
import { useProject } from '../projects/projects-api.ts';
import { DeadlineText } from '../review/deadline-text.tsx';
import { useEffectivePolicy } from '../targets/targets-api.ts';
import { DispositionList, DispositionPanel } from './disposition-panel.tsx';
import { refreshAfterWrite, reportKey, saveReport, useReport, useReportAction } from './monitoring-api.ts';
import { FundsStatusTag, LightValue, ReportStatusTag } from './monitoring-tags.tsx';
import { ReportForm } from './report-form.tsx';

/** The header of a report: project, unit, round, status, funds status, stored project light, budget. */
function ReportHeader({ view }: { view: TReportView }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const p = view.project;
  return (
    <Card style={{ marginBottom: 16 }}>
      <Row gutter={[24, 16]} align="middle">
        <Col flex="auto">
          <Typography.Link onClick={() => void navigate(-1)} style={{ fontSize: 13 }}>
            <ArrowLeftOutlined /> {t('monitoring.report.back')}
          </Typography.Link>
          <Flex gap={10} align="center" wrap style={{ marginTop: 8 }}>
            <Typography.Title level={3} style={{ margin: 0 }}>
              {p.pro_name}
            </Typography.Title>
            <ReportStatusTag status={view.status} />
            <FundsStatusTag status={p.funds_status} />
            {view.project_light === null ? null : (
              <Space size={4}>
                <Typography.Text type="secondary">{t('monitoring.report.storedLight')}</Typography.Text>
                <LightValue light={view.project_light} />
              </Space>
            )}
          </Flex>
          <Typography.Text type="secondary" style={{ display: 'block', marginTop: 6 }}>
            <Link to={`/projects/${encodeURIComponent(p.id)}?tab=monitoring`} className="pb-num">
              {p.pro_code}
            </Link>{' '}
            · {p.agency_name ?? p.agency_code} · {p.dept_name ?? p.dept_code}
          </Typography.Text>
          <Flex gap={16} wrap style={{ marginTop: 6 }}>
            <Typography.Text>
              {t('monitoring.report.round')}
              {t('monitoring.colon')}
              {view.round.title}
            </Typography.Text>
            <Typography.Text className="pb-num">
              {t('monitoring.report.asOf', { date: formatDate(view.round.as_of), month: view.round.month })}
            </Typography.Text>
            <span>
              <Typography.Text type="secondary">{t('monitoring.report.deadline')} </Typography.Text>
              <DeadlineText
                deadline={view.round.deadline}
                overdue={
                  view.status === 'DRAFT' && view.round.status === 'OPEN' && view.round.deadline < today()
                }
              />
            </span>
            {view.submitted_at === null ? null : (
              <Typography.Text type="secondary" className="pb-num">
                {t('monitoring.report.submittedAt', { at: formatDateTime(view.submitted_at) })}
              </Typography.Text>
            )}
          </Flex>
        </Col>
        <Col>
          <Statistic
            title={t('monitoring.report.budget')}
            value={formatWan(view.budget, { grouping: true })}
            suffix={t('common.wan')}
          />
        </Col>
      </Row>
    </Card>
  );
}

function today(): string {
  const d = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${String(d.getFullYear())}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** The region and year of the report (from its project; the top bar's while that fails), then the workspace. */
function ReportWorkspace({ view, reload }: { view: TReportView; reload: () => Promise<unknown> }) {
  const scope = useScope();
  const project = useProject(view.project.id);
  if (project.isPending) return <Skeleton active paragraph={{ rows: 8 }} />;
  return (
    <ReportBody
      view={view}
      reload={reload}
      mofDivCode={project.data?.mof_div_code ?? scope.mofDivCode}
      fiscalYear={project.data?.fiscal_year ?? scope.fiscalYear}
      projectFailed={project.isError}
    />
  );
}

function ReportBody({
  view,
  reload,
  mofDivCode,
  fiscalYear,
  projectFailed,
}: {
  view: TReportView;
  reload: () => Promise<unknown>;
  mofDivCode: string;
  fiscalYear: string;
  projectFailed: boolean;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const policy = useEffectivePolicy(mofDivCode, fiscalYear);
  const action = useReportAction(view.id);
  const [epoch, setEpoch] = useState(0);
  const edit = view.actions.includes('edit');
  const canDispose = view.actions.includes('dispose') && view.project_light === 'RED';

  if (policy.isPending) return <Skeleton active paragraph={{ rows: 8 }} />;

  return (
    <>
      {projectFailed || policy.isError ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('monitoring.report.policyFailed')}
        />
      ) : null}
      {!edit && view.status === 'DRAFT' ? (
        <Alert
          type="info"
          showIcon
          icon={<LockOutlined />}
          style={{ marginBottom: 16 }}
          title={
            view.round.status === 'CLOSED'
              ? t('monitoring.report.roundClosed')
              : t('monitoring.report.readOnly')
          }
        />
      ) : null}
      {view.status === 'SUBMITTED' ? (
        <Alert
          type="success"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('monitoring.report.submittedHint')}
        />
      ) : null}
      <ReportForm
        key={`${view.id}:${String(epoch)}`}
        view={view}
        policy={policy.policy}
        edit={edit}
        save={(body) => saveReport(view.id, body)}
        onSaved={(v) => {
          void refreshAfterWrite(queryClient, v);
        }}
        onSubmit={async (rowVersion) => {
          await action.mutateAsync({ kind: 'submit', row_version: rowVersion });
          setEpoch((e) => e + 1);
        }}
        onReload={() => {
          void reload().then(() => setEpoch((e) => e + 1));
        }}
      />
      {canDispose ? (
        <DispositionPanel
          view={view}
          onDispose={async (kind, reason) => {
            await action.mutateAsync({
              kind: 'dispose',
              body: {
                row_version:
                  queryClient.getQueryData<TReportView>(reportKey(view.id))?.row_version ?? view.row_version,
                kind,
                reason,
              },
            });
          }}
        />
      ) : null}
      {view.dispositions.length > 0 ? (
        <Card size="small" style={{ marginTop: 16 }} title={t('monitoring.disposition.listTitle')}>
          <DispositionList items={view.dispositions} showRound />
        </Card>
      ) : null}
    </>
  );
}

/** /monitoring/reports/:id — one project's report of one round. */
export function ReportPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const q = useReport(id);
  if (q.isPending) return <Skeleton active paragraph={{ rows: 10 }} />;
  if (q.isError) {
    if (q.error instanceof ApiError && q.error.status === 404) {
      return <NotFoundPage title={t('monitoring.report.notFoundTitle')} text={describeError(q.error)} />;
    }
    return <ErrorResult error={q.error} onRetry={() => void q.refetch()} />;
  }
  return (
    <>
      <ReportHeader view={q.data} />
      <ReportWorkspace view={q.data} reload={() => q.refetch()} />
    </>
  );
}
