import { useState } from 'react';
import { Button, Card, DatePicker, Flex, Input, Select } from 'antd';
import { SearchOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { AUDIT_ACTIONS, AUDIT_ENTITIES } from '../../../../contracts/audit-events.ts';
import type { AuditFilters } from './audit-api.ts';

type Range = [Dayjs | null, Dayjs | null] | null;

/** Filters of the audit viewer: actor, entity, action, time range (sent with the UTC offset). */
export function AuditFiltersBar({
  onApply,
}: {
  onApply: (f: Omit<AuditFilters, 'page' | 'page_size'>) => void;
}) {
  const { t } = useTranslation();
  const [actor, setActor] = useState('');
  const [entity, setEntity] = useState<string | undefined>();
  const [action, setAction] = useState<string | undefined>();
  const [range, setRange] = useState<Range>(null);

  const apply = () =>
    onApply({
      actor: actor.trim() === '' ? undefined : actor.trim(),
      entity,
      action,
      from: range?.[0]?.format() ?? undefined,
      to: range?.[1]?.format() ?? undefined,
    });

  return (
    <Card size="small" style={{ marginBottom: 16 }} styles={{ body: { padding: '12px 16px' } }}>
      <Flex gap={12} wrap>
        <Input
          aria-label={t('audit.actor')}
          placeholder={t('audit.actor')}
          allowClear
          value={actor}
          onChange={(e) => setActor(e.target.value)}
          onPressEnter={apply}
          style={{ width: 160 }}
        />
        <Select
          aria-label={t('audit.entity')}
          placeholder={t('audit.entity')}
          allowClear
          value={entity}
          onChange={setEntity}
          options={AUDIT_ENTITIES.map((e) => ({ value: e, label: t(`audit.entities.${e}`) }))}
          style={{ width: 160 }}
        />
        <Select
          aria-label={t('audit.action')}
          placeholder={t('audit.action')}
          allowClear
          value={action}
          onChange={setAction}
          options={AUDIT_ACTIONS.map((a) => ({ value: a, label: t(`audit.actions.${a}`) }))}
          style={{ width: 160 }}
        />
        <DatePicker.RangePicker
          showTime={{ format: 'HH:mm' }}
          format="YYYY-MM-DD HH:mm"
          value={range}
          onChange={setRange}
          allowEmpty={[true, true]}
        />
        <Button type="primary" icon={<SearchOutlined />} onClick={apply}>
          {t('common.search')}
        </Button>
      </Flex>
    </Card>
  );
}
