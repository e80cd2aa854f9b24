import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { ZProject, ZProjectList, type TProjectListQuery } from '../../../../contracts/api.ts';
import { downloadFile, requestJson, type Query } from '../../lib/api-client.ts';

/** Filters of the registry as sent to the API (amounts in yuan). */
export type ProjectFilters = Omit<TProjectListQuery, 'page' | 'page_size'> & {
  page: number;
  page_size: number;
};

export function useProjects(filters: ProjectFilters) {
  return useQuery({
    queryKey: ['projects', filters],
    queryFn: () => requestJson(ZProjectList, '/projects', { query: filters }),
    placeholderData: keepPreviousData,
  });
}

export function useProject(id: string) {
  return useQuery({
    queryKey: ['project', id],
    queryFn: () => requestJson(ZProject, `/projects/${encodeURIComponent(id)}`),
  });
}

export function exportProjects(filters: ProjectFilters): Promise<void> {
  const query: Query = { ...filters, page: undefined, page_size: undefined };
  return downloadFile('/projects/export', query, `projects-${filters.fiscal_year ?? ''}.xlsx`);
}
