import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../api/client';
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

/**
 * The rulebook's age check of the people listed for a congress of this organisation (months of service left before
 * retirement age at the congress, on the track the introduction will give each), as the server makes it; nothing
 * until the organisation, the congress date and someone are given.
 */
export function useAgeChecks(
  organisationId: string | undefined,
  congressDate: string | undefined,
  personIds: readonly string[],
  launchDate?: string,
) {
  const ids = [...personIds].sort().join(',');
  return useQuery({
    queryKey: ['age-checks', organisationId, congressDate, launchDate, ids],
    enabled: !!organisationId && !!congressDate && ids.length > 0,
    queryFn: async ({ signal }) =>
      unwrap(
        await api.GET('/procedures/age-checks', {
          params: {
            query: {
              organisationId: organisationId ?? '',
              congressDate: congressDate ?? '',
              personIds: ids,
              launchDate,
            },
          },
          signal,
        }),
      ),
    staleTime: 60_000,
    retry: false,
  });
}
