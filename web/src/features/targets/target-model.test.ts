import { describe, expect, it } from 'vitest';
import type { TReview } from '../../../../contracts/targets.ts';
import { DEFAULT_POLICY, type TPolicy } from '../../../../domain/policy/policy.ts';
import type { IndicatorDraft, TargetDraft } from '../../../../domain/targets/indicator.ts';
import {
  actionForGrade,
  commentsByName,
  emptyIndicator,
  fieldDomId,
  fieldKey,
  flagsByRow,
  fromLibrary,
  groupIndicators,
  issuesByField,
  latestReturn,
  libraryCodes,
  parseIssuePath,
  patchIndicator,
  serverIssuesOf,
  summarizeWeights,
  validateDraft,
} from './target-model.ts';
import { draftReducer, initDraftState } from './use-target-draft.ts';

function row(lv1: string, lv2: string, name: string, weight: string, extra: Partial<IndicatorDraft> = {}) {
  return { ...emptyIndicator(lv1, lv2), kpi_lv3: name, kpi_val: '10', meterunit: '个', weight, ...extra };
}

/** The worked example of domain.md §12: output 30 + 20, benefit 30, satisfaction 10 = 90. */
function example(): TargetDraft {
  return {
    long_term_goal: null,
    annual_goal: '完成年度培训任务',
    justification: null,
    explanation: null,
    indicators: [
      row('OUTPUT', 'QUANTITY', '培训人次', '30', {
        kpi_val: '500',
        meterunit: '人次',
        library_code: 'EDU-TRAIN-001',
        last_target: '520',
        last_actual: '520',
        justification: '两所乡镇学校撤并，参训对象减少',
      }),
      row('OUTPUT', 'QUALITY', '合格率', '20', { kpi_val: '95', meterunit: '%' }),
      row('BENEFIT', 'SOCIAL', '投诉率', '30', { computesign: 'LE', kpi_val: '2', meterunit: '%' }),
      row('SATISFACTION', 'SATISFACTION', '满意度', '10', { kpi_val: '90', meterunit: '%' }),
    ],
  };
}

const ctx = (policy: TPolicy = DEFAULT_POLICY) => ({
  policy,
  multiYear: false,
  core: [],
  amount: '1000000.00',
  peers: undefined,
});

describe('groupIndicators', () => {
  it('groups rows by the framework tree with weight subtotals', () => {
    const g = groupIndicators(example(), DEFAULT_POLICY);
    expect(g.level1.map((x) => x.lv1)).toEqual(['OUTPUT', 'BENEFIT', 'SATISFACTION']);
    const output = g.level1[0];
    expect(output?.weight.toFixed()).toBe('50');
    expect(output?.expected).toBe(50);
    expect(output?.groups.map((x) => [x.lv2, x.indexes])).toEqual([
      ['QUANTITY', [0]],
      ['QUALITY', [1]],
      ['TIMELINESS', []],
      ['COST', []],
    ]);
    expect(g.level1[1]?.weight.toFixed()).toBe('30');
    expect(g.unclassified).toEqual([]);
  });

  it('puts rows outside the tree into the unclassified list', () => {
    const d = example();
    d.indicators.push(row('OUTPUT', 'SOCIAL', '错配', '1'), { ...row('X', 'Y', '空', '1'), kpi_lv1: null });
    expect(groupIndicators(d, DEFAULT_POLICY).unclassified).toEqual([4, 5]);
  });

  it('follows the 2021 framework when the policy picks it', () => {
    const d = example();
    d.indicators.push(row('COST', 'ECON_COST', '人均成本', '5', { meterunit: '元' }));
    const g = groupIndicators(d, { ...DEFAULT_POLICY, framework: '2021' });
    expect(g.level1.map((x) => x.lv1)).toEqual(['OUTPUT', 'COST', 'BENEFIT', 'SATISFACTION']);
    expect(g.level1[1]?.groups[0]?.indexes).toEqual([4]);
    expect(g.level1[1]?.expected).toBeNull();
  });

  it('ignores weights that are not numbers in the subtotals', () => {
    const d = example();
    const first = d.indicators[0];
    if (first) first.weight = 'abc';
    expect(groupIndicators(d, DEFAULT_POLICY).level1[0]?.weight.toFixed()).toBe('20');
  });
});

describe('summarizeWeights', () => {
  it('compares the total with 100 − budget points and the level-1 split', () => {
    const s = summarizeWeights(example(), DEFAULT_POLICY);
    expect(s.total.toFixed()).toBe('90');
    expect(s.expected.toFixed()).toBe('90');
    expect(s.exact).toBe(true);
    expect(s.splitMatches).toBe(true);
    expect(s.split.map((x) => [x.lv1, x.actual.toFixed(), x.expected])).toEqual([
      ['OUTPUT', '50', 50],
      ['BENEFIT', '30', 30],
      ['SATISFACTION', '10', 10],
    ]);
  });

  it('adds decimals exactly (no binary floating point)', () => {
    const d = example();
    d.indicators = [row('OUTPUT', 'QUANTITY', 'a', '0.1'), row('OUTPUT', 'QUANTITY', 'b', '0.2')];
    const s = summarizeWeights(d, { ...DEFAULT_POLICY, budget_points: 99.7 });
    expect(s.total.toFixed()).toBe('0.3');
    expect(s.exact).toBe(true);
  });

  it('reports a split other than the default', () => {
    const d = example();
    const q = d.indicators[1];
    if (q) q.weight = '25';
    const s = summarizeWeights(d, DEFAULT_POLICY);
    expect(s.exact).toBe(false);
    expect(s.splitMatches).toBe(false);
  });
});

describe('issue paths', () => {
  it.each([
    [
      'indicators[2].meterunit',
      { kind: 'indicator', index: 2, field: 'meterunit' },
      '2.meterunit',
      'tgt-i-2-meterunit',
    ],
    ['indicators[0]', { kind: 'indicator', index: 0, field: 'kpi_lv3' }, '0.kpi_lv3', 'tgt-i-0-kpi_lv3'],
    [
      '.indicators[1].justification',
      { kind: 'indicator', index: 1, field: 'justification' },
      '1.justification',
      'tgt-i-1-justification',
    ],
    ['annual_goal', { kind: 'target', field: 'annual_goal' }, 'annual_goal', 'tgt-f-annual_goal'],
    ['.justification', { kind: 'target', field: 'justification' }, 'justification', 'tgt-f-justification'],
    ['indicators', { kind: 'target', field: 'indicators' }, 'indicators', 'tgt-f-indicators'],
    ['target.annual_goal', { kind: 'target', field: 'annual_goal' }, 'annual_goal', 'tgt-f-annual_goal'],
    ['', { kind: 'target', field: 'indicators' }, 'indicators', 'tgt-f-indicators'],
    ['something_else', { kind: 'target', field: 'indicators' }, 'indicators', 'tgt-f-indicators'],
  ])('%s → field', (path, ref, key, id) => {
    const r = parseIssuePath(path);
    expect(r).toEqual(ref);
    expect(fieldKey(r)).toBe(key);
    expect(fieldDomId(r)).toBe(id);
  });

  it('reads the issues of a 400 TARGET.INVALID and points them at their fields', () => {
    const issues = serverIssuesOf(
      [
        {
          path: 'indicators[2].meterunit',
          code: 'INDICATOR.UNIT_REQUIRED',
          level: 'error',
          message: '第3条指标 计量单位：…',
        },
        { path: '.justification', code: 'TARGET.JUSTIFICATION_REQUIRED', level: 'error', message: '' },
        { path: 'indicators', code: 'TARGET.LEVEL1_SPLIT', level: 'warning', message: 'split' },
        'garbage',
        null,
      ],
      '绩效目标未通过校验',
    );
    expect(issues.map((i) => [fieldKey(i.ref), i.level, i.message])).toEqual([
      ['2.meterunit', 'error', '第3条指标 计量单位：…'],
      ['justification', 'error', '绩效目标未通过校验'],
      ['indicators', 'warning', 'split'],
    ]);
    expect(serverIssuesOf(undefined, 'x')).toEqual([]);
  });

  it('groups issues by field', () => {
    const issues = [
      { path: 'indicators[2].meterunit' },
      { path: 'indicators[2].meterunit' },
      { path: 'indicators[0].weight' },
      { path: 'annual_goal' },
    ];
    const m = issuesByField(issues);
    expect(m.get('2.meterunit')).toHaveLength(2);
    expect(m.get('annual_goal')).toHaveLength(1);
  });
});

describe('validateDraft', () => {
  it('passes the worked example: its one flag (below last year) carries a justification', () => {
    const v = validateDraft(example(), ctx());
    expect(v.flags.map((f) => [f.index, f.flag])).toEqual([[0, 'BELOW_LAST_ACTUAL']]);
    expect(v.errors).toBe(0);
    const d = example();
    const first = d.indicators[0];
    if (first) first.justification = null;
    const w = validateDraft(d, ctx());
    expect(w.issues.map((i) => `${i.path}:${i.code}`)).toEqual([
      'indicators[0].justification:TARGET.JUSTIFICATION_REQUIRED',
    ]);
  });

  it('finds the issues of the shared rules with paths relative to the target', () => {
    const d = example();
    d.annual_goal = null;
    const unit = d.indicators[0];
    if (unit) unit.meterunit = null;
    const v = validateDraft(d, ctx());
    const paths = v.issues.map((i) => `${i.path}:${i.code}`);
    expect(paths).toContain('annual_goal:FIELD.REQUIRED');
    expect(paths).toContain('indicators[0].meterunit:INDICATOR.UNIT_REQUIRED');
    expect(v.errors).toBe(v.issues.filter((i) => i.level === 'error').length);
  });

  it('requires the long-term goal of a multi-year project', () => {
    const v = validateDraft(example(), { ...ctx(), multiYear: true });
    expect(v.issues.map((i) => i.path)).toContain('long_term_goal');
  });

  it('flags a target below peers and asks for the justification at the row', () => {
    const d = example();
    const first = d.indicators[0];
    if (first) {
      first.last_actual = null;
      first.last_target = null;
      first.justification = null;
    }
    const peers = { 'EDU-TRAIN-001|P|人次': { count: 6, median: '1000', min: '600', max: '1400' } };
    const v = validateDraft(d, { ...ctx(), peers });
    expect(v.flags.map((f) => [f.index, f.flag])).toEqual([[0, 'BELOW_PEERS']]);
    expect(v.flags[0]?.evidence).toMatchObject({ peer_count: 6, peer_median: '1000', peer_best: '1400' });
    expect(v.issues.map((i) => `${i.path}:${i.code}`)).toContain(
      'indicators[0].justification:TARGET.JUSTIFICATION_REQUIRED',
    );
    if (first) first.justification = '两所乡镇学校撤并';
    expect(validateDraft(d, { ...ctx(), peers }).errors).toBe(0);
  });

  it('puts a project-level flag on the target justification', () => {
    const d = example();
    d.indicators = d.indicators.map((i) => ({ ...i, computesign: 'QUAL', meterunit: null }));
    d.indicators.push(row('OUTPUT', 'QUANTITY', '数量', '0.5'));
    const v = validateDraft(d, ctx());
    expect(v.flags.some((f) => f.index === null && f.flag === 'MONEY_MISMATCH')).toBe(true);
    expect(v.issues.map((i) => i.path)).toContain('justification');
    expect(flagsByRow(v.flags).get(-1)).toHaveLength(1);
  });
});

describe('library and rows', () => {
  const item = {
    code: 'EDU-TRAIN-001',
    name: '培训人次',
    unit: '人次',
    sign: 'GE' as const,
    progress: 'CUMULATIVE' as const,
    scoring_rule: '完成得满分',
    kpi_lv1: 'OUTPUT' as const,
    kpi_lv2: 'QUANTITY',
  };

  it('prefills a row from a library indicator', () => {
    const r = fromLibrary(item, { lv1: 'BENEFIT', lv2: 'SOCIAL' }, '2015');
    expect(r).toMatchObject({
      kpi_lv1: 'OUTPUT',
      kpi_lv2: 'QUANTITY',
      kpi_lv3: '培训人次',
      computesign: 'GE',
      meterunit: '人次',
      progress: 'CUMULATIVE',
      library_code: 'EDU-TRAIN-001',
      scoring_standard: '完成得满分',
      value_basis: 'INDUSTRY',
      kpi_val: null,
      weight: null,
    });
  });

  it('uses the group it was picked from when the library pair is not in the framework', () => {
    const r = fromLibrary(
      { ...item, kpi_lv1: 'COST', kpi_lv2: 'ECON_COST' },
      { lv1: 'OUTPUT', lv2: 'COST' },
      '2015',
    );
    expect([r.kpi_lv1, r.kpi_lv2]).toEqual(['OUTPUT', 'COST']);
  });

  it('proposes the progress kind from the unit of a hand-made row only', () => {
    const own = emptyIndicator('OUTPUT', 'QUALITY');
    expect(patchIndicator(own, { meterunit: '%' }).progress).toBe('LEVEL');
    expect(patchIndicator(own, { meterunit: '人' }).progress).toBe('CUMULATIVE');
    const lib = fromLibrary(item, { lv1: null, lv2: null }, '2015');
    expect(patchIndicator(lib, { meterunit: '%' }).progress).toBe('CUMULATIVE');
  });

  it('lists the library codes sorted and unique', () => {
    const d = example();
    d.indicators.push(row('OUTPUT', 'QUANTITY', 'x', '1', { library_code: 'A-1' }));
    d.indicators.push(row('OUTPUT', 'QUANTITY', 'y', '1', { library_code: 'A-1' }));
    expect(libraryCodes(d)).toEqual(['A-1', 'EDU-TRAIN-001']);
  });

  it('keeps row keys aligned with the rows when adding and removing', () => {
    let s = initDraftState(example());
    const before = [...s.keys];
    s = draftReducer(s, { type: 'add', indicator: emptyIndicator('OUTPUT', 'QUANTITY'), key: 'new' });
    s = draftReducer(s, { type: 'remove', index: 1 });
    expect(s.keys).toEqual([before[0], before[2], before[3], 'new']);
    expect(s.draft.indicators.map((i) => i.kpi_lv3)).toEqual(['培训人次', '投诉率', '满意度', null]);
    s = draftReducer(s, { type: 'patch', index: 3, patch: { kpi_lv3: '新指标' } });
    expect(s.draft.indicators[3]?.kpi_lv3).toBe('新指标');
  });
});

describe('review', () => {
  it('maps the overall grade to the decision', () => {
    expect(actionForGrade('EXCELLENT')).toBe('APPROVE');
    expect(actionForGrade('GOOD')).toBe('APPROVE');
    expect(actionForGrade('FAIR')).toBe('RETURN');
    expect(actionForGrade('POOR')).toBe('REJECT');
  });

  const review = (
    action: TReview['action'],
    at: string,
    comments: TReview['indicator_comments'] = [],
  ): TReview => ({
    id: at,
    version_no: 1,
    step: 'DEPARTMENT',
    action,
    comment: null,
    indicator_comments: comments,
    grades: null,
    grade: null,
    fixes: null,
    actor_name: 'dept',
    at,
  });

  it('finds the return still in force and its indicator comments', () => {
    const r = review('RETURN', '2026-01-02T00:00:00Z', [
      { kpi_lv3: '培训人次', comment: '偏低' },
      { kpi_lv3: '培训人次', comment: '请说明' },
    ]);
    expect(latestReturn([review('SUBMIT', '2026-01-01T00:00:00Z'), r])).toBe(r);
    expect(commentsByName(r).get('培训人次')).toEqual(['偏低', '请说明']);
    expect(latestReturn([r, review('SUBMIT', '2026-01-03T00:00:00Z')])).toBeNull();
  });
});
