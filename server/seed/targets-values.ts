/**
 * The indicator catalogue and the values of generated targets (targets.ts): library entries by
 * sector (the shipped starter library) and a few custom quantity indicators; new target values
 * around the typical value, continuing ones from last year's target and actual, full-year
 * actuals around the target. Values are integer hundredths ("centi"), written as exact decimal
 * text.
 */
import { loadStarterLibrary, type TStarterEntry } from '../../domain/library/library.ts';
import { isNegative, isQuantitative, type ProgressKind, type Sign } from '../../domain/targets/indicator.ts';
import { Rng, WeightedTable } from './random.ts';

/** Share of continuing indicators whose target is set below last year's actual. */
const BELOW_LAST_SHARE = 0.08;

// ---------------------------------------------------------------------------------------------
// Integer hundredths ("centi") of a value.

/** 12345 → "123.45", 9500 → "95", 9550 → "95.5". */
export function centiText(c: number): string {
  if (!Number.isSafeInteger(c) || c < 0) throw new RangeError(`bad value ${String(c)}`);
  const whole = Math.floor(c / 100);
  const frac = c % 100;
  if (frac === 0) return String(whole);
  return `${String(whole)}.${String(frac).padStart(2, '0').replace(/0$/, '')}`;
}

export function textCenti(s: string): number {
  const m = /^(\d+)(?:\.(\d{1,2}))?$/.exec(s);
  if (!m) throw new RangeError(`not a value with ≤ 2 decimals: ${s}`);
  return Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
}

type Rounding = 'near' | 'up' | 'down';

function roundTo(units: number, step: number, mode: Rounding): number {
  const q = (units * 100) / step;
  const n = mode === 'up' ? Math.ceil(q - 1e-9) : mode === 'down' ? Math.floor(q + 1e-9) : Math.round(q);
  return Math.max(0, n) * step;
}

// ---------------------------------------------------------------------------------------------
// The indicator catalogue: library entries by sector, and a few custom quantity indicators.

/** A target indicator's kind, from the library or custom. */
export interface Spec {
  code: string | null;
  name: string;
  lv1: string;
  lv2: string;
  sign: Sign;
  unit: string | null;
  progress: ProgressKind;
  /** Typical value in hundredths (null for qualitative indicators). */
  typical: number | null;
  funcClass: string | null;
  scoring: string | null;
  /** The library sector (GENERAL for custom indicators). */
  sector: string;
  /** A common indicator (共性指标): fits any classification. */
  common: boolean;
}

export const CUSTOM_QUANTITY: readonly Spec[] = [
  ['完成年度工作任务数', '项', 12],
  ['服务对象覆盖人次', '人次', 800],
  ['开展专项检查次数', '次', 10],
  ['印发制度规范文件数', '份', 5],
  ['覆盖乡镇（街道）数', '个', 12],
  ['购置设备数量', '台（套）', 20],
].map(([name, unit, typical]) => ({
  code: null,
  name: String(name),
  lv1: 'OUTPUT',
  lv2: 'QUANTITY',
  sign: 'GE',
  unit: String(unit),
  progress: 'CUMULATIVE',
  typical: Number(typical) * 100,
  funcClass: null,
  scoring: null,
  sector: 'GENERAL',
  common: true,
}));

/** Sectors of functional-classification prefixes the library has no entry for. */
const EXTRA_SECTOR_PREFIXES: readonly (readonly [string, string])[] = [
  ['2296002', 'SOCIAL'],
  ['2296003', 'CULTURE'],
  ['204', 'SECURITY'],
  ['207', 'CULTURE'],
  ['209', 'SOCIAL'],
  ['210', 'HEALTH'],
  ['224', 'SECURITY'],
];

/** Money units whose cost indicators would compare with the project amount (left out). */
const MONEY_UNITS = new Set(['元', '万元']);

export function specOf(e: TStarterEntry): Spec {
  return {
    code: e.code,
    name: e.name,
    lv1: e.kpi_lv1,
    lv2: e.kpi_lv2,
    sign: e.sign,
    unit: e.unit,
    progress: e.progress,
    typical: e.typical === null ? null : textCenti(e.typical),
    funcClass: e.func_class,
    scoring: e.scoring_rule,
    sector: e.sector,
    common: e.kind === 'COMMON',
  };
}

export interface Pools {
  sector: string;
  quantity: WeightedTable<Spec> | null;
  qualityTime: WeightedTable<Spec>;
  cost: WeightedTable<Spec> | null;
  benefit: WeightedTable<Spec>;
  satisfaction: WeightedTable<Spec> | null;
  general: Spec;
  fallbackQuantity: readonly Spec[];
}

export class Catalogue {
  readonly #entries: readonly Spec[];
  readonly #pools = new Map<string, Pools>();
  readonly #year: string;

  constructor(year: string) {
    this.#year = year;
    this.#entries = loadStarterLibrary()
      .filter((e) => (e.valid_from ?? '0000') <= year && (e.valid_to ?? '9999') >= year)
      .map(specOf);
  }

  get year(): string {
    return this.#year;
  }

  /** The sector of a classification: the longest library prefix, a few extra prefixes, else GENERAL. */
  sectorOf(funcClass: string): string {
    let best = '';
    let sector = 'GENERAL';
    for (const e of this.#entries) {
      const f = e.funcClass;
      if (f && f.length > best.length && funcClass.startsWith(f)) {
        best = f;
        sector = e.sector;
      }
    }
    if (best === '') {
      for (const [prefix, s] of EXTRA_SECTOR_PREFIXES) if (funcClass.startsWith(prefix)) return s;
    }
    return sector;
  }

  pools(funcClass: string): Pools {
    const cached = this.#pools.get(funcClass);
    if (cached) return cached;
    const sector = this.sectorOf(funcClass);
    const own = this.#entries.filter((e) => e.sector === sector);
    const general = this.#entries.filter((e) => e.sector === 'GENERAL');
    // Entries of the project's own classification first; entries of another specific class of the
    // sector now and then; GENERAL entries of a specific class only for that class.
    const weight = (e: Spec): number => {
      const f = e.funcClass;
      if (!f || e.common) return 1;
      if (funcClass.startsWith(f)) return f.length >= 5 ? 6 : 2;
      return e.sector === 'GENERAL' ? 0 : 0.5;
    };
    const table = (list: readonly Spec[], base: (e: Spec) => number): WeightedTable<Spec> | null => {
      const unique = [...new Map(list.map((e) => [e.name, e])).values()].filter((e) => weight(e) > 0);
      return unique.length > 0
        ? new WeightedTable(
            unique,
            unique.map((e) => weight(e) * base(e)),
          )
        : null;
    };
    const lv = (list: readonly Spec[], lv1: string, lv2s: readonly string[]) =>
      list.filter((e) => e.lv1 === lv1 && lv2s.includes(e.lv2));
    const sat = this.#entries.find((e) => e.code === 'GENERAL-SAT-001');
    if (!sat) throw new Error('the library has no GENERAL-SAT-001 (服务对象满意度)');
    const quantity = lv(own, 'OUTPUT', ['QUANTITY']).filter((e) => isQuantitative(e.sign));
    const qualityTime = table(
      [...lv(own, 'OUTPUT', ['QUALITY', 'TIMELINESS']), ...lv(general, 'OUTPUT', ['QUALITY', 'TIMELINESS'])],
      (e) => (e.sector === 'GENERAL' && sector !== 'GENERAL' ? 0.5 : 1),
    );
    const benefit = table(
      [
        ...lv(own, 'BENEFIT', ['ECONOMIC', 'SOCIAL', 'ECOLOGICAL', 'SUSTAINABLE']),
        ...lv(general, 'BENEFIT', ['ECONOMIC', 'SOCIAL', 'ECOLOGICAL', 'SUSTAINABLE']),
      ],
      (e) => (e.sector === 'GENERAL' && sector !== 'GENERAL' ? 0.4 : 1),
    );
    if (!qualityTime || !benefit) throw new Error(`no quality or benefit indicators for ${funcClass}`);
    const pools: Pools = {
      sector,
      quantity: table(quantity, () => 1),
      qualityTime,
      cost: table(
        lv(own, 'OUTPUT', ['COST']).filter(
          (e) => isQuantitative(e.sign) && e.progress === 'LEVEL' && !MONEY_UNITS.has(e.unit ?? ''),
        ),
        () => 1,
      ),
      benefit,
      satisfaction: sector === 'GENERAL' ? null : table(lv(own, 'SATISFACTION', ['SATISFACTION']), () => 1),
      general: sat,
      fallbackQuantity: [
        ...lv(general, 'OUTPUT', ['QUANTITY']).filter(
          (e) => isQuantitative(e.sign) && (!e.funcClass || funcClass.startsWith(e.funcClass)),
        ),
        ...CUSTOM_QUANTITY,
      ],
    };
    this.#pools.set(funcClass, pools);
    return pools;
  }
}

// ---------------------------------------------------------------------------------------------
// Values.

function capOf(spec: Pick<Spec, 'unit' | 'typical'>): number | null {
  if (spec.unit === '%' && (spec.typical ?? 0) <= 10_000) return 10_000;
  if (spec.unit === '‰' && (spec.typical ?? 0) <= 100_000) return 100_000;
  return null;
}

/** The rounding step (hundredths) of a value of this indicator. */
function stepOf(spec: Pick<Spec, 'progress' | 'unit'>, units: number): number {
  if (spec.progress === 'CUMULATIVE') return units >= 2000 ? 1000 : 100;
  if (units >= 1000) return 1000;
  if (units >= 10) return 100;
  if (units >= 1) return 10;
  return 1;
}

function clampCap(c: number, cap: number | null): number {
  return cap === null ? c : Math.min(c, cap);
}

function scaled(spec: Spec, centi: number, factor: number, mode: Rounding): number {
  const units = (centi / 100) * factor;
  return roundTo(units, stepOf(spec, units), mode);
}

/** A new indicator's target value (hundredths): around the typical value, counts by amount. */
export function freshValue(
  rng: Rng,
  spec: Spec,
  amountFactor: number,
): { value: number; reason: 'SOFT' | 'STRETCH' | null } {
  const typical = spec.typical ?? 0;
  const cap = capOf(spec);
  if (spec.sign === 'EQ' || typical === 0) return { value: typical, reason: null };
  const positive = !isNegative(spec.sign);
  const cumulative = spec.progress === 'CUMULATIVE';
  if (positive) {
    // A soft target now and then (not for rates that are normally high, such as satisfaction).
    if ((cumulative || typical < 8000) && rng.chance(0.03)) {
      const f = cumulative ? rng.float(0.4, 0.62) * amountFactor : rng.float(0.55, 0.68);
      return { value: Math.max(stepOf(spec, 1), scaled(spec, typical, f, 'down')), reason: 'SOFT' };
    }
    if (cumulative && rng.chance(0.01)) {
      return { value: scaled(spec, typical, rng.float(2.4, 3.6) * amountFactor, 'up'), reason: 'STRETCH' };
    }
    const f = cumulative ? amountFactor * rng.float(0.92, 1.12) : rng.float(0.95, 1.03);
    const v = clampCap(scaled(spec, typical, f, 'near'), cap);
    return { value: Math.max(v, stepOf(spec, (v || typical) / 100)), reason: null };
  }
  if (rng.chance(0.02)) return { value: scaled(spec, typical, rng.float(1.4, 1.8), 'up'), reason: 'SOFT' };
  return { value: scaled(spec, typical, rng.float(0.9, 1.08), 'near'), reason: null };
}

/** The full-year actual (hundredths) of a target value. */
export function actualOf(rng: Rng, spec: Spec, target: number): number {
  if (spec.sign === 'EQ') return target;
  const cap = capOf(spec);
  const r = rng.next();
  const units = target / 100;
  if (isNegative(spec.sign)) {
    if (target === 0) return r < 0.92 ? 0 : rng.int(1, 2) * stepOf(spec, 1);
    if (r < 0.7) return scaled(spec, target, rng.float(0.75, 1), 'down');
    if (r < 0.8) return scaled(spec, target, rng.float(0.35, 0.7), 'down');
    if (r < 0.92)
      return Math.max(target + stepOf(spec, units), scaled(spec, target, rng.float(1.01, 1.15), 'up'));
    return scaled(spec, target, rng.float(1.3, 2), 'up');
  }
  // About one in ten ends at ≥ 130 % of its target (rates near 100 % cannot: they just meet it).
  const canOvershoot = cap === null || target * 1.3 <= cap;
  if (r >= 0.7 && r < 0.845 && canOvershoot) return scaled(spec, target, rng.float(1.3, 1.75), 'up');
  if (r < 0.845) {
    // Rates gain less than counts, so that next year's target (≥ the actual) stays below the cap.
    const gain = rng.float(1, cap === null ? 1.12 : 1.04);
    return clampCap(Math.max(target, scaled(spec, target, gain, 'up')), cap);
  }
  if (r < 0.92) {
    const a = scaled(spec, target, rng.float(0.85, 0.99), 'down');
    return a < target ? a : Math.max(0, target - stepOf(spec, units));
  }
  // Far below: a rate falls less far than a count.
  return scaled(spec, target, cap === null ? rng.float(0.4, 0.75) : rng.float(0.7, 0.88), 'down');
}

export interface Carried {
  lastTarget: number | null;
  lastActual: number | null;
}

/**
 * A continuing indicator's new target (hundredths) from last year's target and actual: usually at
 * or above the actual (positive; at or below for negative ones), sometimes below it on purpose
 * (`belowLast`), sometimes back at an old target that last year missed by far.
 */
export function continuedValue(
  rng: Rng,
  spec: Spec,
  last: Carried,
  amountFactor: number,
): { value: number; reason: 'SOFT' | 'STRETCH' | 'BELOW_LAST' | null } {
  const la = last.lastActual;
  const lt = last.lastTarget;
  if (spec.sign === 'EQ' || la === null || lt === null) return freshValue(rng, spec, amountFactor);
  const cap = capOf(spec);
  const step = stepOf(spec, la / 100);
  const below = rng.chance(BELOW_LAST_SHARE);
  if (isNegative(spec.sign)) {
    if (la === 0 || spec.typical === 0) return { value: 0, reason: null };
    if (below)
      return {
        value: Math.max(la + step, scaled(spec, la, rng.float(1.03, 1.2), 'up')),
        reason: 'BELOW_LAST',
      };
    if (la > lt) return { value: lt, reason: null };
    return { value: scaled(spec, la, rng.float(0.92, 1), 'down'), reason: null };
  }
  if (la === 0) return freshValue(rng, spec, amountFactor);
  if (below && la > step) {
    const v = Math.min(la - step, scaled(spec, la, rng.float(0.82, 0.97), 'down'));
    return { value: Math.max(step, v), reason: 'BELOW_LAST' };
  }
  if (la * 10 < lt * 8 && rng.chance(0.35)) return { value: lt, reason: null };
  return { value: clampCap(Math.max(la, scaled(spec, la, rng.float(1, 1.08), 'up')), cap), reason: null };
}
