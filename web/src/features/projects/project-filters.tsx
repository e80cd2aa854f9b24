import { useState } from 'react';
import { Button, Card, Flex, Input, InputNumber, Select, Space } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { BUDGET_KINDS } from '../../../../contracts/api.ts';
import type { ListState } from './list-params.ts';

interface Props {
  state: ListState;
  departments: { value: string; label: string }[] | null;
  onChange: (next: Partial<ListState>) => void;
  onReset: () => void;
}

/** An amount bound in 万元, applied when the user leaves the field or presses Enter. */
function AmountInput({
  label,
  value,
  onCommit,
}: {
  label: string;
  value: string | undefined;
  onCommit: (v: string | undefined) => void;
}) {
  const [draft, setDraft] = useState<string | null>(value ?? null);
  const [seen, setSeen] = useState(value);
  if (seen !== value) {
    // The URL changed underneath (reset, back button): show what is in force.
    setSeen(value);
    setDraft(value ?? null);
  }
  const commit = () => {
    const next = draft === null || draft === '' ? undefined : draft;
    if (next !== value) onCommit(next);
  };
  return (
    <InputNumber<string>
      aria-label={label}
      stringMode
      min="0"
      precision={2}
      placeholder={label}
      value={draft}
      onChange={setDraft}
      onBlur={commit}
      onPressEnter={commit}
      style={{ width: 120 }}
    />
  );
}

/** Search box and filters of the registry: department, budget kind, amount range in 万元. */
export function ProjectFilters({ state, departments, onChange, onReset }: Props) {
  const { t } = useTranslation();
  const [q, setQ] = useState(state.q);
  const [seenQ, setSeenQ] = useState(state.q);
  if (seenQ !== state.q) {
    setSeenQ(state.q);
    setQ(state.q);
  }
  return (
    <Card size="small" style={{ marginBottom: 16 }} styles={{ body: { padding: '12px 16px' } }}>
      <Flex gap={12} wrap align="center">
        <Input.Search
          aria-label={t('projects.search')}
          placeholder={t('projects.searchPlaceholder')}
          allowClear
          value={q}
          onChange={(e) => setQ(e.target.value)}
          onSearch={(v) => onChange({ q: v.trim() })}
          style={{ width: 240 }}
        />
        {departments === null ? null : (
          <Select
            aria-label={t('projects.department')}
            placeholder={t('projects.allDepartments')}
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            value={state.dept}
            onChange={(v: string | undefined) => onChange({ dept: v })}
            options={departments}
            style={{ width: 200 }}
            popupMatchSelectWidth={false}
          />
        )}
        <Select
          aria-label={t('projects.budgetKind')}
          placeholder={t('projects.allBudgetKinds')}
          allowClear
          value={state.kind}
          onChange={(v) => onChange({ kind: v })}
          options={BUDGET_KINDS.map((k) => ({ value: k, label: t(`budgetKind.${k}`) }))}
          style={{ width: 170 }}
        />
        <Space.Compact>
          <AmountInput
            label={t('projects.amountMin')}
            value={state.minWan}
            onCommit={(v) => onChange({ minWan: v })}
          />
          <Space.Addon>~</Space.Addon>
          <AmountInput
            label={t('projects.amountMax')}
            value={state.maxWan}
            onCommit={(v) => onChange({ maxWan: v })}
          />
          <Space.Addon>{t('common.wan')}</Space.Addon>
        </Space.Compact>
        <Button
          icon={<ReloadOutlined />}
          onClick={() => {
            setQ('');
            onReset();
          }}
        >
          {t('common.reset')}
        </Button>
      </Flex>
    </Card>
  );
}
