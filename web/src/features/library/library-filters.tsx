import { useState } from 'react';
import { Button, Card, Flex, Input, Select } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { lv1Options, lv2Options, sectorOptions } from './labels.ts';
import type { LibraryListState } from './list-params.ts';

interface Props {
  state: LibraryListState;
  onChange: (next: Partial<LibraryListState>) => void;
  onReset: () => void;
}

/** Keep a text box in step with the URL (reset, back button) while the user types. */
function useSynced(value: string): [string, (v: string) => void] {
  const [draft, setDraft] = useState(value);
  const [seen, setSeen] = useState(value);
  if (seen !== value) {
    setSeen(value);
    setDraft(value);
  }
  return [draft, setDraft];
}

/** Search and filters of the library: sector, level 1/2, 功能分类 prefix, kind, status. */
export function LibraryFilters({ state, onChange, onReset }: Props) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const [q, setQ] = useSynced(state.q);
  const [func, setFunc] = useSynced(state.func ?? '');
  const commitFunc = () => {
    const v = func.trim();
    const next = /^\d{1,7}$/.test(v) ? v : undefined;
    if (next !== state.func) onChange({ func: next });
  };
  return (
    <Card size="small" style={{ marginBottom: 16 }} styles={{ body: { padding: '12px 16px' } }}>
      <Flex gap={12} wrap align="center">
        <Input.Search
          aria-label={t('library.search')}
          placeholder={t('library.searchPlaceholder')}
          allowClear
          value={q}
          onChange={(e) => setQ(e.target.value)}
          onSearch={(v) => onChange({ q: v.trim() })}
          style={{ width: 240 }}
        />
        <Select
          aria-label={t('library.filter.sector')}
          placeholder={t('library.filter.allSectors')}
          allowClear
          value={state.sector}
          onChange={(v) => onChange({ sector: v })}
          options={sectorOptions(lang)}
          style={{ width: 170 }}
          popupMatchSelectWidth={false}
        />
        <Select
          aria-label={t('library.filter.lv1')}
          placeholder={t('library.filter.allLv1')}
          allowClear
          value={state.lv1}
          onChange={(v: string | undefined) => onChange({ lv1: v, lv2: undefined })}
          options={lv1Options(lang)}
          style={{ width: 150 }}
          popupMatchSelectWidth={false}
        />
        <Select
          aria-label={t('library.filter.lv2')}
          placeholder={t('library.filter.allLv2')}
          allowClear
          value={state.lv2}
          onChange={(v: string | undefined) => onChange({ lv2: v })}
          options={lv2Options(state.lv1, lang)}
          style={{ width: 170 }}
          popupMatchSelectWidth={false}
        />
        <Input
          aria-label={t('library.filter.funcClass')}
          placeholder={t('library.filter.funcClassPlaceholder')}
          allowClear
          value={func}
          maxLength={7}
          onChange={(e) => {
            setFunc(e.target.value);
            if (e.target.value === '' && state.func !== undefined) onChange({ func: undefined });
          }}
          onBlur={commitFunc}
          onPressEnter={commitFunc}
          style={{ width: 170 }}
        />
        <Select
          aria-label={t('library.filter.kind')}
          placeholder={t('library.filter.allKinds')}
          allowClear
          value={state.kind}
          onChange={(v) => onChange({ kind: v })}
          options={(['COMMON', 'INDIVIDUAL'] as const).map((k) => ({
            value: k,
            label: t(`library.kind.${k}`),
          }))}
          style={{ width: 150 }}
        />
        <Select
          aria-label={t('library.filter.status')}
          placeholder={t('library.filter.allStatuses')}
          allowClear
          value={state.status}
          onChange={(v) => onChange({ status: v })}
          options={(['ACTIVE', 'RETIRED'] as const).map((k) => ({
            value: k,
            label: t(`library.status.${k}`),
          }))}
          style={{ width: 130 }}
        />
        <Button
          icon={<ReloadOutlined />}
          onClick={() => {
            setQ('');
            setFunc('');
            onReset();
          }}
        >
          {t('common.reset')}
        </Button>
      </Flex>
    </Card>
  );
}
