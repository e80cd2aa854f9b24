import { Button, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { TOrgTree } from '../../../../contracts/api.ts';
import { EmptyState } from '../../components/empty-state.tsx';

type Department = TOrgTree['departments'][number];
type Agency = TOrgTree['agencies'][number];

interface Props {
  departments: Department[];
  agencies: Agency[];
  sections: TOrgTree['sections'];
  canManage: boolean;
  loading: boolean;
  onAddAgency: (d: Department) => void;
}

/** Departments of a region, each expanding into its budget units. */
export function DepartmentsTable({
  departments,
  agencies,
  sections,
  canManage,
  loading,
  onAddAgency,
}: Props) {
  const { t } = useTranslation();
  // Counted from the lists themselves, so the table always agrees with what expands below it.
  const sectionOf = (d: Department) =>
    sections.find((s) => s.dept_codes.includes(d.dept_code)) ??
    sections.find((s) => s.section_code === d.section_code);
  const agencyCount = (d: Department) => agencies.filter((a) => a.dept_code === d.dept_code).length;
  const columns: TableColumnsType<Department> = [
    {
      title: t('org.deptCode'),
      dataIndex: 'dept_code',
      width: 120,
      render: (v: string) => <span className="pb-num">{v}</span>,
    },
    {
      title: t('org.deptName'),
      dataIndex: 'name',
      render: (v: string) => <Typography.Text strong>{v}</Typography.Text>,
    },
    {
      title: t('org.agencyCount'),
      key: 'agency_count',
      width: 110,
      align: 'right',
      render: (_: unknown, d: Department) => agencyCount(d),
    },
    {
      title: t('org.section'),
      key: 'section',
      width: 200,
      render: (_: unknown, d: Department) => {
        const section = sectionOf(d);
        return section === undefined ? (
          <Typography.Text type="secondary">{t('org.noSection')}</Typography.Text>
        ) : (
          <Tag>{section.name}</Tag>
        );
      },
    },
  ];
  if (canManage) {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      width: 120,
      render: (_: unknown, d: Department) => (
        <Button type="link" size="small" icon={<PlusOutlined />} onClick={() => onAddAgency(d)}>
          {t('org.addAgency')}
        </Button>
      ),
    });
  }
  return (
    <Table<Department>
      rowKey="id"
      size="middle"
      loading={loading}
      columns={columns}
      dataSource={departments}
      pagination={departments.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
      expandable={{
        rowExpandable: (d) => agencies.some((a) => a.dept_code === d.dept_code),
        expandedRowRender: (d) => (
          <Table<Agency>
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={agencies.filter((a) => a.dept_code === d.dept_code)}
            columns={[
              {
                title: t('org.agencyCode'),
                dataIndex: 'agency_code',
                width: 140,
                render: (v: string) => <span className="pb-num">{v}</span>,
              },
              { title: t('org.agencyName'), dataIndex: 'name' },
            ]}
          />
        ),
      }}
      locale={{
        emptyText: (
          <EmptyState
            title={t('org.noDepartments')}
            hint={canManage ? t('org.noDepartmentsHintAdmin') : t('org.noDepartmentsHint')}
          />
        ),
      }}
    />
  );
}
