import { Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TOrgTree } from '../../../../contracts/api.ts';
import { EmptyState } from '../../components/empty-state.tsx';

type Section = TOrgTree['sections'][number];

/** Finance sections (归口处室) and the departments assigned to each. */
export function SectionsTable({
  sections,
  departments,
}: {
  sections: Section[];
  departments: TOrgTree['departments'];
}) {
  const { t } = useTranslation();
  const deptName = (code: string) => departments.find((d) => d.dept_code === code)?.name ?? code;
  return (
    <Table<Section>
      rowKey="id"
      size="middle"
      pagination={false}
      dataSource={sections}
      columns={[
        { title: t('org.sectionCode'), dataIndex: 'section_code', width: 140 },
        {
          title: t('org.sectionName'),
          dataIndex: 'name',
          width: 220,
          render: (v: string) => <Typography.Text strong>{v}</Typography.Text>,
        },
        {
          title: t('org.assignedDepartments'),
          dataIndex: 'dept_codes',
          render: (codes: string[]) =>
            codes.length === 0 ? (
              <Typography.Text type="secondary">{t('org.noneAssigned')}</Typography.Text>
            ) : (
              <Space size={[4, 4]} wrap>
                {codes.map((c) => (
                  <Tag key={c}>{deptName(c)}</Tag>
                ))}
              </Space>
            ),
        },
      ]}
      locale={{ emptyText: <EmptyState title={t('org.noSections')} hint={t('org.noSectionsHint')} /> }}
    />
  );
}
