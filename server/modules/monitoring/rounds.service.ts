import { issueMessage } from '../../../contracts/issues.ts';
import type { TIssueRound, TLight, TRound } from '../../../contracts/monitoring.ts';
import { checkDate } from '../../../domain/fields.ts';
import type { Issue } from '../../../domain/issues.ts';
import { LIGHTS, monthOf } from '../../../domain/monitoring/lights.ts';
import type { Actor } from '../../context.ts';
import type { Database } from '../../db/client.ts';
import { AppError, invalid, notFound } from '../../errors.ts';
import type { AuditService } from '../audit/index.ts';
import { scopeRegions } from '../identity/index.ts';
import type { NotificationsService } from '../notifications/index.ts';
import * as repo from './monitoring.repository.ts';
import { preparersOf } from './people.repository.ts';

/**
 * Monitoring rounds (domain.md §5): the performance office issues a round (as-of date in the
 * fiscal year, scope of departments and units, deadline), which opens one report per project of
 * the scope with an approved target and tells the units' preparers; it closes the round later.
 * Progress is counted in the reader's own data scope.
 */
export function makeRoundsService(deps: {
  database: Database;
  audit: AuditService;
  notifications: NotificationsService;
  clock?: () => Date;
}) {
  const db = deps.database.db;
  const today = () => (deps.clock?.() ?? new Date()).toISOString().slice(0, 10);

  async function dtos(actor: Actor, rounds: repo.RoundRow[]): Promise<TRound[]> {
    const counts = await repo.roundCounts(
      db,
      actor.scope,
      rounds.map((r) => r.id),
    );
    return rounds.map((r) => {
      const mine = counts.filter((c) => c.roundId === r.id);
      const lights = Object.fromEntries(LIGHTS.map((l) => [l, 0])) as Record<TLight, number>;
      for (const c of mine) {
        const l = LIGHTS.find((x) => x === c.light);
        if (l) lights[l] += c.n;
      }
      const reports = mine.reduce((n, c) => n + c.n, 0);
      const submitted = mine.filter((c) => c.status === 'SUBMITTED').reduce((n, c) => n + c.n, 0);
      return {
        id: r.id,
        mof_div_code: r.mofDivCode,
        fiscal_year: r.fiscalYear,
        title: r.title,
        as_of: r.asOf,
        month: monthOf(r.asOf),
        deadline: r.deadline,
        dept_codes: r.deptCodes,
        agency_codes: r.agencyCodes,
        status: r.status,
        overdue: r.status === 'OPEN' && r.deadline < today() && submitted < reports,
        created_at: r.createdAt.toISOString(),
        reports,
        submitted,
        lights,
      };
    });
  }

  async function list(actor: Actor, fiscalYear: string | undefined) {
    const rows = await repo.findRounds(db, scopeRegions(actor.scope), fiscalYear);
    return { items: await dtos(actor, rows) };
  }

  async function get(actor: Actor, id: string): Promise<TRound> {
    const r = await repo.findRound(db, scopeRegions(actor.scope), id);
    if (!r) throw notFound();
    const [dto] = await dtos(actor, [r]);
    if (!dto) throw notFound();
    return dto;
  }

  /** Issue a round in the actor's own region (the performance office of that region). */
  async function issue(actor: Actor, input: TIssueRound): Promise<TRound> {
    const mof = actor.mofDivCode;
    if (!actor.scope.regions.includes(mof)) throw new AppError('AUTH.FORBIDDEN');
    const dates: Issue[] = [];
    checkDate(input, 'as_of', '', dates, true);
    checkDate(input, 'deadline', '', dates, true);
    if (dates.length > 0)
      throw invalid(dates.map((i) => ({ path: i.path, code: i.code, message: issueMessage(i, actor.lang) })));
    if (input.as_of.slice(0, 4) !== input.fiscal_year) throw new AppError('MONITORING.AS_OF_OUT_OF_YEAR');
    const round = await db.transaction(async (tx) => {
      const r = await repo.insertRound(tx, {
        mofDivCode: mof,
        fiscalYear: input.fiscal_year,
        title: input.title,
        asOf: input.as_of,
        deptCodes: input.dept_codes,
        agencyCodes: input.agency_codes,
        deadline: input.deadline,
        createdBy: actor.userId,
      });
      const opened = await repo.openReports(tx, r);
      await deps.audit.record(tx, {
        actor,
        entity: 'monitoring_round',
        entityId: r.id,
        action: 'ISSUE',
        after: { ...input, ...opened },
        mofDivCode: mof,
      });
      const units = await repo.roundUnits(tx, r.id);
      for (const u of await preparersOf(
        tx,
        mof,
        units.map((x) => x.agencyCode),
      )) {
        await deps.notifications.notify(tx, {
          userId: u.id,
          mofDivCode: mof,
          title: `新的绩效运行监控任务：${r.title}（截至 ${r.asOf}，请于 ${r.deadline} 前填报）`,
          link: '/monitoring?todo=true',
        });
      }
      return r;
    });
    return get(actor, round.id);
  }

  /** Close a round: its reports can no longer be changed (dispositions still can be recorded). */
  async function close(actor: Actor, id: string): Promise<TRound> {
    await db.transaction(async (tx) => {
      const r = await repo.findRound(tx, scopeRegions(actor.scope), id, true);
      if (!r) throw notFound();
      if (!actor.scope.regions.includes(r.mofDivCode)) throw new AppError('AUTH.FORBIDDEN');
      if (r.status === 'CLOSED') throw new AppError('MONITORING.ROUND_CLOSED');
      await repo.closeRound(tx, r.id);
      await deps.audit.record(tx, {
        actor,
        entity: 'monitoring_round',
        entityId: r.id,
        action: 'CLOSE',
        before: { status: r.status },
        after: { status: 'CLOSED' },
        mofDivCode: r.mofDivCode,
      });
    });
    return get(actor, id);
  }

  return { list, get, issue, close };
}

export type RoundsService = ReturnType<typeof makeRoundsService>;
