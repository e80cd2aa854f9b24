import { and, desc, eq } from 'drizzle-orm';
import { DEFAULT_POLICY, resolvePolicy, type TPolicy } from '../../../domain/policy/policy.ts';
import type { Actor } from '../../context.ts';
import type { Database, Executor } from '../../db/client.ts';
import { policies, users } from '../../db/schema.ts';
import { AppError, notFound } from '../../errors.ts';
import type { AuditService } from '../audit/index.ts';
import { scopeRegions } from '../identity/index.ts';

async function latest(exec: Executor, mof: string, year: string, forUpdate = false) {
  const q = exec
    .select()
    .from(policies)
    .where(and(eq(policies.mofDivCode, mof), eq(policies.fiscalYear, year)))
    .orderBy(desc(policies.version))
    .limit(1);
  const rows = forUpdate ? await q.for('update') : await q;
  return rows[0];
}

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
    let updatedBy: string | null = null;
    if (row?.createdBy) {
      const [u] = await db.select({ name: users.displayName }).from(users).where(eq(users.id, row.createdBy));
      updatedBy = u?.name ?? null;
    }
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

  async function save(actor: Actor, mof: string, year: string, input: { version: number; overrides: Record<string, unknown>; reason: string }) {
    if (!canRead(actor, mof)) throw notFound();
    if (!actor.scope.regions.includes(mof)) throw new AppError('AUTH.FORBIDDEN');
    const r = resolvePolicy(input.overrides);
    if (!r.ok) {
      throw new AppError(
        'POLICY.INVALID',
        r.issues.map((i) => ({ path: i.path ? `overrides.${i.path}` : 'overrides', code: 'POLICY.INVALID', message: i.message })),
      );
    }
    await db.transaction(async (tx) => {
      const current = await latest(tx, mof, year, true);
      const currentVersion = current?.version ?? 0;
      if (currentVersion !== input.version) throw new AppError('POLICY.STALE_VERSION');
      const [row] = await tx
        .insert(policies)
        .values({
          mofDivCode: mof,
          fiscalYear: year,
          version: currentVersion + 1,
          document: input.overrides,
          reason: input.reason,
          createdBy: actor.userId,
        })
        .returning();
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
