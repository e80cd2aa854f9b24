import { describe, expect, it } from 'vitest';
import type { TMonitoringDraft, TReportListItem } from '../../../../contracts/monitoring.ts';
import { computeMonitoringRound } from '../../../../domain/monitoring/lights.ts';
import { DEFAULT_POLICY } from '../../../../domain/policy/policy.ts';
import {
  alignDraft,
  checkAsOf,
  checkRoundDeadline,
  checkRoundTitle,
  computeLive,
  emptyRow,
  fieldKey,
  issuesByField,
  lightCounts,
  monitoringTodos,
  quarterEnds,
  readWarningsState,
  refOf,
  roundOf,
  rowKindOf,
  serverIssuesOf,
  shownIssue,
  submittedPercent,
  takesPlanned,
  targetOf,
  toIssueRound,
  toWarningsQuery,
  wanInputToYuan,
  warningRows,
  writeWarningsState,
  yuanToWanInput,
  type ReportBasis,
  type ReportIndicator,
} from './monitoring-model.ts';

function ind(
  seq: number,
  name: string,
  sign: string,
  value: string,
  unit: string | null,
  progress: string,
  lv: [string, string] = ['OUTPUT', 'QUANTITY'],
): ReportIndicator {
  return {
    seq,
    kpi_lv1: lv[0],
    kpi_lv2: lv[1],
    kpi_lv3: name,
    computesign: sign,
    kpi_val: value,
    meterunit: unit,
    weight: '20',
    progress,
    value: null,
    light: null,
  };
}

/** The example project of exchange-format.md, monitored as of 2026-06-30. */
const INDICATORS: ReportIndicator[] = [
  ind(1, '培训人次', 'GE', '500', '人次', 'CUMULATIVE'),
  ind(2, '合格率', 'GE', '95', '%', 'LEVEL', ['OUTPUT', 'QUALITY']),
  ind(3, '投诉率', 'LE', '2', '%', 'LEVEL', ['BENEFIT', 'SOCIAL']),
  ind(4, '满意度', 'GE', '90', '%', 'LEVEL', ['SATISFACTION', 'SATISFACTION']),
];

function basis(paid: string | null = null): ReportBasis {
  return { budget: '1000000.00', paid_to_date: paid, indicators: INDICATORS, round: { as_of: '2026-06-30' } };
}

function exampleDraft(): TMonitoringDraft {
  return {
    executed: '400000.00',
    forecast_executed: '980000.00',
    planned_executed: null,
    indicators: [
      {
        ...emptyRow('培训人次'),
        actual: '120',
        forecast: '480',
        likelihood: 'POSSIBLE',
        deviation_causes: ['STAFF'],
      },
      { ...emptyRow('合格率'), actual: '96', likelihood: 'CERTAIN' },
      { ...emptyRow('投诉率'), actual: '1.5', likelihood: 'CERTAIN' },
      { ...emptyRow('满意度'), actual: '88', likelihood: 'POSSIBLE' },
    ],
  };
}

describe('alignDraft', () => {
  it('gives one row per indicator of the target, in its order, keeping what was stored', () => {
    const stored = exampleDraft();
    const view = {
      indicators: INDICATORS,
      draft: {
        ...stored,
        indicators: [stored.indicators[2], stored.indicators[0], emptyRow('不在目标中')].flatMap((r) =>
          r ? [r] : [],
        ),
      },
    };
    const d = alignDraft(view);
    expect(d.indicators.map((r) => r.kpi_lv3)).toEqual(['培训人次', '合格率', '投诉率', '满意度']);
    expect(d.indicators[0]?.actual).toBe('120');
    expect(d.indicators[1]).toEqual(emptyRow('合格率'));
    expect(d.indicators[2]?.actual).toBe('1.5');
    expect(d.executed).toBe('400000.00');
  });
});

describe('computeLive', () => {
  it('gives the lights of exchange-format.md for the example, as computeMonitoringRound does', () => {
    const live = computeLive(basis(), exampleDraft(), DEFAULT_POLICY);
    expect(live.complete).toBe(true);
    expect(live.issues).toEqual([]);
    expect(live.execution).toEqual({ value: '80.00', light: 'GREEN' });
    expect(live.rows).toEqual([
      { value: '48.00', light: 'RED' },
      { value: '101.05', light: 'GREEN' },
      { value: null, light: 'GREEN' },
      { value: '97.78', light: 'GREEN' },
    ]);
    expect(live.target).toBe('RED');
    expect(live.project).toBe('RED');
    const direct = computeMonitoringRound(roundOf(exampleDraft(), '2026-06-30', null), targetOf(INDICATORS), {
      policy: DEFAULT_POLICY,
      amount: '1000000.00',
      base: '',
    });
    expect(direct.result?.project_light).toBe(live.project);
  });

  it('lights each complete row and the execution while other rows still miss their actual', () => {
    const draft = exampleDraft();
    const rows = draft.indicators.map((r, i) => (i === 1 ? { ...r, actual: null } : r));
    const live = computeLive(basis(), { ...draft, indicators: rows }, DEFAULT_POLICY);
    expect(live.complete).toBe(false);
    expect(live.rows[0]).toEqual({ value: '48.00', light: 'RED' });
    expect(live.rows[1]).toBeNull();
    expect(live.rows[3]).toEqual({ value: '97.78', light: 'GREEN' });
    expect(live.execution).toEqual({ value: '80.00', light: 'GREEN' });
    expect(live.target).toBeNull();
    expect(live.project).toBeNull();
    const shown = live.issues.map((i) =>
      shownIssue(
        i,
        'zh-CN',
        INDICATORS.map((x) => x.kpi_lv3),
      ),
    );
    expect(shown).toHaveLength(1);
    expect(shown[0]?.code).toBe('MONITORING.ACTUAL_REQUIRED');
    expect(shown[0]?.ref).toEqual({ kind: 'row', index: 1, field: 'actual' });
    expect(shown[0]?.message).toContain('合格率');
  });

  it('takes E from the payment records when any exist, whatever was typed', () => {
    const draft = { ...exampleDraft(), executed: null };
    expect(computeLive(basis(), draft, DEFAULT_POLICY).execution).toBeNull();
    const live = computeLive(basis('250000.00'), draft, DEFAULT_POLICY);
    expect(live.execution).toEqual({ value: '50.00', light: 'RED' });
    expect(live.complete).toBe(true);
  });

  it('uses a planned execution and a planned value where given', () => {
    const draft = exampleDraft();
    const rows = draft.indicators.map((r, i) => (i === 0 ? { ...r, planned: '150' } : r));
    const live = computeLive(
      basis(),
      { ...draft, planned_executed: '500000', indicators: rows },
      DEFAULT_POLICY,
    );
    expect(live.execution).toEqual({ value: '80.00', light: 'GREEN' });
    expect(live.rows[0]).toEqual({ value: '80.00', light: 'GREEN' });
  });

  it('makes an IMPOSSIBLE indicator red and a qualitative one lit by its level', () => {
    const quals = [...INDICATORS, ind(5, '群众评价', 'QUAL', '良好', null, 'LEVEL', ['BENEFIT', 'SOCIAL'])];
    const draft = exampleDraft();
    const rows = [
      ...draft.indicators.map((r, i) => (i === 3 ? { ...r, likelihood: 'IMPOSSIBLE' as const } : r)),
      { ...emptyRow('群众评价'), level: 'PARTIAL' as const },
    ];
    const live = computeLive(
      { ...basis(), indicators: quals },
      { ...draft, indicators: rows },
      DEFAULT_POLICY,
    );
    expect(live.rows[3]).toEqual({ value: '97.78', light: 'RED' });
    expect(live.rows[4]).toEqual({ value: null, light: 'YELLOW' });
  });

  it('reports a malformed actual on its own field, with the words of the field', () => {
    const draft = exampleDraft();
    const rows = draft.indicators.map((r, i) => (i === 0 ? { ...r, actual: '一百' } : r));
    const live = computeLive(basis(), { ...draft, indicators: rows }, DEFAULT_POLICY);
    const shown = live.issues.map((i) =>
      shownIssue(
        i,
        'en-US',
        INDICATORS.map((x) => x.kpi_lv3),
      ),
    );
    expect(shown.map((s) => fieldKey(s.ref))).toEqual(['0.actual']);
    expect(live.rows[0]).toBeNull();
    expect(issuesByField(shown).get('0.actual')).toHaveLength(1);
  });
});

describe('refOf and server issues', () => {
  const names = ['培训人次', '合格率'];
  it('maps paths to rows and round fields', () => {
    expect(refOf('indicators[1].deviation_causes[0]', names)).toEqual({
      kind: 'row',
      index: 1,
      field: 'deviation_causes',
    });
    expect(refOf('executed', names)).toEqual({ kind: 'round', field: 'executed' });
    expect(refOf('indicators', names, { name: '合格率' })).toEqual({
      kind: 'row',
      index: 1,
      field: 'actual',
    });
    expect(refOf('indicators', names, { name: '别的' })).toEqual({ kind: 'round', field: 'indicators' });
    expect(refOf('somewhere.else', names)).toEqual({ kind: 'round', field: 'indicators' });
  });

  it('reads details.issues defensively', () => {
    const got = serverIssuesOf(
      [{ path: 'indicators[0].actual', code: 'FIELD.TYPE', level: 'error', message: 'bad' }, 7, null],
      'fallback',
      names,
    );
    expect(got).toEqual([
      {
        path: 'indicators[0].actual',
        code: 'FIELD.TYPE',
        level: 'error',
        message: 'bad',
        inline: 'bad',
        ref: { kind: 'row', index: 0, field: 'actual' },
      },
    ]);
    expect(serverIssuesOf('nope', 'x', names)).toEqual([]);
  });
});

describe('row kinds', () => {
  it('asks for a planned value only where the rule reads one', () => {
    const kinds = INDICATORS.map(rowKindOf);
    expect(kinds).toEqual(['positive-cumulative', 'positive-level', 'negative', 'positive-level']);
    expect(kinds.map(takesPlanned)).toEqual([true, false, false, false]);
    expect(rowKindOf({ computesign: 'OTHER', progress: 'LEVEL', meterunit: null })).toBe('qualitative');
    expect(rowKindOf({ computesign: 'EQ', progress: 'X', meterunit: '个' })).toBe('positive-cumulative');
  });
});

describe('money in 万元', () => {
  it('shows yuan as exact 万元 and reads it back', () => {
    expect(yuanToWanInput('400000.00')).toBe('40.00');
    expect(yuanToWanInput('123456.78')).toBe('12.345678');
    expect(yuanToWanInput('5')).toBe('0.0005');
    expect(yuanToWanInput(null)).toBe('');
    expect(wanInputToYuan('12.345678')).toEqual({ ok: true, yuan: '123456.78' });
    expect(wanInputToYuan('40')).toEqual({ ok: true, yuan: '400000' });
    expect(wanInputToYuan(' ')).toEqual({ ok: true, yuan: null });
    expect(wanInputToYuan('4O')).toEqual({ ok: false });
    expect(wanInputToYuan('-1')).toEqual({ ok: false });
  });
});

describe('the round form', () => {
  it('checks title, as-of date and deadline', () => {
    expect(checkRoundTitle(' ')).toBe('required');
    expect(checkRoundTitle('a')).toBe('length');
    expect(checkRoundTitle('1–6 月监控')).toBeNull();
    expect(checkAsOf(undefined, '2026')).toBe('required');
    expect(checkAsOf('2025-12-31', '2026')).toBe('year');
    expect(checkAsOf('2026-06-30', '2026')).toBeNull();
    expect(checkRoundDeadline(undefined, '2026-06-30', '2026-07-01')).toBe('required');
    expect(checkRoundDeadline('2026-06-29', '2026-06-30', '2026-06-01')).toBe('beforeAsOf');
    expect(checkRoundDeadline('2026-07-10', '2026-06-30', '2026-07-11')).toBe('past');
    expect(checkRoundDeadline('2026-07-15', '2026-06-30', '2026-07-11')).toBeNull();
  });

  it('builds the request and proposes the quarter ends so far', () => {
    expect(
      toIssueRound({ title: ' 半年监控 ', as_of: '2026-06-30', deadline: '2026-07-15' }, '2026'),
    ).toEqual({
      fiscal_year: '2026',
      title: '半年监控',
      as_of: '2026-06-30',
      deadline: '2026-07-15',
      dept_codes: [],
      agency_codes: [],
    });
    expect(quarterEnds('2026', '2026-11-24')).toEqual(['2026-09-30', '2026-06-30', '2026-03-31']);
    expect(quarterEnds('2027', '2026-11-24')).toEqual([]);
  });

  it('counts progress and lights', () => {
    expect(submittedPercent({ reports: 3, submitted: 2 })).toBe(66);
    expect(submittedPercent({ reports: 0, submitted: 0 })).toBe(0);
    expect(lightCounts({ GREEN: 5, RED: 2, NA: 0 })).toEqual([
      { light: 'RED', count: 2 },
      { light: 'GREEN', count: 5 },
    ]);
  });
});

function item(id: string, dept: string, light: 'RED' | 'YELLOW', round = 'r1'): TReportListItem {
  return {
    id,
    round_id: round,
    round_title: '半年监控',
    as_of: '2026-06-30',
    project_id: `p-${id}`,
    pro_code: `36012126000${id}`,
    pro_name: `项目${id}`,
    dept_code: dept,
    dept_name: `部门${dept}`,
    agency_code: `${dept}001`,
    agency_name: null,
    section_name: null,
    budget: '100000',
    executed: '10000',
    execution_value: '20.00',
    execution_light: 'RED',
    target_light: light,
    project_light: light,
    status: 'SUBMITTED',
    funds_status: 'NORMAL',
    disposition: null,
    updated_at: '2026-07-01T00:00:00Z',
  };
}

describe('the warnings list', () => {
  it('keeps its state in the URL', () => {
    const s = readWarningsState(new URLSearchParams('light=RED&dept=101&q=培训&group=0&page=3&size=100'));
    expect(s).toEqual({
      round: undefined,
      dept: '101',
      section: undefined,
      light: 'RED',
      status: undefined,
      q: '培训',
      group: false,
      page: 3,
      size: 100,
    });
    expect(readWarningsState(writeWarningsState(s))).toEqual(s);
    expect(writeWarningsState(readWarningsState(new URLSearchParams())).toString()).toBe('');
    expect(readWarningsState(new URLSearchParams('light=GREEN')).light).toBeUndefined();
  });

  it('asks for red and yellow unless one light is chosen', () => {
    const s = readWarningsState(new URLSearchParams());
    expect(toWarningsQuery(s, '2026')).toMatchObject({
      fiscal_year: '2026',
      lights: 'RED,YELLOW',
      page: 1,
      page_size: 50,
    });
    expect(toWarningsQuery({ ...s, light: 'YELLOW', q: 'x' }, '2026')).toMatchObject({
      lights: 'YELLOW',
      q: 'x',
    });
  });

  it('groups the rows of a page under their department with red and yellow counts', () => {
    const rows = warningRows(
      [item('1', '101', 'RED'), item('2', '102', 'YELLOW'), item('3', '101', 'YELLOW')],
      true,
    );
    expect(rows.map((r) => r.key)).toEqual(['dept:101', '1', '3', 'dept:102', '2']);
    expect(rows[0]).toMatchObject({ kind: 'group', dept_name: '部门101', red: 1, yellow: 1 });
    expect(warningRows([item('1', '101', 'RED')], false).map((r) => r.kind)).toEqual(['item']);
  });
});

describe('to-dos', () => {
  it('turns draft reports into to-dos with the round deadline', () => {
    const t = (key: string, v?: Record<string, string>) => `${key}:${v?.round ?? ''}:${v?.asOf ?? ''}`;
    const todos = monitoringTodos(
      [item('1', '101', 'RED'), item('2', '101', 'RED', 'r2')],
      [{ id: 'r1', deadline: '2026-07-15', overdue: true }],
      t,
    );
    expect(todos[0]).toEqual({
      id: 'monitoring:1',
      title: '360121260001 项目1',
      detail: 'monitoring.todo.detail:半年监控:2026-06-30',
      link: '/monitoring/reports/1',
      deadline: '2026-07-15',
      overdue: true,
    });
    expect(todos[1]).toMatchObject({ deadline: null, overdue: false });
  });
});
