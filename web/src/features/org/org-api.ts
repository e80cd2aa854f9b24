import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { ZOrgTree, type ZCreateAgency, type ZCreateDepartment } from '../../../../contracts/api.ts';
import { requestJson, requestVoid } from '../../lib/api-client.ts';

export type TCreateDepartment = z.infer<typeof ZCreateDepartment>;
export type TCreateAgency = z.infer<typeof ZCreateAgency>;

export function useOrgTree(mofDivCode: string | undefined, enabled = true) {
  return useQuery({
    queryKey: ['org-tree', mofDivCode ?? ''],
    queryFn: () => requestJson(ZOrgTree, '/org/tree', { query: { mof_div_code: mofDivCode } }),
    enabled,
    staleTime: 5 * 60_000,
  });
}

export function useCreateDepartment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TCreateDepartment) => requestVoid('/org/departments', { method: 'POST', body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['org-tree'] }),
  });
}

export function useCreateAgency() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TCreateAgency) => requestVoid('/org/agencies', { method: 'POST', body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['org-tree'] }),
  });
}
