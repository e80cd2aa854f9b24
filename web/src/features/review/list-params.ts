import type { ReviewStep, TargetStatus } from '../../../../domain/targets/workflow.ts';
import { isReviewStep, isTargetStatus } from './status.ts';

/** The review list's view state, kept in the URL so that back, reload and saved views keep it. */
export interface ReviewListState {
  /** 待我处理 (what waits for me) or 全部 (everything in my scope). */
  view: 'todo' | 'all';
  status: TargetStatus | undefined;
  step: ReviewStep | undefined;
  dept: string | undefined;
  q: string;
  page: number;
  size: number;
}

/** The query of GET /api/v1/targets. */
export interface TargetListQuery {
  fiscal_year: string;
  todo: boolean | undefined;
  status: TargetStatus | undefined;
  step: ReviewStep | undefined;
  dept_code: string | undefined;
  q: string | undefined;
  page: number;
  page_size: number;
}

function positiveInt(v: string | null, fallback: number, max: number): number {
  const n = Number(v);
  return Number.isInteger(n) && n >= 1 ? Math.min(n, max) : fallback;
}

/**
 * Read the state from the URL. `defaultView` applies when the URL says nothing: reviewers and
 * preparers start on their to-dos, read-only roles on everything.
 */
export function readReviewState(params: URLSearchParams, defaultView: 'todo' | 'all'): ReviewListState {
  const view = params.get('view');
  const status = params.get('status');
  const step = params.get('step');
  return {
    view: view === 'todo' || view === 'all' ? view : defaultView,
    status: status !== null && isTargetStatus(status) ? status : undefined,
    step: isReviewStep(step) ? step : undefined,
    dept: params.get('dept') ?? undefined,
    q: params.get('q') ?? '',
    page: positiveInt(params.get('page'), 1, 100_000),
    size: positiveInt(params.get('size'), 20, 200),
  };
}

export function writeReviewState(s: ReviewListState, defaultView: 'todo' | 'all'): URLSearchParams {
  const p = new URLSearchParams();
  if (s.view !== defaultView) p.set('view', s.view);
  if (s.status !== undefined) p.set('status', s.status);
  if (s.step !== undefined) p.set('step', s.step);
  if (s.dept !== undefined) p.set('dept', s.dept);
  if (s.q !== '') p.set('q', s.q);
  if (s.page !== 1) p.set('page', String(s.page));
  if (s.size !== 20) p.set('size', String(s.size));
  return p;
}

export function toTargetQuery(s: ReviewListState, fiscalYear: string): TargetListQuery {
  return {
    fiscal_year: fiscalYear,
    todo: s.view === 'todo' ? true : undefined,
    status: s.status,
    step: s.step,
    dept_code: s.dept,
    q: s.q === '' ? undefined : s.q,
    page: s.page,
    page_size: s.size,
  };
}

/** Whether any filter narrows the list (for the empty state's wording). */
export function isFiltered(s: ReviewListState): boolean {
  return s.status !== undefined || s.step !== undefined || s.dept !== undefined || s.q !== '';
}
