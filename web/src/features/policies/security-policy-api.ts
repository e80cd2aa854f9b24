import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { ZSecurityPolicy, type TSecurityPolicy } from '../../../../domain/policy/security-policy.ts';
import { requestJson, requestVoid } from '../../lib/api-client.ts';

const ZSecurityPolicyView = z.object({ version: z.number().int(), policy: ZSecurityPolicy });
const KEY = ['security-policy'] as const;

export function useSecurityPolicy() {
  return useQuery({ queryKey: KEY, queryFn: () => requestJson(ZSecurityPolicyView, '/security-policy') });
}

export function useSaveSecurityPolicy() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { version: number; policy: TSecurityPolicy }) =>
      requestVoid('/security-policy', { method: 'PUT', body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: KEY }),
  });
}
