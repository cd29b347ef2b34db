import type { Browser } from 'playwright-core';
import { DEMO_PASSWORD } from '@cadreflow/api';
import { DEFAULT_API_SECURITY } from '../../apps/api/src/api-settings';
import { startFullStack, type FullStack } from '../support/full-stack';
import { launchChromium, newUserPage, signIn } from './support/browser';

/** Access tokens that live 35 s: the app replaces one 30 s before it expires, so within seconds of signing in. */
const ACCESS_TOKEN_SECONDS = 35;

describe('web app sessions in Chromium: CSP, transparent refresh, live-stream ticket', () => {
  let stack: FullStack;
  let browser: Browser;

  beforeAll(async () => {
    [stack, browser] = await Promise.all([
      startFullStack({
        security: {
          ...DEFAULT_API_SECURITY,
          session: { ...DEFAULT_API_SECURITY.session, accessTokenSeconds: ACCESS_TOKEN_SECONDS },
        },
      }),
      launchChromium(),
    ]);
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  it('runs under the Content Security Policy, refreshes a short session unseen and opens the live queue with a ticket', async () => {
    const { context, page, pageErrors } = await newUserPage(browser, stack.baseUrl);
    const requests: string[] = [];
    page.on('request', (request) =>
      requests.push(`${request.method()} ${new URL(request.url()).pathname}${new URL(request.url()).search}`),
    );
    await signIn(page, 'phobithu', DEMO_PASSWORD);
    await page.goto('/queue');
    await page.waitForRequest((request) => request.url().includes('/tasks/events?ticket='));
    expect(requests).toContain('POST /tasks/events/ticket');
    expect(requests.some((r) => r.includes('access_token'))).toBe(false);

    // Past the refresh margin: the next request replaces the session first, and the user stays signed in.
    await page.waitForTimeout((ACCESS_TOKEN_SECONDS - 30 + 2) * 1000);
    const refreshed = page.waitForResponse((response) => response.url().endsWith('/auth/refresh'));
    await page.goto('/procedures');
    expect((await refreshed).status()).toBe(200);
    await page.getByRole('button', { name: 'Đăng xuất' }).waitFor();
    expect(await page.getByLabel('Mật khẩu').count()).toBe(0);
    expect(pageErrors).toEqual([]);
    await context.close();
  });
});
