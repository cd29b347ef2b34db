import createClient, { type Middleware } from 'openapi-fetch';
import type { paths } from './schema';

/** The API's error body: a stable `code` the app translates, its `params`, and the input `field` it concerns. */
export interface ApiErrorBody {
  statusCode: number;
  code?: string;
  message?: string;
  field?: string;
  params?: Record<string, unknown>;
}

/** A refused request, carrying the API's error body so a form can put it on the field it concerns. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: ApiErrorBody,
  ) {
    super(body.message ?? `HTTP ${status}`);
    this.name = 'ApiError';
  }

  get code(): string | undefined {
    return this.body.code;
  }

  get field(): string | undefined {
    return this.body.field;
  }
}

const TOKEN_KEY = 'cadreflow.token';

/** The access token, shared by the browser's tabs so a link opened in a new tab needs no second sign-in. */
export const tokenStore = {
  get: (): string | null => localStorage.getItem(TOKEN_KEY),
  set: (token: string): void => localStorage.setItem(TOKEN_KEY, token),
  clear: (): void => localStorage.removeItem(TOKEN_KEY),
};

/** Called when the API answers 401 to a signed-in request (token expired): the app sends the user to sign in. */
let onUnauthorized: () => void = () => undefined;
export function setUnauthorizedHandler(handler: () => void): void {
  onUnauthorized = handler;
}

const auth: Middleware = {
  onRequest({ request }) {
    const token = tokenStore.get();
    if (token) request.headers.set('Authorization', `Bearer ${token}`);
    // The API serves the app's page for page loads (Accept: text/html) of the same paths; this asks for data.
    request.headers.set('Accept', 'application/json');
    return request;
  },
  onResponse({ response, request }) {
    if (response.status === 401 && request.headers.has('Authorization')) onUnauthorized();
    return response;
  },
};

/**
 * The one typed client of the API, typed from `openapi.json` (a contract change breaks the type check). The API
 * serves the app, so requests go to the page's own origin (absolute, as `Request` outside a browser needs).
 */
export const api = createClient<paths>({
  baseUrl: globalThis.location?.origin ?? '',
  // Looked up at each request, not once at start (component tests stand in a fetch of their own).
  fetch: (request) => globalThis.fetch(request),
});
api.use(auth);

/** Turns an openapi-fetch result into its data, or throws an {@link ApiError} with the API's body. */
export function unwrap<T>(result: { data?: T; error?: unknown; response: Response }): T {
  if (result.error !== undefined || !result.response.ok) {
    const body = (typeof result.error === 'object' && result.error !== null ? result.error : {}) as ApiErrorBody;
    throw new ApiError(result.response.status, { ...body, statusCode: result.response.status });
  }
  return result.data as T;
}

/** A fresh Idempotency-Key: one per attempt the user makes, so a corrected retry is a new request. */
export function newIdempotencyKey(): string {
  return crypto.randomUUID();
}
