import { useState } from 'react';
import { InputNumber, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { BUDGET_KINDS } from '../../../../contracts/api.ts';
import { DepartmentFilter, FilterBar } from '../../components/filter-bar.tsx';
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
  return (
    <FilterBar
      q={state.q}
      onSearch={(q) => onChange({ q })}
      searchLabel={t('projects.search')}
      searchPlaceholder={t('projects.searchPlaceholder')}
      onReset={onReset}
    >
      <DepartmentFilter
        departments={departments}
        value={state.dept}
        onChange={(dept) => onChange({ dept })}
        label={t('projects.department')}
        placeholder={t('projects.allDepartments')}
      />
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
    </FilterBar>
  );
}
