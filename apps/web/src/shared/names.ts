import { useQueries } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';
import { fetchOrganisation, fetchPerson } from '../api/registry';

/**
 * The display name of a registry id (person or organisation), or null when the registry does not know it. Any other
 * failure (a busy server, a dropped connection) is thrown, so the query tries again instead of keeping "unknown".
 */
async function fetchName(id: string): Promise<string | null> {
  try {
    if (id.startsWith('person/')) return (await fetchPerson(id)).fullName;
    if (id.startsWith('org/')) return (await fetchOrganisation(id)).organisation.name;
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return null;
    throw error;
  }
  return null;
}

/**
 * Names for ids, from the registry (cached for the session): `name(id)` gives the person's or organisation's
 * name, or a neutral "name unknown" (never the id: ids belong in the technical details).
 */
export function useNames(ids: readonly (string | null | undefined)[]): (id: string | null | undefined) => string {
  const { t } = useTranslation();
  const unique = [...new Set(ids.filter((id): id is string => !!id))];
  const results = useQueries({
    queries: unique.map((id) => ({
      queryKey: ['name', id],
      queryFn: () => fetchName(id),
      staleTime: Infinity,
      retry: 3,
    })),
  });
  const known = new Map<string, string>();
  // A name still loading reads as an ellipsis, not as "name unknown" (which the registry alone may say).
  unique.forEach((id, i) => {
    const result = results[i];
    if (result?.data) known.set(id, result.data);
    else if (result?.isPending) known.set(id, '…');
  });
  const key = [...known.entries()].map((e) => e.join('=')).join('|');
  return useCallback(
    (id: string | null | undefined) => (id ? (known.get(id) ?? t('app.unknownName')) : ''),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `key` changes exactly when `known` does
    [key, t],
  );
}
