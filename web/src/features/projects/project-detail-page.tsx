import { Card, Skeleton, Tabs } from 'antd';
import { useParams, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../components/empty-state.tsx';
import { ErrorResult } from '../../components/error-result.tsx';
import { NotFoundPage } from '../../components/not-found-page.tsx';
import { ApiError } from '../../lib/api-client.ts';
import { ProjectBasics } from './project-basics.tsx';
import { ProjectHeader } from './project-header.tsx';
import { useProject } from './projects-api.ts';
import { ProjectTargetTab } from '../targets/project-target-tab.tsx';
import { ProjectMonitoringTab } from '../monitoring/project-monitoring-tab.tsx';

const LATER_STAGES = ['selfEvaluation', 'evaluation', 'rectification'] as const;

/** The record page of a project: header, then one tab per stage of the cycle. */
export function ProjectDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  // ?tab=target (links from the review list, to-dos and tasks) opens that tab.
  const [search] = useSearchParams();
  const project = useProject(id);
  if (project.isPending) return <Skeleton active paragraph={{ rows: 10 }} />;
  if (project.isError) {
    if (project.error instanceof ApiError && project.error.status === 404) {
      return <NotFoundPage title={t('projects.notFoundTitle')} text={t('projects.notFoundText')} />;
    }
    return <ErrorResult error={project.error} onRetry={() => void project.refetch()} />;
  }
  const p = project.data;
  const later = LATER_STAGES.map((k) => ({
    key: k,
    label: t(`projects.tab.${k}`),
    children: <EmptyState title={t('projects.stageLater')} hint={t('projects.stageLaterHint')} />,
  }));
  return (
    <>
      <ProjectHeader project={p} />
      <Card styles={{ body: { paddingTop: 4 } }}>
        <Tabs
          defaultActiveKey={search.get('tab') ?? undefined}
          items={[
            { key: 'basics', label: t('projects.tab.basics'), children: <ProjectBasics project={p} /> },
            {
              key: 'target',
              label: t('projects.tab.target'),
              children: <ProjectTargetTab projectId={p.id} />,
            },
            {
              key: 'monitoring',
              label: t('projects.tab.monitoring'),
              children: <ProjectMonitoringTab projectId={p.id} />,
            },
            ...later,
            {
              key: 'history',
              label: t('projects.tab.history'),
              children: <EmptyState title={t('projects.noHistory')} hint={t('projects.noHistoryHint')} />,
            },
          ]}
        />
      </Card>
    </>
  );
}
