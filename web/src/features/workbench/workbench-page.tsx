import { Col, Result, Row, Skeleton } from 'antd';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../app/current-user.tsx';
import { regionNameOf, useScope } from '../../app/scope-context.tsx';
import { ErrorResult } from '../../components/error-result.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { hasPermission, isAdministrator } from '../auth/auth-api.ts';
import { AdminShortcuts } from './admin-shortcuts.tsx';
import { FiguresCards } from './figures-cards.tsx';
import { RecentCard } from './recent-card.tsx';
import { useTargetList } from '../review/review-api.ts';
import { useTasks } from '../tasks/tasks-api.ts';
import { useMonitoringTodos } from '../monitoring/use-monitoring-todos.ts';
import { TodoCard } from './todo-card.tsx';
import { targetTodos, taskTodos } from './todo-items.ts';
import { useWorkbench } from './workbench-api.ts';

/** Every user's home: to-dos, recent items and the figures of the user's scope. */
export function WorkbenchPage() {
  const me = useCurrentUser();
  if (me.roles.length === 0) return <NoRolesNotice />;
  return isAdministrator(me) ? <AdminShortcuts /> : <BusinessWorkbench />;
}

/** A new account before the security administrator has granted it a role. */
function NoRolesNotice() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  return (
    <>
      <PageHeader title={t('workbench.greeting', { name: me.display_name })} />
      <Result status="info" title={t('workbench.noRolesTitle')} subTitle={t('workbench.noRolesHint')} />
    </>
  );
}

function BusinessWorkbench() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const scope = useScope();
  const region = regionNameOf(me, scope.mofDivCode);
  const workbench = useWorkbench(scope.params, true);
  const canReadTargets = hasPermission(me, 'project:read');
  const targets = useTargetList(
    {
      fiscal_year: scope.fiscalYear,
      todo: true,
      status: undefined,
      step: undefined,
      dept_code: undefined,
      q: undefined,
      page: 1,
      page_size: 10,
    },
    canReadTargets,
  );
  const issuesTasks = hasPermission(me, 'task:issue');
  const tasks = useTasks(scope.fiscalYear, issuesTasks);
  const monitoring = useMonitoringTodos(scope.fiscalYear, t);
  // Server to-dos (later stages), open tasks with projects left (performance office) and the
  // targets waiting for me; a list that fails to load leaves the others.
  const todos = [
    ...(workbench.data?.todos ?? []),
    ...taskTodos(tasks.data?.items ?? [], t),
    ...targetTodos(targets.data?.items ?? [], t),
    ...monitoring,
  ];
  const scopeName = [me.org.dept_name, me.org.agency_name ?? me.org.section_name].filter(Boolean).join(' / ');
  return (
    <>
      <PageHeader
        title={t('workbench.greeting', { name: me.display_name })}
        subtitle={t('workbench.subtitle', { region, year: scope.fiscalYear, scope: scopeName || region })}
      />
      {workbench.isPending ? (
        <Skeleton active paragraph={{ rows: 8 }} />
      ) : workbench.isError ? (
        <ErrorResult error={workbench.error} onRetry={() => void workbench.refetch()} />
      ) : (
        <Row gutter={[16, 16]}>
          <Col span={24}>
            <FiguresCards figures={workbench.data.figures} />
          </Col>
          <Col xs={24} xl={14}>
            <TodoCard todos={todos} total={targets.data?.total} moreLink="/targets" />
          </Col>
          <Col xs={24} xl={10}>
            <RecentCard recent={workbench.data.recent} canReadProjects={hasPermission(me, 'project:read')} />
          </Col>
        </Row>
      )}
    </>
  );
}
