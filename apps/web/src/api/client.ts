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
const REFRESH_KEY = 'cadreflow.refresh';

/** A session as sign-in and refresh answer it. */
export interface SessionTokens {
  accessToken: string;
  refreshToken: string;
}

/**
 * The session's tokens, shared by the browser's tabs so a link opened in a new tab needs no second sign-in: the
 * short-lived access token and the refresh token that replaces it (each refresh token is used once).
 */
export const tokenStore = {
  get: (): string | null => localStorage.getItem(TOKEN_KEY),
  refreshToken: (): string | null => localStorage.getItem(REFRESH_KEY),
  set: (session: SessionTokens): void => {
    localStorage.setItem(TOKEN_KEY, session.accessToken);
    localStorage.setItem(REFRESH_KEY, session.refreshToken);
  },
  clear: (): void => {
    localStorage.removeItem(TOKEN_KEY);
    localStorage.removeItem(REFRESH_KEY);
  },
};

/**
 * Called when the session has ended for good (refresh refused): the app sends the user to sign in, saying why when the
 * API said it (`REFRESH_TOKEN_REUSED`: a copy of the session was used elsewhere, so the API ended it;
 * `SESSION_REVOKED`; `REFRESH_TOKEN_INVALID`).
 */
let onUnauthorized: (code?: string) => void = () => undefined;
export function setUnauthorizedHandler(handler: (code?: string) => void): void {
  onUnauthorized = handler;
}

/** The `code` of a refused refresh, if its body has one. */
async function refusalCode(response: Response): Promise<string | undefined> {
  try {
    const body = (await response.json()) as { code?: unknown };
    return typeof body.code === 'string' ? body.code : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Runs `work` while no other tab of this browser refreshes (Web Locks, where the browser has them): the tabs share
 * one refresh token, and the API takes a spent one presented again for a stolen session and ends it.
 */
async function acrossTabs<T>(work: () => Promise<T>): Promise<T> {
  const locks = globalThis.navigator?.locks;
  return locks ? await locks.request('cadreflow.refresh', work) : await work();
}

/** Seconds before its expiry at which an access token is replaced rather than sent. */
const REFRESH_MARGIN_SECONDS = 30;

/** When an access token expires (seconds since the epoch), read from its payload; 0 when unreadable. */
export function expiryOf(token: string): number {
  try {
    const payload = token.split('.')[1] ?? '';
    const json = atob(payload.replace(/-/g, '+').replace(/_/g, '/'));
    const exp = (JSON.parse(json) as { exp?: unknown }).exp;
    return typeof exp === 'number' ? exp : 0;
  } catch {
    return 0;
  }
}

let refreshing: Promise<string | null> | null = null;

/**
 * Replaces the session with a new one from the refresh token; one refresh at a time, shared by every request
 * waiting for it (a refresh token is used once, so two refreshes would end the session). Null when refused.
 */
export function refreshSession(): Promise<string | null> {
  const seen = tokenStore.refreshToken();
  refreshing ??= acrossTabs(async () => {
    const refreshToken = tokenStore.refreshToken();
    if (!refreshToken) return null;
    // Another tab refreshed while this one waited for the lock: its new tokens are in the shared store.
    if (refreshToken !== seen) return tokenStore.get();
    try {
      const response = await globalThis.fetch(`${globalThis.location?.origin ?? ''}/auth/refresh`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify({ refreshToken }),
      });
      if (!response.ok) {
        // Another tab may have refreshed first (a browser without Web Locks): its new tokens are in the shared store.
        if (tokenStore.refreshToken() !== refreshToken) return tokenStore.get();
        const code = await refusalCode(response);
        tokenStore.clear();
        onUnauthorized(code);
        return null;
      }
      const session = (await response.json()) as SessionTokens;
      tokenStore.set(session);
      return session.accessToken;
    } catch {
      return tokenStore.get();
    }
  }).finally(() => {
    refreshing = null;
  });
  return refreshing;
}

/** The access token to send now: the stored one, or a new one when it is about to expire. */
export async function freshAccessToken(nowSeconds = Date.now() / 1000): Promise<string | null> {
  const token = tokenStore.get();
  if (!token) return null;
  if (expiryOf(token) - REFRESH_MARGIN_SECONDS > nowSeconds) return token;
  return refreshSession();
}

/** A copy of each request as sent, to send again once after a refresh (a body can be read only once). */
const retries = new WeakMap<Request, Request>();

const auth: Middleware = {
  async onRequest({ request }) {
    const token = await freshAccessToken();
    if (token) request.headers.set('Authorization', `Bearer ${token}`);
    // The API serves the app's page for page loads (Accept: text/html) of the same paths; this asks for data.
    request.headers.set('Accept', 'application/json');
    if (token) retries.set(request, request.clone());
    return request;
  },
  async onResponse({ response, request }) {
    if (response.status !== 401 || !request.headers.has('Authorization')) return response;
    if (/^\/auth\/(login|refresh|logout)$/.test(new URL(request.url).pathname)) return response;
    // The access token was refused before its time (revoked, or a clock apart): one refresh, one retry.
    const retry = retries.get(request);
    const token = await refreshSession();
    if (!token || !retry) {
      if (!token) onUnauthorized();
      return response;
    }
    retry.headers.set('Authorization', `Bearer ${token}`);
    return globalThis.fetch(retry);
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
