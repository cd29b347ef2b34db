import { api, unwrap } from './client';

/** The registry's reads and imports (`/registry/...`), through the typed client. */

export async function searchOrganisations(q: string, signal?: AbortSignal) {
  return unwrap(await api.GET('/registry/organisations', { params: { query: { q } }, signal }));
}

export async function fetchOrganisation(id: string, signal?: AbortSignal) {
  return unwrap(await api.GET('/registry/organisations/{id}', { params: { path: { id } }, signal }));
}

export async function searchPeople(
  query: { q: string; organisation?: string; page: number; pageSize: number },
  signal?: AbortSignal,
) {
  return unwrap(await api.GET('/registry/people', { params: { query }, signal }));
}

export async function fetchPerson(id: string, signal?: AbortSignal) {
  return unwrap(await api.GET('/registry/people/{id}', { params: { path: { id } }, signal }));
}

/** Uploads a registry file for a preview of its changes and errors (nothing in the registry changes). */
export async function previewImport(file: File) {
  const body = new FormData();
  body.append('file', file);
  return unwrap(
    await api.POST('/registry/imports', {
      // The multipart body: the browser sets its Content-Type with the boundary.
      body: body as unknown as { file: string },
      bodySerializer: (b) => b as unknown as FormData,
    }),
  );
}

/** Applies a valid preview. */
export async function confirmImport(importId: string) {
  return unwrap(await api.POST('/registry/imports/{importId}/confirm', { params: { path: { importId } } }));
}
