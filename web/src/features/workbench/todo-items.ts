import type { TTargetListItem, TTask } from '../../../../contracts/targets.ts';
import { awaitedText, targetLink, type Translate } from '../review/status.ts';
import { pendingCount } from '../tasks/task-model.ts';
import type { TWorkbench } from './workbench-api.ts';

/** A line of "my to-dos": what, what it waits for, by when, and where to go. */
export type TodoItem = TWorkbench['todos'][number] & { detail?: string };

/** The targets waiting for me (GET /targets?todo=true) as to-dos: code + name, what is awaited. */
export function targetTodos(items: readonly TTargetListItem[], t: Translate): TodoItem[] {
  return items.map((r) => ({
    id: `target:${r.id}`,
    title: `${r.pro_code ?? r.dept_code} ${r.name}`,
    detail: awaitedText(r, t),
    link: targetLink(r),
    deadline: r.deadline,
    overdue: r.overdue,
  }));
}

/**
 * For the performance office: each open task with projects still not approved is a to-do,
 * saying how many are left (overdue after the deadline) and leading to the task's page.
 */
export function taskTodos(tasks: readonly TTask[], t: Translate): TodoItem[] {
  return tasks
    .filter((task) => task.status === 'OPEN' && pendingCount(task.progress) > 0)
    .map((task) => {
      const count = String(pendingCount(task.progress));
      return {
        id: `task:${task.id}`,
        title: task.title,
        detail: task.overdue
          ? t('tasks.workbench.overduePending', { count })
          : t('tasks.workbench.pending', { count }),
        link: `/tasks/${encodeURIComponent(task.id)}`,
        deadline: task.deadline,
        overdue: task.overdue,
      };
    });
}
