import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../api/client';
import type { DossierAccessPage } from '../api/views';

/** The filters of the dossier access log, as the API takes them (days as YYYY-MM-DD). */
export interface DossierAccessFilters {
  personId?: string;
  readerId?: string;
  from?: string;
  to?: string;
  outcome?: 'read' | 'refused';
  page: number;
  pageSize: number;
}

/** One page of the dossier access log (`GET /audit/dossier-access`); the previous page stays while the next loads. */
export function useDossierAccessLog(filters: DossierAccessFilters) {
  return useQuery({
    queryKey: ['audit', 'dossier-access', filters],
    queryFn: async ({ signal }) =>
      unwrap<DossierAccessPage>(await api.GET('/audit/dossier-access', { params: { query: filters }, signal })),
    placeholderData: keepPreviousData,
    retry: false,
  });
}
