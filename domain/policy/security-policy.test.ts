import { describe, expect, it } from 'vitest';
import { characterClasses, checkPassword, DEFAULT_SECURITY_POLICY, lockedUntil } from './security-policy.ts';

describe('password rules', () => {
  it.each([
    ['Demo@2026', 4],
    ['abcdefgh', 1],
    ['abcDEF12', 3],
    ['密码Ab1', 4],
  ])('counts the character classes of %s', (p, n) => {
    expect(characterClasses(p)).toBe(n);
  });

  it.each([
    ['Abc@123', 'alice', ['TOO_SHORT']],
    ['abcdefgh1', 'alice', ['TOO_FEW_CLASSES']],
    ['xAlice#2026', 'alice', ['CONTAINS_USERNAME']],
    ['Strong#2026', 'alice', []],
    ['short', 'bob', ['TOO_SHORT', 'TOO_FEW_CLASSES']],
  ])('checks %s for %s', (password, username, problems) => {
    expect(checkPassword(password, username)).toEqual(problems);
  });

  it('follows a configured policy', () => {
    expect(checkPassword('abcdefghij', 'x', { ...DEFAULT_SECURITY_POLICY, password_min_classes: 1 })).toEqual(
      [],
    );
    expect(checkPassword('Ab#1Ab#1', 'x', { ...DEFAULT_SECURITY_POLICY, password_min_length: 12 })).toEqual([
      'TOO_SHORT',
    ]);
  });
});

describe('lockout', () => {
  const t0 = new Date('2026-05-01T08:00:00Z');
  const at = (min: number) => new Date(t0.getTime() + min * 60_000);

  it('locks for 30 minutes after 5 failures within 15 minutes', () => {
    const failures = [0, 2, 4, 6, 8].map(at);
    expect(lockedUntil(failures.slice(0, 4), at(8))).toBeNull();
    expect(lockedUntil(failures, at(8))).toEqual(at(38));
    expect(lockedUntil(failures, at(37.9))).toEqual(at(38));
    expect(lockedUntil(failures, at(38))).toBeNull();
  });

  it('does not lock when the failures are spread over more than the window', () => {
    expect(lockedUntil([0, 4, 8, 12, 16].map(at), at(16))).toBeNull();
    expect(lockedUntil([0, 4, 8, 12, 15].map(at), at(15))).toEqual(at(45));
  });
});
