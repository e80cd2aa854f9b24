import { Table, Tag, Tooltip, type TableColumnsType } from 'antd';
import { ExperimentOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { TLibraryDetail } from '../../../../contracts/library.ts';
import { useCurrentUser } from '../../app/current-user.tsx';
import { regionNameOf } from '../../app/scope-context.tsx';
import { EmptyState } from '../../components/empty-state.tsx';

type Ref = TLibraryDetail['reference_values'][number];

/** Reference values per year and region; synthetic (demo) values are marked 模拟数据. */
export function ReferenceValuesTable({ values, unit }: { values: Ref[]; unit: string | null }) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  if (values.length === 0) return <EmptyState title={t('library.detail.noReferences')} />;
  const columns: TableColumnsType<Ref> = [
    { title: t('library.detail.refYear'), dataIndex: 'fiscal_year', key: 'year', width: 70 },
    {
      title: t('library.detail.refKind'),
      dataIndex: 'kind',
      key: 'kind',
      width: 110,
      render: (v: Ref['kind']) => t(`library.detail.refKinds.${v}`),
    },
    {
      title: t('library.detail.refRegion'),
      dataIndex: 'mof_div_code',
      key: 'region',
      width: 100,
      render: (v: string) => (v === '' ? t('library.detail.allRegions') : regionNameOf(me, v)),
    },
    {
      title: t('library.detail.refValue'),
      key: 'value',
      width: 180,
      align: 'right',
      render: (_: unknown, r: Ref) => (
        <span style={{ whiteSpace: 'nowrap' }}>
          {r.is_synthetic ? (
            <Tooltip title={t('library.detail.syntheticHelp')}>
              <Tag color="orange" icon={<ExperimentOutlined />} style={{ marginInlineEnd: 8 }}>
                {t('library.detail.synthetic')}
              </Tag>
            </Tooltip>
          ) : null}
          <span className="pb-num">{r.value}</span>
          {unit ? ` ${unit}` : ''}
        </span>
      ),
    },
    {
      title: t('library.detail.refNote'),
      key: 'note',
      ellipsis: true,
      // The stored note of a synthetic value is the generator's (Chinese) text: say it in the UI language.
      render: (_: unknown, r: Ref) => (r.is_synthetic ? t('library.detail.syntheticHelp') : (r.note ?? '')),
    },
  ];
  return (
    <Table<Ref>
      rowKey={(r) => `${r.fiscal_year}-${r.kind}-${r.mof_div_code}`}
      size="small"
      pagination={false}
      columns={columns}
      dataSource={[...values].sort((a, b) => b.fiscal_year.localeCompare(a.fiscal_year))}
    />
  );
}
