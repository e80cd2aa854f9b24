import type { ReactNode } from 'react';
import type { Permission } from '../../../contracts/permissions.ts';
import { hasPermission } from '../features/auth/auth-api.ts';
import { ForbiddenPage } from '../components/forbidden-page.tsx';
import { useCurrentUser } from './current-user.tsx';

/** Show the page only to a user holding one of the permissions; others see a 403 page. */
export function RequirePermission({ any, children }: { any: Permission[]; children: ReactNode }) {
  const me = useCurrentUser();
  return hasPermission(me, ...any) ? children : <ForbiddenPage />;
}
