import { useState } from 'react';
import { Alert, App, Button, Card, Flex, Input, Radio, Space, Timeline, Typography } from 'antd';
import { SafetyCertificateOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { DISPOSITION_KINDS, type TDisposition, type TReportView } from '../../../../contracts/monitoring.ts';
import { COLORS } from '../../app/theme.ts';
import { describeError } from '../../components/server-errors.ts';
import { formatDateTime } from '../../lib/dates.ts';
import { ApiError } from '../../lib/api-client.ts';
import { DispositionTag } from './monitoring-tags.tsx';

type Kind = TDisposition['kind'];

/**
 * Finance's disposition of a RED project (domain.md §5): continue, adjust the target, suspend
 * funds (暂缓拨款) or stop and recover (停止并收回), always with a reason. Suspending and stopping
 * change the project's funds status, shown on the project everywhere after.
 */
export function DispositionPanel({
  view,
  onDispose,
}: {
  view: TReportView;
  onDispose: (kind: Kind, reason: string) => Promise<void>;
}) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const [kind, setKind] = useState<Kind | null>(null);
  const [reason, setReason] = useState('');
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const reasonOk = reason.trim().length >= 2;
  const grave = kind === 'SUSPEND_FUNDS' || kind === 'STOP_RECOVER';

  const send = async () => {
    if (kind === null || !reasonOk) return;
    setSending(true);
    setError(null);
    try {
      await onDispose(kind, reason.trim());
      message.success(t('monitoring.disposition.done', { kind: t(`monitoring.disposition.kind.${kind}`) }));
      setKind(null);
      setReason('');
    } catch (e) {
      setError(
        e instanceof ApiError && e.code === 'MONITORING.NOT_RED'
          ? t('monitoring.disposition.notRed')
          : describeError(e),
      );
    } finally {
      setSending(false);
    }
  };

  const confirm = () => {
    if (kind === null) return;
    if (!grave) {
      void send();
      return;
    }
    modal.confirm({
      title: t('monitoring.disposition.confirmTitle', { kind: t(`monitoring.disposition.kind.${kind}`) }),
      content: t('monitoring.disposition.confirmText', { project: view.project.pro_name }),
      okText: t('monitoring.disposition.record'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: () => send(),
    });
  };

  return (
    <Card
      id="mon-disposition"
      size="small"
      style={{ marginTop: 16, borderColor: `${COLORS.red}55` }}
      title={
        <Space>
          <SafetyCertificateOutlined style={{ color: COLORS.red }} />
          {t('monitoring.disposition.title')}
        </Space>
      }
    >
      <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
        {t('monitoring.disposition.intro')}
      </Typography.Paragraph>
      {error === null ? null : <Alert type="error" showIcon style={{ marginBottom: 12 }} title={error} />}
      <Radio.Group
        value={kind}
        onChange={(e) => setKind(e.target.value as Kind)}
        aria-label={t('monitoring.disposition.kindLabel')}
      >
        <Flex vertical gap={8}>
          {DISPOSITION_KINDS.map((k) => (
            <Radio key={k} value={k}>
              <Typography.Text strong>{t(`monitoring.disposition.kind.${k}`)}</Typography.Text>
              <Typography.Text type="secondary" style={{ marginInlineStart: 8, fontSize: 13 }}>
                {t(`monitoring.disposition.hint.${k}`)}
              </Typography.Text>
            </Radio>
          ))}
        </Flex>
      </Radio.Group>
      <div style={{ marginTop: 12 }}>
        <Typography.Text>
          <span style={{ color: COLORS.red }}>* </span>
          {t('monitoring.disposition.reason')}
        </Typography.Text>
        <Input.TextArea
          aria-label={t('monitoring.disposition.reason')}
          value={reason}
          maxLength={2000}
          showCount
          autoSize={{ minRows: 3, maxRows: 8 }}
          placeholder={t('monitoring.disposition.reasonPlaceholder')}
          onChange={(e) => setReason(e.target.value)}
          style={{ marginTop: 6 }}
        />
        {reason !== '' && !reasonOk ? (
          <Typography.Text style={{ color: COLORS.red, fontSize: 12 }}>
            {t('monitoring.disposition.reasonShort')}
          </Typography.Text>
        ) : null}
      </div>
      <Flex justify="flex-end" style={{ marginTop: 12 }}>
        <Button
          type="primary"
          danger={grave}
          disabled={kind === null || !reasonOk}
          loading={sending}
          onClick={confirm}
        >
          {t('monitoring.disposition.record')}
        </Button>
      </Flex>
    </Card>
  );
}

/** The dispositions of a project, newest first. */
export function DispositionList({
  items,
  showRound = false,
}: {
  items: readonly TDisposition[];
  showRound?: boolean;
}) {
  const { t } = useTranslation();
  if (items.length === 0) return null;
  const sorted = [...items].sort((a, b) => b.at.localeCompare(a.at));
  return (
    <Timeline
      style={{ marginTop: 8 }}
      items={sorted.map((d) => ({
        key: d.id,
        color:
          d.kind === 'SUSPEND_FUNDS' || d.kind === 'STOP_RECOVER'
            ? COLORS.red
            : d.kind === 'CONTINUE'
              ? COLORS.green
              : COLORS.blue,
        content: (
          <Flex vertical gap={2}>
            <Space size={8} wrap>
              <DispositionTag kind={d.kind} />
              <Typography.Text type="secondary" className="pb-num" style={{ fontSize: 12 }}>
                {formatDateTime(d.at)}
              </Typography.Text>
              {d.actor_name === null ? null : (
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {d.actor_name}
                </Typography.Text>
              )}
            </Space>
            {showRound ? (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {d.round_title}
              </Typography.Text>
            ) : null}
            <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>
              {t('monitoring.disposition.reason')}
              {t('monitoring.colon')}
              {d.reason}
            </Typography.Paragraph>
          </Flex>
        ),
      }))}
    />
  );
}
