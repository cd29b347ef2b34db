import { useQueries } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';
import { fetchOrganisation, fetchPerson } from '../api/registry';
import { formatBirthDate } from './dates';

/** What the registry says to name an id: the name, and for a person the birth date that tells namesakes apart. */
export interface NameEntry {
  readonly name: string;
  readonly birthDate?: string | null;
}

/**
 * The names to show for a list of entries: a name shared by two or more people of the list gets each one's birth
 * date (dd/mm/yyyy, or the year when only the year is known), so "Lê Thanh Mai (12/05/1970)" and "Lê Thanh Mai (03/09/1985)" are not read as one person.
 * A name nobody else in the list has is left alone.
 */
export function distinguishNamesakes(entries: ReadonlyMap<string, NameEntry>): Map<string, string> {
  const count = new Map<string, number>();
  for (const entry of entries.values()) count.set(entry.name, (count.get(entry.name) ?? 0) + 1);
  return new Map(
    [...entries].map(([id, { name, birthDate }]) => [
      id,
      (count.get(name) ?? 0) > 1 && birthDate ? `${name} (${formatBirthDate(birthDate)})` : name,
    ]),
  );
}

/**
 * The registry's entry for an id (person or organisation), or null when the registry does not know it. Any other
 * failure (a busy server, a dropped connection) is thrown, so the query tries again instead of keeping "unknown".
 */
async function fetchName(id: string): Promise<NameEntry | null> {
  try {
    if (id.startsWith('person/')) {
      const person = await fetchPerson(id);
      return { name: person.fullName, birthDate: person.birthDate };
    }
    if (id.startsWith('org/')) return { name: (await fetchOrganisation(id)).organisation.name };
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return null;
    throw error;
  }
  return null;
}

/**
 * Names for ids, from the registry (cached for the session): `name(id)` gives the person's or organisation's
 * name, or a neutral "name unknown" (never the id: ids belong in the technical details). Two people of the list with
 * the same name are told apart by their birth dates ({@link distinguishNamesakes}).
 */
export function useNames(ids: readonly (string | null | undefined)[]): (id: string | null | undefined) => string {
  const { t } = useTranslation();
  const unique = [...new Set(ids.filter((id): id is string => !!id))];
  const results = useQueries({
    queries: unique.map((id) => ({
      queryKey: ['name-entry', id],
      queryFn: () => fetchName(id),
      staleTime: Infinity,
      retry: 3,
    })),
  });
  const entries = new Map<string, NameEntry>();
  const loading = new Set<string>();
  // A name still loading reads as an ellipsis, not as "name unknown" (which the registry alone may say).
  unique.forEach((id, i) => {
    const result = results[i];
    if (result?.data) entries.set(id, result.data);
    else if (result?.isPending) loading.add(id);
  });
  const known = distinguishNamesakes(entries);
  for (const id of loading) known.set(id, '…');
  const key = [...known.entries()].map((e) => e.join('=')).join('|');
  return useCallback(
    (id: string | null | undefined) => (id ? (known.get(id) ?? t('app.unknownName')) : ''),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `key` changes exactly when `known` does
    [key, t],
  );
}
