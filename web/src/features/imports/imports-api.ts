import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ZJob, ZJobList, type TJob } from '../../../../contracts/imports.ts';
import { currentLanguage } from '../../i18n/index.ts';
import { ApiError, buildUrl, downloadFile, readCookie, requestJson } from '../../lib/api-client.ts';

/**
 * A job, polled every second while it runs (the page survives a reload: the id is in the URL). The
 * server words its issues in the request's language, so a language switch fetches it again.
 */
export function useJob(id: string | undefined) {
  const { i18n } = useTranslation();
  return useQuery({
    queryKey: ['job', id, i18n.language],
    // While the other language loads, the same job stays on screen (never another job's result).
    placeholderData: (previous, query) => (query?.queryKey[1] === id ? previous : undefined),
    queryFn: () => requestJson(ZJob, `/jobs/${encodeURIComponent(id ?? '')}`),
    enabled: id !== undefined,
    refetchInterval: (q) => (q.state.data?.status === 'RUNNING' ? 1000 : false),
  });
}

/** My recent imports, refreshed while one of them runs. */
export function useMyJobs() {
  return useQuery({
    queryKey: ['jobs', 'mine'],
    queryFn: () => requestJson(ZJobList, '/jobs', { query: { mine: 1 } }),
    refetchInterval: (q) => (q.state.data?.items.some((j) => j.status === 'RUNNING') ? 2000 : false),
  });
}

/**
 * Upload the files of an import (multipart; the JSON client does not carry files) and return the
 * job the server started.
 */
export async function uploadImport(files: readonly File[]): Promise<TJob> {
  const form = new FormData();
  for (const f of files) form.append('file', f, f.name);
  const headers = new Headers({ Accept: 'application/json', 'Accept-Language': currentLanguage() });
  const token = readCookie('csrf_token');
  if (token !== undefined) headers.set('X-CSRF-Token', token);
  let res: Response;
  try {
    res = await fetch(buildUrl('/imports'), {
      method: 'POST',
      body: form,
      headers,
      credentials: 'same-origin',
    });
  } catch (e) {
    throw new ApiError(0, 'NETWORK', e instanceof Error ? e.message : String(e));
  }
  const body: unknown = await res.json().catch(() => null);
  if (!res.ok) {
    const r = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
    throw new ApiError(
      res.status,
      typeof r.code === 'string' ? r.code : `HTTP_${res.status}`,
      typeof r.message === 'string' ? r.message : res.statusText,
      r.details,
    );
  }
  return ZJob.parse(body);
}

export function downloadTemplate(): Promise<void> {
  return downloadFile('/exchange/template', {}, 'perfbudget-template.xlsx');
}

export function downloadErrors(jobId: string): Promise<void> {
  return downloadFile(`/jobs/${encodeURIComponent(jobId)}/errors.xlsx`, {}, 'import-errors.xlsx');
}

export function exportTargets(q: { fiscal_year: string; format: 'json' | 'xlsx'; mof_div_code: string }) {
  return downloadFile('/exports/targets', q, `targets-${q.mof_div_code}-${q.fiscal_year}.${q.format}`);
}
