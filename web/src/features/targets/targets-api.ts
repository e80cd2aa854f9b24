import {
  keepPreviousData,
  useMutation,
  useQuery,
  useQueryClient,
  type QueryKey,
} from '@tanstack/react-query';
import { ZLibraryList, type TLibraryQuery } from '../../../../contracts/library.ts';
import {
  ZPeerStats,
  ZTargetDiff,
  ZTargetVersion,
  ZTargetView,
  type TReviewRequest,
  type TSaveTarget,
  type TTargetView,
} from '../../../../contracts/targets.ts';
import { DEFAULT_POLICY, resolvePolicy, type TPolicy } from '../../../../domain/policy/policy.ts';
import { requestJson } from '../../lib/api-client.ts';
import { usePolicy } from '../policies/policies-api.ts';

/**
 * The targets API (/api/v1, contracts/targets.ts) as react-query hooks. A view is cached under
 * the key of its subject (project, or department and year); every write answers with the new
 * view, which replaces the cached one.
 */

/** Where a target view comes from: a project, or a department's overall expenditure. */
export type TargetSubjectRef =
  | { kind: 'PROJECT'; projectId: string }
  | { kind: 'DEPARTMENT'; deptCode: string; mofDivCode: string; fiscalYear: string };

export function targetKey(ref: TargetSubjectRef): QueryKey {
  return ref.kind === 'PROJECT'
    ? ['target', 'project', ref.projectId]
    : ['target', 'department', ref.mofDivCode, ref.fiscalYear, ref.deptCode];
}

function subjectPath(ref: TargetSubjectRef): { path: string; query?: Record<string, string> } {
  if (ref.kind === 'PROJECT') return { path: `/projects/${encodeURIComponent(ref.projectId)}/target` };
  return {
    path: `/departments/${encodeURIComponent(ref.deptCode)}/target`,
    query: { mof_div_code: ref.mofDivCode, fiscal_year: ref.fiscalYear },
  };
}

const targetPath = (id: string) => `/targets/${encodeURIComponent(id)}`;

/** The target of a subject (a proposed draft with `id: null` when none exists yet). */
export function useTargetView(ref: TargetSubjectRef, enabled = true) {
  const { path, query } = subjectPath(ref);
  return useQuery({
    queryKey: targetKey(ref),
    queryFn: () => requestJson(ZTargetView, path, { query }),
    enabled,
    refetchOnWindowFocus: false,
  });
}

/** The target of a project (the header's status tag shares the tab's cache). */
export function useProjectTarget(projectId: string) {
  return useTargetView({ kind: 'PROJECT', projectId });
}

/** Save a draft; the caller keeps its own copy of the draft and takes only row_version and id back. */
export function saveTarget(ref: TargetSubjectRef, body: TSaveTarget): Promise<TTargetView> {
  const { path, query } = subjectPath(ref);
  return requestJson(ZTargetView, path, { method: 'PUT', body, query });
}

/** Peer statistics of the library indicators a project's draft uses, keyed by peerKey(). */
export function usePeerStats(projectId: string | null, codes: readonly string[]) {
  const joined = codes.join(',');
  return useQuery({
    queryKey: ['target-peers', projectId, joined],
    queryFn: () =>
      requestJson(ZPeerStats, `/projects/${encodeURIComponent(projectId ?? '')}/target/peers`, {
        query: { codes: joined },
      }),
    enabled: projectId !== null && codes.length > 0,
    placeholderData: keepPreviousData,
    staleTime: 5 * 60_000,
    refetchOnWindowFocus: false,
  });
}

export function useTargetVersion(id: string | null, n: number | null) {
  return useQuery({
    queryKey: ['target-version', id, n],
    queryFn: () => requestJson(ZTargetVersion, `${targetPath(id ?? '')}/versions/${String(n ?? 1)}`),
    enabled: id !== null && n !== null,
    staleTime: Infinity,
  });
}

export function useTargetDiff(id: string | null, from: number | null, to: number | null) {
  return useQuery({
    queryKey: ['target-diff', id, from, to],
    queryFn: () =>
      requestJson(ZTargetDiff, `${targetPath(id ?? '')}/diff`, { query: { from: from ?? 1, to: to ?? 1 } }),
    enabled: id !== null && from !== null && to !== null && from >= 1,
    staleTime: Infinity,
  });
}

type TargetWrite =
  | { kind: 'submit'; row_version: number }
  | { kind: 'review'; body: TReviewRequest }
  | { kind: 'unlock'; row_version: number; reason: string }
  | { kind: 'adjust'; row_version: number; reason: string };

function sendWrite(id: string, w: TargetWrite): Promise<TTargetView> {
  switch (w.kind) {
    case 'submit':
      return requestJson(ZTargetView, `${targetPath(id)}/submit`, {
        method: 'POST',
        body: { row_version: w.row_version },
      });
    case 'review':
      return requestJson(ZTargetView, `${targetPath(id)}/review`, { method: 'POST', body: w.body });
    case 'unlock':
    case 'adjust':
      return requestJson(ZTargetView, `${targetPath(id)}/${w.kind}`, {
        method: 'POST',
        body: { row_version: w.row_version, reason: w.reason },
      });
  }
}

/**
 * Submit, review, unlock and adjust. The answer replaces the cached view; lists, to-dos and the
 * workbench are refreshed.
 */
export function useTargetAction(ref: TargetSubjectRef) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, write }: { id: string; write: TargetWrite }) => sendWrite(id, write),
    onSuccess: async (view) => {
      queryClient.setQueryData(targetKey(ref), view);
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: ['targets'] }),
        queryClient.invalidateQueries({ queryKey: ['workbench'] }),
        queryClient.invalidateQueries({ queryKey: ['notifications'] }),
      ]);
    },
  });
}

/** The indicator library for the picker (GET /library). */
export function useLibrarySearch(query: Partial<TLibraryQuery>, enabled: boolean) {
  return useQuery({
    queryKey: ['library', 'picker', query],
    queryFn: () => requestJson(ZLibraryList, '/library', { query }),
    enabled,
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}

/** The effective policy of a region and year, as the rules read it (defaults while it loads). */
export function useEffectivePolicy(mofDivCode: string, fiscalYear: string) {
  const q = usePolicy(mofDivCode, fiscalYear);
  const resolved = q.data ? resolvePolicy(q.data.effective) : null;
  const policy: TPolicy = resolved?.ok === true ? resolved.policy : DEFAULT_POLICY;
  return { policy, isPending: q.isPending, isError: q.isError || resolved?.ok === false };
}
