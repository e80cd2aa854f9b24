import { Alert, Button } from 'antd';
import { SafetyCertificateOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useVerifyChain } from './audit-api.ts';

/** Recompute the hash chain on the server and show whether the log is intact. */
export function VerifyChainPanel() {
  const { t } = useTranslation();
  const verify = useVerifyChain();
  const r = verify.data;
  return (
    <div style={{ marginBottom: 16 }}>
      <Button
        type="primary"
        ghost
        icon={<SafetyCertificateOutlined />}
        loading={verify.isPending}
        onClick={() => verify.mutate()}
      >
        {t('audit.verify')}
      </Button>
      {verify.isError ? (
        <Alert type="error" showIcon style={{ marginTop: 12 }} title={verify.error.message} />
      ) : null}
      {r === undefined ? null : r.ok ? (
        <Alert
          type="success"
          showIcon
          closable={{ onClose: () => verify.reset() }}
          style={{ marginTop: 12 }}
          title={t('audit.chainOk', { count: r.count })}
          description={
            <span className="pb-hash">
              {t('audit.headHash')}: {r.head_hash ?? '—'}
            </span>
          }
        />
      ) : (
        <Alert
          type="error"
          showIcon
          closable={{ onClose: () => verify.reset() }}
          style={{ marginTop: 12 }}
          title={t('audit.chainBroken', { seq: r.first_broken_seq ?? '—' })}
          description={`${t('audit.brokenReason')}: ${r.reason ?? '—'} · ${t('audit.checkedCount', { count: r.count })}`}
        />
      )}
    </div>
  );
}
