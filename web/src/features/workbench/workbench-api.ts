import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import { ZWorkbench } from '../../../../contracts/api.ts';
import { requestJson } from '../../lib/api-client.ts';

export type TWorkbench = z.infer<typeof ZWorkbench>;

export function useWorkbench(params: { mof_div_code: string; fiscal_year: string }, enabled: boolean) {
  return useQuery({
    queryKey: ['workbench', params],
    queryFn: () => requestJson(ZWorkbench, '/workbench', { query: params }),
    enabled,
    // Home is where users come back to: show what they just did (recent items, to-dos).
    refetchOnMount: 'always',
  });
}
