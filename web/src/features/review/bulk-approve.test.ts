import { describe, expect, it } from 'vitest';
import type { TReviewRequest, TTargetListItem, TTargetView } from '../../../../contracts/targets.ts';
import { NotApprovableError, runBulkApprove, type BulkResult } from './bulk-approve.ts';

const item = (id: string): TTargetListItem => ({
  id,
  kind: 'PROJECT',
  project_id: `p-${id}`,
  pro_code: id,
  name: `项目 ${id}`,
  dept_code: '101',
  dept_name: null,
  agency_code: '101001',
  agency_name: null,
  amount: '100.00',
  status: 'SUBMITTED',
  step: 'DEPARTMENT',
  current_version: 1,
  flag_count: 0,
  deadline: null,
  overdue: false,
  updated_at: '2026-01-01T00:00:00Z',
});

function viewOf(id: string, rowVersion: number, approvable: boolean): TTargetView {
  // Only the fields the bulk approval reads matter here.
  return {
    id,
    row_version: rowVersion,
    allowed_actions: approvable ? ['approve', 'return', 'reject'] : [],
  } as unknown as TTargetView;
}

describe('bulk approval', () => {
  it('approves each target with its fresh row_version and the one comment, reporting failures', async () => {
    const sent: { id: string; body: TReviewRequest }[] = [];
    const progress: number[] = [];
    const results: BulkResult[] = await runBulkApprove(
      [item('a'), item('b'), item('c')],
      '同意。',
      {
        fetchView: (id) => Promise.resolve(viewOf(id, id === 'a' ? 4 : 2, id !== 'b')),
        review: (id, body) => {
          if (id === 'c') return Promise.reject(new Error('stale'));
          sent.push({ id, body });
          return Promise.resolve(viewOf(id, 5, false));
        },
      },
      (r) => progress.push(r.length),
    );
    expect(sent).toEqual([
      { id: 'a', body: { row_version: 4, action: 'APPROVE', comment: '同意。', indicator_comments: [] } },
    ]);
    expect(results.map((r) => r.ok)).toEqual([true, false, false]);
    const b = results[1];
    expect(b !== undefined && !b.ok && b.error instanceof NotApprovableError).toBe(true);
    expect(progress).toEqual([1, 2, 3]);
  });
});
