import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { ZOverdueList, ZTask, type TCreateTask } from '../../../../contracts/targets.ts';
import { requestJson } from '../../lib/api-client.ts';

const ZTaskList = z.object({ items: z.array(ZTask) });
const ZRemindResult = z.object({ notified: z.number().int() });

export function useTasks(fiscalYear: string, enabled = true) {
  return useQuery({
    queryKey: ['tasks', fiscalYear],
    queryFn: () => requestJson(ZTaskList, '/tasks', { query: { fiscal_year: fiscalYear } }),
    enabled,
  });
}

export function useTask(id: string) {
  return useQuery({
    queryKey: ['task', id],
    queryFn: () => requestJson(ZTask, `/tasks/${encodeURIComponent(id)}`),
  });
}

export function useOverdue(id: string, page: number, pageSize: number, enabled = true) {
  return useQuery({
    queryKey: ['task-overdue', id, page, pageSize],
    queryFn: () =>
      requestJson(ZOverdueList, `/tasks/${encodeURIComponent(id)}/overdue`, {
        query: { page, page_size: pageSize },
      }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useCreateTask() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TCreateTask) => requestJson(ZTask, '/tasks', { method: 'POST', body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['tasks'] }),
  });
}

/** Notify the preparers of the units whose projects are not approved yet (in-app notifications). */
export function useRemind(id: string) {
  return useMutation({
    mutationFn: () =>
      requestJson(ZRemindResult, `/tasks/${encodeURIComponent(id)}/remind`, { method: 'POST', body: {} }),
  });
}
