import { useState } from 'react';
import { Button, Card, Drawer, Flex, Input, List, Select, Space, Tag, Typography } from 'antd';
import { CheckOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import {
  SECTOR_LABELS,
  SECTORS,
  type Sector,
  type TLibraryIndicator,
} from '../../../../contracts/library.ts';
import {
  FRAMEWORKS,
  LV1_LABELS,
  LV2_LABELS,
  type FrameworkVersion,
} from '../../../../domain/targets/framework.ts';
import { EmptyState } from '../../components/empty-state.tsx';
import { ErrorResult } from '../../components/error-result.tsx';
import { useLibrarySearch } from './targets-api.ts';

interface Props {
  open: boolean;
  onClose: () => void;
  /** The group the picker was opened from. */
  lv1: string | null;
  lv2: string | null;
  /** The subject's 功能分类 (the filter starts with its first three digits, the 类). */
  funcClass: string | null;
  fiscalYear: string;
  framework: FrameworkVersion;
  lang: 'zh-CN' | 'en-US';
  usedCodes: ReadonlySet<string>;
  onPick: (item: TLibraryIndicator) => void;
}

const PAGE_SIZE = 10;

/** The filters of the picker; its state lives in a keyed child, so each opening starts from the group's defaults. */
function Picker({
  lv1,
  lv2,
  funcClass,
  fiscalYear,
  framework,
  lang,
  usedCodes,
  onPick,
}: Omit<Props, 'open' | 'onClose'>) {
  const { t } = useTranslation();
  const zh = lang === 'zh-CN';
  const [q, setQ] = useState('');
  const [typed, setTyped] = useState('');
  const [sector, setSector] = useState<Sector | undefined>(undefined);
  const [func, setFunc] = useState((funcClass ?? '').slice(0, 3));
  const [level1, setLevel1] = useState<string | undefined>(lv1 ?? undefined);
  const [level2, setLevel2] = useState<string | undefined>(lv2 ?? undefined);
  const [page, setPage] = useState(1);
  const funcOk = /^(\d{3}(\d{2}){0,2})?$/.test(func);
  const query = {
    q: q === '' ? undefined : q,
    sector,
    func_class: func === '' || !funcOk ? undefined : func,
    kpi_lv1: level1,
    kpi_lv2: level2,
    status: 'ACTIVE' as const,
    fiscal_year: fiscalYear,
    page,
    page_size: PAGE_SIZE,
  };
  const list = useLibrarySearch(query, true);
  const tree = FRAMEWORKS[framework];
  const lv2Options = (tree.find((n) => n.lv1 === level1)?.lv2 ?? tree.flatMap((n) => n.lv2)).map((c) => ({
    value: c,
    label: zh ? LV2_LABELS[c].zh : LV2_LABELS[c].en,
  }));
  const reset = (f: () => void) => {
    f();
    setPage(1);
  };

  return (
    <>
      <Flex gap={8} wrap style={{ marginBottom: 12 }}>
        <Input.Search
          allowClear
          placeholder={t('targets.library.search')}
          value={typed}
          onChange={(e) => {
            setTyped(e.target.value);
            if (e.target.value === '') reset(() => setQ(''));
          }}
          onSearch={(v) => reset(() => setQ(v.trim()))}
          style={{ width: 240 }}
          autoFocus
        />
        <Select
          allowClear
          placeholder={t('targets.library.allSectors')}
          value={sector}
          onChange={(v: Sector | undefined) => reset(() => setSector(v))}
          style={{ width: 170 }}
          options={SECTORS.map((s) => ({ value: s, label: zh ? SECTOR_LABELS[s].zh : SECTOR_LABELS[s].en }))}
          aria-label={t('targets.library.sector')}
        />
        <Input
          allowClear
          addonBefore={t('targets.library.funcClass')}
          placeholder={t('targets.library.funcClassPlaceholder')}
          value={func}
          status={funcOk ? undefined : 'error'}
          onChange={(e) => reset(() => setFunc(e.target.value.trim()))}
          style={{ width: 200 }}
          maxLength={7}
        />
        <Select
          allowClear
          placeholder={t('targets.library.level1')}
          value={level1}
          onChange={(v: string | undefined) =>
            reset(() => {
              setLevel1(v);
              setLevel2(undefined);
            })
          }
          style={{ width: 130 }}
          options={tree.map((n) => ({
            value: n.lv1,
            label: zh ? LV1_LABELS[n.lv1].zh : LV1_LABELS[n.lv1].en,
          }))}
          aria-label={t('targets.library.level1')}
        />
        <Select
          allowClear
          placeholder={t('targets.library.level2')}
          value={level2}
          onChange={(v: string | undefined) => reset(() => setLevel2(v))}
          style={{ width: 170 }}
          options={lv2Options}
          aria-label={t('targets.library.level2')}
        />
      </Flex>
      {list.isError ? (
        <ErrorResult error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <List<TLibraryIndicator>
          loading={list.isFetching}
          dataSource={list.data?.items ?? []}
          locale={{
            emptyText: (
              <EmptyState title={t('targets.library.empty')} hint={t('targets.library.emptyHint')} />
            ),
          }}
          pagination={
            (list.data?.total ?? 0) > PAGE_SIZE
              ? {
                  current: page,
                  pageSize: PAGE_SIZE,
                  total: list.data?.total ?? 0,
                  onChange: setPage,
                  showSizeChanger: false,
                  size: 'small',
                }
              : false
          }
          renderItem={(item) => {
            const used = usedCodes.has(item.code);
            return (
              <List.Item style={{ paddingInline: 0 }}>
                <Card size="small" style={{ width: '100%' }} styles={{ body: { padding: 12 } }}>
                  <Flex justify="space-between" align="flex-start" gap={12}>
                    <div style={{ minWidth: 0 }}>
                      <Space size={6} wrap>
                        <Typography.Text strong>
                          {zh ? item.name : (item.name_en ?? item.name)}
                        </Typography.Text>
                        <Tag className="pb-num">{item.code}</Tag>
                        <Tag color={item.kind === 'COMMON' ? 'blue' : 'purple'}>
                          {t(`targets.library.kind.${item.kind}`)}
                        </Tag>
                        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                          {zh ? LV1_LABELS[item.kpi_lv1].zh : LV1_LABELS[item.kpi_lv1].en} /{' '}
                          {(LV2_LABELS as Record<string, { zh: string; en: string } | undefined>)[
                            item.kpi_lv2
                          ]?.[zh ? 'zh' : 'en'] ?? item.kpi_lv2}
                        </Typography.Text>
                      </Space>
                      <Typography.Paragraph style={{ margin: '6px 0 4px', fontSize: 13 }}>
                        <Typography.Text type="secondary">
                          {t('targets.library.definition')}
                          {t('targets.colon')}
                        </Typography.Text>
                        {item.definition}
                      </Typography.Paragraph>
                      {item.formula ? (
                        <Typography.Paragraph style={{ margin: '0 0 4px', fontSize: 13 }}>
                          <Typography.Text type="secondary">
                            {t('targets.library.formula')}
                            {t('targets.colon')}
                          </Typography.Text>
                          {item.formula}
                        </Typography.Paragraph>
                      ) : null}
                      {item.scoring_rule ? (
                        <Typography.Paragraph
                          style={{ margin: '0 0 4px', fontSize: 13 }}
                          ellipsis={{ rows: 2, expandable: true }}
                        >
                          <Typography.Text type="secondary">
                            {t('targets.library.scoring')}
                            {t('targets.colon')}
                          </Typography.Text>
                          {item.scoring_rule}
                        </Typography.Paragraph>
                      ) : null}
                      <Space size={12} wrap style={{ fontSize: 12 }}>
                        <Typography.Text type="secondary">
                          {t('targets.library.sign')}
                          {t('targets.colon')}
                          {t(`targets.sign.${item.sign}`)}
                        </Typography.Text>
                        <Typography.Text type="secondary">
                          {t('targets.library.unit')}
                          {t('targets.colon')}
                          {item.unit ?? '—'}
                        </Typography.Text>
                        <Typography.Text type="secondary">
                          {t(`targets.progress.${item.progress}`)}
                        </Typography.Text>
                        <Typography.Text type="secondary">
                          {t('targets.library.usage', { count: item.usage_count })}
                        </Typography.Text>
                      </Space>
                    </div>
                    <Button
                      type={used ? 'default' : 'primary'}
                      size="small"
                      disabled={used}
                      icon={used ? <CheckOutlined /> : <PlusOutlined />}
                      onClick={() => onPick(item)}
                    >
                      {used ? t('targets.library.picked') : t('targets.library.pick')}
                    </Button>
                  </Flex>
                </Card>
              </List.Item>
            );
          }}
        />
      )}
    </>
  );
}

/** The drawer to pick indicators from the library (GET /library), with the definition of each. */
export function LibraryDrawer(props: Props) {
  const { t } = useTranslation();
  const { open, onClose, ...rest } = props;
  return (
    <Drawer title={t('targets.library.title')} open={open} onClose={onClose} size={760} destroyOnHidden>
      {open ? <Picker key={`${rest.lv1 ?? ''}/${rest.lv2 ?? ''}`} {...rest} /> : null}
    </Drawer>
  );
}
