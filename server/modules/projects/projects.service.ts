import type { TProject, TProjectList, TProjectListQuery } from '../../../contracts/api.ts';
import type { Actor } from '../../context.ts';
import type { Database } from '../../db/client.ts';
import { notFound } from '../../errors.ts';
import { scopeRegions } from '../identity/index.ts';
import * as repo from './projects.repository.ts';

/** NUMERIC comes back as '1000000.00' from node-postgres and may lose trailing zeros elsewhere. */
export function money(v: string): string {
  const [i = '0', f = ''] = v.split('.');
  return `${i}.${(f + '00').slice(0, 2)}`;
}

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
    amount: money(p.amount),
    amount_current: money(p.amountCurrent),
    amount_carry_over: money(p.amountCarryOver),
    amount_transfer: money(p.amountTransfer),
    amount_other: money(p.amountOther),
    is_new: p.isNew,
    start_year: p.startYear,
    end_year: p.endYear,
    parent_pro_code: p.parentProCode,
    sub_mof_code: p.subMofCode,
    version: p.version,
    updated_at: p.updatedAt.toISOString(),
    allowed_actions: actions,
  };
}

/** The project registry, always read through the actor's data scope. */
export function makeProjectsService(deps: { database: Database }) {
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
    return toDto(r, actor);
  }

  async function* stream(actor: Actor, q: Omit<TProjectListQuery, 'page' | 'page_size'>) {
    const f = await filterOf(actor, q);
    if (!f) return;
    for await (const batch of repo.streamProjects(db, actor.scope, f))
      yield batch.map((r) => toDto(r, actor));
  }

  async function summary(actor: Actor, fiscalYear: string | undefined, mofDivCode: string | undefined) {
    const year = fiscalYear ?? (await repo.latestFiscalYear(db, scopeRegions(actor.scope)));
    if (!year) return null;
    return repo.summarise(db, actor.scope, year, mofDivCode);
  }

  return { list, get, stream, summary };
}

export type ProjectsService = ReturnType<typeof makeProjectsService>;
