import { Alert, Descriptions, Skeleton, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../app/current-user.tsx';
import { regionNameOf, useScope } from '../../app/scope-context.tsx';
import { ErrorResult } from '../../components/error-result.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { formatDateTime } from '../../lib/dates.ts';
import { hasPermission } from '../auth/auth-api.ts';
import { PolicyForm } from './policy-form.tsx';
import { usePolicy } from './policies-api.ts';

/** Performance policy parameters of the selected region and year (domain.md: every threshold). */
export function PoliciesPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const scope = useScope();
  const view = usePolicy(scope.mofDivCode, scope.fiscalYear);
  const canWrite = hasPermission(me, 'policy:write');
  const region = regionNameOf(me, scope.mofDivCode);

  return (
    <>
      <PageHeader
        title={t('policies.title')}
        subtitle={t('policies.subtitle', { region, year: scope.fiscalYear })}
      />
      {view.isPending ? (
        <Skeleton active paragraph={{ rows: 12 }} />
      ) : view.isError ? (
        <ErrorResult error={view.error} onRetry={() => void view.refetch()} />
      ) : (
        <>
          <Descriptions
            size="small"
            style={{ marginBottom: 16, background: '#fff', padding: '12px 16px', borderRadius: 8 }}
            column={{ xs: 1, md: 4 }}
            items={[
              {
                key: 'version',
                label: t('policies.version'),
                children: <Tag color="blue">v{view.data.version}</Tag>,
              },
              {
                key: 'by',
                label: t('policies.updatedBy'),
                children: view.data.updated_by ?? t('policies.neverChanged'),
              },
              { key: 'at', label: t('policies.updatedAt'), children: formatDateTime(view.data.updated_at) },
              {
                key: 'count',
                label: t('policies.overrideCount'),
                children: Object.keys(view.data.overrides).length,
              },
            ]}
          />
          {canWrite ? null : (
            <Alert type="info" showIcon title={t('policies.readOnly')} style={{ marginBottom: 16 }} />
          )}
          <PolicyForm
            key={`${view.data.mof_div_code}/${view.data.fiscal_year}/${view.data.version}`}
            view={view.data}
            canWrite={canWrite}
            onReload={() => void view.refetch()}
          />
        </>
      )}
    </>
  );
}
