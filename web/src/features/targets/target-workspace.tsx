import { useState } from 'react';
import { Alert, App, Button, Flex, Segmented, Skeleton, Space, Typography } from 'antd';
import { AuditOutlined, EditOutlined, LockFilled, UnlockOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { TSaveTarget, TTargetView } from '../../../../contracts/targets.ts';
import { ErrorResult } from '../../components/error-result.tsx';
import { NotFoundPage } from '../../components/not-found-page.tsx';
import { describeError } from '../../components/server-errors.ts';
import { ApiError } from '../../lib/api-client.ts';
import type { EditorMode } from './editor-context.ts';
import { ReasonModal } from './reason-modal.tsx';
import { ReviewNotices } from './review-notices.tsx';
import { ReviewPanel } from './review-panel.tsx';
import { ReviewTimeline } from './review-timeline.tsx';
import { TargetEditor } from './target-editor.tsx';
import { commentsByName, latestReturn } from './target-model.ts';
import { TargetStatusTag } from './target-status-tag.tsx';
import {
  saveTarget,
  targetKey,
  useEffectivePolicy,
  useTargetAction,
  useTargetView,
  type TargetSubjectRef,
} from './targets-api.ts';
import { VersionHistory } from './version-history.tsx';

type Part = 'content' | 'reviews' | 'versions';

function modeOf(view: TTargetView): EditorMode {
  if (view.allowed_actions.includes('edit')) return 'edit';
  if (view.allowed_actions.includes('approve') || view.allowed_actions.includes('return')) return 'review';
  return 'read';
}

const NO_COMMENTS: ReadonlyMap<string, readonly string[]> = new Map();

function Workspace({
  view,
  subject,
  reload,
  withAmount,
}: {
  view: TTargetView;
  subject: TargetSubjectRef;
  reload: () => Promise<unknown>;
  withAmount: boolean;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const policy = useEffectivePolicy(view.subject.mof_div_code, view.subject.fiscal_year);
  const action = useTargetAction(subject);
  const [epoch, setEpoch] = useState(0);
  const [part, setPart] = useState<Part>('content');
  const [comments, setComments] = useState<ReadonlyMap<string, string>>(new Map());
  const [reasonKind, setReasonKind] = useState<'unlock' | 'adjust' | null>(null);
  const mode = modeOf(view);
  const latest = latestReturn(view.reviews);
  const returned =
    view.status === 'RETURNED' || view.status === 'REJECTED' ? commentsByName(latest) : NO_COMMENTS;

  /** The id after the latest save (a proposed target gets one on its first save). */
  const currentId = () => queryClient.getQueryData<TTargetView>(targetKey(subject))?.id ?? view.id;

  const run = async (write: Parameters<typeof action.mutateAsync>[0]['write']) => {
    const id = currentId();
    if (id === null) return;
    await action.mutateAsync({ id, write });
    setComments(new Map());
    setEpoch((e) => e + 1);
  };

  const setComment = (name: string, comment: string | null) =>
    setComments((m) => {
      const next = new Map(m);
      if (comment === null) next.delete(name);
      else next.set(name, comment);
      return next;
    });

  if (policy.isPending) return <Skeleton active paragraph={{ rows: 8 }} />;

  return (
    <>
      <Flex justify="space-between" align="center" gap={12} wrap style={{ marginBottom: 16 }}>
        <Segmented<Part>
          value={part}
          onChange={setPart}
          options={[
            { value: 'content', label: t('targets.view.content') },
            { value: 'reviews', label: t('targets.view.reviews', { count: view.reviews.length }) },
            { value: 'versions', label: t('targets.view.versions', { count: view.versions.length }) },
          ]}
        />
        <Space size={12} wrap>
          <TargetStatusTag view={view} />
          {view.id !== null ? (
            <Typography.Text type="secondary">
              {t('targets.history.version', { n: view.current_version })}
            </Typography.Text>
          ) : null}
          {view.allowed_actions.includes('unlock') ? (
            <Button icon={<UnlockOutlined />} onClick={() => setReasonKind('unlock')}>
              {t('targets.unlock.button')}
            </Button>
          ) : null}
          {view.allowed_actions.includes('adjust') ? (
            <Button icon={<EditOutlined />} onClick={() => setReasonKind('adjust')}>
              {t('targets.adjust.button')}
            </Button>
          ) : null}
        </Space>
      </Flex>
      {policy.isError ? (
        <Alert type="warning" showIcon style={{ marginBottom: 16 }} title={t('targets.loadPolicyFailed')} />
      ) : null}
      {part === 'content' ? (
        <>
          {view.locked ? (
            <Alert
              type="success"
              showIcon
              icon={<LockFilled />}
              style={{ marginBottom: 16 }}
              title={t('targets.lockedHint')}
            />
          ) : null}
          <ReviewNotices view={view} latest={latest} />
          <TargetEditor
            key={`${String(view.current_version)}:${String(epoch)}`}
            view={view}
            draft={view.version.draft}
            storedFlags={view.version.flags}
            policy={policy.policy}
            mode={mode}
            save={(body: TSaveTarget) => saveTarget(subject, body)}
            onSaved={(v) => queryClient.setQueryData(targetKey(subject), v)}
            onSubmit={(rowVersion) => run({ kind: 'submit', row_version: rowVersion })}
            onReload={() => {
              void reload().then(() => setEpoch((e) => e + 1));
            }}
            withAmount={withAmount}
            draftComments={comments}
            setDraftComment={setComment}
            returnedComments={returned}
            summaryExtra={
              mode === 'review' ? (
                <Button
                  type="primary"
                  icon={<AuditOutlined />}
                  onClick={() =>
                    document
                      .getElementById('tgt-review-panel')
                      ?.scrollIntoView({ behavior: 'smooth', block: 'start' })
                  }
                >
                  {t('targets.review.title')}
                </Button>
              ) : undefined
            }
          />
          {mode === 'review' ? (
            <ReviewPanel
              key={`review:${String(epoch)}`}
              view={view}
              flagCount={view.version.flags.length}
              comments={comments}
              setComment={setComment}
              onReview={(body) => run({ kind: 'review', body })}
            />
          ) : null}
        </>
      ) : null}
      {part === 'reviews' ? <ReviewTimeline reviews={view.reviews} /> : null}
      {part === 'versions' ? (
        <VersionHistory
          key={`${String(view.current_version)}:${String(epoch)}`}
          view={view}
          policy={policy.policy}
        />
      ) : null}
      <ReasonModal
        open={reasonKind !== null}
        kind={reasonKind ?? 'unlock'}
        onCancel={() => setReasonKind(null)}
        onConfirm={async (reason) => {
          if (reasonKind === null) return;
          try {
            await run({ kind: reasonKind, row_version: view.row_version, reason });
            message.success(t(`targets.${reasonKind}.done`));
            setReasonKind(null);
          } catch (e) {
            message.error(describeError(e));
          }
        }}
      />
    </>
  );
}

/**
 * Everything about one target in one place: the editor (or the read-only target with the review
 * panel for the reviewer at the current step), the review history and the versions with diffs,
 * and the unlock / adjust actions where allowed.
 */
export function TargetWorkspace({
  subject,
  withAmount = false,
}: {
  subject: TargetSubjectRef;
  withAmount?: boolean;
}) {
  const { t } = useTranslation();
  const q = useTargetView(subject);
  if (q.isPending) return <Skeleton active paragraph={{ rows: 10 }} />;
  if (q.isError) {
    if (q.error instanceof ApiError && q.error.status === 404) {
      return <NotFoundPage title={t('common.notFoundTitle')} text={describeError(q.error)} />;
    }
    return <ErrorResult error={q.error} onRetry={() => void q.refetch()} />;
  }
  return <Workspace view={q.data} subject={subject} reload={() => q.refetch()} withAmount={withAmount} />;
}
