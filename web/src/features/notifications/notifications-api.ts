import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ZNotificationList } from '../../../../contracts/api.ts';
import { requestJson, requestVoid } from '../../lib/api-client.ts';

const KEY = ['notifications'] as const;

export function useNotifications() {
  return useQuery({
    queryKey: KEY,
    queryFn: () => requestJson(ZNotificationList, '/notifications'),
    refetchInterval: 60_000,
  });
}

export function useMarkRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      requestVoid(`/notifications/${encodeURIComponent(id)}/read`, { method: 'POST' }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: KEY }),
  });
}
