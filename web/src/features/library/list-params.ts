import { SECTORS, type Sector } from '../../../../contracts/library.ts';
import type { LibraryFilters } from './library-api.ts';

/** The library list's view state, kept in the URL (back, reload and shared links keep it). */
export interface LibraryListState {
  q: string;
  sector: Sector | undefined;
  lv1: string | undefined;
  lv2: string | undefined;
  /** 功能分类 prefix as typed. */
  func: string | undefined;
  kind: 'COMMON' | 'INDIVIDUAL' | undefined;
  status: 'ACTIVE' | 'RETIRED' | undefined;
  page: number;
  size: number;
  /** The indicator open in the drawer. */
  open: string | undefined;
}

const KINDS = ['COMMON', 'INDIVIDUAL'] as const;
const STATUSES = ['ACTIVE', 'RETIRED'] as const;

function member<T extends string>(values: readonly T[], v: string | null): T | undefined {
  return values.find((x) => x === v);
}

function positiveInt(v: string | null, fallback: number, max: number): number {
  const n = Number(v);
  return Number.isInteger(n) && n >= 1 ? Math.min(n, max) : fallback;
}

export function readLibraryState(params: URLSearchParams): LibraryListState {
  const func = params.get('func');
  return {
    q: params.get('q') ?? '',
    sector: member(SECTORS, params.get('sector')),
    lv1: params.get('lv1') ?? undefined,
    lv2: params.get('lv2') ?? undefined,
    func: func !== null && /^\d{1,7}$/.test(func) ? func : undefined,
    kind: member(KINDS, params.get('kind')),
    status: member(STATUSES, params.get('status')),
    page: positiveInt(params.get('page'), 1, 100_000),
    size: positiveInt(params.get('size'), 20, 200),
    open: params.get('open') ?? undefined,
  };
}

export function writeLibraryState(s: LibraryListState): URLSearchParams {
  const p = new URLSearchParams();
  if (s.q !== '') p.set('q', s.q);
  if (s.sector !== undefined) p.set('sector', s.sector);
  if (s.lv1 !== undefined) p.set('lv1', s.lv1);
  if (s.lv2 !== undefined) p.set('lv2', s.lv2);
  if (s.func !== undefined) p.set('func', s.func);
  if (s.kind !== undefined) p.set('kind', s.kind);
  if (s.status !== undefined) p.set('status', s.status);
  if (s.page !== 1) p.set('page', String(s.page));
  if (s.size !== 20) p.set('size', String(s.size));
  if (s.open !== undefined) p.set('open', s.open);
  return p;
}

/** Whether any filter narrows the list (for the empty state's words). */
export function isFiltered(s: LibraryListState): boolean {
  return (
    s.q !== '' ||
    s.sector !== undefined ||
    s.lv1 !== undefined ||
    s.lv2 !== undefined ||
    s.func !== undefined ||
    s.kind !== undefined ||
    s.status !== undefined
  );
}

export function toLibraryFilters(s: LibraryListState, fiscalYear: string): LibraryFilters {
  return {
    q: s.q === '' ? undefined : s.q,
    sector: s.sector,
    kpi_lv1: s.lv1,
    kpi_lv2: s.lv2,
    func_class: s.func,
    kind: s.kind,
    status: s.status,
    fiscal_year: fiscalYear,
    page: s.page,
    page_size: s.size,
  };
}
