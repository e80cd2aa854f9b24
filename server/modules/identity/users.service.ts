import { findRoleConflict, ROLE_LABELS, ROLE_SCOPE, type Role } from '../../../contracts/permissions.ts';
import type { TUser } from '../../../contracts/api.ts';
import type { Actor } from '../../context.ts';
import type { Database, Executor } from '../../db/client.ts';
import { AppError, insertOrTaken, invalid, notFound } from '../../errors.ts';
import type { AuditService } from '../audit/index.ts';
import type { AuthService } from './auth.service.ts';
import * as repo from './identity.repository.ts';
import { hashPassword } from './password.ts';

export interface CreateUserInput {
  username: string;
  display_name: string;
  password: string;
  mof_div_code: string;
  dept_code?: string | null | undefined;
  agency_code?: string | null | undefined;
  section_code?: string | null | undefined;
  /** Display name of the user's organisation where it is not a department or unit. */
  org_name?: string | null | undefined;
}

function toDto(u: repo.UserRow, roles: string[]): TUser {
  return {
    id: u.id,
    username: u.username,
    display_name: u.displayName,
    mof_div_code: u.mofDivCode,
    dept_code: u.deptCode,
    agency_code: u.agencyCode,
    section_code: u.sectionCode,
    roles: roles as Role[],
    status: u.status,
    locked_until: u.lockedUntil && u.lockedUntil > new Date() ? u.lockedUntil.toISOString() : null,
    must_change_password: u.mustChangePassword,
    version: u.version,
  };
}

function publicView(u: TUser) {
  return { ...u, locked_until: u.locked_until };
}

/**
 * Users and roles. The system administrator manages accounts; the security administrator
 * grants roles. Role sets respect the separation of the three administrators, and each role's
 * scope needs the matching organisation on the user (unit, department or finance section).
 */
export function makeUsersService(deps: { database: Database; audit: AuditService; auth: AuthService }) {
  const { database, audit, auth } = deps;
  const db = database.db;

  function checkRoles(roles: Role[], user: repo.UserRow, lang: Actor['lang']): void {
    const en = lang === 'en-US';
    const conflict = findRoleConflict(roles);
    if (conflict) throw new AppError('AUTH.ROLE_CONFLICT', { roles: conflict });
    const issues = [];
    for (const role of roles) {
      const kind = ROLE_SCOPE[role];
      const missing =
        (kind === 'UNIT' && !user.agencyCode) ||
        (kind === 'DEPARTMENT' && !user.deptCode) ||
        (kind === 'SECTION' && !user.sectionCode);
      if (missing) {
        issues.push({
          path: 'roles',
          code: 'ROLE.ORG_REQUIRED',
          message: en
            ? `The role “${ROLE_LABELS[role].en}” needs the user's ${kind === 'UNIT' ? 'budget unit' : kind === 'SECTION' ? 'finance section' : 'department'}`
            : `角色“${ROLE_LABELS[role].zh}”需要用户所属的${kind === 'UNIT' ? '预算单位' : kind === 'SECTION' ? '归口处室' : '部门'}`,
        });
      }
    }
    if (issues.length > 0) throw invalid(issues);
  }

  async function insert(
    exec: Executor,
    actor: Actor,
    input: CreateUserInput,
    opts: { roles: Role[]; mustChange: boolean; isDemo: boolean; passwordHash: string },
  ): Promise<TUser> {
    const row = await insertOrTaken(
      repo.insertUser(exec, {
        username: input.username,
        displayName: input.display_name,
        passwordHash: opts.passwordHash,
        mofDivCode: input.mof_div_code,
        deptCode: input.dept_code ?? null,
        agencyCode: input.agency_code ?? null,
        sectionCode: input.section_code ?? null,
        orgName: input.org_name ?? null,
        mustChangePassword: opts.mustChange,
        isDemo: opts.isDemo,
      }),
      'username',
      input.username,
      actor.lang,
    );
    checkRoles(opts.roles, row, actor.lang);
    await repo.replaceRoles(exec, row.id, opts.roles, actor.userId);
    const dto = toDto(row, opts.roles);
    await audit.record(exec, {
      actor,
      entity: 'user',
      entityId: row.id,
      action: 'CREATE',
      after: publicView(dto),
      mofDivCode: row.mofDivCode,
    });
    return dto;
  }

  /** Created by the system administrator: no roles yet, password to be changed at first login. */
  async function createUser(actor: Actor, input: CreateUserInput): Promise<TUser> {
    await auth.assertAcceptablePassword(input.password, input.username, 'password', actor.lang);
    const passwordHash = await hashPassword(input.password);
    return db.transaction((tx) =>
      insert(tx, actor, input, { roles: [], mustChange: true, isDemo: false, passwordHash }),
    );
  }

  /** Created from the command line or the demo load, roles included. */
  async function createUserWithRoles(
    actor: Actor,
    input: CreateUserInput,
    roles: Role[],
    opts: { mustChange: boolean; isDemo: boolean; skipPasswordRules?: boolean },
  ): Promise<TUser> {
    if (!opts.skipPasswordRules)
      await auth.assertAcceptablePassword(input.password, input.username, 'password', actor.lang);
    const passwordHash = await hashPassword(input.password);
    return db.transaction((tx) => insert(tx, actor, input, { roles, passwordHash, ...opts }));
  }

  async function list(q: string | undefined, page: number, pageSize: number) {
    const { items, total } = await repo.listUsers(db, q, page, pageSize);
    const roles = await repo.findRolesOf(
      db,
      items.map((u) => u.id),
    );
    return { items: items.map((u) => toDto(u, roles.get(u.id) ?? [])), total };
  }

  async function get(id: string): Promise<TUser> {
    const u = await repo.findUserById(db, id);
    if (!u) throw notFound();
    return toDto(u, await repo.findRoles(db, id));
  }

  async function update(
    actor: Actor,
    id: string,
    input: {
      version: number;
      display_name?: string | undefined;
      status?: 'ACTIVE' | 'DISABLED' | undefined;
      unlock?: boolean | undefined;
    },
  ): Promise<TUser> {
    return db.transaction(async (tx) => {
      const u = await repo.findUserById(tx, id, true);
      if (!u) throw notFound();
      if (u.version !== input.version) throw new AppError('USER.STALE_VERSION');
      if (u.id === actor.userId && input.status === 'DISABLED') throw new AppError('AUTH.FORBIDDEN');
      const roles = await repo.findRoles(tx, id);
      const before = toDto(u, roles);
      const changes: Partial<repo.UserRow> = { version: u.version + 1 };
      if (input.display_name !== undefined) changes.displayName = input.display_name;
      if (input.status !== undefined) changes.status = input.status;
      if (input.unlock) changes.lockedUntil = null;
      await repo.updateUser(tx, id, changes);
      if (input.unlock) await repo.clearFailures(tx, id);
      if (input.status === 'DISABLED') await repo.deleteSessionsOf(tx, id);
      const after = toDto({ ...u, ...changes }, roles);
      await audit.record(tx, {
        actor,
        entity: 'user',
        entityId: id,
        action: 'UPDATE',
        before,
        after,
        mofDivCode: u.mofDivCode,
      });
      return after;
    });
  }

  async function grantRoles(actor: Actor, id: string, version: number, roles: Role[]): Promise<TUser> {
    if (id === actor.userId) throw new AppError('AUTH.FORBIDDEN');
    const unique = [...new Set(roles)].sort();
    return db.transaction(async (tx) => {
      const u = await repo.findUserById(tx, id, true);
      if (!u) throw notFound();
      if (u.version !== version) throw new AppError('USER.STALE_VERSION');
      checkRoles(unique, u, actor.lang);
      const before = await repo.findRoles(tx, id);
      await repo.replaceRoles(tx, id, unique, actor.userId);
      await repo.updateUser(tx, id, { version: u.version + 1 });
      await repo.deleteSessionsOf(tx, id);
      await audit.record(tx, {
        actor,
        entity: 'user',
        entityId: id,
        action: 'ROLE_GRANT',
        before: { roles: before },
        after: { roles: unique },
        mofDivCode: u.mofDivCode,
      });
      return toDto({ ...u, version: u.version + 1 }, unique);
    });
  }

  async function countUsers(): Promise<number> {
    return repo.countUsers(db);
  }

  return { createUser, createUserWithRoles, list, get, update, grantRoles, countUsers };
}

export type UsersService = ReturnType<typeof makeUsersService>;
