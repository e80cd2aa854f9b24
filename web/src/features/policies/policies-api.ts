import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { ZPolicyView, type ZSavePolicy } from '../../../../contracts/api.ts';
import { requestJson, requestVoid } from '../../lib/api-client.ts';

export type TPolicyView = z.infer<typeof ZPolicyView>;
export type TSavePolicy = z.infer<typeof ZSavePolicy>;

function pathOf(mofDivCode: string, fiscalYear: string): string {
  return `/policies/${encodeURIComponent(mofDivCode)}/${encodeURIComponent(fiscalYear)}`;
}

export function usePolicy(mofDivCode: string, fiscalYear: string) {
  return useQuery({
    queryKey: ['policy', mofDivCode, fiscalYear],
    queryFn: () => requestJson(ZPolicyView, pathOf(mofDivCode, fiscalYear)),
  });
}

export function useSavePolicy(mofDivCode: string, fiscalYear: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TSavePolicy) => requestVoid(pathOf(mofDivCode, fiscalYear), { method: 'PUT', body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['policy', mofDivCode, fiscalYear] }),
  });
}
