import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import {
  ZCoreIndicator,
  ZCoreIndicatorList,
  ZLibraryDetail,
  ZLibraryImportIssue,
  ZLibraryImportResult,
  ZLibraryIndicator,
  ZLibraryList,
  type TLibraryImportIssue,
  type ZCreateCoreIndicator,
  type TLibraryIndicatorInput,
  type TLibraryQuery,
} from '../../../../contracts/library.ts';
import {
  ApiError,
  buildUrl,
  downloadFile,
  readCookie,
  requestJson,
  requestVoid,
  type Query,
} from '../../lib/api-client.ts';
import { currentLanguage } from '../../i18n/index.ts';

export type TCreateCore = z.input<typeof ZCreateCoreIndicator>;

/** The list's filters as sent to the API. */
export type LibraryFilters = Omit<TLibraryQuery, 'page' | 'page_size'> & { page: number; page_size: number };

export function useLibraryList(filters: LibraryFilters, enabled = true) {
  return useQuery({
    queryKey: ['library', filters],
    queryFn: () => requestJson(ZLibraryList, '/library', { query: filters }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useLibraryDetail(code: string | null, fiscalYear: string) {
  return useQuery({
    queryKey: ['library-detail', code, fiscalYear],
    queryFn: () =>
      requestJson(ZLibraryDetail, `/library/${encodeURIComponent(code ?? '')}`, {
        query: { fiscal_year: fiscalYear },
      }),
    enabled: code !== null,
  });
}

export interface SaveLibraryBody {
  version: number;
  indicator: TLibraryIndicatorInput;
  status?: 'ACTIVE' | 'RETIRED';
}

/** Create (no `code` yet) or update an indicator; the lists and the detail are refreshed. */
export function useSaveLibrary() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ code, body }: { code: string | null; body: SaveLibraryBody }) =>
      code === null
        ? requestJson(ZLibraryIndicator, '/library', { method: 'POST', body })
        : requestJson(ZLibraryIndicator, `/library/${encodeURIComponent(code)}`, { method: 'PUT', body }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['library'] });
      await queryClient.invalidateQueries({ queryKey: ['library-detail'] });
    },
  });
}

export function exportLibrary(filters: LibraryFilters): Promise<void> {
  const query: Query = { ...filters, page: undefined, page_size: undefined };
  return downloadFile('/library/export', query, 'indicator-library.xlsx');
}

export type ImportOutcome =
  | { ok: true; created: number; updated: number; unchanged: number }
  | { ok: false; message: string; issues: TLibraryImportIssue[] };

/**
 * Upload a workbook as the raw request body (the API takes application/octet-stream). A refused
 * file comes back with every problem by row and column.
 */
export async function importLibrary(file: Blob): Promise<ImportOutcome> {
  const headers = new Headers({
    Accept: 'application/json',
    'Accept-Language': currentLanguage(),
    'Content-Type': 'application/octet-stream',
  });
  const token = readCookie('csrf_token');
  if (token !== undefined) headers.set('X-CSRF-Token', token);
  const res = await fetch(buildUrl('/library/import'), {
    method: 'POST',
    credentials: 'same-origin',
    headers,
    body: file,
  });
  const body: unknown = await res.json().catch(() => null);
  if (res.ok) {
    const parsed = ZLibraryImportResult.safeParse(body);
    if (parsed.success) return { ok: true, ...parsed.data };
    throw new ApiError(res.status, 'CONTRACT', '/library/import → unexpected answer');
  }
  const r = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
  const message = typeof r.message === 'string' ? r.message : res.statusText;
  const code = typeof r.code === 'string' ? r.code : `HTTP_${res.status}`;
  if (code === 'LIBRARY.IMPORT_INVALID') {
    const issues = ZLibraryImportIssue.array().safeParse(r.details);
    return { ok: false, message, issues: issues.success ? issues.data : [] };
  }
  throw new ApiError(res.status, code, message, r.details);
}

export function useCoreIndicators(mofDivCode: string, fiscalYear: string) {
  return useQuery({
    queryKey: ['core-indicators', mofDivCode, fiscalYear],
    queryFn: () =>
      requestJson(ZCoreIndicatorList, '/core-indicators', {
        query: { mof_div_code: mofDivCode, fiscal_year: fiscalYear },
      }),
  });
}

export function useCreateCore() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TCreateCore) =>
      requestJson(ZCoreIndicator, '/core-indicators', { method: 'POST', body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['core-indicators'] }),
  });
}

export function useDeleteCore() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      requestVoid(`/core-indicators/${encodeURIComponent(id)}`, { method: 'DELETE' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['core-indicators'] }),
  });
}
