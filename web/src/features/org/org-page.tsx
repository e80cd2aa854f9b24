import { useState } from 'react';
import { Button, Card, Col, Row, Skeleton, Space, Tabs, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../app/current-user.tsx';
import { useScope } from '../../app/scope-context.tsx';
import { ErrorResult } from '../../components/error-result.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { hasPermission } from '../auth/auth-api.ts';
import { AddAgencyModal, type AgencyTarget } from './add-agency-modal.tsx';
import { AddDepartmentModal } from './add-department-modal.tsx';
import { DepartmentsTable } from './departments-table.tsx';
import { RegionTree } from './region-tree.tsx';
import { SectionsTable } from './sections-table.tsx';
import { useOrgTree } from './org-api.ts';

/** Organisation: regions, departments → units, finance sections, fiscal years. */
export function OrgPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const scope = useScope();
  const [region, setRegion] = useState(scope.mofDivCode);
  const tree = useOrgTree(region);
  const canManage = hasPermission(me, 'org:manage');
  const [addDept, setAddDept] = useState(false);
  const [agencyTarget, setAgencyTarget] = useState<AgencyTarget | null>(null);

  if (tree.isError) return <ErrorResult error={tree.error} onRetry={() => void tree.refetch()} />;
  const data = tree.data;
  const regionName = data?.regions.find((r) => r.mof_div_code === region)?.name ?? region;
  const departments = (data?.departments ?? []).filter((d) => d.mof_div_code === region);
  const agencies = (data?.agencies ?? []).filter((a) => a.mof_div_code === region);
  const sections = (data?.sections ?? []).filter((s) => s.mof_div_code === region);

  return (
    <>
      <PageHeader
        title={t('org.title')}
        subtitle={t('org.subtitle')}
        extra={
          canManage ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setAddDept(true)}>
              {t('org.addDepartment')}
            </Button>
          ) : undefined
        }
      />
      <Row gutter={16}>
        <Col xs={24} lg={7} xl={6}>
          <Card title={t('org.regions')} size="small" style={{ marginBottom: 16 }}>
            {data === undefined ? (
              <Skeleton active />
            ) : (
              <RegionTree regions={data.regions} selected={region} onSelect={setRegion} />
            )}
          </Card>
          <Card title={t('org.fiscalYears')} size="small">
            <Space size={[6, 6]} wrap>
              {(data?.fiscal_years ?? []).map((y) => (
                <Tag key={y.fiscal_year} color={y.status === 'OPEN' ? 'blue' : undefined}>
                  {y.fiscal_year} · {t(`org.yearStatus.${y.status}`)}
                </Tag>
              ))}
            </Space>
          </Card>
        </Col>
        <Col xs={24} lg={17} xl={18}>
          <Card
            title={
              <span>
                {regionName}{' '}
                <Typography.Text type="secondary" className="pb-num" style={{ fontWeight: 400 }}>
                  {region}
                </Typography.Text>
              </span>
            }
            extra={
              <Typography.Text type="secondary">
                {t('org.counts', { departments: departments.length, agencies: agencies.length })}
              </Typography.Text>
            }
            styles={{ body: { paddingTop: 4 } }}
          >
            <Tabs
              items={[
                {
                  key: 'departments',
                  label: t('org.departmentsAndUnits'),
                  children: (
                    <DepartmentsTable
                      departments={departments}
                      agencies={agencies}
                      sections={sections}
                      canManage={canManage}
                      loading={tree.isFetching}
                      onAddAgency={(d) =>
                        setAgencyTarget({
                          mofDivCode: d.mof_div_code,
                          deptCode: d.dept_code,
                          deptName: d.name,
                        })
                      }
                    />
                  ),
                },
                {
                  key: 'sections',
                  label: t('org.sections'),
                  children: <SectionsTable sections={sections} departments={departments} />,
                },
              ]}
            />
          </Card>
        </Col>
      </Row>
      <AddDepartmentModal
        mofDivCode={region}
        regionName={regionName}
        open={addDept}
        onClose={() => setAddDept(false)}
      />
      <AddAgencyModal target={agencyTarget} onClose={() => setAgencyTarget(null)} />
    </>
  );
}
