import type { TCreateTask, TTask } from '../../../contracts/targets.ts';
import type { Actor } from '../../context.ts';
import type { Database } from '../../db/client.ts';
import { AppError, notFound } from '../../errors.ts';
import type { AuditService } from '../audit/index.ts';
import { scopeRegions } from '../identity/index.ts';
import type { NotificationsService } from '../notifications/index.ts';
import * as repo from './tasks.repository.ts';

/**
 * Declaration tasks (domain.md §3): the performance office issues a task with a scope of
 * departments or units and a deadline; the task shows its progress, the projects still without
 * an approved target (overdue after the deadline), and sends in-app reminders.
 */
export function makeTasksService(deps: {
  database: Database;
  audit: AuditService;
  notifications: NotificationsService;
  clock?: () => Date;
}) {
  const db = deps.database.db;
  const today = () => (deps.clock?.() ?? new Date()).toISOString().slice(0, 10);

  async function dto(t: repo.TaskRow): Promise<TTask> {
    const c = await repo.countByStatus(db, t);
    const n = (k: string) => c.get(k) ?? 0;
    const total = [...c.values()].reduce((a, b) => a + b, 0);
    return {
      id: t.id,
      mof_div_code: t.mofDivCode,
      fiscal_year: t.fiscalYear,
      stage: t.stage,
      title: t.title,
      dept_codes: t.deptCodes,
      agency_codes: t.agencyCodes,
      deadline: t.deadline,
      status: t.status,
      created_at: t.createdAt.toISOString(),
      progress: {
        projects: total,
        not_started: n('NONE'),
        draft: n('DRAFT') + n('UNLOCKED'),
        in_review: n('SUBMITTED'),
        approved: n('APPROVED'),
        returned: n('RETURNED'),
        rejected: n('REJECTED'),
      },
      overdue: t.status === 'OPEN' && t.deadline < today() && n('APPROVED') < total,
    };
  }

  async function list(actor: Actor, fiscalYear: string | undefined) {
    const rows = await repo.findTasks(db, scopeRegions(actor.scope), fiscalYear);
    return { items: await Promise.all(rows.map(dto)) };
  }

  async function get(actor: Actor, id: string) {
    const t = await repo.findTask(db, scopeRegions(actor.scope), id);
    if (!t) throw notFound();
    return dto(t);
  }

  async function create(actor: Actor, input: TCreateTask) {
    if (!scopeRegions(actor.scope).includes(input.mof_div_code)) throw notFound();
    if (!actor.scope.regions.includes(input.mof_div_code)) throw new AppError('AUTH.FORBIDDEN');
    const row = await db.transaction(async (tx) => {
      const t = await repo.insertTask(tx, {
        mofDivCode: input.mof_div_code,
        fiscalYear: input.fiscal_year,
        stage: 'TARGET',
        title: input.title,
        deptCodes: input.dept_codes,
        agencyCodes: input.agency_codes,
        deadline: input.deadline,
        createdBy: actor.userId,
      });
      await deps.audit.record(tx, {
        actor,
        entity: 'task',
        entityId: t.id,
        action: 'CREATE',
        after: input,
        mofDivCode: input.mof_div_code,
      });
      for (const u of await repo.preparersToRemind(tx, t)) {
        await deps.notifications.notify(tx, {
          userId: u.id,
          mofDivCode: t.mofDivCode,
          title: `新的绩效目标申报任务：${t.title}（截止 ${t.deadline}）`,
          link: `/targets?todo=true`,
        });
      }
      return t;
    });
    return dto(row);
  }

  async function pending(actor: Actor, id: string, page: number, pageSize: number) {
    const t = await repo.findTask(db, scopeRegions(actor.scope), id);
    if (!t) throw notFound();
    const { items, total } = await repo.findPending(db, t, page, pageSize);
    return {
      total,
      items: items.map((r) => ({
        project_id: r.project.id,
        pro_code: r.project.proCode,
        pro_name: r.project.proName,
        dept_code: r.project.deptCode,
        dept_name: r.deptName,
        agency_code: r.project.agencyCode,
        agency_name: r.agencyName,
        amount: r.project.amount,
        status: r.status,
        step: r.step,
      })),
    };
  }

  /** Remind the preparers of units with unfinished declarations; audited. */
  async function remind(actor: Actor, id: string) {
    const t = await repo.findTask(db, actor.scope.regions, id);
    if (!t) throw notFound();
    return db.transaction(async (tx) => {
      const people = await repo.preparersToRemind(tx, t);
      for (const u of people) {
        await deps.notifications.notify(tx, {
          userId: u.id,
          mofDivCode: t.mofDivCode,
          title: `催办：请在 ${t.deadline} 前完成绩效目标申报（${t.title}）`,
          link: `/targets?todo=true`,
        });
      }
      await deps.audit.record(tx, {
        actor,
        entity: 'task',
        entityId: t.id,
        action: 'REMIND',
        after: { notified: people.length },
        mofDivCode: t.mofDivCode,
      });
      return { notified: people.length };
    });
  }

  return { list, get, create, pending, remind };
}

export type TasksService = ReturnType<typeof makeTasksService>;
