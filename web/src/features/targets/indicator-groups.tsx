import { Button, Collapse, Flex, Space, Tag, Typography } from 'antd';
import type { Decimal } from 'decimal.js';
import {
  BookOutlined,
  CaretDownOutlined,
  CheckCircleFilled,
  CaretRightOutlined,
  PlusOutlined,
} from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { LV1_LABELS, LV2_LABELS } from '../../../../domain/targets/framework.ts';
import { COLORS } from '../../app/theme.ts';
import { useEditor } from './editor-context.ts';
import { IndicatorTable } from './indicator-table.tsx';
import { emptyIndicator, type Grouping } from './target-model.ts';

interface Props {
  grouping: Grouping;
  /** Collapsed groups: `OUTPUT` or `OUTPUT/QUANTITY`. */
  collapsed: ReadonlySet<string>;
  onToggle: (key: string, open: boolean) => void;
}

function Subtotal({ weight, expected }: { weight: Decimal; expected: number | null }) {
  const { t } = useTranslation();
  const w = weight.toFixed();
  if (expected === null)
    return <span className="pb-num">{t('targets.indicators.subtotal', { weight: w })}</span>;
  const ok = weight.eq(expected);
  return (
    <span className="pb-num" style={{ color: ok ? COLORS.green : COLORS.ink }}>
      {ok ? <CheckCircleFilled /> : null}{' '}
      {t('targets.indicators.subtotalOf', { weight: w, expected: String(expected) })}
    </span>
  );
}

/** The indicators grouped by level 1 (collapsible panels) and level 2 (collapsible sections), with subtotals. */
export function IndicatorGroups({ grouping, collapsed, onToggle }: Props) {
  const { t } = useTranslation();
  const ctx = useEditor();
  const zh = ctx.lang === 'zh-CN';
  const edit = ctx.mode === 'edit';

  const items = grouping.level1.map((g1) => {
    const count = g1.groups.reduce((n, g) => n + g.indexes.length, 0);
    return {
      key: g1.lv1,
      label: (
        <Flex justify="space-between" align="center" gap={12} wrap>
          <Space size={8}>
            <Typography.Text strong style={{ fontSize: 15 }}>
              {zh ? LV1_LABELS[g1.lv1].zh : LV1_LABELS[g1.lv1].en}
            </Typography.Text>
            <Tag variant="filled">{count}</Tag>
          </Space>
          <Subtotal weight={g1.weight} expected={g1.expected} />
        </Flex>
      ),
      children: (
        <div className="pb-tgt-lv2-list">
          {g1.groups
            .filter((g2) => edit || g2.indexes.length > 0)
            .map((g2) => {
              const key = `${g1.lv1}/${g2.lv2}`;
              const open = !collapsed.has(key) && g2.indexes.length > 0;
              return (
                <section key={key} className="pb-tgt-lv2">
                  <Flex justify="space-between" align="center" gap={8} wrap className="pb-tgt-lv2-head">
                    <Button
                      type="text"
                      size="small"
                      onClick={() => onToggle(key, !open)}
                      disabled={g2.indexes.length === 0}
                      icon={open ? <CaretDownOutlined /> : <CaretRightOutlined />}
                      aria-expanded={open}
                      style={{ fontWeight: 500, paddingInline: 4 }}
                    >
                      {zh ? LV2_LABELS[g2.lv2].zh : LV2_LABELS[g2.lv2].en}
                      <Typography.Text type="secondary" style={{ marginInlineStart: 6 }}>
                        {g2.indexes.length === 0
                          ? t('targets.indicators.emptyGroup')
                          : `(${String(g2.indexes.length)})`}
                      </Typography.Text>
                    </Button>
                    <Space size={12}>
                      {g2.indexes.length > 0 ? (
                        <Typography.Text type="secondary" className="pb-num">
                          {t('targets.indicators.subtotal', { weight: g2.weight.toFixed() })}
                        </Typography.Text>
                      ) : null}
                      {edit ? (
                        <>
                          <Button
                            size="small"
                            icon={<PlusOutlined />}
                            onClick={() => {
                              ctx.addRow(emptyIndicator(g1.lv1, g2.lv2));
                              onToggle(key, true);
                            }}
                          >
                            {t('targets.indicators.add')}
                          </Button>
                          <Button
                            size="small"
                            icon={<BookOutlined />}
                            onClick={() => ctx.openPicker(g1.lv1, g2.lv2)}
                          >
                            {t('targets.indicators.pick')}
                          </Button>
                        </>
                      ) : null}
                    </Space>
                  </Flex>
                  {open ? <IndicatorTable indexes={g2.indexes} /> : null}
                </section>
              );
            })}
        </div>
      ),
    };
  });

  return (
    <>
      <Collapse
        className="pb-tgt-collapse"
        activeKey={grouping.level1.map((g) => g.lv1).filter((k) => !collapsed.has(k))}
        onChange={(keys) => {
          const active = new Set(Array.isArray(keys) ? keys : [keys]);
          for (const g of grouping.level1) {
            const isOpen = !collapsed.has(g.lv1);
            if (active.has(g.lv1) !== isOpen) onToggle(g.lv1, active.has(g.lv1));
          }
        }}
        items={items}
      />
      {grouping.unclassified.length > 0 ? (
        <section className="pb-tgt-unclassified">
          <Typography.Text strong>{t('targets.indicators.unclassified')}</Typography.Text>
          <Typography.Paragraph type="secondary" style={{ margin: '4px 0 8px', fontSize: 13 }}>
            {t('targets.indicators.unclassifiedHint')}
          </Typography.Paragraph>
          <IndicatorTable indexes={grouping.unclassified} />
        </section>
      ) : null}
    </>
  );
}
