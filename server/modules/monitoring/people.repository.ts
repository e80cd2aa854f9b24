import { and, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { userRoles, users } from '../../db/schema.ts';

/** The active preparers of some units of a region (told of rounds and dispositions). */
export async function preparersOf(exec: Executor, mof: string, agencyCodes: string[]) {
  if (agencyCodes.length === 0) return [];
  return exec
    .selectDistinct({ id: users.id })
    .from(users)
    .innerJoin(userRoles, eq(userRoles.userId, users.id))
    .where(
      and(
        eq(userRoles.role, 'PREPARER'),
        eq(users.mofDivCode, mof),
        eq(users.status, 'ACTIVE'),
        inArray(users.agencyCode, agencyCodes),
      ),
    );
}
