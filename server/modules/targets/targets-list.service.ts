import type { TTargetListItem } from '../../../contracts/targets.ts';
import { REVIEW_STEPS, STEP_ROLE } from '../../../domain/targets/workflow.ts';
import { formatMoney } from '../../../domain/money.ts';
import type { Actor } from '../../context.ts';
import type { Database } from '../../db/client.ts';
import type { ProjectsService } from '../projects/index.ts';
import * as repo from './targets.repository.ts';
import { z } from 'zod';
import type { ZTargetListQuery } from '../../../contracts/targets.ts';

/** The scoped list of targets and each user's to-do list (what waits for them). */
export function makeTargetsListService(deps: { database: Database; projects: ProjectsService }) {
  const db = deps.database.db;

  function todoOf(actor: Actor): NonNullable<repo.TargetListFilter['todo']> {
    const steps = actor.permissions.includes('target:approve')
      ? REVIEW_STEPS.filter((s) => actor.roles.includes(STEP_ROLE[s]))
      : [];
    const prepares = actor.permissions.includes('target:prepare');
    return {
      steps,
      prepUnits: prepares && actor.roles.includes('PREPARER') ? actor.scope.units : [],
      prepDepts: prepares && actor.roles.includes('DEPT_REVIEWER') ? actor.scope.departments : [],
    };
  }

  async function list(actor: Actor, q: z.infer<typeof ZTargetListQuery>) {
    const fiscalYear = q.fiscal_year ?? (await deps.projects.latestYear(actor));
    if (!fiscalYear) return { items: [], total: 0 };
    const today = new Date().toISOString().slice(0, 10);
    const { items, total } = await repo.findTargetPage(
      db,
      actor.scope,
      {
        fiscalYear,
        status: q.status,
        step: q.step,
        deptCode: q.dept_code,
        q: q.q?.trim() || undefined,
        todo: q.todo ? todoOf(actor) : undefined,
      },
      q.page,
      q.page_size,
    );
    return {
      total,
      items: items.map((r): TTargetListItem => ({
        id: r.target.id,
        kind: r.target.kind,
        project_id: r.target.projectId,
        pro_code: r.target.proCode,
        name: r.target.kind === 'PROJECT' ? (r.proName ?? '') : (r.deptName ?? r.target.deptCode),
        dept_code: r.target.deptCode,
        dept_name: r.deptName,
        agency_code: r.target.agencyCode,
        agency_name: r.agencyName,
        amount: formatMoney(r.target.amount),
        status: r.target.status,
        step: r.target.step,
        current_version: r.target.currentVersion,
        flag_count: r.flagCount,
        deadline: r.deadline,
        overdue: r.deadline !== null && r.deadline < today && r.target.status !== 'APPROVED',
        updated_at: r.target.updatedAt.toISOString(),
      })),
    };
  }

  return { list };
}

export type TargetsListService = ReturnType<typeof makeTargetsListService>;
