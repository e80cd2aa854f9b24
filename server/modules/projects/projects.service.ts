import type { TProject, TProjectList, TProjectListQuery } from '../../../contracts/api.ts';
import { formatMoney, sumMoney } from '../../../domain/money.ts';
import type { Actor } from '../../context.ts';
import type { Database } from '../../db/client.ts';
import { notFound } from '../../errors.ts';
import { scopeRegions } from '../identity/index.ts';
import type { RecentService } from '../recent/index.ts';
import * as repo from './projects.repository.ts';

function toDto(r: repo.ProjectWithNames, actor: Actor): TProject {
  const p = r.project;
  const actions = ['view'];
  if (actor.permissions.includes('export:data')) actions.push('export');
  return {
    id: p.id,
    mof_div_code: p.mofDivCode,
    fiscal_year: p.fiscalYear,
    pro_code: p.proCode,
    pro_name: p.proName,
    agency_code: p.agencyCode,
    agency_name: r.agencyName,
    dept_code: p.deptCode,
    dept_name: r.deptName,
    budget_kind: p.budgetKind,
    is_investment_fund: p.isInvestmentFund,
    is_debt: p.isDebt,
    is_ppp: p.isPpp,
    is_purchased_service: p.isPurchasedService,
    func_class: p.funcClass,
    amount: formatMoney(p.amount),
    amount_current: formatMoney(p.amountCurrent),
    amount_carry_over: formatMoney(p.amountCarryOver),
    amount_transfer: formatMoney(p.amountTransfer),
    amount_other: formatMoney(p.amountOther),
    is_new: p.isNew,
    start_year: p.startYear,
    end_year: p.endYear,
    parent_pro_code: p.parentProCode,
    sub_mof_code: p.subMofCode,
    funds_status: p.fundsStatus,
    version: p.version,
    updated_at: p.updatedAt.toISOString(),
    allowed_actions: actions,
  };
}

/** The project registry, always read through the actor's data scope. */
export function makeProjectsService(deps: { database: Database; recent: RecentService }) {
  const db = deps.database.db;

  async function filterOf(
    actor: Actor,
    q: Omit<TProjectListQuery, 'page' | 'page_size'>,
  ): Promise<repo.ProjectFilter | null> {
    const fiscalYear = q.fiscal_year ?? (await repo.latestFiscalYear(db, scopeRegions(actor.scope)));
    if (!fiscalYear) return null;
    return {
      fiscalYear,
      mofDivCode: q.mof_div_code,
      q: q.q?.trim() || undefined,
      deptCode: q.dept_code,
      agencyCode: q.agency_code,
      budgetKind: q.budget_kind,
      amountMin: q.amount_min,
      amountMax: q.amount_max,
    };
  }

  async function list(actor: Actor, q: TProjectListQuery): Promise<TProjectList> {
    const f = await filterOf(actor, q);
    if (!f) return { items: [], total: 0 };
    const { items, total } = await repo.findProjectPage(
      db,
      actor.scope,
      f,
      q.sort ?? 'pro_code',
      q.page,
      q.page_size,
    );
    return { items: items.map((r) => toDto(r, actor)), total };
  }

  async function get(actor: Actor, id: string): Promise<TProject> {
    const r = await repo.findProjectInScope(db, actor.scope, id);
    if (!r) throw notFound();
    await deps.recent.recordVisit(actor, {
      entity: 'project',
      entityId: r.project.id,
      mofDivCode: r.project.mofDivCode,
      title: `${r.project.proCode} ${r.project.proName}`,
    });
    return toDto(r, actor);
  }

  async function* stream(actor: Actor, q: Omit<TProjectListQuery, 'page' | 'page_size'>) {
    const f = await filterOf(actor, q);
    if (!f) return;
    for await (const batch of repo.streamProjects(db, actor.scope, f))
      yield batch.map((r) => toDto(r, actor));
  }

  /** The workbench figures of the actor's scope for a year (the latest by default). */
  async function summary(actor: Actor, fiscalYear: string | undefined, mofDivCode: string | undefined) {
    const year = fiscalYear ?? (await repo.latestFiscalYear(db, scopeRegions(actor.scope)));
    const s = year ? await repo.summarise(db, actor.scope, year, mofDivCode) : null;
    const kinds = (s?.byKind ?? []).map((k) => ({
      budget_kind: k.budgetKind,
      count: Number(k.n),
      amount: formatMoney(k.amount),
    }));
    return {
      project_count: kinds.reduce((n, k) => n + k.count, 0),
      total_amount: sumMoney(kinds.map((k) => k.amount)),
      by_budget_kind: kinds,
      department_count: s?.departments ?? 0,
      agency_count: s?.units ?? 0,
    };
  }

  /** A project row in the actor's scope, for other modules (no recent-item record). */
  function findInScope(actor: Actor, id: string) {
    return repo.findProjectInScope(db, actor.scope, id);
  }

  /** The latest fiscal year of the actor's regions. */
  function latestYear(actor: Actor) {
    return repo.latestFiscalYear(db, scopeRegions(actor.scope));
  }

  return { list, get, stream, summary, findInScope, latestYear };
}

export type ProjectsService = ReturnType<typeof makeProjectsService>;
