// The API client: JSON over HTTP with the signed-in user's token, errors as ApiError carrying the API's message.

const TOKEN_KEY = 'cadreflow.token';

/** An error answer of the API, `{statusCode, message, code}`: `message` is meant for the person using the UI. */
export class ApiError extends Error {
  constructor(/** @type {number} */ status, /** @type {string} */ message, /** @type {string|undefined} */ code) {
    super(message);
    this.name = 'ApiError';
    /** @readonly */ this.status = status;
    /** @readonly */ this.code = code;
  }
}

/** The stored access token, if signed in. */
export function token() {
  return sessionStorage.getItem(TOKEN_KEY);
}

/** Signs in and stores the token. */
export async function login(/** @type {string} */ username, /** @type {string} */ password) {
  const answer = await request('POST', '/auth/login', { username, password });
  sessionStorage.setItem(TOKEN_KEY, answer.accessToken);
  return answer;
}

/** Forgets the token. */
export function logout() {
  sessionStorage.removeItem(TOKEN_KEY);
}

/** A fresh key for a request that must not run twice (decisions, launches). */
export function idempotencyKey() {
  return crypto.randomUUID();
}

/** Listeners called when the API says the token is no longer valid. */
export const onUnauthorized = /** @type {Set<() => void>} */ (new Set());

/**
 * Sends a request and returns the parsed JSON answer; throws {@link ApiError} with the API's message on a 4xx/5xx.
 * @param {string} method
 * @param {string} path
 * @param {unknown} [body]
 * @param {Record<string, string>} [headers]
 */
export async function request(method, path, body, headers = {}) {
  const bearer = token();
  let response;
  try {
    response = await fetch(path, {
      method,
      headers: {
        accept: 'application/json',
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(bearer ? { authorization: `Bearer ${bearer}` } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (error) {
    throw new ApiError(0, error instanceof Error ? error.message : String(error), 'NETWORK');
  }
  const text = await response.text();
  let parsed;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    parsed = text;
  }
  if (!response.ok) {
    const message =
      parsed && typeof parsed === 'object' && typeof parsed.message === 'string'
        ? parsed.message
        : `${response.status} ${response.statusText}`;
    const code = parsed && typeof parsed === 'object' ? parsed.code : undefined;
    if (response.status === 401 && path !== '/auth/login') for (const listener of onUnauthorized) listener();
    throw new ApiError(response.status, message, code);
  }
  return parsed;
}

export const get = (/** @type {string} */ path) => request('GET', path);
export const post = (
  /** @type {string} */ path,
  /** @type {unknown} */ body = {},
  /** @type {Record<string,string>} */ headers = {},
) => request('POST', path, body, headers);

/** Builds `path?k=v` from the defined, non-empty entries of `query`. */
export function withQuery(/** @type {string} */ path, /** @type {Record<string, unknown>} */ query) {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '' && value !== false) params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}
