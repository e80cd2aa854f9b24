import { Segmented, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { REVIEW_STEPS, TARGET_STATUSES } from '../../../../domain/targets/workflow.ts';
import { DepartmentFilter, FilterBar } from '../../components/filter-bar.tsx';
import type { ReviewListState } from './list-params.ts';

interface Props {
  state: ReviewListState;
  departments: { value: string; label: string }[] | null;
  onChange: (next: Partial<ReviewListState>) => void;
  onReset: () => void;
}

/** The 待我处理 / 全部 switch, search box and filters of the review list. */
export function ReviewFilters({ state, departments, onChange, onReset }: Props) {
  const { t } = useTranslation();
  return (
    <FilterBar
      q={state.q}
      onSearch={(q) => onChange({ q })}
      searchLabel={t('review.search')}
      searchPlaceholder={t('review.searchPlaceholder')}
      searchWidth={260}
      onReset={onReset}
      leading={
        <Segmented<'todo' | 'all'>
          aria-label={t('review.view.label')}
          value={state.view}
          onChange={(v) => onChange({ view: v })}
          options={[
            { value: 'todo', label: t('review.view.todo') },
            { value: 'all', label: t('review.view.all') },
          ]}
        />
      }
    >
      <Select
        aria-label={t('review.statusFilter')}
        placeholder={t('review.allStatuses')}
        allowClear
        value={state.status}
        onChange={(v) => onChange({ status: v })}
        options={TARGET_STATUSES.map((s) => ({ value: s, label: t(`review.status.${s}`) }))}
        style={{ width: 130 }}
      />
      <Select
        aria-label={t('review.stepFilter')}
        placeholder={t('review.allSteps')}
        allowClear
        value={state.step}
        onChange={(v) => onChange({ step: v })}
        options={REVIEW_STEPS.map((s) => ({ value: s, label: t(`review.step.${s}`) }))}
        style={{ width: 190 }}
        popupMatchSelectWidth={false}
      />
      <DepartmentFilter
        departments={departments}
        value={state.dept}
        onChange={(dept) => onChange({ dept })}
        label={t('review.departmentFilter')}
        placeholder={t('review.allDepartments')}
      />
    </FilterBar>
  );
}
