import { keepPreviousData, useQuery } from '@tanstack/react-query';
import {
  ZTargetList,
  ZTargetView,
  type TReviewRequest,
  type TTargetView,
} from '../../../../contracts/targets.ts';
import { requestJson } from '../../lib/api-client.ts';
import type { TargetListQuery } from './list-params.ts';

/** The query keys of target lists; invalidate `['targets']` after any review. */
export const TARGET_LIST_KEY = 'targets';

export function useTargetList(query: TargetListQuery, enabled = true) {
  return useQuery({
    queryKey: [TARGET_LIST_KEY, query],
    queryFn: () => requestJson(ZTargetList, '/targets', { query: { ...query } }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function fetchTargetView(id: string): Promise<TTargetView> {
  return requestJson(ZTargetView, `/targets/${encodeURIComponent(id)}`);
}

export function postReview(id: string, body: TReviewRequest): Promise<TTargetView> {
  return requestJson(ZTargetView, `/targets/${encodeURIComponent(id)}/review`, { method: 'POST', body });
}
