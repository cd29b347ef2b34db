import { useQuery } from '@tanstack/react-query';
import { rawRequest } from '../api/raw';
import type { OrganisationDetail, OrganisationView, Page, PersonDetail, PersonSummary } from '../api/views';

/** Organisations whose name matches `q` (with or without diacritics). */
export function useOrganisationSearch(q: string) {
  return useQuery({
    queryKey: ['registry', 'organisations', q],
    queryFn: ({ signal }) =>
      rawRequest<{ items: OrganisationView[] }>(`/registry/organisations?q=${encodeURIComponent(q)}`, { signal }),
    retry: false,
  });
}

export function useOrganisation(id: string | undefined) {
  return useQuery({
    queryKey: ['registry', 'organisation', id],
    enabled: !!id,
    queryFn: ({ signal }) =>
      rawRequest<OrganisationDetail>(`/registry/organisations/${encodeURIComponent(id ?? '')}`, { signal }),
    retry: false,
  });
}

/** People whose name matches `q` (with or without diacritics), optionally within an organisation. */
export function usePeopleSearch(q: string, organisation?: string, page = 1) {
  const params = new URLSearchParams({ q, page: String(page), pageSize: '20' });
  if (organisation) params.set('organisation', organisation);
  return useQuery({
    queryKey: ['registry', 'people', q, organisation, page],
    queryFn: ({ signal }) => rawRequest<Page<PersonSummary>>(`/registry/people?${params.toString()}`, { signal }),
    retry: false,
  });
}

export function usePerson(id: string | undefined) {
  return useQuery({
    queryKey: ['person', id],
    enabled: !!id,
    queryFn: () => rawRequest<PersonDetail>(`/registry/people/${encodeURIComponent(id ?? '')}`),
    staleTime: Infinity,
    retry: false,
  });
}
