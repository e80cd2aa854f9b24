import { describe, expect, it } from 'vitest';
import { targetTodos, taskTodos } from './todo-items.ts';

describe('target to-dos', () => {
  it('titles a to-do with code and name, says what is awaited and links to the target', () => {
    const t = (key: string, values?: Record<string, string>) =>
      `${key}${values ? JSON.stringify(values) : ''}`;
    const [todo] = targetTodos(
      [
        {
          id: 't1',
          kind: 'PROJECT',
          project_id: 'p1',
          pro_code: '360121260001',
          name: '教师培训',
          dept_code: '101',
          dept_name: null,
          agency_code: '101001',
          agency_name: null,
          amount: '1.00',
          status: 'RETURNED',
          step: null,
          current_version: 2,
          flag_count: 1,
          deadline: '2025-12-01',
          overdue: true,
          updated_at: '2025-12-02T00:00:00Z',
        },
      ],
      t,
    );
    expect(todo).toEqual({
      id: 'target:t1',
      title: '360121260001 教师培训',
      detail: 'review.awaited.RETURNED',
      link: '/projects/p1?tab=target',
      deadline: '2025-12-01',
      overdue: true,
    });
  });
});

describe('task to-dos', () => {
  it('lists open tasks with projects left, overdue ones saying so', () => {
    const t = (key: string, values?: Record<string, string>) => `${key}:${values?.count ?? ''}`;
    const task = {
      id: 'k1',
      mof_div_code: '360121',
      fiscal_year: '2026',
      stage: 'TARGET' as const,
      title: '2026 年度项目绩效目标申报',
      dept_codes: [],
      agency_codes: [],
      deadline: '2026-11-15',
      status: 'OPEN' as const,
      created_at: '2026-11-01T00:00:00Z',
      progress: {
        projects: 10,
        not_started: 5,
        draft: 1,
        in_review: 1,
        approved: 3,
        returned: 0,
        rejected: 0,
      },
      overdue: true,
    };
    const done = { ...task, id: 'k2', progress: { ...task.progress, approved: 10 } };
    const closed = { ...task, id: 'k3', status: 'CLOSED' as const };
    expect(taskTodos([task, done, closed], t)).toEqual([
      {
        id: 'task:k1',
        title: '2026 年度项目绩效目标申报',
        detail: 'tasks.workbench.overduePending:7',
        link: '/tasks/k1',
        deadline: '2026-11-15',
        overdue: true,
      },
    ]);
  });
});
