/**
 * Deterministic generator of a region's organisation and projects (domain.md §2), as plain rows
 * whose keys are the SQL column names of server/db/schema.ts.
 *
 *   const g = generateRegion({ scale: 'county', seed: 42, fiscalYears: ['2025', '2026'] });
 *   g.regions, g.departments, g.agencies, g.sections, g.sectionDepartments, g.fiscalYears
 *   for (const p of g.projects()) …   // a fresh, identical stream on every call
 *
 * The organisation is small and held in memory; projects are streamed region by region (only one
 * region's previous-year projects are held, for continuing projects). Same options ⇒ identical
 * output. Money is computed in integer fen and written as exact 2-decimal strings.
 *
 * Project codes: mof_div_code + 2-digit year + 4-digit serial, where the year is the one the
 * project was created in. A continuing project keeps its code, name, unit and classification from
 * one fiscal year to the next (so last year's figures of "the same project" exist); new projects
 * of a year get codes of that year. Codes are unique per region and fiscal year.
 */
import {
  BUDGET_KINDS,
  COMPANIES,
  DEPARTMENTS,
  PROVINCES,
  DEMO_PROVINCE_PREFIX,
  SECTIONS,
  TRANSFER_PROGRAMS,
  cnNumber,
  deptName,
  levelPrefix,
  regionName,
  sectionName,
  townNames,
  unitName,
  villageNames,
  type BudgetKind,
  type DeptSpec,
  type ProjectTemplate,
  type RegionLevel,
  type TransferProgram,
} from './names.ts';
import { Rng, WeightedTable } from './random.ts';
import type { TargetOptions } from './targets.ts';

export type Scale = 'county' | 'city' | 'province';
export const SCALES: readonly Scale[] = ['county', 'city', 'province'];

// ---------------------------------------------------------------------------------------------
// Rows (keys = SQL columns; columns with database defaults such as id and created_at are left out).

export interface RegionRow {
  mof_div_code: string;
  name: string;
  level: RegionLevel;
  parent_code: string | null;
}

export interface FiscalYearRow {
  mof_div_code: string;
  fiscal_year: string;
  status: 'OPEN' | 'CLOSED';
}

export interface DepartmentRow {
  mof_div_code: string;
  dept_code: string;
  name: string;
}

export interface AgencyRow {
  mof_div_code: string;
  dept_code: string;
  agency_code: string;
  name: string;
}

export interface SectionRow {
  mof_div_code: string;
  section_code: string;
  name: string;
}

export interface SectionDepartmentRow {
  mof_div_code: string;
  section_code: string;
  dept_code: string;
}

export interface ProjectRow {
  mof_div_code: string;
  fiscal_year: string;
  pro_code: string;
  pro_name: string;
  agency_code: string;
  dept_code: string;
  budget_kind: BudgetKind;
  is_investment_fund: boolean;
  is_debt: boolean;
  is_ppp: boolean;
  is_purchased_service: boolean;
  func_class: string;
  /** Exact decimal strings, 2 decimals; amount = current + carry_over + transfer + other. */
  amount: string;
  amount_current: string;
  amount_carry_over: string;
  amount_transfer: string;
  amount_other: string;
  is_new: boolean;
  start_year: string;
  end_year: string;
  parent_pro_code: string | null;
  sub_mof_code: string | null;
}

export interface ProjectCount {
  mof_div_code: string;
  fiscal_year: string;
  count: number;
}

export interface GenerateOptions {
  scale: Scale;
  seed: number;
  /** 4-digit years; sorted and de-duplicated by the generator. */
  fiscalYears: readonly string[];
  /**
   * The code of the top region (county: PPCCDD with DD ≠ 00; city: PPCC00; province: PP0000).
   * Default: drawn from the seed (never in province 36, which is kept for the demo).
   */
  rootCode?: string;
  /**
   * Project codes the generator must not use (e.g. the code of a worked example that tests import
   * into the region later); the serials are skipped.
   */
  reservedProCodes?: readonly string[];
  /** How the projects' performance targets are generated (targets.ts); default: for every project. */
  targets?: TargetOptions;
}

export interface GeneratedRegion {
  scale: Scale;
  seed: number;
  years: readonly string[];
  /** The top node of the scale (the county, the city or the province). */
  root: RegionRow;
  /** The whole tree: ancestors of the root (so the tree is complete), the root, everything below. */
  regions: RegionRow[];
  /** Regions that hold departments, sections, fiscal years and projects (root and below), in stream order. */
  dataRegions: string[];
  departments: DepartmentRow[];
  agencies: AgencyRow[];
  sections: SectionRow[];
  sectionDepartments: SectionDepartmentRow[];
  fiscalYears: FiscalYearRow[];
  /** Exact number of rows projects() yields. */
  projectCount: number;
  projectCounts: ProjectCount[];
  /** A fresh stream of every project (region by region, year by year); identical on every call. */
  projects(): Generator<ProjectRow, void, undefined>;
  /** GenerateOptions.targets. */
  targets?: TargetOptions;
}

// ---------------------------------------------------------------------------------------------
// Parameters.

/** Budget kinds over all projects (全覆盖): general public ≈ 85 %, fund 10 %, SOE 2 %, social insurance 3 %. */
export const BUDGET_KIND_WEIGHTS: Readonly<Record<BudgetKind, number>> = {
  GENERAL_PUBLIC: 85,
  GOV_FUND: 10,
  SOE_CAPITAL: 2,
  SOCIAL_INSURANCE: 3,
};

interface LevelParams {
  departments: [number, number];
  units: [number, number];
  projects: [number, number];
  /** Base median of a project's amount in yuan (before the template's scale). */
  median: number;
}

const LEVEL_PARAMS: Readonly<Record<RegionLevel, LevelParams>> = {
  COUNTY: { departments: [39, 42], units: [190, 210], projects: [1900, 2100], median: 440_000 },
  CITY: { departments: [42, 46], units: [200, 230], projects: [1100, 1300], median: 1_100_000 },
  PROVINCE: { departments: [44, 48], units: [240, 270], projects: [2300, 2700], median: 2_200_000 },
};

/** Spread (sigma of ln amount) of project amounts around the template's median. */
const AMOUNT_SIGMA = 1.0;
const MIN_FEN = 5_000 * 100;
const MAX_FEN = 800_000_000 * 100;

// ---------------------------------------------------------------------------------------------
// Money in fen.

export function fenToString(fen: number): string {
  if (!Number.isSafeInteger(fen) || fen < 0) throw new RangeError(`bad fen amount ${String(fen)}`);
  const yuan = Math.floor(fen / 100);
  const cents = fen % 100;
  return `${String(yuan)}.${cents < 10 ? '0' : ''}${String(cents)}`;
}

/** "1234.50" → 123450 (exact; for tests and callers that add amounts). */
export function stringToFen(s: string): number {
  const m = /^(\d+)\.(\d{2})$/.exec(s);
  if (!m) throw new RangeError(`not a 2-decimal amount: ${s}`);
  return Number(m[1]) * 100 + Number(m[2]);
}

/** A budget-like amount: mostly round thousands or hundreds of yuan, some exact to the fen. */
function roundAmount(rng: Rng, fen: number): number {
  const r = rng.next();
  const unit = r < 0.55 ? 100_000 : r < 0.85 ? 10_000 : 1;
  const rounded = Math.round(fen / unit) * unit;
  return Math.min(MAX_FEN, Math.max(MIN_FEN, rounded));
}

function drawAmount(rng: Rng, medianYuan: number, sigma = AMOUNT_SIGMA): number {
  return roundAmount(rng, Math.round(rng.logNormalMedian(medianYuan, sigma) * 100));
}

interface Sources {
  current: number;
  carryOver: number;
  transfer: number;
  other: number;
}

/** Split an amount (fen) by source; the parts add up to the amount exactly. */
function splitSources(rng: Rng, amount: number, isNew: boolean, kind: BudgetKind): Sources {
  let rest = amount;
  const part = (p: number, lo: number, hi: number): number => {
    if (!rng.chance(p) || rest <= 0) return 0;
    const x = Math.floor((rest * rng.float(lo, hi)) / 10_000) * 10_000; // whole hundreds of yuan
    const v = Math.min(rest, Math.max(0, x));
    rest -= v;
    return v;
  };
  const transfer = part(kind === 'GENERAL_PUBLIC' ? 0.25 : 0.1, 0.2, 1.0);
  const carryOver = part(isNew ? 0.02 : 0.2, 0.05, 0.4);
  const other = part(0.05, 0.05, 0.3);
  return { current: rest, carryOver, transfer, other };
}

// ---------------------------------------------------------------------------------------------
// The organisation model.

interface DeptModel {
  spec: DeptSpec;
  row: DepartmentRow;
  units: AgencyRow[];
  main: AgencyRow;
  others: AgencyRow[];
  generic: ProjectTemplate[];
  matches: Map<ProjectTemplate, AgencyRow[]>;
}

interface Choice {
  dept: DeptModel;
  tpl: ProjectTemplate;
}

interface Allocation {
  program: TransferProgram;
  upperCode: string;
  upperLevel: RegionLevel;
  countyCode: string;
  countyName: string;
  year: string;
  serial: number;
  parentProCode: string;
  amountFen: number;
  children: number;
}

interface RegionModel {
  row: RegionRow;
  level: RegionLevel;
  prefix: string;
  depts: DeptModel[];
  deptByKey: Map<string, DeptModel>;
  /** Townships (county) or the names of the regions below (city, province): {town}. */
  places: string[];
  /** Villages with their township (county) or places: {village}. */
  villages: string[];
  /** State-owned enterprises: {company}. */
  companies: string[];
  median: number;
  tables: Map<BudgetKind, WeightedTable<Choice>>;
  targets: Map<string, number>;
  /** As the upper region: the allocations it pays, by year (serials 1..k of that year). */
  parents: Map<string, Allocation[]>;
  /** As the receiving county: the allocations it receives, by year. */
  received: Map<string, Allocation[]>;
}

const pad = (n: number, width: number): string => String(n).padStart(width, '0');
const yy = (year: string): string => year.slice(2, 4);

function proCode(regionCode: string, codeYear: string, serial: number): string {
  if (serial > 9999) throw new RangeError(`more than 9999 projects created in ${regionCode}/${codeYear}`);
  return `${regionCode}${yy(codeYear)}${pad(serial, 4)}`;
}

/** Allocate `total` extra units over departments by weight, within each department's capacity. */
function allocate(weights: readonly number[], caps: readonly number[], total: number): number[] {
  const out = weights.map(() => 0);
  let left = total;
  for (let round = 0; round < 20 && left > 0; round++) {
    const open = weights
      .map((w, i) => (w > 0 && (out[i] ?? 0) < (caps[i] ?? 0) ? i : -1))
      .filter((i) => i >= 0);
    if (open.length === 0) break;
    const sum = open.reduce((s, i) => s + (weights[i] ?? 0), 0);
    const shares = open.map((i) => ({ i, exact: (left * (weights[i] ?? 0)) / sum }));
    let given = 0;
    for (const s of shares) {
      const room = (caps[s.i] ?? 0) - (out[s.i] ?? 0);
      const g = Math.min(room, Math.floor(s.exact));
      out[s.i] = (out[s.i] ?? 0) + g;
      given += g;
    }
    // Largest remainders, one each, while there is room.
    const byRemainder = [...shares].sort(
      (a, b) => b.exact - Math.floor(b.exact) - (a.exact - Math.floor(a.exact)) || a.i - b.i,
    );
    for (const s of byRemainder) {
      if (given >= left) break;
      if ((out[s.i] ?? 0) < (caps[s.i] ?? 0)) {
        out[s.i] = (out[s.i] ?? 0) + 1;
        given += 1;
      }
    }
    if (given === 0) break;
    left -= given;
  }
  // Whatever is left (rounding): one by one to any department with room.
  for (let i = 0; left > 0 && i < out.length; i++) {
    while (left > 0 && (out[i] ?? 0) < (caps[i] ?? 0) && (weights[i] ?? 0) > 0) {
      out[i] = (out[i] ?? 0) + 1;
      left -= 1;
    }
  }
  return out;
}

function unitPool(
  spec: DeptSpec,
  level: RegionLevel,
  prefix: string,
  deptFullName: string,
  towns: readonly string[],
): string[] {
  const names: string[] = [];
  const seen = new Set<string>();
  const add = (n: string): void => {
    if (!seen.has(n)) {
      seen.add(n);
      names.push(n);
    }
  };
  for (const u of spec.units) add(u === '*' ? deptFullName : unitName(u, prefix));
  if (level === 'COUNTY') {
    for (const pattern of spec.town) for (const town of towns) add(unitName(pattern, prefix, town));
  } else if (spec.extra) {
    for (let n = 1; n <= 30; n++) add(unitName(spec.extra.replace('{n}', cnNumber(n)), prefix));
  }
  return names;
}

function buildRegion(seed: number, row: RegionRow, places: string[], years: readonly string[]): RegionModel {
  const level = row.level;
  const code = row.mof_div_code;
  const params = LEVEL_PARAMS[level];
  const prefix = levelPrefix(level, code);
  const rng = new Rng([seed, code, 'org']);

  // Townships and villages (county); the regions below (upper levels).
  let villages: string[];
  if (level === 'COUNTY') {
    places = townNames(rng, code, rng.int(10, 18));
    const bare = villageNames(rng, places.length * 12);
    villages = bare.map((v, i) => `${places[i % places.length] ?? ''}${v}`);
  } else {
    villages = places;
  }

  // Departments: all core ones of the level and a draw of the optional ones.
  const available = DEPARTMENTS.filter((d) => d.levels.includes(level));
  const core = available.filter((d) => d.core);
  const optional = available.filter((d) => !d.core);
  const wanted = rng.int(params.departments[0], params.departments[1]);
  const chosen = new Set<DeptSpec>([...core, ...rng.sample(optional, wanted - core.length)]);
  const specs = available.filter((d) => chosen.has(d));

  // Units: one main unit each, the rest by weight within each department's pool.
  const names = specs.map((s) => deptName(s, level, prefix));
  const pools = specs.map((s, i) => unitPool(s, level, prefix, names[i] ?? '', places));
  const unitTotal = rng.int(params.units[0], params.units[1]);
  const extra = allocate(
    specs.map((s) => s.uw),
    pools.map((p) => p.length - 1),
    Math.max(0, unitTotal - specs.length),
  );

  const depts: DeptModel[] = specs.map((spec, i) => {
    const deptRow: DepartmentRow = { mof_div_code: code, dept_code: spec.code, name: names[i] ?? spec.name };
    const pool = pools[i] ?? [];
    const taken = pool.slice(0, 1 + (extra[i] ?? 0));
    if (!taken.includes(deptRow.name)) taken[taken.length - 1] = deptRow.name;
    const units = taken.map((n, k) => ({
      mof_div_code: code,
      dept_code: spec.code,
      agency_code: spec.code + pad(k + 1, 3),
      name: n,
    }));
    const main = units.find((u) => u.name === deptRow.name) ?? units[0];
    if (!main) throw new Error(`department ${spec.code} without units`);
    return {
      spec,
      row: deptRow,
      units,
      main,
      others: units.filter((u) => u !== main),
      generic: spec.templates.filter((x) => x.generic),
      matches: new Map(),
    };
  });

  // Weighted (department, template) tables per budget kind.
  const tables = new Map<BudgetKind, WeightedTable<Choice>>();
  for (const kind of BUDGET_KINDS) {
    const choices: Choice[] = [];
    const weights: number[] = [];
    for (const dept of depts) {
      const tpls = dept.spec.templates.filter((x) => x.kind === kind);
      const sum = tpls.reduce((s, x) => s + x.w, 0);
      for (const tpl of tpls) {
        choices.push({ dept, tpl });
        weights.push(kind === 'GENERAL_PUBLIC' ? (dept.spec.w * tpl.w) / sum : tpl.w);
      }
    }
    if (choices.length > 0) tables.set(kind, new WeightedTable(choices, weights));
  }

  const targets = new Map<string, number>();
  for (const year of years) {
    targets.set(year, new Rng([seed, code, year, 'count']).int(params.projects[0], params.projects[1]));
  }

  return {
    row,
    level,
    prefix,
    depts,
    deptByKey: new Map(depts.map((d) => [d.spec.key, d])),
    places,
    villages,
    companies: COMPANIES.map((c) => prefix + c),
    median: params.median,
    tables,
    targets,
    parents: new Map(),
    received: new Map(),
  };
}

// ---------------------------------------------------------------------------------------------
// The region tree.

interface TreeNode {
  row: RegionRow;
  children: TreeNode[];
}

function countyCodes(rng: Rng, cityCode: string, n: number): string[] {
  const head = cityCode.slice(0, 4);
  const districts = Math.min(n, rng.int(1, 3));
  const cities = n - districts >= 2 && rng.chance(0.5) ? 1 : 0;
  const counties = n - districts - cities;
  const out: string[] = [];
  for (let i = 0; i < districts; i++) out.push(head + pad(2 + i, 2));
  for (let i = 0; i < counties; i++) out.push(head + pad(21 + i, 2));
  for (let i = 0; i < cities; i++) out.push(head + pad(81 + i, 2));
  return out;
}

function node(code: string, level: RegionLevel, parent: string | null): TreeNode {
  return {
    row: { mof_div_code: code, name: regionName(code, level), level, parent_code: parent },
    children: [],
  };
}

function cityNode(rng: Rng, cityCode: string, provinceCode: string, counties: number): TreeNode {
  const city = node(cityCode, 'CITY', provinceCode);
  city.children = countyCodes(rng, cityCode, counties).map((c) => node(c, 'COUNTY', cityCode));
  return city;
}

function validateRoot(scale: Scale, code: string): void {
  const ok =
    /^\d{6}$/.test(code) &&
    code.slice(0, 2) !== '00' &&
    (scale === 'province'
      ? code.endsWith('0000')
      : scale === 'city'
        ? code.endsWith('00') && code.slice(2, 4) !== '00'
        : code.slice(2, 4) !== '00' && code.slice(4, 6) !== '00');
  if (!ok) throw new RangeError(`rootCode ${code} is not a ${scale} code (GB/T 2260, 6 digits)`);
}

/** The tree: [ancestors (no data)], root node. */
function buildTree(
  scale: Scale,
  seed: number,
  rootCode: string | undefined,
): { ancestors: RegionRow[]; root: TreeNode } {
  const rng = new Rng([seed, 'tree', scale]);
  let code = rootCode;
  if (code === undefined) {
    const prefixes = Object.keys(PROVINCES).filter((p) => p !== DEMO_PROVINCE_PREFIX);
    const pp = rng.pick(prefixes);
    if (scale === 'province') code = `${pp}0000`;
    else if (scale === 'city') code = `${pp}${pad(rng.int(1, 12), 2)}00`;
    else {
      const r = rng.next();
      const suffix = r < 0.75 ? rng.int(21, 28) : r < 0.9 ? rng.int(2, 4) : 81;
      code = `${pp}${pad(rng.int(1, 12), 2)}${pad(suffix, 2)}`;
    }
  } else {
    validateRoot(scale, code);
  }
  const provinceCode = `${code.slice(0, 2)}0000`;
  const cityCode = `${code.slice(0, 4)}00`;
  if (scale === 'province') {
    const root = node(provinceCode, 'PROVINCE', null);
    const cities = rng.int(10, 12);
    for (let i = 1; i <= cities; i++) {
      root.children.push(cityNode(rng, `${code.slice(0, 2)}${pad(i, 2)}00`, provinceCode, rng.int(7, 10)));
    }
    return { ancestors: [], root };
  }
  const province = node(provinceCode, 'PROVINCE', null).row;
  if (scale === 'city')
    return { ancestors: [province], root: cityNode(rng, cityCode, provinceCode, rng.int(9, 11)) };
  const city = node(cityCode, 'CITY', provinceCode).row;
  return { ancestors: [province, city], root: node(code, 'COUNTY', cityCode) };
}

function flatten(n: TreeNode, out: TreeNode[] = []): TreeNode[] {
  out.push(n);
  for (const c of n.children) flatten(c, out);
  return out;
}

function countiesUnder(n: TreeNode): TreeNode[] {
  return flatten(n).filter((x) => x.row.level === 'COUNTY');
}

// ---------------------------------------------------------------------------------------------
// Transfer payments: each upper data region (city, province) allocates a few programmes to the
// counties below it; the allocation is a project of the upper region with sub_mof_code = county,
// and 1–2 projects of the county with parent_pro_code = that project's code.

function planTransfers(
  seed: number,
  upper: RegionModel,
  counties: TreeNode[],
  years: readonly string[],
  byCode: Map<string, RegionModel>,
  reserved: ReadonlySet<string>,
): void {
  if (upper.level === 'COUNTY' || counties.length === 0) return;
  for (const year of years) {
    const counters = new Counters(upper.row.mof_div_code, reserved);
    const rng = new Rng([seed, upper.row.mof_div_code, year, 'transfers']);
    const programs = rng.sample(
      TRANSFER_PROGRAMS.filter((p) => upper.deptByKey.has(p.dept)),
      upper.level === 'PROVINCE' ? rng.int(10, 14) : rng.int(4, 7),
    );
    const median = upper.level === 'PROVINCE' ? 2_000_000 : 800_000;
    const list: Allocation[] = [];
    for (const program of programs) {
      for (const county of counties) {
        if (!rng.chance(0.75)) continue;
        const receiver = byCode.get(county.row.mof_div_code);
        if (!receiver?.deptByKey.has(program.dept)) continue;
        const serial = counters.take(year);
        const a: Allocation = {
          program,
          upperCode: upper.row.mof_div_code,
          upperLevel: upper.level,
          countyCode: county.row.mof_div_code,
          countyName: county.row.name,
          year,
          serial,
          parentProCode: proCode(upper.row.mof_div_code, year, serial),
          amountFen: drawAmount(rng, median, 0.7),
          children: rng.chance(0.25) ? 2 : 1,
        };
        list.push(a);
        const got = receiver.received.get(year) ?? [];
        got.push(a);
        receiver.received.set(year, got);
      }
    }
    upper.parents.set(year, list);
  }
}

// ---------------------------------------------------------------------------------------------
// Projects.

interface Carried {
  row: ProjectRow;
  amountFen: number;
}

function chooseAgency(rng: Rng, dept: DeptModel, tpl: ProjectTemplate): AgencyRow {
  if (tpl.match) {
    let list = dept.matches.get(tpl);
    if (!list) {
      const m = tpl.match;
      list = dept.units.filter((u) => m.some((s) => u.name.includes(s)));
      dept.matches.set(tpl, list);
    }
    if (list.length > 0) return rng.pick(list);
  }
  if (tpl.at === 'main' || dept.others.length === 0) return dept.main;
  if (tpl.at === 'sub') return rng.pick(dept.others);
  return rng.chance(0.3) ? dept.main : rng.pick(dept.units);
}

function renderName(rng: Rng, region: RegionModel, tpl: ProjectTemplate, agency: AgencyRow): string {
  let name = tpl.name;
  if (name.includes('{agency}')) name = name.replace('{agency}', agency.name);
  if (name.includes('{town}')) name = name.replace('{town}', rng.pick(region.places));
  if (name.includes('{village}')) name = name.replace('{village}', rng.pick(region.villages));
  if (name.includes('{company}')) name = name.replace('{company}', rng.pick(region.companies));
  return name;
}

function uniqueName(name: string, used: Set<string>): string {
  if (!used.has(name)) return name;
  for (let k = 2; ; k++) {
    const candidate = `${name}（${cnNumber(k)}期）`;
    if (!used.has(candidate)) return candidate;
  }
}

const KIND_TABLE = new WeightedTable(
  BUDGET_KINDS,
  BUDGET_KINDS.map((k) => BUDGET_KIND_WEIGHTS[k]),
);

/** Serials per code year of one region, skipping reserved project codes. */
class Counters {
  readonly #next = new Map<string, number>();
  readonly #region: string;
  readonly #reserved: ReadonlySet<string>;
  constructor(region: string, reserved: ReadonlySet<string>) {
    this.#region = region;
    this.#reserved = reserved;
  }
  take(codeYear: string): number {
    let n = (this.#next.get(codeYear) ?? 0) + 1;
    while (this.#reserved.has(proCode(this.#region, codeYear, n))) n++;
    this.#next.set(codeYear, n);
    return n;
  }
  /** Mark serials up to `upTo` as used (the transfer allocations' codes). */
  skipTo(codeYear: string, upTo: number): void {
    this.#next.set(codeYear, Math.max(this.#next.get(codeYear) ?? 0, upTo));
  }
}

function newProject(
  rng: Rng,
  region: RegionModel,
  year: string,
  first: boolean,
  used: Set<string>,
  counters: Counters,
): Carried {
  const code = region.row.mof_div_code;
  const kind = KIND_TABLE.pick(rng);
  const general = region.tables.get('GENERAL_PUBLIC');
  const table = region.tables.get(kind) ?? general;
  if (!table || !general) throw new Error(`region ${code} has no project templates`);
  let choice = table.pick(rng);
  let agency = chooseAgency(rng, choice.dept, choice.tpl);
  let name = renderName(rng, region, choice.tpl, agency);
  // A name already used this year: draw the placeholders again, then another template of the
  // same kind, then (the kind's names being used up) a general-budget one; last resort 二期.
  for (let attempt = 0; attempt < 24 && used.has(name); attempt++) {
    if (attempt >= 16) {
      // Any unit of the region with one of the templates every department has.
      const dept = rng.pick(region.depts);
      choice = { dept, tpl: rng.pick(dept.generic) };
    } else if (attempt >= 10) choice = general.pick(rng);
    else if (choice.tpl.once || attempt >= 3) choice = table.pick(rng);
    agency = attempt >= 16 ? rng.pick(choice.dept.units) : chooseAgency(rng, choice.dept, choice.tpl);
    name = renderName(rng, region, choice.tpl, agency);
  }
  name = uniqueName(name, used);
  used.add(name);

  const { tpl, dept } = choice;
  const y = Number(year);
  const isNew = first ? rng.chance(0.38) : true;
  const start = isNew ? y : y - rng.int(1, 4);
  const end = isNew
    ? rng.chance(tpl.multi)
      ? y + rng.int(1, 2)
      : y
    : rng.chance(0.3)
      ? y
      : y + rng.int(1, 2);
  const codeYear = String(start);
  const amountFen = drawAmount(rng, region.median * tpl.scale);
  const src = splitSources(rng, amountFen, isNew, tpl.kind);
  const row: ProjectRow = {
    mof_div_code: code,
    fiscal_year: year,
    pro_code: proCode(code, codeYear, counters.take(codeYear)),
    pro_name: name,
    agency_code: agency.agency_code,
    dept_code: dept.row.dept_code,
    budget_kind: tpl.kind,
    is_investment_fund: rng.chance(tpl.fund),
    is_debt: rng.chance(tpl.debt),
    is_ppp: rng.chance(tpl.ppp),
    is_purchased_service: rng.chance(tpl.service),
    func_class: tpl.func,
    amount: fenToString(amountFen),
    amount_current: fenToString(src.current),
    amount_carry_over: fenToString(src.carryOver),
    amount_transfer: fenToString(src.transfer),
    amount_other: fenToString(src.other),
    is_new: isNew,
    start_year: String(start),
    end_year: String(end),
    parent_pro_code: null,
    sub_mof_code: null,
  };
  return { row, amountFen };
}

function continued(rng: Rng, prev: Carried, year: string): Carried {
  const amountFen = roundAmount(rng, Math.round(prev.amountFen * rng.float(0.75, 1.25)));
  const src = splitSources(rng, amountFen, false, prev.row.budget_kind);
  return {
    amountFen,
    row: {
      ...prev.row,
      fiscal_year: year,
      is_new: false,
      amount: fenToString(amountFen),
      amount_current: fenToString(src.current),
      amount_carry_over: fenToString(src.carryOver),
      amount_transfer: fenToString(src.transfer),
      amount_other: fenToString(src.other),
    },
  };
}

function levelLabel(level: RegionLevel): string {
  return level === 'PROVINCE' ? '省级' : level === 'CITY' ? '市级' : '县级';
}

function* regionYear(
  seed: number,
  region: RegionModel,
  year: string,
  previous: Carried[] | null,
  counters: Counters,
  carried: Carried[],
): Generator<ProjectRow, void, undefined> {
  const code = region.row.mof_div_code;
  const rng = new Rng([seed, code, year, 'projects']);
  const used = new Set<string>();
  const target = region.targets.get(year) ?? 0;

  // 1. Allocations this region pays to the counties below (serials 1..k of the year).
  const parents = region.parents.get(year) ?? [];
  counters.skipTo(year, parents.at(-1)?.serial ?? 0);
  for (const a of parents) {
    const dept = region.deptByKey.get(a.program.dept);
    if (!dept) continue;
    const name = uniqueName(`${a.program.name}（${a.countyName}）`, used);
    used.add(name);
    const amount = fenToString(a.amountFen);
    yield {
      mof_div_code: code,
      fiscal_year: year,
      pro_code: a.parentProCode,
      pro_name: name,
      agency_code: dept.main.agency_code,
      dept_code: dept.row.dept_code,
      budget_kind: 'GENERAL_PUBLIC',
      is_investment_fund: false,
      is_debt: false,
      is_ppp: false,
      is_purchased_service: false,
      func_class: a.program.func,
      amount,
      amount_current: amount,
      amount_carry_over: '0.00',
      amount_transfer: '0.00',
      amount_other: '0.00',
      is_new: true,
      start_year: year,
      end_year: year,
      parent_pro_code: null,
      sub_mof_code: a.countyCode,
    };
  }

  // 2. Projects continuing from last year (same code, name and unit), at most the year's target.
  let keep: Carried[] = previous ? previous.filter((p) => Number(p.row.end_year) >= Number(year)) : [];
  if (keep.length > target) {
    const drop = new Set(rng.sample(keep, keep.length - target));
    keep = keep.filter((p) => !drop.has(p));
  }
  for (const p of keep) {
    const c = continued(rng, p, year);
    used.add(c.row.pro_name);
    carried.push(c);
    yield c.row;
  }

  // 3. New projects up to the target (in the first year of a run, some are continuing ones).
  const first = previous === null;
  for (let i = keep.length; i < target; i++) {
    const c = newProject(rng, region, year, first, used, counters);
    carried.push(c);
    yield c.row;
  }

  // 4. Projects funded by allocations from above.
  for (const a of region.received.get(year) ?? []) {
    const dept = region.deptByKey.get(a.program.dept);
    if (!dept) continue;
    const label = `${a.program.name}（${levelLabel(a.upperLevel)}下达）`;
    const parts = a.children === 2 && a.amountFen >= 2 * MIN_FEN ? 2 : 1;
    const firstPart =
      parts === 2 ? Math.floor((a.amountFen * rng.float(0.3, 0.7)) / 10_000) * 10_000 : a.amountFen;
    for (let k = 0; k < parts; k++) {
      const fen = k === 0 ? firstPart : a.amountFen - firstPart;
      const name = uniqueName(parts === 2 ? `${rng.pick(region.places)}${label}` : label, used);
      used.add(name);
      const amount = fenToString(fen);
      yield {
        mof_div_code: code,
        fiscal_year: year,
        pro_code: proCode(code, year, counters.take(year)),
        pro_name: name,
        agency_code: dept.main.agency_code,
        dept_code: dept.row.dept_code,
        budget_kind: 'GENERAL_PUBLIC',
        is_investment_fund: false,
        is_debt: false,
        is_ppp: false,
        is_purchased_service: false,
        func_class: a.program.func,
        amount,
        amount_current: '0.00',
        amount_carry_over: '0.00',
        amount_transfer: amount,
        amount_other: '0.00',
        is_new: true,
        start_year: year,
        end_year: year,
        parent_pro_code: a.parentProCode,
        sub_mof_code: null,
      };
    }
  }
}

// ---------------------------------------------------------------------------------------------

export function normaliseYears(years: readonly string[]): string[] {
  for (const y of years) if (!/^\d{4}$/.test(y)) throw new RangeError(`fiscal year ${y} is not 4 digits`);
  const out = [...new Set(years)].sort();
  if (out.length === 0) throw new RangeError('at least one fiscal year is needed');
  return out;
}

export function generateRegion(options: GenerateOptions): GeneratedRegion {
  const { scale, seed } = options;
  if (!SCALES.includes(scale)) throw new RangeError(`unknown scale ${String(scale)}`);
  if (!Number.isInteger(seed)) throw new RangeError('seed must be an integer');
  const years = normaliseYears(options.fiscalYears);
  const reserved: ReadonlySet<string> = new Set(options.reservedProCodes ?? []);
  const tree = buildTree(scale, seed, options.rootCode);
  const nodes = flatten(tree.root);

  const models: RegionModel[] = [];
  const byCode = new Map<string, RegionModel>();
  for (const n of nodes) {
    const places = n.children.map((c) => c.row.name);
    const m = buildRegion(seed, n.row, places, years);
    models.push(m);
    byCode.set(n.row.mof_div_code, m);
  }
  for (const n of nodes) {
    const m = byCode.get(n.row.mof_div_code);
    if (m && n.row.level !== 'COUNTY') planTransfers(seed, m, countiesUnder(n), years, byCode, reserved);
  }

  const departments: DepartmentRow[] = [];
  const agencies: AgencyRow[] = [];
  const sections: SectionRow[] = [];
  const sectionDepartments: SectionDepartmentRow[] = [];
  const fiscalYears: FiscalYearRow[] = [];
  const projectCounts: ProjectCount[] = [];
  for (const m of models) {
    const code = m.row.mof_div_code;
    for (const s of SECTIONS)
      sections.push({ mof_div_code: code, section_code: s.code, name: sectionName(s, m.level) });
    for (const d of m.depts) {
      departments.push(d.row);
      agencies.push(...d.units);
      const section = SECTIONS.find((s) => s.key === d.spec.section);
      if (section)
        sectionDepartments.push({
          mof_div_code: code,
          section_code: section.code,
          dept_code: d.row.dept_code,
        });
    }
    for (const year of years) {
      fiscalYears.push({ mof_div_code: code, fiscal_year: year, status: 'OPEN' });
      const children = (m.received.get(year) ?? []).reduce(
        (s, a) => s + (a.children === 2 && a.amountFen >= 2 * MIN_FEN ? 2 : 1),
        0,
      );
      const parents = (m.parents.get(year) ?? []).length;
      projectCounts.push({
        mof_div_code: code,
        fiscal_year: year,
        count: (m.targets.get(year) ?? 0) + parents + children,
      });
    }
  }

  function* projects(): Generator<ProjectRow, void, undefined> {
    for (const m of models) {
      const counters = new Counters(m.row.mof_div_code, reserved);
      let previous: Carried[] | null = null;
      let previousYear: number | null = null;
      for (const year of years) {
        const carried: Carried[] = [];
        const prev = previousYear !== null && previousYear === Number(year) - 1 ? previous : null;
        yield* regionYear(seed, m, year, prev, counters, carried);
        previous = carried;
        previousYear = Number(year);
      }
    }
  }

  return {
    scale,
    seed,
    years,
    root: tree.root.row,
    regions: [...tree.ancestors, ...nodes.map((n) => n.row)],
    dataRegions: models.map((m) => m.row.mof_div_code),
    departments,
    agencies,
    sections,
    sectionDepartments,
    fiscalYears,
    projectCount: projectCounts.reduce((s, c) => s + c.count, 0),
    projectCounts,
    projects,
    ...(options.targets ? { targets: options.targets } : {}),
  };
}
