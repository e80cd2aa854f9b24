import { Col, Descriptions, Row, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TAuditEntry } from './audit-api.ts';

function toJson(v: unknown): string {
  if (v === null || v === undefined) return '—';
  return JSON.stringify(v, null, 2);
}

/** The expanded row: before/after state, reason and the chain hash. */
export function AuditEntryDetail({ entry }: { entry: TAuditEntry }) {
  const { t } = useTranslation();
  return (
    <div style={{ padding: '4px 8px' }}>
      <Row gutter={16}>
        <Col xs={24} lg={12}>
          <Typography.Text type="secondary">{t('audit.before')}</Typography.Text>
          <pre className="pb-json">{toJson(entry.before)}</pre>
        </Col>
        <Col xs={24} lg={12}>
          <Typography.Text type="secondary">{t('audit.after')}</Typography.Text>
          <pre className="pb-json">{toJson(entry.after)}</pre>
        </Col>
      </Row>
      <Descriptions
        size="small"
        column={1}
        style={{ marginTop: 12 }}
        items={[
          { key: 'reason', label: t('audit.reason'), children: entry.reason ?? '—' },
          { key: 'request', label: t('audit.requestId'), children: entry.request_id ?? '—' },
          { key: 'region', label: t('audit.region'), children: entry.mof_div_code ?? '—' },
          { key: 'hash', label: t('audit.hash'), children: <span className="pb-hash">{entry.hash}</span> },
        ]}
      />
    </div>
  );
}
