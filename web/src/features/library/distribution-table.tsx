import { Table, Tooltip, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TLibraryDetail } from '../../../../contracts/library.ts';
import { EmptyState } from '../../components/empty-state.tsx';
import { axisOf, boxGeometry, type Summary } from './distribution.ts';

type Series = 'targets' | 'actuals';

interface Row {
  key: string;
  year: string;
  series: Series;
  summary: Summary;
  first: boolean;
}

const COLOURS: Record<Series, { line: string; fill: string }> = {
  targets: { line: '#1677ff', fill: '#d6e4ff' },
  actuals: { line: '#722ed1', fill: '#efdbff' },
};

/** A small box plot: whiskers from min to max, the box over the quartiles, a bar at the median. */
function BoxBar({
  summary,
  axis,
  series,
}: {
  summary: Summary;
  axis: { low: number; high: number } | null;
  series: Series;
}) {
  const g = axis ? boxGeometry(summary, axis) : null;
  if (g === null) return <Typography.Text type="secondary">—</Typography.Text>;
  const c = COLOURS[series];
  const pct = (v: number) => `${v.toFixed(2)}%`;
  return (
    <div
      role="img"
      aria-label={`${summary.min ?? ''} – ${summary.max ?? ''}`}
      style={{ position: 'relative', height: 18, minWidth: 160, margin: '0 6px' }}
    >
      <div
        style={{
          position: 'absolute',
          top: 8,
          height: 2,
          left: pct(g.whisker[0]),
          width: pct(g.whisker[1] - g.whisker[0]),
          background: '#8c8c8c',
        }}
      />
      <div
        style={{
          position: 'absolute',
          top: 3,
          height: 12,
          width: 2,
          left: pct(g.whisker[0]),
          marginLeft: -1,
          background: '#8c8c8c',
        }}
      />
      <div
        style={{
          position: 'absolute',
          top: 3,
          height: 12,
          width: 2,
          left: pct(g.whisker[1]),
          marginLeft: -1,
          background: '#8c8c8c',
        }}
      />
      <div
        style={{
          position: 'absolute',
          top: 1,
          height: 16,
          left: pct(g.box[0]),
          width: `max(${pct(g.box[1] - g.box[0])}, 3px)`,
          marginLeft: g.box[1] - g.box[0] === 0 ? -1 : 0,
          background: c.fill,
          border: `1px solid ${c.line}`,
          borderRadius: 2,
        }}
      />
      <div
        style={{
          position: 'absolute',
          top: 0,
          height: 18,
          width: 3,
          left: pct(g.median),
          marginLeft: -1,
          background: c.line,
        }}
      />
    </div>
  );
}

/** Per year, the distribution of the target values and the actuals of an indicator. */
export function DistributionTable({ usage, unit }: { usage: TLibraryDetail['usage']; unit: string | null }) {
  const { t } = useTranslation();
  if (usage.length === 0) return <EmptyState title={t('library.detail.noUsage')} />;
  const rows: Row[] = [...usage]
    .sort((a, b) => b.fiscal_year.localeCompare(a.fiscal_year))
    .flatMap((u) => [
      {
        key: `${u.fiscal_year}-t`,
        year: u.fiscal_year,
        series: 'targets' as const,
        summary: u.targets,
        first: true,
      },
      {
        key: `${u.fiscal_year}-a`,
        year: u.fiscal_year,
        series: 'actuals' as const,
        summary: u.actuals,
        first: false,
      },
    ]);
  const axis = axisOf(rows.map((r) => r.summary));
  const num = (k: keyof Omit<Summary, 'count'>) => ({
    title: t(`library.detail.${k}`),
    key: k,
    width: 78,
    align: 'right' as const,
    render: (_: unknown, r: Row) => <span className="pb-num">{r.summary[k] ?? '—'}</span>,
  });
  const columns: TableColumnsType<Row> = [
    {
      title: t('library.detail.year'),
      key: 'year',
      width: 64,
      onCell: (r) => ({ rowSpan: r.first ? 2 : 0 }),
      render: (_: unknown, r: Row) => <span className="pb-num">{r.year}</span>,
    },
    {
      title: t('library.detail.series'),
      key: 'series',
      width: 84,
      render: (_: unknown, r: Row) => (
        <span style={{ whiteSpace: 'nowrap' }}>
          <span
            aria-hidden
            style={{
              display: 'inline-block',
              width: 8,
              height: 8,
              borderRadius: 2,
              marginInlineEnd: 6,
              background: COLOURS[r.series].line,
            }}
          />
          {t(`library.detail.${r.series}`)}
        </span>
      ),
    },
    {
      title: t('library.detail.count'),
      key: 'count',
      width: 60,
      align: 'right',
      render: (_: unknown, r: Row) => <span className="pb-num">{r.summary.count}</span>,
    },
    num('min'),
    num('p25'),
    num('median'),
    num('p75'),
    num('max'),
    {
      title: (
        <Tooltip title={t('library.detail.distributionHint')}>
          <span>{t('library.detail.range')}</span>
        </Tooltip>
      ),
      key: 'box',
      render: (_: unknown, r: Row) => <BoxBar summary={r.summary} axis={axis} series={r.series} />,
    },
  ];
  return (
    <>
      <Table<Row>
        rowKey="key"
        size="small"
        pagination={false}
        columns={columns}
        dataSource={rows}
        scroll={{ x: 760 }}
        bordered
      />
      {unit ? (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('library.detail.unit')}：{unit}
        </Typography.Text>
      ) : null}
    </>
  );
}
