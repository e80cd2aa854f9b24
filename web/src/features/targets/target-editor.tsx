import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { Alert, App, Button, Card, Input, Typography } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { describePath, issueMessage, type Lang } from '../../../../contracts/issues.ts';
import type { TLibraryIndicator } from '../../../../contracts/library.ts';
import type { TFlagView, TSaveTarget, TTargetDraft, TTargetView } from '../../../../contracts/targets.ts';
import type { Issue } from '../../../../domain/issues.ts';
import type { TPolicy } from '../../../../domain/policy/policy.ts';
import type { IndicatorDraft } from '../../../../domain/targets/indicator.ts';
import { describeError } from '../../components/server-errors.ts';
import { useLeaveWarning } from '../../components/use-leave-warning.ts';
import { ApiError } from '../../lib/api-client.ts';
import { formatWan, wanToYuan } from '../../lib/money.ts';
import {
  EditorContext,
  type EditorContextValue,
  type EditorMode,
  type ShownIssue,
} from './editor-context.ts';
import { FieldIssues, FieldLabel, statusOf } from './field-parts.tsx';
import { GoalsSection } from './goals-section.tsx';
import { IndicatorGroups } from './indicator-groups.tsx';
import { IssueList } from './issue-list.tsx';
import { LibraryDrawer } from './library-drawer.tsx';
import { SummaryBar } from './summary-bar.tsx';
import {
  DETAIL_FIELDS,
  fieldDomId,
  flagsByRow,
  fromLibrary,
  groupIndicators,
  issuesByField,
  libraryCodes,
  parseIssuePath,
  serverIssuesOf,
  summarizeWeights,
  validateDraft,
  type FieldRef,
} from './target-model.ts';
import { usePeerStats } from './targets-api.ts';
import { isConflict, newRowKey, useAutosave, useDraft, type SaveBody } from './use-target-draft.ts';
import './targets.css';

export interface TargetEditorProps {
  view: TTargetView;
  /** The draft shown: the current version's, or an older version's (read only). */
  draft: TTargetDraft;
  /** The flags stored with the version, shown outside edit mode. */
  storedFlags: readonly TFlagView[];
  policy: TPolicy;
  mode: EditorMode;
  /** Edit mode: saving the draft (PUT) and submitting it. */
  save?: (body: TSaveTarget) => Promise<TTargetView>;
  onSaved?: (view: TTargetView) => void;
  onSubmit?: (rowVersion: number) => Promise<void>;
  onReload?: () => void;
  /** Department targets: the overall budget is edited with the draft. */
  withAmount?: boolean;
  draftComments?: ReadonlyMap<string, string>;
  setDraftComment?: (name: string, comment: string | null) => void;
  returnedComments?: ReadonlyMap<string, readonly string[]>;
  /** More in the summary bar (e.g. the reviewer's "go to review" button). */
  summaryExtra?: ReactNode;
}

const NO_COMMENTS: ReadonlyMap<string, string> = new Map();
const NO_RETURNED: ReadonlyMap<string, readonly string[]> = new Map();

function shownOf(raw: Issue, lang: Lang, flagName: (code: string) => string): ShownIssue {
  // The difficulty flag a justification is asked for, in words rather than its code.
  const flag = raw.params?.flag;
  const i = flag === undefined ? raw : { ...raw, params: { ...raw.params, flag: flagName(flag) } };
  const ref = parseIssuePath(i.path);
  // Next to the field its name is already shown: drop the "计量单位：" the message starts with.
  const own = issueMessage({ ...i, path: ref.field }, lang);
  const label = describePath(ref.field, lang);
  const rest = own.startsWith(label) ? own.slice(label.length).replace(/^[：:]\s*/, '') : own;
  const inline = rest.charAt(0).toUpperCase() + rest.slice(1);
  return { path: i.path, code: i.code, level: i.level, message: issueMessage(i, lang), inline, ref };
}

function initialAmountWan(view: TTargetView): string {
  return formatWan(view.subject.amount);
}

/**
 * The target form (绩效目标申报): goals, indicators grouped by level 1 / level 2 with inline rows,
 * the sticky summary bar, live validation by the shared rules, autosave and submission. In review
 * and read modes the same layout shows the stored draft without inputs.
 */
export function TargetEditor(props: TargetEditorProps) {
  const { view, policy, mode, storedFlags } = props;
  const { t, i18n } = useTranslation();
  const { message, modal } = App.useApp();
  const lang: Lang = i18n.language === 'en-US' ? 'en-US' : 'zh-CN';
  const edit = mode === 'edit';
  const [state, dispatch] = useDraft(props.draft);
  const { draft, keys } = state;
  const [amountWan, setAmountWan] = useState(() => initialAmountWan(view));
  const amountYuan = props.withAmount === true ? wanToYuan(amountWan) : null;
  const body: SaveBody =
    props.withAmount === true && amountYuan !== null ? { draft, amount: amountYuan } : { draft };

  const json = JSON.stringify(body);
  const saver = useAutosave({
    body,
    rowVersion: view.row_version,
    stored: view.id !== null,
    enabled: edit && props.save !== undefined,
    save: props.save ?? (() => Promise.reject(new Error('read only'))),
    onSaved: (v) => props.onSaved?.(v),
  });
  useLeaveWarning(edit && (saver.dirty || saver.phase === 'saving'));

  // Peers of the library indicators (project targets), refetched when the set of codes changes.
  const codes = useMemo(() => libraryCodes(draft), [draft]);
  const peers = usePeerStats(edit && view.subject.kind === 'PROJECT' ? view.subject.project_id : null, codes);

  const withAmount = props.withAmount === true;
  const flagAmount = withAmount ? amountYuan : view.subject.amount;
  const multiYear = view.subject.multi_year;
  const core = view.core;
  const peerData = peers.data;
  const validation = useMemo(
    () =>
      edit ? validateDraft(draft, { policy, multiYear, core, amount: flagAmount, peers: peerData }) : null,
    [edit, draft, policy, multiYear, core, flagAmount, peerData],
  );

  const [serverIssues, setServerIssues] = useState<{ json: string; issues: ShownIssue[] } | null>(null);
  const shown = useMemo(() => {
    const local = (validation?.issues ?? []).map((i) => shownOf(i, lang, (f) => t(`targets.flag.${f}`)));
    if (withAmount && edit && amountYuan === null) {
      local.unshift({
        path: 'amount',
        code: 'FIELD.TYPE',
        level: 'error',
        message: `${t('targets.goals.amount')}${t('targets.colon')}${t('targets.goals.amountInvalid')}`,
        inline: t('targets.goals.amountInvalid'),
        ref: { kind: 'target', field: 'amount' },
      });
    }
    const server = serverIssues !== null && serverIssues.json === json ? serverIssues.issues : [];
    const seen = new Set(local.map((i) => `${i.path}|${i.code}`));
    return [...local, ...server.filter((i) => !seen.has(`${i.path}|${i.code}`))];
  }, [validation, lang, withAmount, edit, amountYuan, serverIssues, json, t]);
  const errors = shown.filter((i) => i.level === 'error').length;
  const flags: readonly TFlagView[] = useMemo(
    () => (edit ? (validation?.flags ?? []) : storedFlags),
    [edit, validation, storedFlags],
  );
  const flagMap = useMemo(() => flagsByRow(flags), [flags]);
  const issueMap = useMemo(() => issuesByField(shown), [shown]);
  const grouping = useMemo(() => groupIndicators(draft, policy), [draft, policy]);
  const weights = useMemo(() => summarizeWeights(draft, policy), [draft, policy]);

  // Which row details are open: the user's choice, else open where a flag or a detail field needs attention.
  const [toggled, setToggled] = useState<Record<string, boolean>>({});
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(new Set());
  const [picker, setPicker] = useState<{ lv1: string | null; lv2: string | null } | null>(null);
  const [focus, setFocus] = useState<{ id: string; n: number } | null>(null);
  const autoOpen = (index: number) =>
    (flagMap.get(index) ?? []).length > 0 ||
    DETAIL_FIELDS.some((f) => (issueMap.get(`${String(index)}.${f}`) ?? []).length > 0);
  const isOpen = (index: number) => {
    const k = keys[index];
    const v = k === undefined ? undefined : toggled[k];
    return v ?? autoOpen(index);
  };
  const setOpen = (index: number, open: boolean) => {
    const k = keys[index];
    if (k !== undefined) setToggled((s) => ({ ...s, [k]: open }));
  };

  useEffect(() => {
    if (focus === null) return;
    const el = document.getElementById(focus.id);
    if (el === null) return;
    el.scrollIntoView({ behavior: 'smooth', block: 'center' });
    if (el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement)
      el.focus({ preventScroll: true });
  }, [focus]);

  const goTo = (ref: FieldRef) => {
    if (ref.kind === 'indicator') {
      const ind = draft.indicators[ref.index];
      if (ind?.kpi_lv1) {
        const g2 = `${ind.kpi_lv1}/${ind.kpi_lv2 ?? ''}`;
        setCollapsed((s) => new Set([...s].filter((k) => k !== ind.kpi_lv1 && k !== g2)));
      }
      if (DETAIL_FIELDS.includes(ref.field)) setOpen(ref.index, true);
    }
    const id = ref.kind === 'target' && ref.field === 'indicators' ? 'tgt-indicators' : fieldDomId(ref);
    setFocus((f) => ({ id, n: (f?.n ?? 0) + 1 }));
  };

  const ctx: EditorContextValue = {
    mode,
    lang,
    policy,
    draft,
    keys,
    issues: issueMap,
    flags: flagMap,
    setGoal: (field, value) => dispatch({ type: 'goal', field, value }),
    patchRow: (index, patch) => {
      if (Object.keys(patch).some((f) => DETAIL_FIELDS.includes(f)) && isOpen(index)) setOpen(index, true);
      dispatch({ type: 'patch', index, patch });
    },
    addRow: (indicator: IndicatorDraft) => dispatch({ type: 'add', indicator, key: newRowKey() }),
    removeRow: (index) => dispatch({ type: 'remove', index }),
    isOpen,
    toggleRow: (index) => setOpen(index, !isOpen(index)),
    openPicker: (lv1, lv2) => setPicker({ lv1, lv2 }),
    draftComments: props.draftComments ?? NO_COMMENTS,
    setDraftComment: props.setDraftComment ?? (() => undefined),
    returnedComments: props.returnedComments ?? NO_RETURNED,
  };

  const onPick = (item: TLibraryIndicator) => {
    ctx.addRow(fromLibrary(item, { lv1: picker?.lv1 ?? null, lv2: picker?.lv2 ?? null }, policy.framework));
    message.success(t('targets.library.pickedToast', { name: item.name }));
  };

  const saveNow = async () => {
    try {
      const v = await saver.flush();
      if (v !== null) message.success(t('targets.save.saved'));
    } catch (e) {
      if (!isConflict(e)) message.error(describeError(e));
    }
  };

  const [submitting, setSubmitting] = useState(false);
  const submit = async () => {
    if (props.onSubmit === undefined) return;
    setSubmitting(true);
    try {
      await saver.flush();
    } catch (e) {
      setSubmitting(false);
      if (!isConflict(e)) message.error(describeError(e));
      return;
    }
    setSubmitting(false);
    const step = view.status === 'UNLOCKED' ? view.chain[view.chain.length - 1] : view.chain[0];
    modal.confirm({
      title: t('targets.save.submit'),
      content: (
        <>
          <Typography.Paragraph>{t('targets.save.submitConfirm')}</Typography.Paragraph>
          {step ? (
            <Typography.Text type="secondary">
              {t('targets.save.submitTo', { step: t(`targets.step.${step}`) })}
            </Typography.Text>
          ) : null}
        </>
      ),
      okText: t('targets.save.submit'),
      cancelText: t('common.cancel'),
      onOk: async () => {
        try {
          await props.onSubmit?.(saver.currentRowVersion());
          message.success(t('targets.save.submitted'));
        } catch (e) {
          if (e instanceof ApiError && e.code === 'TARGET.INVALID') {
            const details = e.details as { issues?: unknown } | null;
            setServerIssues({
              json,
              issues: serverIssuesOf(details?.issues, e.message).map((i) => ({ ...i, inline: i.message })),
            });
            message.error(t('targets.save.serverIssues'));
          } else {
            message.error(describeError(e));
          }
        }
      },
    });
  };

  const rowName = (i: number) => draft.indicators[i]?.kpi_lv3 ?? t('targets.issues.row', { n: i + 1 });
  const amountIssues = issueMap.get('amount') ?? [];

  return (
    <EditorContext.Provider value={ctx}>
      <SummaryBar
        weights={weights}
        budgetPoints={policy.budget_points}
        errors={edit ? errors : undefined}
        warnings={edit ? shown.length - errors : undefined}
        flags={flags.length}
        onIssuesClick={() => setFocus((f) => ({ id: 'tgt-issue-list', n: (f?.n ?? 0) + 1 }))}
        save={edit ? saver : undefined}
        onSave={edit ? () => void saveNow() : undefined}
        onSubmit={edit && props.onSubmit ? () => void submit() : undefined}
        submitting={submitting}
        extra={props.summaryExtra}
      />
      {saver.phase === 'conflict' ? (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          title={
            saver.error instanceof ApiError && saver.error.code === 'TARGET.LOCKED'
              ? t('targets.save.lockedTitle')
              : t('targets.save.staleTitle')
          }
          description={
            saver.error instanceof ApiError && saver.error.code === 'TARGET.LOCKED'
              ? t('targets.save.lockedText')
              : t('targets.save.staleText')
          }
          action={
            <Button icon={<ReloadOutlined />} onClick={props.onReload}>
              {t('targets.save.reload')}
            </Button>
          }
        />
      ) : null}
      {edit && view.id === null ? (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('targets.proposal.title')}
          description={
            props.draft.indicators.length > 0 ? t('targets.proposal.text') : t('targets.proposal.empty')
          }
        />
      ) : null}
      {edit ? <IssueList issues={shown} rowName={rowName} onGo={(i) => goTo(i.ref)} /> : null}
      <Card title={t('targets.goals.title')} size="small" style={{ marginBottom: 16 }}>
        <GoalsSection
          multiYear={view.subject.multi_year}
          amountField={
            props.withAmount === true ? (
              <div className="pb-tgt-goal" style={{ maxWidth: 360, marginBottom: 16 }}>
                <div className="pb-tgt-dlabel">
                  <FieldLabel
                    label={t('targets.goals.amount')}
                    help={t('targets.help.amount')}
                    required={edit}
                  />
                </div>
                {edit ? (
                  <Input
                    id={fieldDomId({ kind: 'target', field: 'amount' })}
                    value={amountWan}
                    className="pb-num"
                    suffix={t('common.wan')}
                    placeholder={t('targets.goals.amountPlaceholder')}
                    status={statusOf(amountIssues)}
                    onChange={(e) => setAmountWan(e.target.value.trim())}
                  />
                ) : (
                  <Typography.Text className="pb-num" strong>
                    {formatWan(view.subject.amount, { grouping: true })} {t('common.wan')}
                  </Typography.Text>
                )}
                <FieldIssues issues={amountIssues} />
              </div>
            ) : undefined
          }
        />
      </Card>
      <Card
        id="tgt-indicators"
        title={t('targets.indicators.title')}
        size="small"
        styles={{ body: { padding: 0 } }}
      >
        {(issueMap.get('indicators') ?? []).length > 0 ? (
          <div className="pb-tgt-list-issues">
            <FieldIssues issues={issueMap.get('indicators') ?? []} />
          </div>
        ) : null}
        <IndicatorGroups
          grouping={grouping}
          collapsed={collapsed}
          onToggle={(key, open) =>
            setCollapsed((s) => {
              const next = new Set(s);
              if (open) next.delete(key);
              else next.add(key);
              return next;
            })
          }
        />
      </Card>
      {edit ? (
        <LibraryDrawer
          open={picker !== null}
          onClose={() => setPicker(null)}
          lv1={picker?.lv1 ?? null}
          lv2={picker?.lv2 ?? null}
          funcClass={view.subject.func_class}
          fiscalYear={view.subject.fiscal_year}
          framework={policy.framework}
          lang={lang}
          usedCodes={new Set(codes)}
          onPick={onPick}
        />
      ) : null}
    </EditorContext.Provider>
  );
}
