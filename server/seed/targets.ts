/**
 * Deterministic performance targets (绩效目标) for the projects of a generated region
 * (generate.ts), as plain rows whose keys are the SQL columns of targets, target_versions and
 * target_indicators (domain.md §4). Streamed project by project in the order of the project
 * stream; only the current region's previous-year targets are held (continuing projects keep
 * their indicators and carry last year's target and actual).
 *
 *   for (const { project, target } of generateTargets(g)) …   // target null: none declared yet
 *
 * Indicators come from the shipped library (domain/library/starter-library.json) by the
 * project's sector (its functional classification), with the default level-1 split (output 50,
 * benefit 30, satisfaction 10). Every target is valid by checkTarget with the default policy; the
 * difficulty flags that a target's own data raises (computeFlags without peers) are answered
 * with a justification except in some drafts, and stored on the version. Years before the
 * newest are approved with full-year actuals; the newest year is a mix of review states (in the
 * units of GenerateOptions.targets.freeUnits about half without a target, the rest approved), and
 * each target carries the review history its state implies.
 * Parts: targets-values.ts (catalogue and values, in exact integer hundredths), targets-review.ts
 * (review states, dates, history), targets-load.ts (the set-based loader), targets-exchange.ts
 * (the exchange-format writer).
 */
import { loadStarterLibrary } from '../../domain/library/library.ts';
import { DEFAULT_POLICY, type TPolicy } from '../../domain/policy/policy.ts';
import { computeFlags, type Flag, type FlagCode } from '../../domain/targets/difficulty.ts';
import {
  defaultProgress,
  isNegative,
  isQuantitative,
  type IndicatorDraft,
  type ProgressKind,
  type Sign,
  type TargetDraft,
  type ValueBasis,
} from '../../domain/targets/indicator.ts';
import {
  reviewChain,
  type ReviewDimension,
  type ReviewGrade,
  type ReviewStep,
  type TargetStatus,
} from '../../domain/targets/workflow.ts';
import type { GeneratedRegion, ProjectRow } from './generate.ts';
import { Rng, uuidFrom, WeightedTable } from './random.ts';
import { People, reviewOf, reviewRows, type NewestState } from './targets-review.ts';
import {
  actualOf,
  Catalogue,
  centiText,
  continuedValue,
  CUSTOM_QUANTITY,
  freshValue,
  specOf,
  textCenti,
  type Carried,
  type Pools,
  type Spec,
} from './targets-values.ts';

// ---------------------------------------------------------------------------------------------
// Options and rows.

/** A budget unit of a region. */
export interface UnitRef {
  mof_div_code: string;
  agency_code: string;
}

/** How targets are generated for a region (GenerateOptions.targets). */
export interface TargetOptions {
  /** false: the loader writes no targets. Default true. */
  enabled?: boolean;
  /**
   * The units of the demo preparers. About half of their projects of the newest year stay without
   * a target, so that the demo declares them in the UI — the continuing ones whose proposal (last
   * year's indicators) raises difficulty flags first, at least 3 a unit where that leaves one to
   * approve — and the rest are APPROVED (in force, for monitoring). See freeSplit.
   */
  freeUnits?: (generated: GeneratedRegion) => readonly UnitRef[];
  /** false: no payment records, monitoring round or reports (monitoring.ts). Default true. */
  monitoring?: boolean;
}

export interface TargetRow {
  id: string;
  mof_div_code: string;
  fiscal_year: string;
  kind: 'PROJECT';
  pro_code: string;
  dept_code: string;
  agency_code: string;
  /** The project's amount (yuan, 2 decimals). */
  amount: string;
  current_version: number;
  in_force_version: number | null;
  status: TargetStatus;
  step: ReviewStep | null;
  row_version: number;
  created_at: string;
  updated_at: string;
}

export interface TargetVersionRow {
  id: string;
  target_id: string;
  version_no: number;
  status: TargetStatus;
  long_term_goal: string;
  annual_goal: string;
  justification: string | null;
  explanation: string | null;
  /** The difficulty flags of the target's own data (last year's values; peers are not known here). */
  flags: Flag[];
  grade: ReviewGrade | null;
  fixes: string | null;
  created_at: string;
  submitted_at: string | null;
  approved_at: string | null;
}

export interface TargetIndicatorRow {
  version_id: string;
  seq: number;
  kpi_lv1: string;
  kpi_lv2: string;
  kpi_lv3: string;
  computesign: Sign;
  kpi_val: string;
  /** kpi_val when it is a number, else null. */
  kpi_val_num: string | null;
  meterunit: string | null;
  weight: string;
  progress: ProgressKind;
  value_basis: ValueBasis;
  library_code: string | null;
  last_target: string | null;
  last_actual: string | null;
  data_source: string;
  scoring_standard: string;
  justification: string | null;
  explanation: string | null;
  is_core: boolean;
  /** The full-year actual (years before the newest only; null for qualitative indicators). */
  final_actual: string | null;
}

/** One entry of a target's review history (target_reviews). */
export interface TargetReviewRow {
  target_id: string;
  version_no: number;
  step: ReviewStep | null;
  action: 'SUBMIT' | 'APPROVE' | 'RETURN';
  comment: string | null;
  indicator_comments: { kpi_lv3: string; comment: string }[];
  grades: Record<ReviewDimension, ReviewGrade> | null;
  grade: ReviewGrade | null;
  fixes: string | null;
  actor_name: string;
  at: string;
}

export { centiText } from './targets-values.ts';

export interface GeneratedTarget {
  target: TargetRow;
  version: TargetVersionRow;
  indicators: TargetIndicatorRow[];
  reviews: TargetReviewRow[];
}

/** One project of the stream with its target (null: no target declared yet). */
export interface ProjectTarget {
  project: ProjectRow;
  target: GeneratedTarget | null;
}

// ---------------------------------------------------------------------------------------------
// Parameters.

/** Newest-year review states (the rest, NONE, has no target yet). */
const NEWEST_STATES = new WeightedTable(
  ['APPROVED', 'SUBMITTED', 'RETURNED', 'DRAFT', 'NONE'] as const,
  [55, 25, 5, 4, 11],
);
/** Share of those that carry no reason yet (drafts only). */
const DRAFT_NO_REASON_SHARE = 0.6;

/** Typical project amount (yuan) of a region level, around which count targets scale. */
const REFERENCE_AMOUNT: Readonly<Record<string, number>> = {
  COUNTY: 440_000,
  CITY: 1_100_000,
  PROVINCE: 2_200_000,
};

// ---------------------------------------------------------------------------------------------
// Texts.

const SECTOR_AIMS: Readonly<Record<string, string>> = {
  EDU: '促进教育优质均衡发展',
  HEALTH: '提升医疗卫生服务能力',
  AGRI: '促进农业增效和农民增收',
  TRANSPORT: '改善群众出行条件',
  SOCIAL: '兜牢基本民生保障底线',
  ECO: '持续改善生态环境质量',
  CULTURE: '丰富群众精神文化生活',
  SECURITY: '维护社会安全稳定',
  SCITECH: '增强科技创新能力',
  GENERAL: '保障部门履职和事业发展',
  HOUSING: '改善城乡人居环境',
  WATER: '提升水安全保障能力',
};

const DATA_SOURCES: Readonly<Record<string, readonly string[]>> = {
  QUANTITY: ['项目实施单位工作台账', '项目验收资料', '业务统计报表'],
  QUALITY: ['项目验收报告', '质量检测报告', '考核记录'],
  TIMELINESS: ['项目进度台账', '资金支付凭证'],
  COST: ['财务决算资料', '合同及支付凭证'],
  BENEFIT: ['行业主管部门统计数据', '项目绩效自评报告', '抽样调查'],
  SATISFACTION: ['问卷调查', '第三方满意度调查'],
};

const SCORING_BY_SIGN: Readonly<Record<string, string>> = {
  GE: '完成值达到指标值得满分，未达到按完成比例计分',
  GT: '完成值达到指标值得满分，未达到按完成比例计分',
  LE: '完成值不高于指标值得满分，超出的按超出比例扣分',
  LT: '完成值不高于指标值得满分，超出的按超出比例扣分',
  EQ: '按标准执行得满分，未按标准执行不得分',
  QUAL: '达成年度目标得满分，部分达成按程度计分，未达成不得分',
};

const QUAL_VALUES = ['健全完善', '逐步完善', '有效发挥作用', '明显提升'] as const;

const REASONS: Readonly<Record<FlagCode | 'SOFT' | 'STRETCH', readonly string[]>> = {
  BELOW_LAST_ACTUAL: [
    '受资金压减影响，本年度实施规模相应缩减',
    '上年度含一次性集中实施任务，本年度恢复常态水平',
    '服务对象数量减少，目标值按实际需求测算',
    '部分实施点位调整合并，实施范围较上年缩小',
  ],
  OVERSHOT_BEFORE: [
    '上年超额完成系一次性因素所致，本年目标已参照上年实际完成值确定',
    '上年目标设定偏保守，本年已按上年实际完成值上调',
  ],
  INFEASIBLE: [
    '本年度资金足额到位并新增实施点位，预计可恢复至原定目标',
    '新增上级专项资金，实施规模较上年明显扩大',
  ],
  BELOW_PEERS: ['本项目服务范围较小，目标值按实际需求测算', '本地基础条件较弱，目标值结合近三年实际确定'],
  MONEY_MISMATCH: ['项目以制度建设和管理服务为主，难以设置更多定量指标'],
  SOFT: ['本项目服务范围较小，目标值按实际需求测算', '项目处于起步阶段，目标值按试点规模确定'],
  STRETCH: ['项目资金规模较大，实施范围覆盖全域', '整合多渠道资金集中实施，目标值相应提高'],
};

// ---------------------------------------------------------------------------------------------
// Ids.

// ---------------------------------------------------------------------------------------------
// Weights: the level-1 total split over its indicators, in whole or half points.

function splitWeights(rng: Rng, total: number, boosts: readonly number[], halves: boolean): number[] {
  const unit = halves ? 50 : 100; // hundredths of a point
  const units = (total * 100) / unit;
  const raw = boosts.map((b) => b * rng.float(0.75, 1.25));
  const sum = raw.reduce((s, x) => s + x, 0);
  const min = Math.max(1, Math.floor(units / (boosts.length * 3)));
  const out = raw.map((x) => Math.max(min, Math.floor((units * x) / sum)));
  let left = units - out.reduce((s, x) => s + x, 0);
  for (let i = 0; left !== 0; i = (i + 1) % out.length) {
    const v = out[i] ?? 0;
    if (left > 0) {
      out[i] = v + 1;
      left -= 1;
    } else if (v > min) {
      out[i] = v - 1;
      left += 1;
    }
  }
  return out.map((u) => u * unit);
}

// ---------------------------------------------------------------------------------------------
// One target.

interface Planned {
  spec: Spec;
  weight: number;
}

function pickDistinct(rng: Rng, table: WeightedTable<Spec> | null, n: number, used: Set<string>): Spec[] {
  const out: Spec[] = [];
  if (!table) return out;
  for (let attempt = 0; out.length < n && attempt < n * 8; attempt++) {
    const s = table.pick(rng);
    if (used.has(s.name)) continue;
    used.add(s.name);
    out.push(s);
  }
  return out;
}

/** The indicators of a new target: kinds, counts and weights (domain.md §4 default split). */
function planIndicators(rng: Rng, pools: Pools): Planned[] {
  const used = new Set<string>();
  const nQuantity = rng.weighted([2, 3, 4, 5], [35, 38, 20, 7]);
  const quantity = pickDistinct(rng, pools.quantity, nQuantity, used);
  for (const s of rng.shuffle([...pools.fallbackQuantity])) {
    if (quantity.length >= 2) break;
    if (used.has(s.name)) continue;
    used.add(s.name);
    quantity.push(s);
  }
  const qualityTime = pickDistinct(rng, pools.qualityTime, rng.chance(0.55) ? 1 : 2, used);
  const cost = rng.chance(0.15) ? pickDistinct(rng, pools.cost, 1, used) : [];
  const benefit = pickDistinct(rng, pools.benefit, rng.weighted([1, 2, 3], [30, 45, 25]), used);
  const sat =
    pools.satisfaction && rng.chance(0.6)
      ? (pickDistinct(rng, pools.satisfaction, 1, used)[0] ?? null)
      : null;
  const satisfaction = sat ?? pools.general;

  const halves = rng.chance(0.2);
  const output = [...quantity, ...qualityTime, ...cost];
  const outputWeights = splitWeights(
    rng,
    50,
    output.map((s) => (s.lv2 === 'QUANTITY' ? 1.4 : 1)),
    halves,
  );
  const benefitWeights = splitWeights(
    rng,
    30,
    benefit.map(() => 1),
    halves,
  );
  return [
    ...output.map((spec, i) => ({ spec, weight: outputWeights[i] ?? 0 })),
    ...benefit.map((spec, i) => ({ spec, weight: benefitWeights[i] ?? 0 })),
    { spec: satisfaction, weight: 1000 },
  ];
}

/** An indicator of last year's target as a plan (same name, kind, unit and weight). */
function planOf(row: TargetIndicatorRow, byCode: ReadonlyMap<string, Spec>): Planned {
  const lib = row.library_code ? byCode.get(row.library_code) : undefined;
  const custom = CUSTOM_QUANTITY.find((c) => c.name === row.kpi_lv3);
  const spec: Spec = lib ??
    custom ?? {
      code: row.library_code,
      name: row.kpi_lv3,
      lv1: row.kpi_lv1,
      lv2: row.kpi_lv2,
      sign: row.computesign,
      unit: row.meterunit,
      progress: row.progress,
      typical: row.kpi_val_num === null ? null : textCenti(row.kpi_val_num),
      funcClass: null,
      scoring: row.scoring_standard,
      sector: 'GENERAL',
      common: true,
    };
  return { spec, weight: textCenti(row.weight) };
}

interface TargetContext {
  seed: number;
  policy: TPolicy;
  chain: readonly ReviewStep[];
  catalogue: Catalogue;
  byCode: ReadonlyMap<string, Spec>;
  level: string;
  year: string;
  peers: PeerEstimate;
  people: People;
}

/**
 * A running estimate of the peers' median target per library indicator, direction, unit, year and
 * region level (domain.md §4 peers), from the first values of the stream, so that a value that
 * will probably be flagged BELOW_PEERS comes with a reason. Bounded: at most SAMPLE values a key.
 */
class PeerEstimate {
  static readonly SAMPLE = 151;
  /** Ascending samples by key. */
  readonly #samples = new Map<string, number[]>();

  #key(ctx: TargetContext, spec: Spec): string | null {
    if (spec.code === null || spec.sign === 'QUAL' || spec.sign === 'OTHER') return null;
    return `${ctx.year}|${ctx.level}|${spec.code}|${isNegative(spec.sign) ? 'N' : 'P'}|${spec.unit ?? ''}`;
  }

  add(ctx: TargetContext, spec: Spec, value: number): void {
    const key = this.#key(ctx, spec);
    if (key === null) return;
    let list = this.#samples.get(key);
    if (!list) {
      list = [];
      this.#samples.set(key, list);
    }
    if (list.length >= PeerEstimate.SAMPLE) return;
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((list[mid] ?? 0) < value) lo = mid + 1;
      else hi = mid;
    }
    list.splice(lo, 0, value);
  }

  #median(key: string): number | null {
    const v = this.#samples.get(key);
    if (!v || v.length < 5) return null;
    return ((v[Math.floor((v.length - 1) / 2)] ?? 0) + (v[Math.floor(v.length / 2)] ?? 0)) / 2;
  }

  /**
   * Whether a value is well off the estimated median (a margin inside the rule's 70 % / 130 %),
   * or, before enough values are known, off the typical value.
   */
  isOff(ctx: TargetContext, spec: Spec, value: number): boolean {
    if (spec.sign === 'EQ') return false;
    const key = this.#key(ctx, spec);
    const median = (key === null ? null : this.#median(key)) ?? spec.typical;
    if (median === null || median <= 0) return false;
    return isNegative(spec.sign) ? value * 100 > median * 122 : value * 100 < median * 78;
  }
}

function annualGoal(
  p: ProjectRow,
  first: TargetIndicatorRow | undefined,
  sat: TargetIndicatorRow | undefined,
) {
  const q = first ? `${first.kpi_lv3}达到${first.kpi_val}${first.meterunit ?? ''}` : '完成年度任务';
  const s = sat ? `，${sat.kpi_lv3}不低于${sat.kpi_val}${sat.meterunit ?? ''}` : '';
  return `${p.fiscal_year}年实施${p.pro_name}，${q}${s}。`;
}

function longTermGoal(p: ProjectRow, sector: string): string {
  const span = p.end_year > p.start_year ? `${p.start_year}—${p.end_year}年` : `${p.start_year}年`;
  return `${span}通过${p.pro_name}，${SECTOR_AIMS[sector] ?? SECTOR_AIMS.GENERAL ?? ''}。`;
}

function buildTarget(
  ctx: TargetContext,
  p: ProjectRow,
  state: NewestState | 'PAST',
  previous: GeneratedTarget | undefined,
): GeneratedTarget {
  const rng = new Rng([ctx.seed, p.mof_div_code, p.fiscal_year, p.pro_code, 'target']);
  const targetId = uuidFrom(ctx.seed, p.mof_div_code, p.fiscal_year, p.pro_code, 'target');
  const versionId = uuidFrom(ctx.seed, p.mof_div_code, p.fiscal_year, p.pro_code, 'target-version');
  const pools = ctx.catalogue.pools(p.func_class);
  const amountYuan = Number(p.amount);
  const ref = REFERENCE_AMOUNT[ctx.level] ?? 440_000;
  const amountFactor = Math.min(1.2, Math.max(0.85, (amountYuan / ref) ** 0.2));
  const draft = state === 'DRAFT';

  const lastByName = new Map((previous?.indicators ?? []).map((r) => [r.kpi_lv3, r]));
  const plan = previous ? previous.indicators.map((r) => planOf(r, ctx.byCode)) : planIndicators(rng, pools);

  const indicators: TargetIndicatorRow[] = plan.map(({ spec, weight }, seq) => {
    const last = lastByName.get(spec.name);
    const quantitative = isQuantitative(spec.sign);
    const carried: Carried = {
      lastTarget: last?.kpi_val_num ? textCenti(last.kpi_val_num) : null,
      lastActual: last?.final_actual ? textCenti(last.final_actual) : null,
    };
    let kpiVal: string;
    let num: number | null = null;
    let justification: string | null = null;
    if (!quantitative) {
      kpiVal = last?.kpi_val ?? rng.pick(QUAL_VALUES);
    } else {
      const drawn = last
        ? continuedValue(rng, spec, carried, amountFactor)
        : freshValue(rng, spec, amountFactor);
      num = drawn.value;
      kpiVal = centiText(num);
      if (drawn.reason === 'BELOW_LAST') {
        justification =
          draft && rng.chance(DRAFT_NO_REASON_SHARE) ? null : rng.pick(REASONS.BELOW_LAST_ACTUAL);
      } else if (drawn.reason) justification = rng.pick(REASONS[drawn.reason]);
      else if (ctx.peers.isOff(ctx, spec, num)) justification = rng.pick(REASONS.BELOW_PEERS);
      ctx.peers.add(ctx, spec, num);
    }
    const basis: ValueBasis = rng.weighted(
      ['HISTORY', 'PLAN', 'INDUSTRY', 'OTHER'] as const,
      last ? [70, 24, 5, 1] : [32, 50, 14, 4],
    );
    const finalActual = state === 'PAST' && num !== null ? centiText(actualOf(rng, spec, num)) : null;
    return {
      version_id: versionId,
      seq,
      kpi_lv1: spec.lv1,
      kpi_lv2: spec.lv2,
      kpi_lv3: spec.name,
      computesign: spec.sign,
      kpi_val: kpiVal,
      kpi_val_num: num === null ? null : kpiVal,
      meterunit: spec.unit,
      weight: centiText(weight),
      progress: spec.progress ?? defaultProgress(spec.unit),
      value_basis: basis,
      library_code: spec.code,
      last_target: carried.lastTarget === null ? null : centiText(carried.lastTarget),
      last_actual: carried.lastActual === null ? null : centiText(carried.lastActual),
      data_source:
        last?.data_source ?? rng.pick(DATA_SOURCES[spec.lv2] ?? DATA_SOURCES[spec.lv1] ?? ['业务台账']),
      scoring_standard: last?.scoring_standard ?? spec.scoring ?? SCORING_BY_SIGN[spec.sign] ?? '',
      justification,
      explanation: null,
      is_core: false,
      final_actual: finalActual,
    };
  });

  const sat = indicators.find((i) => i.kpi_lv1 === 'SATISFACTION');
  const firstQuantity = indicators.find((i) => i.kpi_lv2 === 'QUANTITY');
  const review = reviewOf(rng, p.fiscal_year, state === 'PAST' ? 'APPROVED' : state, ctx.chain);
  const version: TargetVersionRow = {
    id: versionId,
    target_id: targetId,
    version_no: 1,
    status: review.status,
    long_term_goal: previous?.version.long_term_goal ?? longTermGoal(p, pools.sector),
    annual_goal: annualGoal(p, firstQuantity, sat),
    justification: null,
    explanation: null,
    flags: [],
    grade: review.grade,
    fixes: review.fixes,
    created_at: review.created.toISOString(),
    submitted_at: review.submitted?.toISOString() ?? null,
    approved_at: review.approved?.toISOString() ?? null,
  };
  answerFlags(rng, ctx, p, version, indicators, draft);

  return {
    target: {
      id: targetId,
      mof_div_code: p.mof_div_code,
      fiscal_year: p.fiscal_year,
      kind: 'PROJECT',
      pro_code: p.pro_code,
      dept_code: p.dept_code,
      agency_code: p.agency_code,
      amount: p.amount,
      current_version: 1,
      in_force_version: review.status === 'APPROVED' ? 1 : null,
      status: review.status,
      step: review.step,
      row_version: review.rowVersion,
      created_at: review.created.toISOString(),
      updated_at: review.updated.toISOString(),
    },
    version,
    indicators,
    reviews: reviewRows(rng, ctx.people, p, targetId, review),
  };
}

/**
 * Difficulty flags of the target's own data (computeFlags without peers): every flag gets a
 * justification, except a below-last-actual one a draft leaves open on purpose. The flags are
 * stored on the version.
 */
function answerFlags(
  rng: Rng,
  ctx: TargetContext,
  p: ProjectRow,
  version: TargetVersionRow,
  indicators: TargetIndicatorRow[],
  draft: boolean,
): void {
  const flags = computeFlags(draftOfRows(version, indicators), {
    policy: ctx.policy,
    amount: p.amount,
    peers: () => null,
  });
  for (const f of flags) {
    if (f.index === null) {
      version.justification ??= rng.pick(REASONS[f.flag]);
      continue;
    }
    const ind = indicators[f.index];
    if (!ind || ind.justification !== null) continue;
    if (draft && f.flag === 'BELOW_LAST_ACTUAL') continue;
    ind.justification = rng.pick(REASONS[f.flag]);
  }
  version.flags = flags;
}

function draftOfRows(version: TargetVersionRow, rows: readonly TargetIndicatorRow[]): TargetDraft {
  return {
    long_term_goal: version.long_term_goal,
    annual_goal: version.annual_goal,
    justification: version.justification,
    explanation: version.explanation,
    indicators: rows.map(indicatorDraftOf),
  };
}

function indicatorDraftOf(r: TargetIndicatorRow): IndicatorDraft {
  return {
    kpi_lv1: r.kpi_lv1,
    kpi_lv2: r.kpi_lv2,
    kpi_lv3: r.kpi_lv3,
    computesign: r.computesign,
    kpi_val: r.kpi_val,
    meterunit: r.meterunit,
    weight: r.weight,
    progress: r.progress,
    value_basis: r.value_basis,
    library_code: r.library_code,
    last_target: r.last_target,
    last_actual: r.last_actual,
    data_source: r.data_source,
    scoring_standard: r.scoring_standard,
    justification: r.justification,
    explanation: r.explanation,
  };
}

/** A generated target as the exchange format and the rules read it (values as text). */
export function targetDraftOf(t: GeneratedTarget): TargetDraft {
  return draftOfRows(t.version, t.indicators);
}

// ---------------------------------------------------------------------------------------------
// The stream.

/** The newest fiscal year of a generated region (its targets are in review; earlier ones approved). */
export function newestYear(g: GeneratedRegion): string {
  const y = g.years.at(-1);
  if (y === undefined) throw new RangeError('a generated region without years');
  return y;
}

/**
 * Every project of `g` (in the order of g.projects()) with its generated target. Deterministic:
 * a project's target depends only on the seed, the project and, for a continuing project, last
 * year's target. Holds the previous year's targets of one region at a time.
 */
export function* generateTargets(
  g: GeneratedRegion,
  policy: TPolicy = DEFAULT_POLICY,
): Generator<ProjectTarget, void, undefined> {
  const newest = newestYear(g);
  const free = new Set((g.targets?.freeUnits?.(g) ?? []).map((u) => `${u.mof_div_code}|${u.agency_code}`));
  const levels = new Map(g.regions.map((r) => [r.mof_div_code, r.level]));
  const catalogues = new Map<string, Catalogue>();
  const byCode = new Map(loadStarterLibrary().map((e) => [e.code, specOf(e)]));
  const chain = reviewChain('PROJECT', policy.review.perf_office);
  const peers = new PeerEstimate();
  const people = new People(g.seed);

  const split = free.size > 0 ? new FreeSplit(g, newest, free, policy) : null;

  let region = '';
  let year = '';
  let previous = new Map<string, GeneratedTarget>();
  let current = new Map<string, GeneratedTarget>();
  for (const p of g.projects()) {
    if (p.mof_div_code !== region || p.fiscal_year !== year) {
      const follows = p.mof_div_code === region && Number(p.fiscal_year) === Number(year) + 1;
      previous = follows ? current : new Map<string, GeneratedTarget>();
      current = new Map();
      region = p.mof_div_code;
      year = p.fiscal_year;
    }
    let catalogue = catalogues.get(year);
    if (!catalogue) {
      catalogue = new Catalogue(year);
      catalogues.set(year, catalogue);
    }
    const ctx: TargetContext = {
      seed: g.seed,
      policy,
      chain,
      catalogue,
      byCode,
      level: levels.get(p.mof_div_code) ?? 'COUNTY',
      year,
      peers,
      people,
    };
    let state: NewestState | 'PAST' | 'NONE' = 'PAST';
    if (year === newest) {
      state =
        split?.stateOf(p, previous.get(p.pro_code)) ??
        NEWEST_STATES.pick(new Rng([g.seed, p.mof_div_code, year, p.pro_code, 'state']));
    }
    if (state === 'NONE') {
      yield { project: p, target: null };
      continue;
    }
    const t = buildTarget(ctx, p, state, previous.get(p.pro_code));
    if (year !== newest) current.set(p.pro_code, t);
    yield { project: p, target: t };
  }
}

/** Fewest newest-year projects of a demo preparer's unit left without a target (where possible). */
const MIN_FREE = 3;

/**
 * Which newest-year projects of the demo preparers' units stay without a target (NONE) and which
 * are APPROVED. A unit of n projects keeps max(min(MIN_FREE, n − 1), ⌈n / 2⌉) free — at least 3
 * where that still leaves one approved, about half otherwise — choosing first the continuing
 * projects whose proposal (last year's indicators with last year's target and actual, as the
 * targets service proposes them) raises difficulty flags, then the others in stream order.
 */
class FreeSplit {
  /** Newest-year projects per unit (`mof|agency`), and the decisions so far. */
  readonly #counts = new Map<string, number>();
  readonly #tally = new Map<string, { seen: number; free: number; approved: number }>();
  readonly #policy: TPolicy;

  constructor(g: GeneratedRegion, newest: string, free: ReadonlySet<string>, policy: TPolicy) {
    this.#policy = policy;
    for (const p of g.projects()) {
      const key = `${p.mof_div_code}|${p.agency_code}`;
      if (p.fiscal_year === newest && free.has(key)) this.#counts.set(key, (this.#counts.get(key) ?? 0) + 1);
    }
  }

  /** The state of a newest-year project: null when its unit is not a demo preparer's. */
  stateOf(p: ProjectRow, previous: GeneratedTarget | undefined): 'NONE' | 'APPROVED' | null {
    const key = `${p.mof_div_code}|${p.agency_code}`;
    const n = this.#counts.get(key);
    if (n === undefined) return null;
    const t = this.#tally.get(key) ?? { seen: 0, free: 0, approved: 0 };
    this.#tally.set(key, t);
    const wantFree = Math.max(Math.min(MIN_FREE, n - 1), Math.ceil(n / 2));
    const remaining = n - t.seen;
    t.seen += 1;
    const needFree = wantFree - t.free;
    const needApproved = n - wantFree - t.approved;
    const free = needApproved <= 0 || needFree >= remaining || (needFree > 0 && this.#flagged(p, previous));
    if (free) t.free += 1;
    else t.approved += 1;
    return free ? 'NONE' : 'APPROVED';
  }

  /** Whether the proposal for a continuing project raises difficulty flags (peers aside). */
  #flagged(p: ProjectRow, previous: GeneratedTarget | undefined): boolean {
    if (!previous) return false;
    const draft: TargetDraft = {
      long_term_goal: null,
      annual_goal: null,
      justification: null,
      explanation: null,
      indicators: previous.indicators.map((r) => ({
        ...indicatorDraftOf(r),
        last_target: r.kpi_val_num,
        last_actual: r.final_actual,
        justification: null,
      })),
    };
    return computeFlags(draft, { policy: this.#policy, amount: p.amount, peers: () => null }).length > 0;
  }
}

/** generateTargets in batches of `size` projects (the last one shorter). */
export function* targetBatches(
  g: GeneratedRegion,
  size: number,
  policy: TPolicy = DEFAULT_POLICY,
): Generator<ProjectTarget[], void, undefined> {
  let batch: ProjectTarget[] = [];
  for (const item of generateTargets(g, policy)) {
    batch.push(item);
    if (batch.length >= size) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}
