import type { TReviewRequest, TTargetListItem, TTargetView } from '../../../../contracts/targets.ts';

/** The outcome of one target of a bulk approval. */
export type BulkResult =
  | { item: TTargetListItem; ok: true; view: TTargetView }
  | { item: TTargetListItem; ok: false; error: unknown };

/** Raised when the fresh view of a target does not offer approval to this user any more. */
export class NotApprovableError extends Error {
  constructor() {
    super('not approvable');
    this.name = 'NotApprovableError';
  }
}

export interface BulkApi {
  fetchView: (id: string) => Promise<TTargetView>;
  review: (id: string, body: TReviewRequest) => Promise<TTargetView>;
}

/**
 * Approve several targets with one comment, one after the other (each with its fresh
 * row_version, so that a target someone else handled meanwhile fails alone and is reported).
 * `onProgress` is called after each target with the results so far.
 */
export async function runBulkApprove(
  items: readonly TTargetListItem[],
  comment: string,
  api: BulkApi,
  onProgress: (results: BulkResult[]) => void,
): Promise<BulkResult[]> {
  const results: BulkResult[] = [];
  for (const item of items) {
    try {
      const view = await api.fetchView(item.id);
      if (!view.allowed_actions.includes('approve')) throw new NotApprovableError();
      const next = await api.review(item.id, {
        row_version: view.row_version,
        action: 'APPROVE',
        comment,
        indicator_comments: [],
      });
      results.push({ item, ok: true, view: next });
    } catch (error) {
      results.push({ item, ok: false, error });
    }
    onProgress([...results]);
  }
  return results;
}
