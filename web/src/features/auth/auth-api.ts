import { useQuery } from '@tanstack/react-query';
import { ZMe, type TChangePasswordRequest, type TLoginRequest, type TMe } from '../../../../contracts/api.ts';
import type { Permission } from '../../../../contracts/permissions.ts';
import { ADMIN_ROLES } from '../../../../contracts/permissions.ts';
import { requestJson, requestVoid } from '../../lib/api-client.ts';

export const ME_KEY = ['me'] as const;

export function fetchMe(): Promise<TMe> {
  return requestJson(ZMe, '/me', { quiet401: true });
}

/** The signed-in user; `error.status === 401` when nobody is signed in. */
export function useMe() {
  return useQuery({ queryKey: ME_KEY, queryFn: fetchMe, retry: false, staleTime: 5 * 60_000 });
}

export function login(body: TLoginRequest): Promise<void> {
  return requestVoid('/auth/login', { method: 'POST', body, quiet401: true });
}

export function logout(): Promise<void> {
  return requestVoid('/auth/logout', { method: 'POST', quiet401: true });
}

export function changePassword(body: TChangePasswordRequest): Promise<void> {
  return requestVoid('/auth/password', { method: 'POST', body });
}

export function hasPermission(me: TMe, ...any: Permission[]): boolean {
  return any.some((p) => me.permissions.includes(p));
}

export function isAdministrator(me: TMe): boolean {
  return me.roles.some((r) => ADMIN_ROLES.includes(r));
}
