import type { DISPOSITION_KINDS } from '../../../contracts/monitoring.ts';
import type { Actor } from '../../context.ts';
import type { Database } from '../../db/client.ts';
import { AppError, notFound } from '../../errors.ts';
import type { AuditService } from '../audit/index.ts';
import type { NotificationsService } from '../notifications/index.ts';
import * as repo from './monitoring.repository.ts';
import { preparersOf } from './people.repository.ts';
import type { ReportsService } from './reports.service.ts';

type TDispositionKind = (typeof DISPOSITION_KINDS)[number];
type FundsStatus = 'NORMAL' | 'SUSPENDED' | 'STOPPED';

/** The funds status a disposition leaves the project in (ADJUST_TARGET leaves it as it is). */
export function fundsStatusAfter(kind: TDispositionKind, current: FundsStatus): FundsStatus {
  switch (kind) {
    case 'CONTINUE':
      return 'NORMAL';
    case 'SUSPEND_FUNDS':
      return 'SUSPENDED';
    case 'STOP_RECOVER':
      return 'STOPPED';
    case 'ADJUST_TARGET':
      return current;
  }
}

const WORDS: Record<TDispositionKind, string> = {
  CONTINUE: '继续执行',
  ADJUST_TARGET: '调整绩效目标',
  SUSPEND_FUNDS: '暂缓拨款',
  STOP_RECOVER: '停止执行并收回资金',
};

/**
 * Finance's dispositions of RED projects (domain.md §5): continue, adjust the target, suspend
 * funds, stop and recover. Recorded with the reason, audited with the project's funds status
 * before and after, and the unit's preparers are told — all in one transaction.
 */
export function makeDispositionsService(deps: {
  database: Database;
  audit: AuditService;
  notifications: NotificationsService;
  reports: ReportsService;
}) {
  const db = deps.database.db;

  async function dispose(
    actor: Actor,
    reportId: string,
    input: { row_version: number; kind: TDispositionKind; reason: string },
  ) {
    await db.transaction(async (tx) => {
      const r = await repo.lockReport(tx, actor.scope, reportId);
      if (!r) throw notFound();
      if (r.rowVersion !== input.row_version) throw new AppError('MONITORING.STALE_VERSION');
      if (r.projectLight !== 'RED') throw new AppError('MONITORING.NOT_RED');
      const before = await repo.projectFundsStatus(tx, r.projectId);
      const after = fundsStatusAfter(input.kind, before);
      const d = await repo.insertDisposition(tx, {
        projectId: r.projectId,
        reportId: r.id,
        roundId: r.roundId,
        mofDivCode: r.mofDivCode,
        kind: input.kind,
        reason: input.reason,
        createdBy: actor.userId,
      });
      if (after !== before) await repo.setFundsStatus(tx, r.projectId, after);
      // The report's version moves too: two people disposing at once do not both pass.
      await repo.updateReport(tx, r.id, {});
      await deps.audit.record(tx, {
        actor,
        entity: 'disposition',
        entityId: d.id,
        action: 'DISPOSE',
        before: { funds_status: before },
        after: {
          kind: input.kind,
          funds_status: after,
          project_id: r.projectId,
          pro_code: r.proCode,
          report_id: r.id,
          round_id: r.roundId,
        },
        reason: input.reason,
        mofDivCode: r.mofDivCode,
      });
      for (const u of await preparersOf(tx, r.mofDivCode, [r.agencyCode])) {
        await deps.notifications.notify(tx, {
          userId: u.id,
          mofDivCode: r.mofDivCode,
          title: `运行监控处置：项目 ${r.proCode} ${WORDS[input.kind]}`,
          body: input.reason,
          link: `/monitoring/reports/${r.id}`,
        });
      }
    });
    return deps.reports.view(actor, reportId);
  }

  return { dispose };
}

export type DispositionsService = ReturnType<typeof makeDispositionsService>;
