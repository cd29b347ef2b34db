import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { DEMO_PASSWORD } from '@cadreflow/api';
import { demoIds } from '@cadreflow/domain';
import { startFullStack, type FullStack } from '../support/full-stack';
import { launchChromium, newUserPage, signIn } from './support/browser';
import { problemsOf } from './support/page-problems';

/** Where the screenshots go, for a person to look at (`test-results/` is never committed). */
const screenshotsDir = process.env.SCREENSHOTS_DIR ?? join(__dirname, '../../test-results/dossier-access-log');

/** The spouse of `bn12`, a candidate of the demo province's plan. */
const SPOUSE = 'person/bn-40';

async function snap(page: Page, name: string): Promise<string[]> {
  await page.waitForLoadState('networkidle');
  await page.screenshot({ path: join(screenshotsDir, `${name}.png`), fullPage: true });
  return (await problemsOf(page)).map((problem) => `${name}: ${problem}`);
}

/**
 * The dossier access log in Chromium against the full stack: `bn12`, a standing committee member deciding the plan,
 * is refused his spouse's file from the task page; the inspection committee then finds that refusal, by names and
 * with its reason in Vietnamese, on the access log page, filtered to refusals.
 */
describe('dossier access log in the browser', () => {
  let stack: FullStack;
  let browser: Browser;

  beforeAll(async () => {
    mkdirSync(screenshotsDir, { recursive: true });
    [stack, browser] = await Promise.all([startFullStack(), launchChromium()]);
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  it('shows bn12 refused his spouse’s file, and the inspection committee that refusal by name', async () => {
    const clerk = await stack.as('tochuc');
    // Step 1 of the introduction, decided by the standing committee, reviews each candidate: bn12's spouse.
    const launched = await clerk.post<{ procedureId: string }>(
      '/procedures',
      {
        kind: 'introduction',
        organisationId: demoIds.province,
        launchDate: '2025-03-03',
        congressDate: '2025-10-15',
        candidateIds: [SPOUSE],
      },
      { 'idempotency-key': randomUUID() },
    );
    expect(launched.status).toBe(201);
    const bn12Api = await stack.as('bn12');
    const deciders = await stack.as('phobithu');
    let taskId: string | undefined;
    for (let i = 0; i < 100 && !taskId; i++) {
      const tasks = await deciders.get<{ items: { taskId: string; procedureId: string }[] }>('/tasks?pageSize=200');
      taskId = tasks.body.items.find((t) => t.procedureId === launched.body.procedureId)?.taskId;
      if (!taskId) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(taskId).toBeDefined();
    const spouseName = (await clerk.get<{ fullName: string }>(`/registry/people/${encodeURIComponent(SPOUSE)}`)).body
      .fullName;
    const bn12Name = (await bn12Api.get<{ displayName: string; personName: string }>('/auth/me')).body.personName;
    const problems: string[] = [];

    const bn12 = await newUserPage(browser, stack.baseUrl);
    await signIn(bn12.page, 'bn12', DEMO_PASSWORD);
    await bn12.page.goto(`/tasks/${encodeURIComponent(taskId ?? '')}`);
    await bn12.page.locator('h2').first().waitFor();
    problems.push(...(await snap(bn12.page, '0-bn12-task')));
    const row = bn12.page.getByRole('row').filter({ hasText: spouseName });
    await row.getByRole('button', { name: 'Xem hồ sơ' }).click();
    await bn12.page
      .getByRole('dialog')
      .getByText(`Bạn không được xem hồ sơ của người thân (${spouseName}). Lần từ chối này đã được ghi lại.`)
      .waitFor();
    problems.push(...(await snap(bn12.page, '1-bn12-refused-spouse-file')));
    expect(bn12.pageErrors).toEqual([]);
    await bn12.context.close();

    // Another standing member reads the same file through the same step: the log holds a read beside the refusal.
    const read = await deciders.get(
      `/procedures/${encodeURIComponent(launched.body.procedureId)}/dossiers/${encodeURIComponent(SPOUSE)}?purpose=${encodeURIComponent('Xem xét trước khi thông qua')}`,
    );
    expect(read.status).toBe(200);

    const ubkt = await newUserPage(browser, stack.baseUrl);
    await signIn(ubkt.page, 'ubkt', DEMO_PASSWORD);
    await ubkt.page.getByRole('menuitem', { name: 'Nhật ký hồ sơ' }).click();
    await ubkt.page.getByRole('heading', { name: 'Nhật ký xem hồ sơ nhân sự' }).waitFor();
    const refusal = ubkt.page.getByRole('row').filter({ hasText: bn12Name }).filter({ hasText: spouseName });
    await refusal.getByText('Hồ sơ của người thân').waitFor();
    const rows = ubkt.page.locator('.ant-table-tbody tr.ant-table-row');
    await ubkt.page.getByText('Đã xem', { exact: true }).waitFor();
    expect(await rows.count()).toBe(2);
    problems.push(...(await snap(ubkt.page, '2-ubkt-access-log')));

    await ubkt.page.getByLabel('Kết quả').click();
    await ubkt.page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: 'Bị từ chối' }).click();
    await ubkt.page.keyboard.press('Escape');
    await ubkt.page.locator('.ant-table-tbody').getByText('Đã xem', { exact: true }).waitFor({ state: 'detached' });
    expect(await rows.count()).toBe(1);
    const text = (await rows.first().innerText()).replace(/\s+/g, ' ');
    expect(text).toContain(bn12Name);
    expect(text).toContain(spouseName);
    expect(text).toContain('Bị từ chối');
    expect(text).toContain('Hồ sơ của người thân');
    expect(text).toMatch(/\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}/);
    expect(text).not.toMatch(/person\/|DOSSIER_/);
    problems.push(...(await snap(ubkt.page, '3-ubkt-access-log-refusals')));
    expect(problems).toEqual([]);
    expect(ubkt.pageErrors).toEqual([]);
    await ubkt.context.close();
  }, 240_000);
});
