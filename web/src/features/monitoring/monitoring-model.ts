import type {
  TIssueRound,
  TMonitoringDraft,
  TMonitoringIndicatorDraft,
  TReportListItem,
  TReportView,
  TRound,
} from '../../../../contracts/monitoring.ts';
import { describePath, issueMessage, type Lang } from '../../../../contracts/issues.ts';
import type { Issue } from '../../../../domain/issues.ts';
import {
  computeMonitoringRound,
  progressOf,
  projectLight,
  targetLight,
  type Light,
  type ShownLight,
} from '../../../../domain/monitoring/lights.ts';
import type { TPolicy } from '../../../../domain/policy/policy.ts';
import {
  isPositive,
  isQuantitative,
  type IndicatorDraft,
  type TargetDraft,
} from '../../../../domain/targets/indicator.ts';
import { parseFen, wanToYuan } from '../../lib/money.ts';

/**
 * The pure side of the monitoring pages: the report form's round in the exchange shape, its live
 * lights by the shared rule (domain/monitoring/lights.ts computeMonitoringRound, exactly as the
 * server computes them), where an issue points in the form, money typed in 万元, the round form's
 * checks, the warnings list's URL state and the preparer's to-dos.
 */

export type ReportIndicator = TReportView['indicators'][number];

/** What the live check needs of a report view. */
export type ReportBasis = Pick<TReportView, 'budget' | 'paid_to_date' | 'indicators'> & {
  round: Pick<TReportView['round'], 'as_of'>;
};

// ---- the draft ----

/** An empty row for an indicator of the target. */
export function emptyRow(name: string): TMonitoringIndicatorDraft {
  return {
    kpi_lv3: name,
    actual: null,
    forecast: null,
    planned: null,
    likelihood: null,
    level: null,
    deviation_causes: [],
    analysis: null,
    measures: null,
  };
}

/**
 * The draft the form edits: one row per indicator of the in-force target, in the target's order
 * (the stored row of that name, or an empty one). Row `k` of the draft is indicator `k` of the
 * view, so an issue's `indicators[k]` points at the row shown in line `k`.
 */
export function alignDraft(view: Pick<TReportView, 'draft' | 'indicators'>): TMonitoringDraft {
  const stored = new Map<string, TMonitoringIndicatorDraft>();
  for (const r of view.draft.indicators) if (!stored.has(r.kpi_lv3)) stored.set(r.kpi_lv3, r);
  return {
    ...view.draft,
    indicators: view.indicators.map((ind) => ({ ...(stored.get(ind.kpi_lv3) ?? emptyRow(ind.kpi_lv3)) })),
  };
}

/** The in-force target as the rule reads it (only what the lights use is known). */
export function targetOf(indicators: readonly ReportIndicator[]): TargetDraft {
  return {
    long_term_goal: null,
    annual_goal: null,
    justification: null,
    explanation: null,
    indicators: indicators.map(indicatorDraftOf),
  };
}

function indicatorDraftOf(ind: ReportIndicator): IndicatorDraft {
  return {
    kpi_lv1: ind.kpi_lv1,
    kpi_lv2: ind.kpi_lv2,
    kpi_lv3: ind.kpi_lv3,
    computesign: ind.computesign,
    kpi_val: ind.kpi_val,
    meterunit: ind.meterunit,
    weight: ind.weight,
    progress: ind.progress,
    value_basis: null,
    library_code: null,
    last_target: null,
    last_actual: null,
    data_source: null,
    scoring_standard: null,
    justification: null,
    explanation: null,
  };
}

/** E as the server takes it: the payment records up to the as-of date when any exist, else the typed value. */
export function executedOf(draft: TMonitoringDraft, paidToDate: string | null): string | null {
  return paidToDate ?? draft.executed;
}

/** The round in the exchange format's shape (exchange-format.md `monitoring[]`). */
export function roundOf(
  draft: TMonitoringDraft,
  asOf: string,
  paidToDate: string | null,
): Record<string, unknown> {
  return {
    as_of: asOf,
    executed: executedOf(draft, paidToDate),
    forecast_executed: draft.forecast_executed,
    planned_executed: draft.planned_executed,
    indicators: draft.indicators,
  };
}

// ---- the live lights ----

export interface LiveLights {
  /** Every issue of the round (paths relative to the round: `executed`, `indicators[2].actual`). */
  issues: Issue[];
  /** Whether the whole round passes the check (then every light below is the server's). */
  complete: boolean;
  /** The execution light, null while the execution fields have errors. */
  execution: ShownLight | null;
  /** The light of each row (view order), null while the row has errors. */
  rows: (ShownLight | null)[];
  /** Target and project lights: null until every row (and, for the project, the execution) is lit. */
  target: Light | null;
  project: Light | null;
}

const EMPTY_TARGET: TargetDraft = {
  long_term_goal: null,
  annual_goal: null,
  justification: null,
  explanation: null,
  indicators: [],
};

/**
 * The lights of the report as typed, by computeMonitoringRound on the whole round (what the server
 * stores). While some fields still have errors the rule gives no result, so each row and the
 * execution are also lit on their own — the same function on a round holding only that row (or
 * only the execution) — and the target and project lights wait until everything is lit.
 */
export function computeLive(basis: ReportBasis, draft: TMonitoringDraft, policy: TPolicy): LiveLights {
  const ctx = { policy, amount: basis.budget, base: '' };
  const asOf = basis.round.as_of;
  const target = targetOf(basis.indicators);
  const full = computeMonitoringRound(roundOf(draft, asOf, basis.paid_to_date), target, ctx);
  if (full.result !== null) {
    const byName = new Map(full.result.indicators.map((r) => [r.kpi_lv3, r]));
    return {
      issues: full.issues,
      complete: true,
      execution: full.result.execution,
      rows: basis.indicators.map((ind) => {
        const r = byName.get(ind.kpi_lv3);
        return r === undefined ? null : { value: r.value, light: r.light };
      }),
      target: full.result.target_light,
      project: full.result.project_light,
    };
  }
  const execOnly = computeMonitoringRound(
    { ...roundOf(draft, asOf, basis.paid_to_date), indicators: [] },
    EMPTY_TARGET,
    ctx,
  );
  const execution = execOnly.result?.execution ?? null;
  const rows = basis.indicators.map((ind, k): ShownLight | null => {
    const row = draft.indicators[k];
    if (row === undefined) return null;
    const one = computeMonitoringRound(
      { as_of: asOf, executed: '0', indicators: [row] },
      { ...EMPTY_TARGET, indicators: [indicatorDraftOf(ind)] },
      ctx,
    );
    const r = one.result?.indicators[0];
    return r === undefined ? null : { value: r.value, light: r.light };
  });
  const lit = rows.every((r) => r !== null) ? rows.flatMap((r) => (r === null ? [] : [r.light])) : null;
  const tLight = lit === null ? null : targetLight(lit);
  return {
    issues: full.issues,
    complete: false,
    execution,
    rows,
    target: tLight,
    project: tLight !== null && execution !== null ? projectLight(execution.light, tLight) : null,
  };
}

// ---- what an indicator row asks for ----

export type RowKind = 'qualitative' | 'negative' | 'positive-cumulative' | 'positive-level';

/** Which inputs a row shows: a level (QUAL/OTHER), or an actual; a planned value only where the rule reads it. */
export function rowKindOf(ind: Pick<ReportIndicator, 'computesign' | 'progress' | 'meterunit'>): RowKind {
  if (!isQuantitative(ind.computesign)) return 'qualitative';
  if (!isPositive(ind.computesign)) return 'negative';
  return progressOf(ind) === 'LEVEL' ? 'positive-level' : 'positive-cumulative';
}

/** Whether the rule reads a planned value for the row (positive, cumulative indicators only). */
export function takesPlanned(kind: RowKind): boolean {
  return kind === 'positive-cumulative';
}

// ---- where an issue points ----

export const ROUND_FIELDS = ['executed', 'forecast_executed', 'planned_executed', 'as_of'] as const;
export type RoundField = (typeof ROUND_FIELDS)[number] | 'indicators';

export type FieldRef = { kind: 'round'; field: RoundField } | { kind: 'row'; index: number; field: string };

/**
 * Map an issue path (relative to the round) to a field of the form: `indicators[2].actual` → row 2,
 * `deviation_causes[1]` → the row's causes; a missing actual (reported on the list with the
 * indicator's name) → that row's actual. Anything unknown lands on the indicator list.
 */
export function refOf(path: string, names: readonly string[], params?: Record<string, string>): FieldRef {
  const p = path.replace(/^\./, '');
  const m = /^indicators\[(\d+)\](?:\.([a-z_0-9]+))?/.exec(p);
  if (m) return { kind: 'row', index: Number(m[1]), field: m[2] ?? 'kpi_lv3' };
  if (p === 'indicators' && params?.name !== undefined) {
    const index = names.indexOf(params.name);
    if (index >= 0) return { kind: 'row', index, field: 'actual' };
  }
  const field = ROUND_FIELDS.find((f) => f === p);
  return { kind: 'round', field: field ?? 'indicators' };
}

/** The key of a field for lookups: `executed`, or `3.actual` for a row. */
export function fieldKey(ref: FieldRef): string {
  return ref.kind === 'round' ? ref.field : `${String(ref.index)}.${ref.field}`;
}

/** The DOM id of a field, for going to it from the issue list. */
export function fieldDomId(ref: FieldRef): string {
  return ref.kind === 'round' ? `mon-f-${ref.field}` : `mon-i-${String(ref.index)}-${ref.field}`;
}

export interface ShownIssue {
  path: string;
  code: string;
  level: 'error' | 'warning';
  /** The whole message, naming the field (for the list at the top). */
  message: string;
  /** Shorter, for next to the field. */
  inline: string;
  ref: FieldRef;
}

/** An issue of the live check in the user's language (issueMessage names the field in words). */
export function shownIssue(issue: Issue, lang: Lang, names: readonly string[]): ShownIssue {
  const ref = refOf(issue.path, names, issue.params);
  const field = ref.field;
  const own = issueMessage({ ...issue, path: field }, lang);
  const label = describePath(field, lang);
  const rest = own.startsWith(label) ? own.slice(label.length).replace(/^[：:]\s*/, '') : own;
  return {
    path: issue.path,
    code: issue.code,
    level: issue.level,
    message: issueMessage(issue, lang),
    inline: rest.charAt(0).toUpperCase() + rest.slice(1),
    ref,
  };
}

/** Issues grouped by the field they point at. */
export function issuesByField<T extends { ref: FieldRef }>(issues: readonly T[]): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const i of issues) {
    const k = fieldKey(i.ref);
    out.set(k, [...(out.get(k) ?? []), i]);
  }
  return out;
}

/** Read `details.issues` of a 400 MONITORING.INVALID defensively: anything malformed is skipped. */
export function serverIssuesOf(issues: unknown, fallback: string, names: readonly string[]): ShownIssue[] {
  if (!Array.isArray(issues)) return [];
  return issues.flatMap((raw: unknown): ShownIssue[] => {
    if (typeof raw !== 'object' || raw === null) return [];
    const r = raw as Record<string, unknown>;
    const path = typeof r.path === 'string' ? r.path.replace(/^\./, '') : '';
    const message = typeof r.message === 'string' && r.message !== '' ? r.message : fallback;
    const level = r.level === 'warning' ? 'warning' : 'error';
    const code = typeof r.code === 'string' ? r.code : 'MONITORING.INVALID';
    return [{ path, code, level, message, inline: message, ref: refOf(path, names) }];
  });
}

// ---- money typed in 万元 ----

/**
 * A yuan amount as an exact 万元 text for an input: '400000.00' → '40.00', '123456.78' →
 * '12.345678' (no rounding, so an untouched field saves the same yuan). Blank for null.
 */
export function yuanToWanInput(yuan: string | null): string {
  if (yuan === null) return '';
  const fen = parseFen(yuan);
  if (fen === null) return yuan;
  const negative = fen < 0n;
  const abs = negative ? -fen : fen;
  // 1 万元 = 1 000 000 fen.
  const whole = (abs / 1_000_000n).toString();
  const frac = (abs % 1_000_000n).toString().padStart(6, '0').replace(/0+$/, '').padEnd(2, '0');
  return `${negative ? '-' : ''}${whole}.${frac}`;
}

/** A 万元 input as the draft stores it: yuan text, null when blank, or `invalid`. */
export function wanInputToYuan(text: string): { ok: true; yuan: string | null } | { ok: false } {
  if (text.trim() === '') return { ok: true, yuan: null };
  const yuan = wanToYuan(text);
  return yuan === null ? { ok: false } : { ok: true, yuan };
}

/** A light's value as shown: '48.00' → '48.00%'. */
export function percentText(value: string | null): string | null {
  return value === null ? null : `${value}%`;
}

// ---- the round form ----

/** What is wrong with a round's title (same bounds as ZIssueRound), or null. */
export function checkRoundTitle(title: string | undefined): 'required' | 'length' | null {
  const v = (title ?? '').trim();
  if (v === '') return 'required';
  return v.length < 2 || v.length > 200 ? 'length' : null;
}

/** The as-of date must lie in the fiscal year (MONITORING.AS_OF_OUT_OF_YEAR). */
export function checkAsOf(asOf: string | undefined, fiscalYear: string): 'required' | 'year' | null {
  if (asOf === undefined || !/^\d{4}-\d{2}-\d{2}$/.test(asOf)) return 'required';
  return asOf.startsWith(`${fiscalYear}-`) ? null : 'year';
}

/** The deadline: required, not before the as-of date (units report on data up to it) nor today. */
export function checkRoundDeadline(
  deadline: string | undefined,
  asOf: string | undefined,
  today: string,
): 'required' | 'beforeAsOf' | 'past' | null {
  if (deadline === undefined || !/^\d{4}-\d{2}-\d{2}$/.test(deadline)) return 'required';
  if (asOf !== undefined && deadline < asOf) return 'beforeAsOf';
  if (deadline < today) return 'past';
  return null;
}

/** The body of POST /monitoring/rounds. */
export function toIssueRound(
  v: { title?: string; as_of?: string; deadline?: string; dept_codes?: string[]; agency_codes?: string[] },
  fiscalYear: string,
): TIssueRound {
  return {
    fiscal_year: fiscalYear,
    title: (v.title ?? '').trim(),
    as_of: v.as_of ?? '',
    deadline: v.deadline ?? '',
    dept_codes: v.dept_codes ?? [],
    agency_codes: v.agency_codes ?? [],
  };
}

/** The last day of each quarter of a year up to `today` (the usual as-of dates), newest first. */
export function quarterEnds(fiscalYear: string, today: string): string[] {
  return ['03-31', '06-30', '09-30', '12-31']
    .map((d) => `${fiscalYear}-${d}`)
    .filter((d) => d <= today)
    .reverse();
}

/** Submitted share of a round in percent, rounded down (display only). */
export function submittedPercent(round: Pick<TRound, 'reports' | 'submitted'>): number {
  if (round.reports <= 0) return 0;
  return Math.floor((round.submitted * 100) / round.reports);
}

/** The light counts of a round in the order shown (worst first), zero counts left out. */
export function lightCounts(lights: Partial<Record<Light, number>>): { light: Light; count: number }[] {
  const order: Light[] = ['RED', 'YELLOW', 'GREEN', 'BLUE', 'NA'];
  return order.flatMap((light) => {
    const count = lights[light] ?? 0;
    return count > 0 ? [{ light, count }] : [];
  });
}

// ---- the warnings list ----

export const WARNING_LIGHTS = ['RED', 'YELLOW'] as const;
export type WarningLight = (typeof WARNING_LIGHTS)[number];

/** The warnings page's view state, kept in the URL so that back, reload and saved views keep it. */
export interface WarningsState {
  round: string | undefined;
  dept: string | undefined;
  section: string | undefined;
  light: WarningLight | undefined;
  status: 'DRAFT' | 'SUBMITTED' | undefined;
  q: string;
  /** Rows of the page grouped under their department. */
  group: boolean;
  page: number;
  size: number;
}

function positiveInt(v: string | null, fallback: number, max: number): number {
  const n = Number(v);
  return Number.isInteger(n) && n >= 1 ? Math.min(n, max) : fallback;
}

export function readWarningsState(params: URLSearchParams): WarningsState {
  const light = params.get('light');
  const status = params.get('status');
  return {
    round: params.get('round') ?? undefined,
    dept: params.get('dept') ?? undefined,
    section: params.get('section') ?? undefined,
    light: light === 'RED' || light === 'YELLOW' ? light : undefined,
    status: status === 'DRAFT' || status === 'SUBMITTED' ? status : undefined,
    q: params.get('q') ?? '',
    group: params.get('group') !== '0',
    page: positiveInt(params.get('page'), 1, 100_000),
    size: positiveInt(params.get('size'), 50, 200),
  };
}

export function writeWarningsState(s: WarningsState): URLSearchParams {
  const p = new URLSearchParams();
  if (s.round !== undefined) p.set('round', s.round);
  if (s.dept !== undefined) p.set('dept', s.dept);
  if (s.section !== undefined) p.set('section', s.section);
  if (s.light !== undefined) p.set('light', s.light);
  if (s.status !== undefined) p.set('status', s.status);
  if (s.q !== '') p.set('q', s.q);
  if (!s.group) p.set('group', '0');
  if (s.page !== 1) p.set('page', String(s.page));
  if (s.size !== 50) p.set('size', String(s.size));
  return p;
}

/** The query of GET /monitoring/reports (and its .xlsx) for the warnings page. */
export interface ReportQuery {
  fiscal_year: string;
  lights: string;
  round_id: string | undefined;
  dept_code: string | undefined;
  section_id: string | undefined;
  status: 'DRAFT' | 'SUBMITTED' | undefined;
  q: string | undefined;
  page: number;
  page_size: number;
}

export function toWarningsQuery(s: WarningsState, fiscalYear: string): ReportQuery {
  return {
    fiscal_year: fiscalYear,
    lights: s.light ?? WARNING_LIGHTS.join(','),
    round_id: s.round,
    dept_code: s.dept,
    section_id: s.section,
    status: s.status,
    q: s.q === '' ? undefined : s.q,
    page: s.page,
    page_size: s.size,
  };
}

/** Whether any filter narrows the warnings list (for the empty state's wording). */
export function isWarningsFiltered(s: WarningsState): boolean {
  return (
    s.round !== undefined ||
    s.dept !== undefined ||
    s.section !== undefined ||
    s.light !== undefined ||
    s.status !== undefined ||
    s.q !== ''
  );
}

export type WarningRow =
  | {
      kind: 'group';
      key: string;
      dept_code: string;
      dept_name: string | null;
      section_name: string | null;
      red: number;
      yellow: number;
    }
  | { kind: 'item'; key: string; item: TReportListItem };

/**
 * The rows of one page, grouped under their department when asked (departments in the order of
 * their first row, rows keeping the server's order), with the count of red and yellow lights.
 */
export function warningRows(items: readonly TReportListItem[], group: boolean): WarningRow[] {
  if (!group) return items.map((item) => ({ kind: 'item', key: item.id, item }));
  const byDept = new Map<string, TReportListItem[]>();
  for (const item of items) byDept.set(item.dept_code, [...(byDept.get(item.dept_code) ?? []), item]);
  return [...byDept].flatMap(([dept, rows]): WarningRow[] => [
    {
      kind: 'group',
      key: `dept:${dept}`,
      dept_code: dept,
      dept_name: rows[0]?.dept_name ?? null,
      section_name: rows[0]?.section_name ?? null,
      red: rows.filter((r) => r.project_light === 'RED').length,
      yellow: rows.filter((r) => r.project_light === 'YELLOW').length,
    },
    ...rows.map((item): WarningRow => ({ kind: 'item', key: item.id, item })),
  ]);
}

// ---- to-dos ----

export interface MonitoringTodo {
  id: string;
  title: string;
  detail: string;
  link: string;
  deadline: string | null;
  overdue: boolean;
}

export type Translate = (key: string, values?: Record<string, string>) => string;

/** The preparer's draft reports in open rounds as to-dos, with the round's deadline. */
export function monitoringTodos(
  items: readonly TReportListItem[],
  rounds: readonly Pick<TRound, 'id' | 'deadline' | 'overdue'>[],
  t: Translate,
): MonitoringTodo[] {
  const byId = new Map(rounds.map((r) => [r.id, r]));
  return items.map((r) => {
    const round = byId.get(r.round_id);
    return {
      id: `monitoring:${r.id}`,
      title: `${r.pro_code} ${r.pro_name}`,
      detail: t('monitoring.todo.detail', { round: r.round_title, asOf: r.as_of }),
      link: reportLink(r.id),
      deadline: round?.deadline ?? null,
      overdue: round?.overdue ?? false,
    };
  });
}

export function reportLink(id: string): string {
  return `/monitoring/reports/${encodeURIComponent(id)}`;
}
