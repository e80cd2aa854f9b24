import { describe, expect, it } from 'vitest';
import { isFiltered, readReviewState, toTargetQuery, writeReviewState } from './list-params.ts';

describe('review list URL state', () => {
  it('round-trips through the URL', () => {
    const state = readReviewState(
      new URLSearchParams('view=all&status=SUBMITTED&step=SECTION&dept=101&q=培训&page=3&size=50'),
      'todo',
    );
    expect(readReviewState(writeReviewState(state, 'todo'), 'todo')).toEqual(state);
  });

  it('starts on the default view and leaves it out of the URL', () => {
    const state = readReviewState(new URLSearchParams(''), 'todo');
    expect(state).toMatchObject({ view: 'todo', page: 1, size: 20, q: '' });
    expect(writeReviewState(state, 'todo').toString()).toBe('');
    expect(writeReviewState({ ...state, view: 'all' }, 'todo').toString()).toBe('view=all');
  });

  it('ignores what it does not know', () => {
    const state = readReviewState(
      new URLSearchParams('view=x&status=NOPE&step=BOSS&page=-1&size=9999'),
      'all',
    );
    expect(state).toMatchObject({ view: 'all', status: undefined, step: undefined, page: 1, size: 200 });
  });

  it('asks the API for the to-dos only in the 待我处理 view', () => {
    const todo = toTargetQuery(readReviewState(new URLSearchParams('q=X'), 'todo'), '2026');
    expect(todo).toEqual({
      fiscal_year: '2026',
      todo: true,
      status: undefined,
      step: undefined,
      dept_code: undefined,
      q: 'X',
      page: 1,
      page_size: 20,
    });
    const all = toTargetQuery(readReviewState(new URLSearchParams('view=all&dept=102'), 'todo'), '2026');
    expect(all).toMatchObject({ todo: undefined, dept_code: '102' });
  });

  it('knows when a filter narrows the list', () => {
    expect(isFiltered(readReviewState(new URLSearchParams('view=all'), 'todo'))).toBe(false);
    expect(isFiltered(readReviewState(new URLSearchParams('status=DRAFT'), 'todo'))).toBe(true);
  });
});
