import { Card, Select, Space, Typography } from 'antd';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../app/current-user.tsx';
import { useScope } from '../../app/scope-context.tsx';
import { EmptyState } from '../../components/empty-state.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { hasPermission } from '../auth/auth-api.ts';
import { useOrgTree } from '../org/org-api.ts';
import { TargetWorkspace } from './target-workspace.tsx';

/**
 * 部门整体绩效目标 (/targets/department): prepared by the department reviewer for their own
 * department; the finance section and the performance office open it read-only (and review it)
 * with ?dept_code=.
 */
export function DepartmentTargetPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const scope = useScope();
  const [params, setParams] = useSearchParams();
  const own = me.roles.includes('DEPT_REVIEWER') ? me.org.dept_code : null;
  const deptCode = params.get('dept_code') ?? own;
  const canPick = hasPermission(me, 'org:read') && own === null;
  const tree = useOrgTree(scope.mofDivCode, canPick);
  const departments = (tree.data?.departments ?? []).filter((d) => d.mof_div_code === scope.mofDivCode);
  const deptName =
    departments.find((d) => d.dept_code === deptCode)?.name ??
    (deptCode === own ? me.org.dept_name : null) ??
    deptCode ??
    '';

  const picker = canPick ? (
    <Space>
      <Typography.Text type="secondary">{t('targets.department.pick')}</Typography.Text>
      <Select
        showSearch
        optionFilterProp="label"
        value={deptCode ?? undefined}
        placeholder={t('targets.department.pick')}
        loading={tree.isPending}
        style={{ width: 260 }}
        onChange={(v: string) => setParams({ dept_code: v }, { replace: true })}
        options={departments.map((d) => ({ value: d.dept_code, label: `${d.dept_code} ${d.name}` }))}
      />
    </Space>
  ) : undefined;

  return (
    <>
      <PageHeader
        title={t('targets.department.title')}
        subtitle={
          deptCode === null
            ? undefined
            : t('targets.department.subtitle', { year: scope.fiscalYear, dept: deptName })
        }
        extra={picker}
      />
      {deptCode === null ? (
        <Card>
          {canPick ? (
            <EmptyState title={t('targets.department.pick')} hint={t('targets.department.pickHint')} />
          ) : (
            <EmptyState title={t('targets.department.noDept')} hint={t('targets.department.noDeptHint')} />
          )}
        </Card>
      ) : (
        <Card>
          <TargetWorkspace
            key={`${scope.mofDivCode}/${scope.fiscalYear}/${deptCode}`}
            subject={{
              kind: 'DEPARTMENT',
              deptCode,
              mofDivCode: scope.mofDivCode,
              fiscalYear: scope.fiscalYear,
            }}
            withAmount
          />
        </Card>
      )}
    </>
  );
}
