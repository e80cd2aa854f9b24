import {
  keepPreviousData,
  useMutation,
  useQuery,
  useQueryClient,
  type QueryKey,
} from '@tanstack/react-query';
import type { z } from 'zod';
import {
  ZDisposeRequest,
  ZProjectMonitoring,
  ZReportList,
  ZReportView,
  ZRound,
  ZRoundList,
  ZSaveReport,
  type TIssueRound,
  type TReportView,
} from '../../../../contracts/monitoring.ts';
import { downloadFile, requestJson, type Query } from '../../lib/api-client.ts';
import type { ReportQuery } from './monitoring-model.ts';

export type TSaveReport = z.infer<typeof ZSaveReport>;
export type TDisposeRequest = z.infer<typeof ZDisposeRequest>;

/**
 * The monitoring API (/api/v1, contracts/monitoring.ts) as react-query hooks. A report view is
 * cached under its id; every write answers with the new view, which replaces the cached one, and
 * the lists, the project's timeline, the workbench and the bell are refreshed.
 */

export const ROUNDS_KEY = 'monitoring-rounds';
export const REPORTS_KEY = 'monitoring-reports';

export function reportKey(id: string): QueryKey {
  return ['monitoring-report', id];
}

export function projectMonitoringKey(projectId: string): QueryKey {
  return ['project-monitoring', projectId];
}

export function useRounds(fiscalYear: string, enabled = true) {
  return useQuery({
    queryKey: [ROUNDS_KEY, fiscalYear],
    queryFn: () => requestJson(ZRoundList, '/monitoring/rounds', { query: { fiscal_year: fiscalYear } }),
    enabled,
  });
}

export function useIssueRound() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TIssueRound) => requestJson(ZRound, '/monitoring/rounds', { method: 'POST', body }),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: [ROUNDS_KEY] }),
        queryClient.invalidateQueries({ queryKey: [REPORTS_KEY] }),
      ]),
  });
}

export function useCloseRound() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      requestJson(ZRound, `/monitoring/rounds/${encodeURIComponent(id)}/close`, { method: 'POST', body: {} }),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: [ROUNDS_KEY] }),
        queryClient.invalidateQueries({ queryKey: [REPORTS_KEY] }),
        queryClient.invalidateQueries({ queryKey: ['workbench'] }),
      ]),
  });
}

/** Any query of GET /monitoring/reports (a round's reports, the warnings, the to-dos). */
export type ReportListQuery = Partial<ReportQuery> & { todo?: true; page: number; page_size: number };

export function useReportList(query: ReportListQuery, enabled = true) {
  return useQuery({
    queryKey: [REPORTS_KEY, query],
    queryFn: () => requestJson(ZReportList, '/monitoring/reports', { query: { ...query } }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** The warnings workbook: the same query, every page. */
export function exportReports(query: ReportQuery): Promise<void> {
  const q: Query = { ...query, page: undefined, page_size: undefined };
  return downloadFile('/monitoring/reports.xlsx', q, `warnings-${query.fiscal_year}.xlsx`);
}

export function useReport(id: string) {
  return useQuery({
    queryKey: reportKey(id),
    queryFn: () => requestJson(ZReportView, `/monitoring/reports/${encodeURIComponent(id)}`),
    refetchOnWindowFocus: false,
  });
}

/** Save a draft; the form keeps its own copy and takes the row version and lights back. */
export function saveReport(id: string, body: TSaveReport): Promise<TReportView> {
  return requestJson(ZReportView, `/monitoring/reports/${encodeURIComponent(id)}`, { method: 'PUT', body });
}

type ReportWrite = { kind: 'submit'; row_version: number } | { kind: 'dispose'; body: TDisposeRequest };

function sendWrite(id: string, w: ReportWrite): Promise<TReportView> {
  const base = `/monitoring/reports/${encodeURIComponent(id)}`;
  switch (w.kind) {
    case 'submit':
      return requestJson(ZReportView, `${base}/submit`, {
        method: 'POST',
        body: { row_version: w.row_version },
      });
    case 'dispose':
      return requestJson(ZReportView, `${base}/dispositions`, { method: 'POST', body: w.body });
  }
}

/** Submit a report, or record a disposition; the answer replaces the cached view. */
export function useReportAction(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (w: ReportWrite) => sendWrite(id, w),
    onSuccess: (view) => refreshAfterWrite(queryClient, view),
  });
}

/** After any write of a report: its cache, the lists, the project's timeline and header, the workbench. */
export async function refreshAfterWrite(
  queryClient: ReturnType<typeof useQueryClient>,
  view: TReportView,
): Promise<void> {
  queryClient.setQueryData(reportKey(view.id), view);
  await Promise.all([
    queryClient.invalidateQueries({ queryKey: [ROUNDS_KEY] }),
    queryClient.invalidateQueries({ queryKey: [REPORTS_KEY] }),
    queryClient.invalidateQueries({ queryKey: projectMonitoringKey(view.project.id) }),
    // The project's funds status (header, registry) follows a disposition.
    queryClient.invalidateQueries({ queryKey: ['project', view.project.id] }),
    queryClient.invalidateQueries({ queryKey: ['projects'] }),
    queryClient.invalidateQueries({ queryKey: ['workbench'] }),
    queryClient.invalidateQueries({ queryKey: ['notifications'] }),
  ]);
}

/** A project's lights across the rounds of its year, and its dispositions (null when none apply). */
export function useProjectMonitoring(projectId: string, enabled = true) {
  return useQuery({
    queryKey: projectMonitoringKey(projectId),
    queryFn: () => requestJson(ZProjectMonitoring, `/projects/${encodeURIComponent(projectId)}/monitoring`),
    enabled,
    retry: false,
    staleTime: 30_000,
  });
}
