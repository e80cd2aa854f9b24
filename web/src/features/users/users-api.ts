import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { ZUser, type ZCreateUser, type ZGrantRoles, type ZUpdateUser } from '../../../../contracts/api.ts';
import { requestJson, requestVoid } from '../../lib/api-client.ts';

const ZUserList = z.object({ items: z.array(ZUser), total: z.number().int() });
export type TCreateUser = z.infer<typeof ZCreateUser>;
export type TUpdateUser = z.infer<typeof ZUpdateUser>;
export type TGrantRoles = z.infer<typeof ZGrantRoles>;

const KEY = ['users'] as const;

export function useUsers(query: { q: string; page: number; page_size: number }) {
  return useQuery({
    queryKey: [...KEY, query],
    queryFn: () => requestJson(ZUserList, '/users', { query }),
    placeholderData: keepPreviousData,
  });
}

function useUserMutation<T>(fn: (arg: T) => Promise<void>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: fn, onSettled: () => queryClient.invalidateQueries({ queryKey: KEY }) });
}

export function useCreateUser() {
  return useUserMutation((body: TCreateUser) => requestVoid('/users', { method: 'POST', body }));
}

export function useUpdateUser() {
  return useUserMutation(({ id, body }: { id: string; body: TUpdateUser }) =>
    requestVoid(`/users/${encodeURIComponent(id)}`, { method: 'PATCH', body }),
  );
}

export function useGrantRoles() {
  return useUserMutation(({ id, body }: { id: string; body: TGrantRoles }) =>
    requestVoid(`/users/${encodeURIComponent(id)}/roles`, { method: 'PUT', body }),
  );
}
