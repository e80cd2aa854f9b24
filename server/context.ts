import type { Permission, Role } from '../contracts/permissions.ts';
import type { Lang } from '../contracts/errors.ts';

/**
 * The data scope of an actor: the union of what each of its business roles may see.
 * Region grants include every region below the granted one.
 */
export interface DataScope {
  regions: string[];
  departments: { mofDivCode: string; deptCodes: string[] }[];
  units: { mofDivCode: string; agencyCodes: string[] }[];
  /** Project ids assigned to experts and agencies (filled in by later stages). */
  assignedProjectIds: string[];
  /** Regions whose organisation (departments, units) the actor may read. */
  orgRegions: string[];
}

export interface Actor {
  userId: string;
  username: string;
  displayName: string;
  roles: Role[];
  permissions: Permission[];
  scope: DataScope;
  /** The actor's home region (for defaults). */
  mofDivCode: string;
  ip: string | null;
  requestId: string | null;
  lang: Lang;
}

/** Who did it, when no user is logged in: the CLI, a job, the seed. */
export function systemActor(name: string, lang: Lang = 'zh-CN'): Actor {
  return {
    userId: '00000000-0000-0000-0000-000000000000',
    username: name,
    displayName: name,
    roles: [],
    permissions: [],
    scope: { regions: [], departments: [], units: [], assignedProjectIds: [], orgRegions: [] },
    mofDivCode: '',
    ip: null,
    requestId: null,
    lang,
  };
}

export function hasPermission(actor: Actor, p: Permission): boolean {
  return actor.permissions.includes(p);
}
