import { useState } from 'react';
import { Alert, Input, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { COLORS } from '../../app/theme.ts';
import { FieldLabel } from './field-parts.tsx';

/** Ask for the reason of an unlock or an adjustment (2–2000 characters), then run it. */
export function ReasonModal({
  open,
  kind,
  onCancel,
  onConfirm,
}: {
  open: boolean;
  kind: 'unlock' | 'adjust';
  onCancel: () => void;
  onConfirm: (reason: string) => Promise<void>;
}) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);
  const invalid = reason.trim().length < 2;
  return (
    <Modal
      open={open}
      title={t(`targets.${kind}.title`)}
      okText={t(`targets.${kind}.button`)}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      destroyOnHidden
      afterClose={() => {
        setReason('');
        setTried(false);
      }}
      onCancel={onCancel}
      onOk={() => {
        setTried(true);
        if (invalid) return;
        setBusy(true);
        void onConfirm(reason.trim()).finally(() => setBusy(false));
      }}
    >
      <Alert type="info" showIcon title={t(`targets.${kind}.text`)} style={{ marginBottom: 16 }} />
      <div className="pb-tgt-dlabel">
        <FieldLabel label={t(`targets.${kind}.reason`)} required />
      </div>
      <Input.TextArea
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        maxLength={2000}
        autoSize={{ minRows: 3, maxRows: 8 }}
        placeholder={t(`targets.${kind}.reasonPlaceholder`)}
        status={tried && invalid ? 'error' : undefined}
        autoFocus
      />
      {tried && invalid ? (
        <Typography.Text style={{ color: COLORS.red, fontSize: 12 }}>
          {t('targets.unlock.reasonRequired')}
        </Typography.Text>
      ) : null}
    </Modal>
  );
}
