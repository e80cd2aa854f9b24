import type { TableColumnsType } from 'antd';
import { Tag, Tooltip, Typography } from 'antd';
import { QuestionCircleOutlined } from '@ant-design/icons';
import type { TFunction } from 'i18next';
import type { TLibraryIndicator } from '../../../../contracts/library.ts';
import { lv1Label, lv2Label, sectorLabel, signLabel } from './labels.ts';

/** Shipped, this region's, or pushed down from a region above. */
export function SourceTag({
  indicator,
  ownRegion,
  t,
}: {
  indicator: Pick<TLibraryIndicator, 'mof_div_code'>;
  ownRegion: string;
  t: TFunction;
}) {
  if (indicator.mof_div_code === null) return null;
  return indicator.mof_div_code === ownRegion ? (
    <Tag color="blue">{t('library.source.local')}</Tag>
  ) : (
    <Tag color="purple">{t('library.source.higher')}</Tag>
  );
}

/** Columns of the library list. */
export function buildLibraryColumns(
  t: TFunction,
  lang: string,
  ownRegion: string,
  year: string,
): TableColumnsType<TLibraryIndicator> {
  return [
    {
      title: t('library.col.code'),
      dataIndex: 'code',
      key: 'code',
      width: 150,
      render: (v: string) => <Typography.Text className="pb-num">{v}</Typography.Text>,
    },
    {
      title: t('library.col.name'),
      key: 'name',
      ellipsis: true,
      width: 240,
      // Tags first, so that the cell's ellipsis cuts a long name, never the tags.
      render: (_: unknown, r: TLibraryIndicator) => {
        const name = lang.startsWith('en') && r.name_en ? r.name_en : r.name;
        return (
          <span title={name}>
            {r.status === 'RETIRED' ? <Tag>{t('library.status.RETIRED')}</Tag> : null}
            <SourceTag indicator={r} ownRegion={ownRegion} t={t} />
            <span style={{ fontWeight: 600 }}>{name}</span>
          </span>
        );
      },
    },
    {
      title: t('library.col.lv1'),
      dataIndex: 'kpi_lv1',
      key: 'kpi_lv1',
      width: 100,
      render: (v: string) => lv1Label(v, lang),
    },
    {
      title: t('library.col.lv2'),
      dataIndex: 'kpi_lv2',
      key: 'kpi_lv2',
      width: 140,
      ellipsis: true,
      render: (v: string) => lv2Label(v, lang),
    },
    {
      title: t('library.col.sign'),
      dataIndex: 'sign',
      key: 'sign',
      width: 64,
      align: 'center',
      render: (v: string) => signLabel(v, lang),
    },
    {
      title: t('library.col.unit'),
      dataIndex: 'unit',
      key: 'unit',
      width: 84,
      ellipsis: true,
      render: (v: string | null) => v ?? '—',
    },
    {
      title: t('library.col.progress'),
      dataIndex: 'progress',
      key: 'progress',
      width: 90,
      render: (v: 'CUMULATIVE' | 'LEVEL') => t(`library.progress.${v}`),
    },
    {
      title: t('library.col.sector'),
      dataIndex: 'sector',
      key: 'sector',
      width: 130,
      ellipsis: true,
      render: (v: string) => sectorLabel(v, lang),
    },
    {
      title: (
        <Tooltip title={t('library.col.usageHelp', { year })}>
          <span>
            {t('library.col.usage')} <QuestionCircleOutlined style={{ color: 'rgba(0,0,0,0.45)' }} />
          </span>
        </Tooltip>
      ),
      dataIndex: 'usage_count',
      key: 'usage_count',
      width: 100,
      align: 'right',
      render: (v: number) => <span className="pb-num">{v}</span>,
    },
  ];
}
