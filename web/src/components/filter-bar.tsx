import { useState, type ReactNode } from 'react';
import { Button, Card, Flex, Input, Select } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';

interface FilterBarProps {
  /** The search text in force (from the URL). */
  q: string;
  onSearch: (q: string) => void;
  searchLabel: string;
  searchPlaceholder: string;
  searchWidth?: number;
  onReset: () => void;
  /** Controls shown before the search box (e.g. a view switch). */
  leading?: ReactNode;
  /** The filters after the search box. */
  children?: ReactNode;
}

/**
 * The frame of a list's filters: a card with the search box (applied on Enter), the filters and
 * a reset button. The search box follows the URL when it changes underneath (reset, saved view,
 * back button).
 */
export function FilterBar({
  q,
  onSearch,
  searchLabel,
  searchPlaceholder,
  searchWidth = 240,
  onReset,
  leading,
  children,
}: FilterBarProps) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(q);
  const [seen, setSeen] = useState(q);
  if (seen !== q) {
    setSeen(q);
    setDraft(q);
  }
  return (
    <Card size="small" style={{ marginBottom: 16 }} styles={{ body: { padding: '12px 16px' } }}>
      <Flex gap={12} wrap align="center">
        {leading}
        <Input.Search
          aria-label={searchLabel}
          placeholder={searchPlaceholder}
          allowClear
          value={draft}
          onChange={(e) => setDraft(e.target.value)}
          onSearch={(v) => onSearch(v.trim())}
          style={{ width: searchWidth }}
        />
        {children}
        <Button
          icon={<ReloadOutlined />}
          onClick={() => {
            setDraft('');
            onReset();
          }}
        >
          {t('common.reset')}
        </Button>
      </Flex>
    </Card>
  );
}

/** The department filter of a list (not shown when the actor sees one department only: null). */
export function DepartmentFilter({
  departments,
  value,
  onChange,
  label,
  placeholder,
}: {
  departments: { value: string; label: string }[] | null;
  value: string | undefined;
  onChange: (v: string | undefined) => void;
  label: string;
  placeholder: string;
}) {
  if (departments === null) return null;
  return (
    <Select
      aria-label={label}
      placeholder={placeholder}
      allowClear
      showSearch={{ optionFilterProp: 'label' }}
      value={value}
      onChange={(v: string | undefined) => onChange(v)}
      options={departments}
      style={{ width: 200 }}
      popupMatchSelectWidth={false}
    />
  );
}
