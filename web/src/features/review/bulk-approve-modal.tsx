import { useState } from 'react';
import { Alert, Button, Flex, Form, Input, List, Modal, Progress, Typography } from 'antd';
import { CheckCircleFilled, CloseCircleFilled } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { TTargetListItem } from '../../../../contracts/targets.ts';
import { COLORS } from '../../app/theme.ts';
import { describeError } from '../../components/server-errors.ts';
import { NotApprovableError, runBulkApprove, type BulkResult } from './bulk-approve.ts';
import { fetchTargetView, postReview, TARGET_LIST_KEY } from './review-api.ts';

type Phase = 'confirm' | 'running' | 'done';

/**
 * Approve the chosen targets (all at one step) with one comment: progress while it runs, then
 * the list of what was approved and what failed, with the reason.
 */
export function BulkApproveModal({
  items,
  onClose,
}: {
  items: TTargetListItem[];
  /** `changed` when at least one target was handled (the selection is then stale). */
  onClose: (changed: boolean) => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<{ comment: string }>();
  const [phase, setPhase] = useState<Phase>('confirm');
  const [results, setResults] = useState<BulkResult[]>([]);
  const step = items[0]?.step ?? null;

  const start = async () => {
    const { comment } = await form.validateFields();
    setPhase('running');
    await runBulkApprove(
      items,
      comment.trim(),
      { fetchView: fetchTargetView, review: postReview },
      setResults,
    );
    setPhase('done');
    await queryClient.invalidateQueries({ queryKey: [TARGET_LIST_KEY] });
    await queryClient.invalidateQueries({ queryKey: ['workbench'] });
  };

  const ok = results.filter((r) => r.ok).length;
  const failed = results.length - ok;
  const outcome = (r: BulkResult): string => {
    if (!r.ok) {
      return r.error instanceof NotApprovableError ? t('review.bulk.notAllowed') : describeError(r.error);
    }
    if (r.view.status === 'SUBMITTED' && r.view.step !== null) {
      return t('review.bulk.nextStep', { step: t(`review.stepName.${r.view.step}`) });
    }
    return t('review.bulk.approvedFinal');
  };

  const footer =
    phase === 'confirm'
      ? [
          <Button key="cancel" onClick={() => onClose(false)}>
            {t('common.cancel')}
          </Button>,
          <Button key="ok" type="primary" onClick={() => void start().catch(() => undefined)}>
            {t('review.bulk.start')}
          </Button>,
        ]
      : [
          <Button key="close" type="primary" disabled={phase === 'running'} onClick={() => onClose(ok > 0)}>
            {t('review.bulk.close')}
          </Button>,
        ];

  return (
    <Modal
      open
      width={640}
      title={t('review.bulk.title')}
      closable={phase !== 'running'}
      maskClosable={false}
      keyboard={phase !== 'running'}
      onCancel={() => onClose(ok > 0)}
      footer={footer}
      destroyOnHidden
    >
      {phase === 'confirm' ? (
        <>
          <Typography.Paragraph>
            {t('review.bulk.intro', {
              count: items.length,
              step: step === null ? '' : t(`review.step.${step}`),
            })}
          </Typography.Paragraph>
          <List
            size="small"
            bordered
            style={{ maxHeight: 220, overflow: 'auto', marginBottom: 16 }}
            dataSource={items}
            renderItem={(item) => (
              <List.Item>
                <Typography.Text ellipsis>
                  <span className="pb-num">{item.pro_code ?? item.dept_code}</span> {item.name}
                </Typography.Text>
              </List.Item>
            )}
          />
          <Form form={form} layout="vertical" initialValues={{ comment: t('review.bulk.defaultComment') }}>
            <Form.Item
              name="comment"
              label={t('review.bulk.comment')}
              rules={[
                { required: true, whitespace: true, message: t('review.bulk.commentRequired') },
                { max: 4000 },
              ]}
            >
              <Input.TextArea
                rows={3}
                maxLength={4000}
                showCount
                placeholder={t('review.bulk.commentPlaceholder')}
              />
            </Form.Item>
          </Form>
        </>
      ) : (
        <>
          <Progress
            percent={Math.round((results.length * 100) / Math.max(items.length, 1))}
            status={phase === 'running' ? 'active' : failed > 0 ? 'exception' : 'success'}
          />
          <Alert
            style={{ margin: '12px 0' }}
            type={phase === 'running' ? 'info' : failed > 0 ? 'warning' : 'success'}
            showIcon
            title={
              phase === 'running'
                ? t('review.bulk.running', { done: results.length, total: items.length })
                : t('review.bulk.finished', { ok, failed })
            }
          />
          <List
            size="small"
            bordered
            style={{ maxHeight: 320, overflow: 'auto' }}
            dataSource={results}
            renderItem={(r) => (
              <List.Item>
                <Flex vertical style={{ width: '100%' }}>
                  <Typography.Text ellipsis>
                    {r.ok ? (
                      <CheckCircleFilled style={{ color: COLORS.green }} />
                    ) : (
                      <CloseCircleFilled style={{ color: COLORS.red }} />
                    )}{' '}
                    <Typography.Text strong>
                      {r.ok ? t('review.bulk.succeeded') : t('review.bulk.failed')}
                    </Typography.Text>{' '}
                    <span className="pb-num">{r.item.pro_code ?? r.item.dept_code}</span> {r.item.name}
                  </Typography.Text>
                  <Typography.Text type={r.ok ? 'secondary' : 'danger'} style={{ fontSize: 12 }}>
                    {outcome(r)}
                  </Typography.Text>
                </Flex>
              </List.Item>
            )}
          />
        </>
      )}
    </Modal>
  );
}
