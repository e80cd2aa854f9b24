import { DEFAULT_POLICY, resolvePolicy, type TPolicy } from '../../../domain/policy/policy.ts';
import type { Actor } from '../../context.ts';
import type { Database } from '../../db/client.ts';
import { AppError, notFound } from '../../errors.ts';
import type { AuditService } from '../audit/index.ts';
import { scopeRegions } from '../identity/index.ts';
import { findLatest as latest, findUserName, insertVersion } from './policies.repository.ts';

/**
 * Policies per region and fiscal year: versioned documents of overrides over the defaults of
 * the rule book, validated by domain/policy before they are stored; each save is audited.
 */
export function makePoliciesService(deps: { database: Database; audit: AuditService }) {
  const db = deps.database.db;

  function canRead(actor: Actor, mof: string) {
    return scopeRegions(actor.scope).includes(mof);
  }

  async function view(actor: Actor, mof: string, year: string) {
    if (!canRead(actor, mof)) throw notFound();
    const row = await latest(db, mof, year);
    const overrides = (row?.document ?? {}) as Record<string, unknown>;
    const resolved = resolvePolicy(overrides);
    const updatedBy = row?.createdBy ? await findUserName(db, row.createdBy) : null;
    return {
      mof_div_code: mof,
      fiscal_year: year,
      version: row?.version ?? 0,
      overrides,
      effective: (resolved.ok ? resolved.policy : DEFAULT_POLICY) as unknown as Record<string, unknown>,
      defaults: DEFAULT_POLICY as unknown as Record<string, unknown>,
      updated_at: row?.createdAt.toISOString() ?? null,
      updated_by: updatedBy,
    };
  }

  /** The effective policy for rule evaluation (defaults where nothing is stored). */
  async function effective(mof: string, year: string): Promise<TPolicy> {
    const row = await latest(db, mof, year);
    const r = resolvePolicy(row?.document ?? {});
    return r.ok ? r.policy : DEFAULT_POLICY;
  }

  async function save(
    actor: Actor,
    mof: string,
    year: string,
    input: { version: number; overrides: Record<string, unknown>; reason: string },
  ) {
    if (!canRead(actor, mof)) throw notFound();
    if (!actor.scope.regions.includes(mof)) throw new AppError('AUTH.FORBIDDEN');
    const r = resolvePolicy(input.overrides);
    if (!r.ok) {
      throw new AppError(
        'POLICY.INVALID',
        r.issues.map((i) => ({
          path: i.path ? `overrides.${i.path}` : 'overrides',
          code: 'POLICY.INVALID',
          message: i.message,
        })),
      );
    }
    await db.transaction(async (tx) => {
      const current = await latest(tx, mof, year, true);
      const currentVersion = current?.version ?? 0;
      if (currentVersion !== input.version) throw new AppError('POLICY.STALE_VERSION');
      const row = await insertVersion(tx, {
        mofDivCode: mof,
        fiscalYear: year,
        version: currentVersion + 1,
        document: input.overrides,
        reason: input.reason,
        createdBy: actor.userId,
      });
      await deps.audit.record(tx, {
        actor,
        entity: 'policy',
        entityId: row?.id ?? null,
        action: 'UPDATE',
        before: current?.document ?? {},
        after: input.overrides,
        reason: input.reason,
        mofDivCode: mof,
      });
    });
    return view(actor, mof, year);
  }

  return { view, save, effective };
}

export type PoliciesService = ReturnType<typeof makePoliciesService>;
