import { useCurrentUser } from '../../app/current-user.tsx';
import { useReportList, useRounds } from './monitoring-api.ts';
import { monitoringTodos, type MonitoringTodo, type Translate } from './monitoring-model.ts';
import { hasPermission } from '../auth/auth-api.ts';

/**
 * The preparer's monitoring to-dos for the workbench: their units' draft reports in open rounds
 * (GET /monitoring/reports?todo=true), with the round's deadline. Empty for other roles, and
 * while loading or when the list fails (the other to-dos stay).
 */
export function useMonitoringTodos(fiscalYear: string, t: Translate): MonitoringTodo[] {
  const me = useCurrentUser();
  const enabled = hasPermission(me, 'monitoring:report');
  const list = useReportList({ todo: true, fiscal_year: fiscalYear, page: 1, page_size: 20 }, enabled);
  const rounds = useRounds(fiscalYear, enabled);
  if (!enabled) return [];
  return monitoringTodos(list.data?.items ?? [], rounds.data?.items ?? [], t);
}
