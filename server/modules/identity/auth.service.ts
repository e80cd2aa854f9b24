import crypto from 'node:crypto';
import { permissionsOf, ROLES, type Role } from '../../../contracts/permissions.ts';
import type { Lang } from '../../../contracts/errors.ts';
import {
  checkPassword,
  DEFAULT_SECURITY_POLICY,
  lockedUntil,
  ZSecurityPolicy,
  type TSecurityPolicy,
} from '../../../domain/policy/security-policy.ts';
import type { Actor } from '../../context.ts';
import type { Database } from '../../db/client.ts';
import { AppError, invalid } from '../../errors.ts';
import type { AuditService } from '../audit/index.ts';
import * as repo from './identity.repository.ts';
import { DEMO_PASSWORD, hashPassword, verifyPassword } from './password.ts';
import { buildScope, type RegionLink } from './scope.ts';

export interface RequestInfo {
  ip: string | null;
  requestId: string | null;
  userAgent: string | null;
  lang: Lang;
}

export interface LoginResult {
  token: string;
  csrfToken: string;
  actor: Actor;
}

const SECURITY_KEY = 'security_policy';
// A fixed argon2id hash to spend the same time on unknown usernames as on known ones.
let dummyHash: Promise<string> | null = null;

export function hashToken(token: string): string {
  return crypto.createHash('sha256').update(token).digest('hex');
}

function isRole(r: string): r is Role {
  return (ROLES as readonly string[]).includes(r);
}

/** Sessions, login with lockout, password changes and the security policy. */
export function makeAuthService(deps: {
  database: Database;
  audit: AuditService;
  demo: boolean;
  clock?: () => Date;
}) {
  const { database, audit } = deps;
  const db = database.db;
  const clock = deps.clock ?? (() => new Date());
  let regionCache: { at: number; list: RegionLink[] } | null = null;

  async function regionLinks(): Promise<RegionLink[]> {
    const now = Date.now();
    if (regionCache && now - regionCache.at < 60_000) return regionCache.list;
    const list = (await repo.allRegions(db)).map((r) => ({
      mofDivCode: r.mofDivCode,
      parentCode: r.parentCode,
    }));
    regionCache = { at: now, list };
    return list;
  }

  async function securityPolicy(): Promise<{ policy: TSecurityPolicy; version: number }> {
    const s = await repo.readSetting(db, SECURITY_KEY);
    if (!s) return { policy: DEFAULT_SECURITY_POLICY, version: 0 };
    const parsed = ZSecurityPolicy.safeParse({ ...DEFAULT_SECURITY_POLICY, ...(s.value as object) });
    return { policy: parsed.success ? parsed.data : DEFAULT_SECURITY_POLICY, version: s.version };
  }

  async function buildActor(user: repo.UserRow, info: RequestInfo): Promise<Actor> {
    const roles = (await repo.findRoles(db, user.id)).filter(isRole);
    const sectionDeptCodes = user.sectionCode
      ? await repo.sectionDepartmentCodes(db, user.mofDivCode, user.sectionCode)
      : [];
    const scope = buildScope(
      roles,
      { mofDivCode: user.mofDivCode, deptCode: user.deptCode, agencyCode: user.agencyCode, sectionDeptCodes },
      await regionLinks(),
    );
    return {
      userId: user.id,
      username: user.username,
      displayName: user.displayName,
      roles,
      permissions: permissionsOf(roles),
      scope,
      mofDivCode: user.mofDivCode,
      ip: info.ip,
      requestId: info.requestId,
      lang: info.lang,
    };
  }

  function anonymous(username: string, info: RequestInfo): Actor {
    return {
      userId: '00000000-0000-0000-0000-000000000000',
      username,
      displayName: username,
      roles: [],
      permissions: [],
      scope: { regions: [], departments: [], units: [], assignedProjectIds: [], orgRegions: [] },
      mofDivCode: '',
      ip: info.ip,
      requestId: info.requestId,
      lang: info.lang,
    };
  }

  /**
   * Log in. Order of checks: an account that is locked answers 423 even with the right
   * password; a wrong password records a failure and locks the account when the policy's
   * threshold is reached within its window (that failure still answers 401).
   */
  async function login(username: string, password: string, info: RequestInfo): Promise<LoginResult> {
    const { policy } = await securityPolicy();
    const now = clock();
    const user = await repo.findUserByUsername(db, username);
    const usable = user && user.status === 'ACTIVE' && (deps.demo || !user.isDemo);
    if (!user || !usable) {
      dummyHash ??= hashPassword(crypto.randomBytes(16).toString('hex'));
      await verifyPassword(await dummyHash, password);
      throw new AppError('AUTH.INVALID_CREDENTIALS');
    }
    if (user.lockedUntil && user.lockedUntil > now) throw new AppError('AUTH.LOCKED');
    const ok = await verifyPassword(user.passwordHash, password);
    if (!ok) {
      const who = anonymous(username, info);
      await db.transaction(async (tx) => {
        await repo.insertFailure(tx, user.id, now, info.ip);
        await audit.record(tx, {
          actor: who,
          entity: 'user',
          entityId: user.id,
          action: 'LOGIN_FAILED',
          mofDivCode: user.mofDivCode,
        });
        const since = new Date(now.getTime() - policy.lockout_window_minutes * 60_000);
        const until = lockedUntil(await repo.recentFailures(tx, user.id, since), now, policy);
        if (until) {
          await repo.updateUser(tx, user.id, { lockedUntil: until });
          await audit.record(tx, {
            actor: who,
            entity: 'user',
            entityId: user.id,
            action: 'LOCK',
            after: { locked_until: until.toISOString() },
            mofDivCode: user.mofDivCode,
          });
        }
      });
      throw new AppError('AUTH.INVALID_CREDENTIALS');
    }
    const token = crypto.randomBytes(32).toString('base64url');
    const csrfToken = crypto.randomBytes(24).toString('base64url');
    const actor = await buildActor(user, info);
    await db.transaction(async (tx) => {
      await repo.clearFailures(tx, user.id);
      if (user.lockedUntil) await repo.updateUser(tx, user.id, { lockedUntil: null });
      await repo.insertSession(tx, {
        tokenHash: hashToken(token),
        userId: user.id,
        csrfToken,
        createdAt: now,
        lastSeenAt: now,
        ip: info.ip,
        userAgent: info.userAgent?.slice(0, 300) ?? null,
      });
      await audit.record(tx, { actor, entity: 'session', entityId: user.id, action: 'LOGIN' });
    });
    return { token, csrfToken, actor };
  }

  /**
   * Resolve a session token: null when unknown or past the idle or absolute timeout (the
   * expired session is deleted). Touches last_seen_at at most once a minute.
   */
  async function authenticate(
    token: string,
    info: RequestInfo,
  ): Promise<{ actor: Actor; csrfToken: string; mustChangePassword: boolean } | null> {
    const tokenHash = hashToken(token);
    const s = await repo.findSession(db, tokenHash);
    if (!s) return null;
    const { policy } = await securityPolicy();
    const now = clock();
    const idle = now.getTime() - s.lastSeenAt.getTime() > policy.idle_timeout_minutes * 60_000;
    const absolute = now.getTime() - s.createdAt.getTime() > policy.absolute_timeout_hours * 3_600_000;
    const user = await repo.findUserById(db, s.userId);
    if (idle || absolute || !user || user.status !== 'ACTIVE' || (user.isDemo && !deps.demo)) {
      await repo.deleteSession(db, tokenHash);
      return null;
    }
    if (now.getTime() - s.lastSeenAt.getTime() > 60_000) await repo.touchSession(db, tokenHash, now);
    return {
      actor: await buildActor(user, info),
      csrfToken: s.csrfToken,
      mustChangePassword: user.mustChangePassword,
    };
  }

  async function logout(token: string, actor: Actor): Promise<void> {
    await db.transaction(async (tx) => {
      await repo.deleteSession(tx, hashToken(token));
      await audit.record(tx, { actor, entity: 'session', entityId: actor.userId, action: 'LOGOUT' });
    });
  }

  /** Check a new password against the policy (and the demo-mode rule); throws 400 with details. */
  async function assertAcceptablePassword(
    password: string,
    username: string,
    field: string,
    lang: Lang,
  ): Promise<void> {
    if (!deps.demo && password === DEMO_PASSWORD) throw new AppError('AUTH.DEMO_PASSWORD');
    const { policy } = await securityPolicy();
    const problems = checkPassword(password, username, policy);
    if (problems.length > 0) {
      const text = (p: string) => passwordProblemText(p, policy, lang);
      throw new AppError(
        'AUTH.PASSWORD_WEAK',
        problems.map((p) => ({ path: field, code: `PASSWORD.${p}`, message: text(p) })),
      );
    }
  }

  async function changePassword(
    actor: Actor,
    oldPassword: string,
    newPassword: string,
    currentToken: string,
  ) {
    const user = await repo.findUserById(db, actor.userId);
    if (!user) throw new AppError('AUTH.UNAUTHENTICATED');
    if (!(await verifyPassword(user.passwordHash, oldPassword))) {
      throw new AppError('AUTH.PASSWORD_WRONG', [
        { path: 'old_password', code: 'AUTH.PASSWORD_WRONG', message: '' },
      ]);
    }
    if (oldPassword === newPassword) {
      throw invalid([
        {
          path: 'new_password',
          code: 'PASSWORD.SAME',
          message:
            actor.lang === 'en-US'
              ? 'The new password must differ from the current one'
              : '新密码不能与原密码相同',
        },
      ]);
    }
    await assertAcceptablePassword(newPassword, user.username, 'new_password', actor.lang);
    const passwordHash = await hashPassword(newPassword);
    await db.transaction(async (tx) => {
      await repo.updateUser(tx, user.id, {
        passwordHash,
        mustChangePassword: false,
        passwordChangedAt: clock(),
        version: user.version + 1,
      });
      // Other sessions of the user end; the current one stays.
      await repo.deleteSessionsOf(tx, user.id, hashToken(currentToken));
      await audit.record(tx, { actor, entity: 'user', entityId: user.id, action: 'PASSWORD_CHANGE' });
    });
  }

  async function getSecurityPolicy() {
    return securityPolicy();
  }

  async function saveSecurityPolicy(actor: Actor, version: number, value: unknown) {
    const parsed = ZSecurityPolicy.safeParse(value);
    if (!parsed.success) {
      throw invalid(
        parsed.error.issues.map((i) => ({
          path: `policy.${i.path.join('.')}`,
          code: 'FIELD.INVALID',
          message: i.message,
        })),
      );
    }
    await db.transaction(async (tx) => {
      const current = await repo.readSetting(tx, SECURITY_KEY);
      const currentVersion = current?.version ?? 0;
      if (currentVersion !== version) throw new AppError('CONFLICT');
      await repo.writeSetting(tx, SECURITY_KEY, parsed.data, currentVersion + 1);
      await audit.record(tx, {
        actor,
        entity: 'security_policy',
        entityId: SECURITY_KEY,
        action: 'UPDATE',
        before: current?.value ?? DEFAULT_SECURITY_POLICY,
        after: parsed.data,
      });
    });
    return securityPolicy();
  }

  /** The stored user behind an actor (for /me). */
  function findUser(id: string) {
    return repo.findUserById(db, id);
  }

  return {
    login,
    authenticate,
    findUser,
    logout,
    changePassword,
    assertAcceptablePassword,
    getSecurityPolicy,
    saveSecurityPolicy,
    buildActor,
  };
}

export type AuthService = ReturnType<typeof makeAuthService>;

function passwordProblemText(p: string, policy: TSecurityPolicy, lang: Lang): string {
  const en = lang === 'en-US';
  switch (p) {
    case 'TOO_SHORT':
      return en
        ? `At least ${policy.password_min_length} characters`
        : `密码至少 ${policy.password_min_length} 位`;
    case 'TOO_FEW_CLASSES':
      return en
        ? `At least ${policy.password_min_classes} of: upper case, lower case, digits, symbols`
        : `须包含大写字母、小写字母、数字、符号中的至少 ${policy.password_min_classes} 类`;
    default:
      return en ? 'Must not contain the username' : '密码不得包含用户名';
  }
}
