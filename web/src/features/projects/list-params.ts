import { BUDGET_KINDS, type TBudgetKind, type TProjectListQuery } from '../../../../contracts/api.ts';
import { wanToYuan } from '../../lib/money.ts';
import type { ProjectFilters } from './projects-api.ts';

/** The registry's view state, kept in the URL so that back, reload and sharing a link keep it. */
export interface ListState {
  q: string;
  dept: string | undefined;
  kind: TBudgetKind | undefined;
  /** Amount bounds as typed, in 万元. */
  minWan: string | undefined;
  maxWan: string | undefined;
  sort: TProjectListQuery['sort'];
  page: number;
  size: number;
}

const SORTS = ['pro_code', 'pro_name', 'amount', '-pro_code', '-pro_name', '-amount'] as const;

function isSort(v: string | null): v is NonNullable<TProjectListQuery['sort']> {
  return v !== null && (SORTS as readonly string[]).includes(v);
}

function isKind(v: string | null): v is TBudgetKind {
  return v !== null && (BUDGET_KINDS as readonly string[]).includes(v);
}

function positiveInt(v: string | null, fallback: number, max: number): number {
  const n = Number(v);
  return Number.isInteger(n) && n >= 1 ? Math.min(n, max) : fallback;
}

export function readListState(params: URLSearchParams): ListState {
  const kind = params.get('kind');
  const sort = params.get('sort');
  return {
    q: params.get('q') ?? '',
    dept: params.get('dept') ?? undefined,
    kind: isKind(kind) ? kind : undefined,
    minWan: params.get('min') ?? undefined,
    maxWan: params.get('max') ?? undefined,
    sort: isSort(sort) ? sort : undefined,
    page: positiveInt(params.get('page'), 1, 100_000),
    size: positiveInt(params.get('size'), 20, 200),
  };
}

export function writeListState(s: ListState): URLSearchParams {
  const p = new URLSearchParams();
  if (s.q !== '') p.set('q', s.q);
  if (s.dept !== undefined) p.set('dept', s.dept);
  if (s.kind !== undefined) p.set('kind', s.kind);
  if (s.minWan !== undefined) p.set('min', s.minWan);
  if (s.maxWan !== undefined) p.set('max', s.maxWan);
  if (s.sort !== undefined) p.set('sort', s.sort);
  if (s.page !== 1) p.set('page', String(s.page));
  if (s.size !== 20) p.set('size', String(s.size));
  return p;
}

export function toFilters(
  s: ListState,
  scope: { mof_div_code: string; fiscal_year: string },
): ProjectFilters {
  return {
    ...scope,
    q: s.q === '' ? undefined : s.q,
    dept_code: s.dept,
    budget_kind: s.kind,
    amount_min: s.minWan === undefined ? undefined : (wanToYuan(s.minWan) ?? undefined),
    amount_max: s.maxWan === undefined ? undefined : (wanToYuan(s.maxWan) ?? undefined),
    sort: s.sort,
    page: s.page,
    page_size: s.size,
  };
}
