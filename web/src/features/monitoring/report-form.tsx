import { useEffect, useMemo, useState } from 'react';
import { Alert, App, Button, Card, Flex, Input, Space, Tag, Tooltip, Typography } from 'antd';
import {
  CheckCircleFilled,
  CloseCircleFilled,
  CloudSyncOutlined,
  EditOutlined,
  ExclamationCircleFilled,
  LoadingOutlined,
  ReloadOutlined,
  SaveOutlined,
  SendOutlined,
  WalletOutlined,
} from '@ant-design/icons';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { TReportView } from '../../../../contracts/monitoring.ts';
import type { Lang } from '../../../../contracts/issues.ts';
import type { ShownLight } from '../../../../domain/monitoring/lights.ts';
import type { TPolicy } from '../../../../domain/policy/policy.ts';
import { COLORS } from '../../app/theme.ts';
import { MoneyText } from '../../components/money-text.tsx';
import { describeError } from '../../components/server-errors.ts';
import { useLeaveWarning } from '../../components/use-leave-warning.ts';
import { ApiError } from '../../lib/api-client.ts';
import { FieldIssues, FieldLabel, IssueList, statusOf } from './form-parts.tsx';
import type { TSaveReport } from './monitoring-api.ts';
import {
  alignDraft,
  computeLive,
  fieldDomId,
  fieldKey,
  issuesByField,
  serverIssuesOf,
  shownIssue,
  wanInputToYuan,
  yuanToWanInput,
  type FieldRef,
  type ShownIssue,
} from './monitoring-model.ts';
import { LightValue } from './monitoring-tags.tsx';
import { DETAIL_FIELDS, IndicatorTable } from './report-indicators.tsx';
import { useReportAutosave, useReportDraft, isConflict, type RoundMoneyField } from './use-report-draft.ts';

export interface ReportFormProps {
  view: TReportView;
  policy: TPolicy;
  edit: boolean;
  save: (body: TSaveReport) => Promise<TReportView>;
  onSaved: (view: TReportView) => void;
  onSubmit: (rowVersion: number) => Promise<void>;
  onReload: () => void;
}

const MONEY_FIELDS: readonly RoundMoneyField[] = ['executed', 'forecast_executed', 'planned_executed'];

/** A required value not entered yet (as opposed to a value entered wrong). */
function isMissing(i: ShownIssue): boolean {
  return i.code === 'MONITORING.ACTUAL_REQUIRED' || i.code === 'FIELD.REQUIRED';
}

function SaveState({
  phase,
  dirty,
  held,
  savedAt,
  onRetry,
}: {
  phase: string;
  dirty: boolean;
  /** Autosave waits for a value typed wrong to be corrected. */
  held: boolean;
  savedAt: Date | null;
  onRetry: () => void;
}) {
  const { t } = useTranslation();
  if (held && dirty && phase !== 'saving')
    return (
      <Typography.Text style={{ color: COLORS.yellow }}>
        <CloudSyncOutlined /> {t('monitoring.save.held')}
      </Typography.Text>
    );
  if (phase === 'saving')
    return (
      <Typography.Text type="secondary">
        <LoadingOutlined /> {t('monitoring.save.saving')}
      </Typography.Text>
    );
  if (phase === 'error')
    return (
      <Space size={4}>
        <Typography.Text style={{ color: COLORS.red }}>
          <CloseCircleFilled /> {t('monitoring.save.failed')}
        </Typography.Text>
        <Button size="small" type="link" onClick={onRetry}>
          {t('monitoring.save.retry')}
        </Button>
      </Space>
    );
  if (dirty)
    return (
      <Typography.Text style={{ color: COLORS.yellow }}>
        <CloudSyncOutlined /> {t('monitoring.save.unsaved')}
      </Typography.Text>
    );
  return (
    <Typography.Text type="secondary">
      <CheckCircleFilled style={{ color: COLORS.green }} />{' '}
      {savedAt === null
        ? t('monitoring.save.savedClean')
        : t('monitoring.save.savedAt', { time: dayjs(savedAt).format('HH:mm') })}
    </Typography.Text>
  );
}

/**
 * The unit's monitoring report (运行监控填报): the execution (from the payment records, or typed
 * and marked as such), one row per indicator of the approved target, and the live lights of every
 * row, of the execution, the target and the project — computed in the browser by the rule the
 * server uses. Autosaved; submitted once no error is left.
 */
export function ReportForm({ view, policy, edit, save, onSaved, onSubmit, onReload }: ReportFormProps) {
  const { t, i18n } = useTranslation();
  const { message, modal } = App.useApp();
  const lang: Lang = i18n.language === 'en-US' ? 'en-US' : 'zh-CN';
  const [draft, dispatch] = useReportDraft(alignDraft(view));
  const names = useMemo(() => view.indicators.map((i) => i.kpi_lv3), [view.indicators]);
  const [moneyText, setMoneyText] = useState<Record<RoundMoneyField, string>>(() => ({
    executed: yuanToWanInput(draft.executed),
    forecast_executed: yuanToWanInput(draft.forecast_executed),
    planned_executed: yuanToWanInput(draft.planned_executed),
  }));
  const fromPayments = view.paid_to_date !== null;

  // Live lights while editing; the stored ones otherwise (the server's, from the saved draft).
  const live = useMemo(() => (edit ? computeLive(view, draft, policy) : null), [edit, view, draft, policy]);
  const rowLights: (ShownLight | null)[] = useMemo(
    () =>
      live?.rows ??
      view.indicators.map((i) => (i.light === null ? null : { light: i.light, value: i.value })),
    [live, view.indicators],
  );
  const execution = live ? live.execution : view.execution;
  const targetL = live ? live.target : view.target_light;
  const projectL = live ? live.project : view.project_light;

  const [serverIssues, setServerIssues] = useState<{ json: string; issues: ShownIssue[] } | null>(null);
  const json = JSON.stringify(draft);
  const shown = useMemo(() => {
    if (!edit) return [];
    const local = (live?.issues ?? []).map((i) => shownIssue(i, lang, names));
    for (const f of MONEY_FIELDS) {
      if (f === 'executed' && fromPayments) continue;
      if (!wanInputToYuan(moneyText[f]).ok) {
        local.unshift({
          path: f,
          code: 'FIELD.TYPE',
          level: 'error',
          message: `${t(`monitoring.report.${f}`)}${t('monitoring.colon')}${t('monitoring.report.wanInvalid')}`,
          inline: t('monitoring.report.wanInvalid'),
          ref: { kind: 'round', field: f },
        });
      }
    }
    const server = serverIssues !== null && serverIssues.json === json ? serverIssues.issues : [];
    const seen = new Set(local.map((i) => `${i.path}|${i.code}`));
    return [...local, ...server.filter((i) => !seen.has(`${i.path}|${i.code}`))];
  }, [edit, live, lang, names, moneyText, fromPayments, serverIssues, json, t]);
  // What is still to fill in is not an error until the user has been at the field, or asks to see
  // everything left (a first look at a new report is not a wall of red).
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const [reveal, setReveal] = useState(false);
  const touch = (keys: string[]) =>
    setTouched((s) => (keys.every((k) => s.has(k)) ? s : new Set([...s, ...keys])));
  const visible = useMemo(
    () => shown.filter((i) => !isMissing(i) || reveal || touched.has(fieldKey(i.ref))),
    [shown, reveal, touched],
  );
  const issueMap = useMemo(() => issuesByField(visible), [visible]);
  const missing = shown.filter(isMissing).length;
  const errors = shown.filter((i) => i.level === 'error' && !isMissing(i)).length;
  const blocking = errors + missing;

  // A value typed wrong is not sent (the server would refuse it); saving resumes once it is corrected.
  const saver = useReportAutosave({
    draft,
    rowVersion: view.row_version,
    enabled: edit && errors === 0,
    save,
    onSaved,
  });
  useLeaveWarning(edit && (saver.dirty || saver.phase === 'saving'));
  const issuesOf = (ref: FieldRef) => issueMap.get(fieldKey(ref)) ?? [];

  // Row details: the user's choice, else open where the light asks for an explanation, text is there, or an issue points.
  const [toggled, setToggled] = useState<Record<number, boolean>>({});
  const autoOpen = (index: number) => {
    const l = rowLights[index]?.light;
    const r = draft.indicators[index];
    return (
      l === 'RED' ||
      l === 'YELLOW' ||
      (r !== undefined && (r.analysis !== null || r.measures !== null || r.deviation_causes.length > 0)) ||
      DETAIL_FIELDS.some((f) => issuesOf({ kind: 'row', index, field: f }).length > 0)
    );
  };
  const isOpen = (index: number) => toggled[index] ?? autoOpen(index);

  const [focus, setFocus] = useState<{ id: string; n: number } | null>(null);
  useEffect(() => {
    if (focus === null) return;
    const el = document.getElementById(focus.id);
    if (el === null) return;
    el.scrollIntoView({ behavior: 'smooth', block: 'center' });
    if (el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement)
      el.focus({ preventScroll: true });
  }, [focus]);
  const goTo = (ref: FieldRef) => {
    if (ref.kind === 'row' && DETAIL_FIELDS.includes(ref.field))
      setToggled((s) => ({ ...s, [ref.index]: true }));
    const id = ref.kind === 'round' && ref.field === 'indicators' ? 'mon-indicators' : fieldDomId(ref);
    setFocus((f) => ({ id, n: (f?.n ?? 0) + 1 }));
  };

  const setMoney = (field: RoundMoneyField, text: string) => {
    touch([field]);
    setMoneyText((m) => ({ ...m, [field]: text }));
    const parsed = wanInputToYuan(text);
    if (parsed.ok) dispatch({ type: 'money', field, value: parsed.yuan });
  };

  const saveNow = async () => {
    if (errors > 0) {
      setReveal(true);
      message.warning(t('monitoring.save.fixFirst'));
      return;
    }
    try {
      const v = await saver.flush();
      if (v !== null) message.success(t('monitoring.save.saved'));
    } catch (e) {
      if (e instanceof ApiError && e.code === 'MONITORING.INVALID') {
        const details = e.details as { issues?: unknown } | null;
        setServerIssues({ json, issues: serverIssuesOf(details?.issues, e.message, names) });
        message.error(t('monitoring.save.serverIssues'));
      } else if (!isConflict(e)) message.error(describeError(e));
    }
  };

  const [submitting, setSubmitting] = useState(false);
  const submit = async () => {
    setSubmitting(true);
    try {
      await saver.flush();
    } catch (e) {
      setSubmitting(false);
      if (!isConflict(e)) message.error(describeError(e));
      return;
    }
    setSubmitting(false);
    modal.confirm({
      title: t('monitoring.save.submit'),
      content: t('monitoring.save.submitConfirm'),
      okText: t('monitoring.save.submit'),
      cancelText: t('common.cancel'),
      onOk: async () => {
        try {
          await onSubmit(saver.currentRowVersion());
          message.success(t('monitoring.save.submitted'));
        } catch (e) {
          if (e instanceof ApiError && e.code === 'MONITORING.INVALID') {
            const details = e.details as { issues?: unknown } | null;
            setServerIssues({ json, issues: serverIssuesOf(details?.issues, e.message, names) });
            message.error(t('monitoring.save.serverIssues'));
          } else {
            message.error(describeError(e));
          }
        }
      },
    });
  };

  const moneyField = (field: RoundMoneyField, help: string, required = false) => {
    const issues = issuesOf({ kind: 'round', field });
    return (
      <>
        <Input
          id={fieldDomId({ kind: 'round', field })}
          aria-label={t(`monitoring.report.${field}`)}
          value={moneyText[field]}
          className="pb-num"
          inputMode="decimal"
          suffix={t('common.wan')}
          placeholder={required ? t('monitoring.report.moneyPlaceholder') : t('monitoring.report.optional')}
          status={statusOf(issues)}
          title={help}
          onChange={(e) => setMoney(field, e.target.value.trim())}
        />
        <FieldIssues issues={issues} />
      </>
    );
  };
  const moneyShown = (yuan: string | null) =>
    yuan === null ? (
      <Typography.Text type="secondary">—</Typography.Text>
    ) : (
      <Typography.Text strong>
        <MoneyText yuan={yuan} unit />
      </Typography.Text>
    );

  const rowName = (i: number) => names[i] ?? t('monitoring.report.row', { n: i + 1 });
  const conflictCode = saver.error instanceof ApiError ? saver.error.code : null;

  return (
    <>
      <div className="pb-mon-summary" role="region" aria-label={t('monitoring.report.lightsRegion')}>
        <Flex align="center" justify="space-between" gap={12} wrap>
          <Flex align="center" gap={16} wrap style={{ rowGap: 6 }}>
            <Space size={6}>
              <Typography.Text type="secondary">{t('monitoring.light.project')}</Typography.Text>
              <LightValue light={projectL} pendingHint={t('monitoring.light.pendingProject')} />
            </Space>
            <Space size={6}>
              <Typography.Text type="secondary">{t('monitoring.light.execution')}</Typography.Text>
              <LightValue
                light={execution?.light ?? null}
                value={execution?.value ?? null}
                pendingHint={t('monitoring.light.pendingExecution')}
              />
            </Space>
            <Space size={6}>
              <Typography.Text type="secondary">{t('monitoring.light.target')}</Typography.Text>
              <LightValue light={targetL} pendingHint={t('monitoring.light.pendingProject')} />
            </Space>
            {edit ? (
              <Button
                type="text"
                size="small"
                onClick={() => {
                  setReveal(true);
                  setFocus((f) => ({ id: 'mon-issue-list', n: (f?.n ?? 0) + 1 }));
                }}
                disabled={blocking === 0}
              >
                {errors > 0 ? (
                  <Typography.Text style={{ color: COLORS.red }}>
                    <ExclamationCircleFilled /> {t('monitoring.report.errorCount', { count: errors })}
                  </Typography.Text>
                ) : null}
                {missing > 0 ? (
                  <Typography.Text type="secondary">
                    <EditOutlined /> {t('monitoring.report.missingCount', { count: missing })}
                  </Typography.Text>
                ) : null}
                {blocking === 0 ? (
                  <Typography.Text style={{ color: COLORS.green }}>
                    <CheckCircleFilled /> {t('monitoring.report.noErrors')}
                  </Typography.Text>
                ) : null}
              </Button>
            ) : null}
          </Flex>
          {edit ? (
            <Flex align="center" gap={10} wrap style={{ marginInlineStart: 'auto' }}>
              <SaveState
                phase={saver.phase}
                dirty={saver.dirty}
                held={errors > 0}
                savedAt={saver.savedAt}
                onRetry={() => void saveNow()}
              />
              <Button
                icon={<SaveOutlined />}
                onClick={() => void saveNow()}
                disabled={saver.phase === 'conflict'}
              >
                {t('monitoring.save.save')}
              </Button>
              <Tooltip
                title={blocking > 0 ? t('monitoring.save.submitBlocked', { count: blocking }) : undefined}
              >
                <Button
                  type="primary"
                  icon={<SendOutlined />}
                  onClick={() => void submit()}
                  loading={submitting}
                  disabled={blocking > 0 || saver.phase === 'conflict'}
                >
                  {t('monitoring.save.submit')}
                </Button>
              </Tooltip>
            </Flex>
          ) : null}
        </Flex>
      </div>
      {saver.phase === 'conflict' ? (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          title={
            conflictCode === 'MONITORING.ROUND_CLOSED'
              ? t('monitoring.save.closedTitle')
              : conflictCode === 'MONITORING.NOT_EDITABLE'
                ? t('monitoring.save.notEditableTitle')
                : t('monitoring.save.staleTitle')
          }
          description={t('monitoring.save.staleText')}
          action={
            <Button icon={<ReloadOutlined />} onClick={onReload}>
              {t('monitoring.save.reload')}
            </Button>
          }
        />
      ) : null}
      {edit ? <IssueList issues={visible} rowName={rowName} onGo={(i) => goTo(i.ref)} /> : null}
      <Card
        size="small"
        style={{ marginBottom: 16 }}
        title={t('monitoring.report.executionTitle', { date: view.round.as_of })}
        extra={
          <Space size={6}>
            <Typography.Text type="secondary">{t('monitoring.light.execution')}</Typography.Text>
            <LightValue
              light={execution?.light ?? null}
              value={execution?.value ?? null}
              pendingHint={t('monitoring.light.pendingExecution')}
            />
          </Space>
        }
      >
        <div className="pb-mon-exec">
          <div className="pb-mon-exec-item">
            <FieldLabel label={t('monitoring.report.budget')} help={t('monitoring.help.budget')} />
            <div>{moneyShown(view.budget)}</div>
          </div>
          <div className="pb-mon-exec-item">
            <Flex align="center" gap={6} wrap>
              <FieldLabel
                label={t('monitoring.report.executed')}
                help={t('monitoring.help.executed', { date: view.round.as_of })}
                required={edit && !fromPayments}
              />
              {fromPayments ? (
                <Tooltip title={t('monitoring.report.fromPaymentsHint', { date: view.round.as_of })}>
                  <Tag icon={<WalletOutlined />} color="blue" style={{ marginInlineEnd: 0 }}>
                    {t('monitoring.report.fromPayments')}
                  </Tag>
                </Tooltip>
              ) : (
                <Tooltip title={t('monitoring.report.typedHint')}>
                  <Tag icon={<EditOutlined />} color="gold" style={{ marginInlineEnd: 0 }}>
                    {t('monitoring.report.typed')}
                  </Tag>
                </Tooltip>
              )}
            </Flex>
            <div style={{ marginTop: 6 }}>
              {fromPayments || !edit
                ? moneyShown(fromPayments ? view.paid_to_date : draft.executed)
                : moneyField('executed', t('monitoring.help.executed', { date: view.round.as_of }), true)}
            </div>
          </div>
          <div className="pb-mon-exec-item">
            <FieldLabel
              label={t('monitoring.report.forecast_executed')}
              help={t('monitoring.help.forecastExecuted')}
            />
            <div style={{ marginTop: 6 }}>
              {edit
                ? moneyField('forecast_executed', t('monitoring.help.forecastExecuted'))
                : moneyShown(draft.forecast_executed)}
            </div>
          </div>
          <div className="pb-mon-exec-item">
            <FieldLabel
              label={t('monitoring.report.planned_executed')}
              help={t('monitoring.help.plannedExecuted', { date: view.round.as_of })}
            />
            <div style={{ marginTop: 6 }}>
              {edit
                ? moneyField(
                    'planned_executed',
                    t('monitoring.help.plannedExecuted', { date: view.round.as_of }),
                  )
                : moneyShown(draft.planned_executed)}
            </div>
          </div>
        </div>
        <Typography.Text type="secondary" style={{ display: 'block', marginTop: 12, fontSize: 12 }}>
          {draft.planned_executed === null
            ? t('monitoring.report.executionFormula', { month: view.round.month })
            : t('monitoring.report.executionFormulaPlanned')}
        </Typography.Text>
      </Card>
      <Card
        id="mon-indicators"
        size="small"
        title={t('monitoring.report.indicatorsTitle', { count: view.indicators.length })}
        extra={
          <Space size={6}>
            <Typography.Text type="secondary">{t('monitoring.light.target')}</Typography.Text>
            <LightValue light={targetL} pendingHint={t('monitoring.light.pendingProject')} />
          </Space>
        }
        styles={{ body: { padding: 0 } }}
      >
        {issuesOf({ kind: 'round', field: 'indicators' }).length > 0 ? (
          <div style={{ padding: '8px 12px 0' }}>
            <FieldIssues issues={issuesOf({ kind: 'round', field: 'indicators' })} />
          </div>
        ) : null}
        <IndicatorTable
          indicators={view.indicators}
          draft={draft}
          edit={edit}
          lang={lang}
          lights={rowLights}
          issuesOf={(index, field) => issuesOf({ kind: 'row', index, field })}
          patchRow={(index, patch) => {
            touch(Object.keys(patch).map((f) => `${String(index)}.${f}`));
            dispatch({ type: 'row', index, patch });
          }}
          isOpen={isOpen}
          toggleRow={(index) => setToggled((s) => ({ ...s, [index]: !isOpen(index) }))}
        />
      </Card>
    </>
  );
}
