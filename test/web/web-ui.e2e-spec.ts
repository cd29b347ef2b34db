import type { Browser, Page } from 'playwright-core';
import { DEMO_PASSWORD, demoUsers } from '@cadreflow/api';
import { startFullStack, type FullStack } from '../support/full-stack';
import { launchChromium, newUserPage, signIn } from './support/browser';
import { problemsOf } from './support/page-problems';

/** Where screenshots go when SCREENSHOTS_DIR is set (for a person to look at; never committed). */
const screenshotsDir = process.env.SCREENSHOTS_DIR;

async function snap(page: Page, name: string): Promise<void> {
  if (screenshotsDir) await page.screenshot({ path: `${screenshotsDir}/${name}.png`, fullPage: true });
}

describe('web app in Chromium against the full stack', () => {
  let stack: FullStack;
  let browser: Browser;

  beforeAll(async () => {
    [stack, browser] = await Promise.all([startFullStack(), launchChromium()]);
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  it('serves the built app at / and for page loads of its routes, while the API and its docs keep their paths', async () => {
    const root = await fetch(`${stack.baseUrl}/`);
    expect(root.status).toBe(200);
    expect(await root.text()).toContain('<div id="root">');
    const deepLink = await fetch(`${stack.baseUrl}/procedures/proc-1`, { headers: { Accept: 'text/html' } });
    expect(deepLink.status).toBe(200);
    expect(await deepLink.text()).toContain('<div id="root">');
    const data = await fetch(`${stack.baseUrl}/procedures/proc-1`, { headers: { Accept: 'application/json' } });
    expect(data.status).toBe(401);
    expect((await fetch(`${stack.baseUrl}/health`)).status).toBe(200);
    expect((await fetch(`${stack.baseUrl}/docs`, { headers: { Accept: 'text/html' } })).status).toBe(200);
    expect((await fetch(`${stack.baseUrl}/tasks`)).status).toBe(401);
  });

  it('refuses a wrong password in Vietnamese and keeps a deep link through the sign-in, also in a new tab', async () => {
    const { context, page, pageErrors } = await newUserPage(browser, stack.baseUrl);
    await page.goto('/progress');
    await page.getByRole('heading', { name: 'Đăng nhập' }).waitFor();
    await page.getByLabel('Tên đăng nhập').fill('tochuc');
    await page.getByLabel('Mật khẩu').fill('not-the-password');
    await page.getByLabel('Mật khẩu').press('Enter');
    await page.getByRole('alert').getByText('Sai tên đăng nhập hoặc mật khẩu.').waitFor();
    await snap(page, 'login-refused');
    await page.getByLabel('Mật khẩu').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByRole('heading', { name: 'Tiến độ' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/progress');
    const tab = await context.newPage();
    await tab.goto(`${stack.baseUrl}/procedures`);
    await tab.getByRole('heading', { name: 'Quy trình' }).waitFor();
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it('walks every page as every demo user in Vietnamese: no raw key, no English word, no raw id, no JSON box', async () => {
    const pages = ['/queue', '/procedures', '/launch', '/progress', '/replay', '/registry'];
    const found: string[] = [];
    for (const user of demoUsers) {
      const { context, page, pageErrors } = await newUserPage(browser, stack.baseUrl);
      await signIn(page, user.username, DEMO_PASSWORD);
      for (const path of pages) {
        await page.goto(path);
        await page.locator('h2').first().waitFor();
        await page.waitForLoadState('networkidle');
        for (const problem of await problemsOf(page)) found.push(`${user.username} ${path}: ${problem}`);
        await snap(page, `walk-${user.username}${path.replace(/\//g, '-')}`);
      }
      found.push(...pageErrors.map((e) => `${user.username}: script error ${e}`));
      await context.close();
    }
    expect(found).toEqual([]);
    // Every demo user by six pages, each loaded afresh and waiting for the network to settle: minutes under load.
  }, 400_000);
});
