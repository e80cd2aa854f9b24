import { useState } from 'react';
import { Button, Card, Flex, Input, Segmented, Select } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { REVIEW_STEPS, TARGET_STATUSES } from '../../../../domain/targets/workflow.ts';
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
  const [q, setQ] = useState(state.q);
  const [seenQ, setSeenQ] = useState(state.q);
  if (seenQ !== state.q) {
    // The URL changed underneath (reset, saved view, back button): show what is in force.
    setSeenQ(state.q);
    setQ(state.q);
  }
  return (
    <Card size="small" style={{ marginBottom: 16 }} styles={{ body: { padding: '12px 16px' } }}>
      <Flex gap={12} wrap align="center">
        <Segmented<'todo' | 'all'>
          aria-label={t('review.view.label')}
          value={state.view}
          onChange={(v) => onChange({ view: v })}
          options={[
            { value: 'todo', label: t('review.view.todo') },
            { value: 'all', label: t('review.view.all') },
          ]}
        />
        <Input.Search
          aria-label={t('review.search')}
          placeholder={t('review.searchPlaceholder')}
          allowClear
          value={q}
          onChange={(e) => setQ(e.target.value)}
          onSearch={(v) => onChange({ q: v.trim() })}
          style={{ width: 260 }}
        />
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
        {departments === null ? null : (
          <Select
            aria-label={t('review.departmentFilter')}
            placeholder={t('review.allDepartments')}
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            value={state.dept}
            onChange={(v: string | undefined) => onChange({ dept: v })}
            options={departments}
            style={{ width: 200 }}
            popupMatchSelectWidth={false}
          />
        )}
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
