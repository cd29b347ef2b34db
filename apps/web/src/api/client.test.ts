import { afterEach, describe, expect, it, vi } from 'vitest';
import { api, freshAccessToken, setUnauthorizedHandler, tokenStore } from './client';

/** A token whose payload expires at `exp` (the client reads it; the signature is the API's business). */
const tokenExpiringAt = (exp: number, name = 'a'): string =>
  `h.${btoa(JSON.stringify({ exp, name })).replace(/=+$/, '')}.s`;
const now = (): number => Math.floor(Date.now() / 1000);

describe('session refresh', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    tokenStore.clear();
  });

  it('sends the stored access token while it is fresh, and refreshes it once, for all waiting requests, near its expiry', async () => {
    const fresh = tokenExpiringAt(now() + 600);
    tokenStore.set({ accessToken: fresh, refreshToken: 'r-1' });
    expect(await freshAccessToken()).toBe(fresh);

    const renewed = tokenExpiringAt(now() + 900, 'b');
    const fetch = vi.fn(() =>
      Promise.resolve(new Response(JSON.stringify({ accessToken: renewed, refreshToken: 'r-2' }), { status: 200 })),
    );
    vi.stubGlobal('fetch', fetch);
    tokenStore.set({ accessToken: tokenExpiringAt(now() + 5), refreshToken: 'r-1' });
    const [first, second] = await Promise.all([freshAccessToken(), freshAccessToken()]);
    expect([first, second]).toEqual([renewed, renewed]);
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(tokenStore.refreshToken()).toBe('r-2');
  });

  it('retries a request refused 401 once with a refreshed token, and signs out when the refresh is refused', async () => {
    tokenStore.set({ accessToken: tokenExpiringAt(now() + 600), refreshToken: 'r-1' });
    const renewed = tokenExpiringAt(now() + 900, 'b');
    const seen: string[] = [];
    vi.stubGlobal(
      'fetch',
      vi.fn((input: Request | string) => {
        const request = typeof input === 'string' ? new Request(new URL(input, 'http://localhost')) : input;
        const path = new URL(request.url).pathname;
        seen.push(`${path} ${request.headers.get('Authorization') ?? ''}`.trim());
        if (path === '/auth/refresh') {
          return Promise.resolve(new Response(JSON.stringify({ accessToken: renewed, refreshToken: 'r-2' })));
        }
        const ok = request.headers.get('Authorization') === `Bearer ${renewed}`;
        return Promise.resolve(
          new Response(JSON.stringify(ok ? { userId: 'user/tochuc' } : { code: 'UNAUTHENTICATED' }), {
            status: ok ? 200 : 401,
            headers: { 'Content-Type': 'application/json' },
          }),
        );
      }),
    );
    const answer = await api.GET('/auth/me');
    expect(answer.response.status).toBe(200);
    expect(seen).toEqual([expect.stringMatching(/^\/auth\/me Bearer /), '/auth/refresh', `/auth/me Bearer ${renewed}`]);

    const signedOut = vi.fn();
    setUnauthorizedHandler(signedOut);
    tokenStore.set({ accessToken: tokenExpiringAt(now() + 5), refreshToken: 'r-old' });
    vi.stubGlobal(
      'fetch',
      vi.fn(() => Promise.resolve(new Response('{}', { status: 401 }))),
    );
    expect(await freshAccessToken()).toBeNull();
    expect(signedOut).toHaveBeenCalled();
    expect(tokenStore.get()).toBeNull();
  });
});
