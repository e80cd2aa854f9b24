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
import { TodoCard } from './todo-card.tsx';
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
            <TodoCard todos={workbench.data.todos} />
          </Col>
          <Col xs={24} xl={10}>
            <RecentCard recent={workbench.data.recent} canReadProjects={hasPermission(me, 'project:read')} />
          </Col>
        </Row>
      )}
    </>
  );
}
