import { useState } from 'react';
import { Alert, App, Button, Card, Col, Flex, Input, List, Radio, Row, Space, Typography } from 'antd';
import {
  CheckOutlined,
  CloseOutlined,
  DeleteOutlined,
  RiseOutlined,
  RollbackOutlined,
  SafetyCertificateOutlined,
} from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { TReviewRequest, TTargetView } from '../../../../contracts/targets.ts';
import {
  gradeConsequence,
  REVIEW_DIMENSIONS,
  REVIEW_GRADES,
  type ReviewDimension,
  type ReviewGrade,
} from '../../../../domain/targets/workflow.ts';
import { COLORS } from '../../app/theme.ts';
import { describeError } from '../../components/server-errors.ts';
import { FieldLabel } from './field-parts.tsx';
import { actionForGrade } from './target-model.ts';

type Decision = 'APPROVE' | 'RETURN' | 'REJECT';

const CONSEQUENCE_LOOK = {
  APPROVE: { type: 'success', color: COLORS.green },
  APPROVE_WITH_FIXES: { type: 'info', color: COLORS.blue },
  RETURN: { type: 'warning', color: COLORS.yellow },
  REJECT: { type: 'error', color: COLORS.red },
} as const;

/** The consequence of an overall grade in words (优 通过；良 通过并整改；中 退回；差 不予通过). */
export function GradeConsequence({ grade }: { grade: ReviewGrade }) {
  const { t } = useTranslation();
  const c = gradeConsequence(grade);
  return (
    <Alert
      type={CONSEQUENCE_LOOK[c].type}
      showIcon
      title={t(`targets.review.consequence.${c}`)}
      style={{ marginTop: 12 }}
    />
  );
}

/**
 * The reviewer's panel at the current step: an overall comment, the indicator comments written on
 * the rows, and approve / return (/ reject). At the finance section a grading form (完整性 相关性
 * 适当性 可行性 and the overall grade) decides the outcome, shown before confirming.
 */
export function ReviewPanel({
  view,
  flagCount,
  comments,
  setComment,
  onReview,
}: {
  view: TTargetView;
  flagCount: number;
  comments: ReadonlyMap<string, string>;
  setComment: (name: string, comment: string | null) => void;
  onReview: (body: TReviewRequest) => Promise<void>;
}) {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const grading = view.allowed_actions.includes('grade');
  const canReject = view.allowed_actions.includes('reject');
  const [comment, setCommentText] = useState('');
  const [grades, setGrades] = useState<Partial<Record<ReviewDimension, ReviewGrade>>>({});
  const [grade, setGrade] = useState<ReviewGrade | undefined>(undefined);
  const [fixes, setFixes] = useState('');
  const [tried, setTried] = useState<Decision | 'GRADE' | null>(null);
  const [busy, setBusy] = useState(false);

  const commentMissing = comment.trim() === '';
  const gradesMissing = REVIEW_DIMENSIONS.some((d) => grades[d] === undefined) || grade === undefined;
  const fixesMissing = grade === 'GOOD' && fixes.trim() === '';

  const indicatorComments = [...comments].map(([kpi_lv3, c]) => ({ kpi_lv3, comment: c }));

  const send = (decision: Decision) => {
    const body: TReviewRequest = {
      row_version: view.row_version,
      action: decision,
      comment: commentMissing ? null : comment.trim(),
      indicator_comments: indicatorComments,
      ...(grading && grade !== undefined
        ? { grades, grade, fixes: fixes.trim() === '' ? null : fixes.trim() }
        : {}),
    };
    const title =
      grading && grade !== undefined
        ? t('targets.review.confirmGradeTitle', { grade: t(`grades.${grade}`) })
        : t(
            `targets.review.${decision === 'APPROVE' ? 'approve' : decision === 'RETURN' ? 'return' : 'reject'}`,
          );
    const content =
      grading && grade !== undefined
        ? t(`targets.review.consequence.${gradeConsequence(grade)}`)
        : t(
            `targets.review.${decision === 'APPROVE' ? 'confirmApprove' : decision === 'RETURN' ? 'confirmReturn' : 'confirmReject'}`,
          );
    modal.confirm({
      title,
      content,
      okText: t('targets.review.confirmGrade'),
      cancelText: t('common.cancel'),
      okButtonProps: { danger: decision === 'REJECT' },
      onOk: async () => {
        setBusy(true);
        try {
          await onReview(body);
          message.success(t('targets.review.done'));
        } catch (e) {
          message.error(describeError(e));
        } finally {
          setBusy(false);
        }
      },
    });
  };

  const decide = (decision: Decision) => {
    setTried(decision);
    if (decision !== 'APPROVE' && commentMissing) return;
    send(decision);
  };

  const confirmGrade = () => {
    setTried('GRADE');
    if (gradesMissing || grade === undefined || fixesMissing) return;
    const decision = actionForGrade(grade);
    if (decision !== 'APPROVE' && commentMissing) return;
    send(decision);
  };

  const needComment =
    (tried === 'RETURN' ||
      tried === 'REJECT' ||
      (tried === 'GRADE' && grade !== undefined && actionForGrade(grade) !== 'APPROVE')) &&
    commentMissing;

  return (
    <Card
      id="tgt-review-panel"
      title={
        <Space>
          <SafetyCertificateOutlined style={{ color: COLORS.blue }} />
          {view.step
            ? t('targets.review.titleAt', { step: t(`targets.step.${view.step}`) })
            : t('targets.review.title')}
        </Space>
      }
      style={{ marginTop: 16, borderColor: '#91caff' }}
    >
      {flagCount > 0 ? (
        <Alert
          type="warning"
          showIcon
          icon={<RiseOutlined />}
          title={t('targets.review.seeFlags', { count: flagCount })}
          style={{ marginBottom: 16 }}
        />
      ) : null}
      <Row gutter={[24, 16]}>
        <Col xs={24} xl={grading ? 12 : 24}>
          <div className="pb-tgt-dlabel">
            <FieldLabel label={t('targets.review.comment')} />
          </div>
          <Input.TextArea
            value={comment}
            onChange={(e) => setCommentText(e.target.value)}
            maxLength={4000}
            autoSize={{ minRows: 3, maxRows: 8 }}
            placeholder={t('targets.review.commentPlaceholder')}
            status={needComment ? 'error' : undefined}
          />
          {needComment ? (
            <Typography.Text style={{ color: COLORS.red, fontSize: 12 }}>
              {t('targets.review.commentRequired')}
            </Typography.Text>
          ) : null}
          <div className="pb-tgt-dlabel" style={{ marginTop: 16 }}>
            {t('targets.review.indicatorComments', { count: indicatorComments.length })}
          </div>
          {indicatorComments.length === 0 ? (
            <Typography.Text type="secondary" style={{ fontSize: 13 }}>
              {t('targets.review.indicatorCommentsHint')}
            </Typography.Text>
          ) : (
            <List
              size="small"
              bordered
              dataSource={indicatorComments}
              renderItem={(c) => (
                <List.Item
                  actions={[
                    <Button
                      key="remove"
                      type="text"
                      size="small"
                      danger
                      icon={<DeleteOutlined />}
                      aria-label={t('targets.review.commentRemove')}
                      onClick={() => setComment(c.kpi_lv3, null)}
                    />,
                  ]}
                >
                  <Typography.Text strong>{c.kpi_lv3}</Typography.Text>
                  {t('targets.colon')}
                  {c.comment}
                </List.Item>
              )}
            />
          )}
        </Col>
        {grading ? (
          <Col xs={24} xl={12}>
            <Typography.Text strong>{t('targets.review.grading')}</Typography.Text>
            <Typography.Paragraph type="secondary" style={{ fontSize: 13, margin: '2px 0 10px' }}>
              {t('targets.review.gradingHint')}
            </Typography.Paragraph>
            <div className="pb-tgt-grades">
              {REVIEW_DIMENSIONS.map((d) => (
                <Flex key={d} align="center" justify="space-between" gap={12} style={{ marginBottom: 8 }}>
                  <FieldLabel
                    label={t(`targets.review.dimension.${d}`)}
                    help={t(`targets.review.dimensionHelp.${d}`)}
                    required
                  />
                  <Radio.Group
                    optionType="button"
                    size="small"
                    value={grades[d]}
                    onChange={(e) => setGrades((g) => ({ ...g, [d]: e.target.value as ReviewGrade }))}
                    options={REVIEW_GRADES.map((g) => ({ value: g, label: t(`grades.${g}`) }))}
                    aria-label={t(`targets.review.dimension.${d}`)}
                  />
                </Flex>
              ))}
              <Flex align="center" justify="space-between" gap={12} style={{ marginTop: 12 }}>
                <FieldLabel label={<strong>{t('targets.review.overall')}</strong>} required />
                <Radio.Group
                  optionType="button"
                  buttonStyle="solid"
                  value={grade}
                  onChange={(e) => setGrade(e.target.value as ReviewGrade)}
                  options={REVIEW_GRADES.map((g) => ({ value: g, label: t(`grades.${g}`) }))}
                  aria-label={t('targets.review.overall')}
                />
              </Flex>
              {tried === 'GRADE' && gradesMissing ? (
                <Typography.Text style={{ color: COLORS.red, fontSize: 12 }}>
                  {t('targets.review.gradeRequired')}
                </Typography.Text>
              ) : null}
              {grade !== undefined ? <GradeConsequence grade={grade} /> : null}
              {grade === 'GOOD' ? (
                <div style={{ marginTop: 12 }}>
                  <div className="pb-tgt-dlabel">
                    <FieldLabel label={t('targets.review.fixes')} required />
                  </div>
                  <Input.TextArea
                    value={fixes}
                    onChange={(e) => setFixes(e.target.value)}
                    maxLength={4000}
                    autoSize={{ minRows: 3, maxRows: 8 }}
                    placeholder={t('targets.review.fixesPlaceholder')}
                    status={tried === 'GRADE' && fixesMissing ? 'error' : undefined}
                  />
                  {tried === 'GRADE' && fixesMissing ? (
                    <Typography.Text style={{ color: COLORS.red, fontSize: 12 }}>
                      {t('targets.review.fixesRequired')}
                    </Typography.Text>
                  ) : null}
                </div>
              ) : null}
            </div>
          </Col>
        ) : null}
      </Row>
      <Flex justify="flex-end" gap={8} style={{ marginTop: 20 }} wrap>
        {grading ? (
          <Button type="primary" icon={<CheckOutlined />} loading={busy} onClick={confirmGrade}>
            {t('targets.review.confirmGrade')}
          </Button>
        ) : (
          <>
            {canReject ? (
              <Button danger icon={<CloseOutlined />} loading={busy} onClick={() => decide('REJECT')}>
                {t('targets.review.reject')}
              </Button>
            ) : null}
            <Button icon={<RollbackOutlined />} loading={busy} onClick={() => decide('RETURN')}>
              {t('targets.review.return')}
            </Button>
            <Button type="primary" icon={<CheckOutlined />} loading={busy} onClick={() => decide('APPROVE')}>
              {t('targets.review.approve')}
            </Button>
          </>
        )}
      </Flex>
    </Card>
  );
}
