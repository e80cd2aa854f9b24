import {
  Alert,
  App,
  Button,
  Descriptions,
  Drawer,
  Flex,
  Popconfirm,
  Skeleton,
  Space,
  Tag,
  Typography,
} from 'antd';
import type { DescriptionsProps } from 'antd';
import { CopyOutlined, EditOutlined, PushpinOutlined, StopOutlined, UndoOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { TLibraryIndicator } from '../../../../contracts/library.ts';
import { useCurrentUser } from '../../app/current-user.tsx';
import { regionNameOf } from '../../app/scope-context.tsx';
import { ErrorResult } from '../../components/error-result.tsx';
import { describeError } from '../../components/server-errors.ts';
import { ApiError } from '../../lib/api-client.ts';
import { DistributionTable } from './distribution-table.tsx';
import { inputFields } from './form-model.ts';
import { lv1Label, lv2Label, sectorLabel, signLabel } from './labels.ts';
import { SourceTag } from './library-columns.tsx';
import { useLibraryDetail, useSaveLibrary } from './library-api.ts';
import { ReferenceValuesTable } from './reference-values-table.tsx';

interface Props {
  code: string | null;
  fiscalYear: string;
  ownRegion: string;
  canManage: boolean;
  onClose: () => void;
  onEdit: (ind: TLibraryIndicator) => void;
  onCopy: (ind: TLibraryIndicator) => void;
  onMakeCore: (ind: TLibraryIndicator) => void;
}

function validity(ind: TLibraryIndicator, t: (k: string, o?: Record<string, string>) => string): string {
  if (ind.valid_from && ind.valid_to)
    return t('library.detail.validRange', { from: ind.valid_from, to: ind.valid_to });
  if (ind.valid_from) return t('library.detail.validFrom', { from: ind.valid_from });
  if (ind.valid_to) return t('library.detail.validTo', { to: ind.valid_to });
  return t('library.detail.always');
}

function Section({ title, hint, children }: { title: string; hint?: string; children: React.ReactNode }) {
  return (
    <section style={{ marginTop: 24 }}>
      <Typography.Title level={5} style={{ marginBottom: hint ? 2 : 8 }}>
        {title}
      </Typography.Title>
      {hint ? (
        <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginBottom: 8 }}>
          {hint}
        </Typography.Paragraph>
      ) : null}
      {children}
    </section>
  );
}

/**
 * One indicator: its definition (口径), formula, scoring rule, validity and classification, the
 * reference values, and per year the distribution of the targets and actuals that use it. Holders
 * of library:manage edit, retire or reactivate their region's indicators, copy any indicator as a
 * new one, and push it down as a core indicator.
 */
export function LibraryDetailDrawer(props: Props) {
  const { code, fiscalYear, ownRegion, canManage, onClose } = props;
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { message } = App.useApp();
  const me = useCurrentUser();
  const detail = useLibraryDetail(code, fiscalYear);
  const save = useSaveLibrary();
  const ind = detail.data?.indicator;
  const own = ind !== undefined && ind.mof_div_code === ownRegion;

  const setStatus = async (status: 'ACTIVE' | 'RETIRED') => {
    if (!ind) return;
    try {
      await save.mutateAsync({
        code: ind.code,
        body: { version: ind.version, indicator: inputFields(ind), status },
      });
      message.success(t(status === 'RETIRED' ? 'library.detail.retired' : 'library.detail.reactivated'));
    } catch (e) {
      message.error(
        e instanceof ApiError && e.code === 'LIBRARY.STALE_VERSION'
          ? t('library.detail.stale')
          : describeError(e),
      );
    }
  };

  const actions =
    canManage && ind ? (
      <Space wrap>
        {own ? (
          <Button icon={<EditOutlined />} type="primary" onClick={() => props.onEdit(ind)}>
            {t('library.detail.edit')}
          </Button>
        ) : null}
        <Button icon={<CopyOutlined />} onClick={() => props.onCopy(ind)}>
          {t('library.detail.copy')}
        </Button>
        {ind.status === 'ACTIVE' ? (
          <Button icon={<PushpinOutlined />} onClick={() => props.onMakeCore(ind)}>
            {t('library.detail.makeCore')}
          </Button>
        ) : null}
        {own && ind.status === 'ACTIVE' ? (
          <Popconfirm
            title={t('library.detail.retire')}
            description={<div style={{ maxWidth: 320 }}>{t('library.detail.retireConfirm')}</div>}
            onConfirm={() => void setStatus('RETIRED')}
          >
            <Button danger icon={<StopOutlined />} loading={save.isPending}>
              {t('library.detail.retire')}
            </Button>
          </Popconfirm>
        ) : null}
        {own && ind.status === 'RETIRED' ? (
          <Button icon={<UndoOutlined />} loading={save.isPending} onClick={() => void setStatus('ACTIVE')}>
            {t('library.detail.reactivate')}
          </Button>
        ) : null}
      </Space>
    ) : null;

  const items: DescriptionsProps['items'] = ind
    ? [
        { key: 'code', label: t('library.col.code'), children: <span className="pb-num">{ind.code}</span> },
        {
          key: 'source',
          label: t('library.detail.source'),
          children:
            ind.mof_div_code === null ? (
              t('library.source.shipped')
            ) : (
              <Space size={4}>
                <SourceTag indicator={ind} ownRegion={ownRegion} t={t} />
                {regionNameOf(me, ind.mof_div_code)}
              </Space>
            ),
        },
        {
          key: 'levels',
          label: t('library.detail.levels'),
          children: `${lv1Label(ind.kpi_lv1, lang)} / ${lv2Label(ind.kpi_lv2, lang)}`,
        },
        {
          key: 'sign',
          label: `${t('library.detail.sign')} / ${t('library.detail.unit')}`,
          children: `${signLabel(ind.sign, lang)} ${ind.unit ?? ''}`.trim(),
        },
        {
          key: 'progress',
          label: t('library.detail.progress'),
          children: t(`library.progress.${ind.progress}`),
        },
        { key: 'kind', label: t('library.detail.kind'), children: t(`library.kind.${ind.kind}`) },
        { key: 'sector', label: t('library.detail.sector'), children: sectorLabel(ind.sector, lang) },
        {
          key: 'func',
          label: t('library.detail.funcClass'),
          children: <span className="pb-num">{ind.func_class ?? t('library.detail.none')}</span>,
        },
        { key: 'validity', label: t('library.detail.validity'), children: validity(ind, t) },
        {
          key: 'usage',
          label: t('library.col.usage'),
          children: t('library.detail.usageCount', { year: fiscalYear, count: ind.usage_count }),
        },
        {
          key: 'definition',
          label: t('library.detail.definition'),
          span: 2,
          children: <Typography.Paragraph style={{ margin: 0 }}>{ind.definition}</Typography.Paragraph>,
        },
        {
          key: 'formula',
          label: t('library.detail.formula'),
          span: 2,
          children: ind.formula ?? t('library.detail.none'),
        },
        {
          key: 'scoring',
          label: t('library.detail.scoringRule'),
          span: 2,
          children: ind.scoring_rule ?? t('library.detail.none'),
        },
      ]
    : [];

  const title = ind ? (
    <Flex align="center" gap={8} wrap>
      <span>{lang.startsWith('en') && ind.name_en ? ind.name_en : ind.name}</span>
      {ind.status === 'RETIRED' ? <Tag>{t('library.status.RETIRED')}</Tag> : null}
    </Flex>
  ) : (
    (code ?? '')
  );

  return (
    <Drawer open={code !== null} onClose={onClose} size={860} title={title} destroyOnHidden>
      {detail.isError ? (
        <ErrorResult error={detail.error} onRetry={() => void detail.refetch()} />
      ) : !ind || !detail.data ? (
        <Skeleton active paragraph={{ rows: 10 }} />
      ) : (
        <>
          {actions ? <div style={{ marginBottom: 16 }}>{actions}</div> : null}
          {canManage && !own ? (
            <Alert type="info" showIcon title={t('library.detail.readOnly')} style={{ marginBottom: 16 }} />
          ) : null}
          <Descriptions
            bordered
            size="small"
            column={2}
            items={items}
            styles={{ label: { width: 120, whiteSpace: 'nowrap' } }}
          />
          <Section title={t('library.detail.references')}>
            <ReferenceValuesTable values={detail.data.reference_values} unit={ind.unit} />
          </Section>
          <Section title={t('library.detail.distribution')} hint={t('library.detail.distributionHint')}>
            <DistributionTable usage={detail.data.usage} unit={ind.unit} />
          </Section>
        </>
      )}
    </Drawer>
  );
}
