/**
 * The indicator rows of a generated monitoring report (monitoring.ts): for each indicator of the
 * in-force target a wanted light — most on track, some behind, a few far behind, some ahead — and
 * the actual to date that gives about that light (around target × m / 12 for cumulative
 * indicators, the target for level ones, a planned value where the project has one), the
 * full-year forecast, the likelihood, qualitative levels, and for the rows behind the deviation
 * causes, analysis and measures. The lights themselves are computed by computeMonitoringRound.
 */
import {
  DEVIATION_CAUSES,
  type DeviationCause,
  type Level,
  type Likelihood,
} from '../../domain/monitoring/lights.ts';
import { isNegative, isQuantitative } from '../../domain/targets/indicator.ts';
import type { Pace } from './monitoring-payments.ts';
import { Rng, WeightedTable } from './random.ts';
import type { TargetIndicatorRow } from './targets.ts';
import { centiText, textCenti } from './targets-values.ts';

/** The light an indicator row is drawn for (the computed light may differ after rounding). */
export type Want = 'GREEN' | 'YELLOW' | 'RED' | 'BLUE';

/** How a project's indicators stand at the as-of date. */
type Standing = 'GOOD' | 'BEHIND' | 'FAR' | 'AHEAD';

const STANDING = new WeightedTable<Standing>(['GOOD', 'BEHIND', 'FAR', 'AHEAD'], [68, 17, 6, 9]);
/** A project whose payments are far behind is more often behind in its indicators too. */
const STANDING_SLOW = new WeightedTable<Standing>(['GOOD', 'BEHIND', 'FAR', 'AHEAD'], [40, 28, 30, 2]);

/** Value ranges (per cent of the pro-rated target) drawn for each wanted light. */
const RANGES: Readonly<Record<Want, readonly [number, number]>> = {
  GREEN: [84, 116],
  YELLOW: [63, 77],
  RED: [22, 56],
  BLUE: [124, 175],
};

/** Share of the positive cumulative indicators with a planned value (milestone) for the as-of date. */
const PLANNED_SHARE = 0.05;

/** One indicator row of a report, in the exchange format's monitoring fields (values as text). */
export interface IndicatorReport {
  kpi_lv3: string;
  actual: string | null;
  forecast: string | null;
  planned: string | null;
  likelihood: Likelihood;
  level: Level | null;
  deviation_causes: DeviationCause[];
  analysis: string | null;
  measures: string | null;
}

const ANALYSIS: Readonly<Record<DeviationCause, readonly string[]>> = {
  FUNDING: [
    '上级补助资金尚未全部下达，项目资金到位滞后',
    '资金拨付审批流程较长，部分款项尚未支付到位',
    '配套资金未及时落实，影响项目实施进度',
  ],
  INSTITUTIONAL: [
    '项目实施方案调整，相关审批手续尚在办理',
    '政府采购程序耗时较长，合同签订时间推迟',
    '项目管理制度不够健全，部门间协调不畅',
  ],
  STAFF: [
    '项目实施人员不足，部分工作推进缓慢',
    '专业技术人员短缺，培训等工作延后开展',
    '人员调整较多，项目衔接不够顺畅',
  ],
  HARDWARE: [
    '设备到货延迟，部分实施点位尚未具备条件',
    '场地改造尚未完成，影响项目按期实施',
    '信息系统建设滞后，相关数据尚未归集',
  ],
  OTHER: [
    '受汛期持续降雨影响，施工进度滞后',
    '服务对象需求集中在下半年，上半年完成量偏少',
    '受上级政策调整影响，部分任务暂缓实施',
  ],
};

const MEASURES: Readonly<Record<DeviationCause, readonly string[]>> = {
  FUNDING: ['加快资金拨付进度，按月调度支出和任务完成情况', '加强与上级主管部门沟通，争取资金尽快到位'],
  INSTITUTIONAL: ['优化采购流程，尽快完成合同签订', '建立周调度机制，及时协调解决实施中的问题'],
  STAFF: ['充实项目实施力量，加强业务培训和指导', '调配专业技术人员，倒排工期集中推进'],
  HARDWARE: ['督促供应商按合同履约，加快设备安装调试', '加快场地改造和系统建设，尽早具备实施条件'],
  OTHER: ['倒排工期、挂图作战，下半年集中推进', '根据实际情况调整实施计划，确保年度任务完成'],
};

const IMPOSSIBLE_ANALYSIS = [
  '项目实施条件发生重大变化，年度目标已无法实现',
  '主要实施内容调整，原定指标值已不具备完成条件',
] as const;

/** The wanted light of every indicator of a target (deterministic in `rng`). */
export function wantedLights(rng: Rng, rows: readonly TargetIndicatorRow[], pace: Pace): Want[] {
  const slow = pace === 'FAR_BEHIND' || pace === 'LATE_START';
  const standing = (slow ? STANDING_SLOW : STANDING).pick(rng);
  const positive = (r: TargetIndicatorRow) => isQuantitative(r.computesign) && !isNegative(r.computesign);
  const wants: Want[] = rows.map((r) => (positive(r) && rng.chance(0.05) ? 'BLUE' : 'GREEN'));
  const indexes = rows.map((_, i) => i);
  const set = (list: number[], n: number, want: Want) => {
    for (const i of rng.sample(list, n)) wants[i] = want;
  };
  const notNegative = indexes.filter((i) => !isNegative(rows[i]?.computesign ?? null));
  switch (standing) {
    case 'GOOD':
      break;
    case 'BEHIND':
      set(notNegative, rng.int(1, 2), 'YELLOW');
      break;
    case 'FAR': {
      set(indexes, 1, 'RED');
      const rest = notNegative.filter((i) => wants[i] !== 'RED');
      if (rng.chance(0.5)) set(rest, 1, 'YELLOW');
      break;
    }
    case 'AHEAD':
      set(
        indexes.filter((i) => {
          const r = rows[i];
          return r !== undefined && positive(r);
        }),
        rng.int(1, 3),
        'BLUE',
      );
      break;
  }
  return wants;
}

/** Caps of rates: a percentage (‰) indicator whose target is within 100 % (1000 ‰) stays within it. */
function capOf(row: TargetIndicatorRow, target: number): number | null {
  if (row.meterunit === '%' && target <= 10_000) return 10_000;
  if (row.meterunit === '‰' && target <= 100_000) return 100_000;
  return null;
}

/** The rounding step (hundredths) of a value around `target` (hundredths). */
function stepOf(row: TargetIndicatorRow, target: number): number {
  if (row.progress === 'CUMULATIVE') return target >= 1000 ? 100 : 10;
  if (target >= 100_000) return 100;
  if (target % 100 === 0 && target >= 1000) return 10;
  return 1;
}

function roundTo(centi: number, step: number, mode: 'near' | 'up' | 'down' = 'near'): number {
  const q = centi / step;
  const n = mode === 'up' ? Math.ceil(q - 1e-9) : mode === 'down' ? Math.floor(q + 1e-9) : Math.round(q);
  return Math.max(0, n) * step;
}

function likelihoodOf(rng: Rng, want: Want): Likelihood {
  switch (want) {
    case 'GREEN':
    case 'BLUE':
      return rng.chance(0.85) ? 'CERTAIN' : 'POSSIBLE';
    case 'YELLOW':
      return rng.chance(0.8) ? 'POSSIBLE' : 'CERTAIN';
    case 'RED':
      return rng.chance(0.22) ? 'IMPOSSIBLE' : 'POSSIBLE';
  }
}

/**
 * The report row of one indicator for a wanted light at month `month` (1–12). Quantitative rows
 * get an actual (and a planned value now and then); qualitative ones a level.
 */
export function indicatorReport(
  rng: Rng,
  row: TargetIndicatorRow,
  want: Want,
  month: number,
): IndicatorReport {
  const likelihood = likelihoodOf(rng, want);
  const out: IndicatorReport = {
    kpi_lv3: row.kpi_lv3,
    actual: null,
    forecast: null,
    planned: null,
    likelihood,
    level: null,
    deviation_causes: [],
    analysis: null,
    measures: null,
  };
  if (!isQuantitative(row.computesign) || row.kpi_val_num === null) {
    out.level = want === 'YELLOW' ? 'PARTIAL' : want === 'RED' ? 'NOT_ACHIEVED' : 'ACHIEVED';
  } else {
    const t = textCenti(row.kpi_val_num);
    const step = stepOf(row, t);
    const cap = capOf(row, t);
    const capped = (c: number) => (cap === null ? c : Math.min(c, cap));
    if (isNegative(row.computesign)) {
      const over = want === 'RED';
      const actual =
        t === 0
          ? over
            ? rng.int(1, 3) * 100
            : 0
          : over
            ? Math.max(t + step, roundTo(t * rng.float(1.05, 1.5), step, 'up'))
            : roundTo(t * rng.float(0.5, 1), step, 'down');
      out.actual = centiText(capped(actual));
      out.forecast = centiText(over ? Math.max(actual, t + step) : Math.min(t, roundTo(actual * 1.1, step)));
    } else {
      const [lo, hi] = RANGES[want];
      const v = rng.float(lo, hi) / 100;
      const cumulative = row.progress === 'CUMULATIVE';
      let base = cumulative ? (t * month) / 12 : t;
      if (cumulative && t > 0 && rng.chance(PLANNED_SHARE)) {
        const planned = Math.max(step, roundTo(t * rng.float(0.3, 0.7), step));
        out.planned = centiText(planned);
        base = planned;
      }
      out.actual = centiText(capped(roundTo(base * v, step)));
      const full =
        want === 'GREEN' || want === 'BLUE'
          ? Math.max(1, v) * rng.float(1, 1.06)
          : want === 'YELLOW'
            ? rng.float(0.9, 1)
            : rng.float(0.55, 0.9);
      out.forecast = centiText(capped(roundTo(t * full, step)));
    }
  }
  if (want === 'YELLOW' || want === 'RED') explain(rng, out);
  return out;
}

/** Deviation causes, analysis and measures of a row behind its target. */
function explain(rng: Rng, out: IndicatorReport): void {
  const causes = rng.sample(DEVIATION_CAUSES, rng.chance(0.7) ? 1 : 2);
  out.deviation_causes = DEVIATION_CAUSES.filter((c) => causes.includes(c));
  const first = out.deviation_causes[0] ?? 'OTHER';
  out.analysis =
    out.likelihood === 'IMPOSSIBLE'
      ? `${rng.pick(IMPOSSIBLE_ANALYSIS)}；${rng.pick(ANALYSIS[first])}。`
      : `${rng.pick(ANALYSIS[first])}。`;
  out.measures = `${rng.pick(MEASURES[first])}。`;
}
