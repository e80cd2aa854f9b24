import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { useMe } from '../features/auth/auth-api.ts';
import { ApiError } from '../lib/api-client.ts';
import { FullPageSpin } from '../components/full-page-spin.tsx';
import { ErrorResult } from '../components/error-result.tsx';
import { CurrentUserContext } from './current-user.tsx';

/**
 * Gate of every page after login: no session → /login; first login → /change-password
 * (unless `allowPasswordChange`, which the change-password page itself sets).
 */
export function RequireAuth({
  children,
  allowPasswordChange = false,
}: {
  children: ReactNode;
  allowPasswordChange?: boolean;
}) {
  const location = useLocation();
  const me = useMe();
  if (me.isPending) return <FullPageSpin />;
  if (me.isError) {
    if (me.error instanceof ApiError && me.error.status === 401) {
      return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
    }
    return <ErrorResult error={me.error} onRetry={() => void me.refetch()} />;
  }
  if (me.data.must_change_password && !allowPasswordChange) {
    return <Navigate to="/change-password" replace />;
  }
  return <CurrentUserContext.Provider value={me.data}>{children}</CurrentUserContext.Provider>;
}
