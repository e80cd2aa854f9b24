import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import { ZAuditList, ZAuditVerify } from '../../../../contracts/api.ts';
import { requestJson } from '../../lib/api-client.ts';

export type TAuditEntry = z.infer<typeof ZAuditList>['items'][number];
export type TAuditVerify = z.infer<typeof ZAuditVerify>;

export interface AuditFilters {
  actor?: string;
  entity?: string;
  action?: string;
  from?: string;
  to?: string;
  page: number;
  page_size: number;
}

export function useAuditLog(filters: AuditFilters) {
  return useQuery({
    queryKey: ['audit', filters],
    queryFn: () => requestJson(ZAuditList, '/audit', { query: { ...filters } }),
    placeholderData: keepPreviousData,
  });
}

export function useVerifyChain() {
  return useMutation({ mutationFn: () => requestJson(ZAuditVerify, '/audit/verify') });
}
