import { z } from 'zod';

/**
 * The security policy set by the security administrator: password rules, lockout and session
 * timeouts. One document for the whole installation.
 */
export const ZSecurityPolicy = z
  .object({
    password_min_length: z.number().int().min(8).max(64),
    password_min_classes: z.number().int().min(1).max(4),
    lockout_threshold: z.number().int().min(3).max(20),
    lockout_window_minutes: z.number().int().min(1).max(1440),
    lockout_minutes: z.number().int().min(1).max(1440),
    idle_timeout_minutes: z.number().int().min(5).max(480),
    absolute_timeout_hours: z.number().int().min(1).max(72),
    login_rate_per_minute: z.number().int().min(10).max(10000),
  })
  .strict();
export type TSecurityPolicy = z.infer<typeof ZSecurityPolicy>;

export const DEFAULT_SECURITY_POLICY: TSecurityPolicy = {
  password_min_length: 8,
  password_min_classes: 3,
  lockout_threshold: 5,
  lockout_window_minutes: 15,
  lockout_minutes: 30,
  idle_timeout_minutes: 30,
  absolute_timeout_hours: 12,
  login_rate_per_minute: 60,
};

export type PasswordProblem = 'TOO_SHORT' | 'TOO_FEW_CLASSES' | 'CONTAINS_USERNAME';

/** Count of character classes present: lower, upper, digit, other. */
export function characterClasses(password: string): number {
  let n = 0;
  if (/[a-z]/.test(password)) n++;
  if (/[A-Z]/.test(password)) n++;
  if (/[0-9]/.test(password)) n++;
  if (/[^a-zA-Z0-9]/.test(password)) n++;
  return n;
}

/** Check a new password against the rules; returns every problem found (empty = acceptable). */
export function checkPassword(
  password: string,
  username: string,
  policy: TSecurityPolicy = DEFAULT_SECURITY_POLICY,
): PasswordProblem[] {
  const problems: PasswordProblem[] = [];
  if ([...password].length < policy.password_min_length) problems.push('TOO_SHORT');
  if (characterClasses(password) < policy.password_min_classes) problems.push('TOO_FEW_CLASSES');
  if (username.length > 0 && password.toLowerCase().includes(username.toLowerCase())) {
    problems.push('CONTAINS_USERNAME');
  }
  return problems;
}

/**
 * Lockout rule: given the times of recent failures (newest last) and now, is the account locked,
 * and until when. Locked when `threshold` failures fall within the window; the lock lasts
 * `lockout_minutes` from the failure that reached the threshold.
 */
export function lockedUntil(
  failures: readonly Date[],
  now: Date,
  policy: TSecurityPolicy = DEFAULT_SECURITY_POLICY,
): Date | null {
  const windowMs = policy.lockout_window_minutes * 60_000;
  const sorted = [...failures].sort((a, b) => a.getTime() - b.getTime());
  for (let i = policy.lockout_threshold - 1; i < sorted.length; i++) {
    const last = sorted[i];
    const first = sorted[i - policy.lockout_threshold + 1];
    if (last === undefined || first === undefined) continue;
    if (last.getTime() - first.getTime() <= windowMs) {
      const until = new Date(last.getTime() + policy.lockout_minutes * 60_000);
      if (until > now) return until;
    }
  }
  return null;
}
