import { createContext, useContext } from 'react';
import type { TMe } from '../../../contracts/api.ts';

/** The signed-in user, provided by RequireAuth to every page inside the frame. */
export const CurrentUserContext = createContext<TMe | null>(null);

export function useCurrentUser(): TMe {
  const me = useContext(CurrentUserContext);
  if (me === null) throw new Error('useCurrentUser must be used inside RequireAuth');
  return me;
}
