import { ApiError, freshAccessToken, type ApiErrorBody } from './client';

/**
 * Requests to routes the OpenAPI document does not describe yet (the registry's `/registry/...`, file uploads and
 * downloads): the same bearer token and error handling as the typed client.
 */
export async function rawRequest<T>(path: string, init: RequestInit = {}): Promise<T> {
  const headers = new Headers(init.headers);
  headers.set('Accept', 'application/json');
  const token = await freshAccessToken();
  if (token) headers.set('Authorization', `Bearer ${token}`);
  let response: Response;
  try {
    response = await fetch(path, { ...init, headers });
  } catch {
    throw new ApiError(0, { statusCode: 0, code: 'NETWORK' });
  }
  if (!response.ok) {
    const body = (await response.json().catch(() => ({}))) as ApiErrorBody;
    throw new ApiError(response.status, { ...body, statusCode: response.status });
  }
  return (await response.json()) as T;
}

/** Downloads a file the API serves (template, export) under the name it gives, with the bearer token. */
export async function downloadFile(path: string, fallbackName: string): Promise<void> {
  const token = await freshAccessToken();
  const response = await fetch(path, { headers: token ? { Authorization: `Bearer ${token}` } : {} });
  if (!response.ok) {
    const body = (await response.json().catch(() => ({}))) as ApiErrorBody;
    throw new ApiError(response.status, { ...body, statusCode: response.status });
  }
  const disposition = response.headers.get('Content-Disposition') ?? '';
  const name = /filename="?([^";]+)"?/.exec(disposition)?.[1] ?? fallbackName;
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  URL.revokeObjectURL(url);
}
