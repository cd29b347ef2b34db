import { useQuery } from '@tanstack/react-query';
import { fetchOrganisation, fetchPerson, searchOrganisations, searchPeople } from '../api/registry';

/** Organisations whose name matches `q` (with or without diacritics). */
export function useOrganisationSearch(q: string) {
  return useQuery({
    queryKey: ['registry', 'organisations', q],
    queryFn: ({ signal }) => searchOrganisations(q, signal),
    retry: false,
  });
}

export function useOrganisation(id: string | undefined) {
  return useQuery({
    queryKey: ['registry', 'organisation', id],
    enabled: !!id,
    queryFn: ({ signal }) => fetchOrganisation(id ?? '', signal),
    retry: false,
  });
}

/** People whose name matches `q` (with or without diacritics), optionally within an organisation. */
export function usePeopleSearch(q: string, organisation?: string, page = 1) {
  return useQuery({
    queryKey: ['registry', 'people', q, organisation, page],
    queryFn: ({ signal }) => searchPeople({ q, organisation, page, pageSize: 20 }, signal),
    retry: false,
  });
}

export function usePerson(id: string | undefined) {
  return useQuery({
    queryKey: ['person', id],
    enabled: !!id,
    queryFn: () => fetchPerson(id ?? ''),
    staleTime: Infinity,
    retry: false,
  });
}
