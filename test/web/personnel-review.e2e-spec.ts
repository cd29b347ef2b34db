import { randomUUID } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { DEMO_PASSWORD } from '@cadreflow/api';
import { demoIds } from '@cadreflow/domain';
import { startFullStack, type FullStack, type HttpClient } from '../support/full-stack';
import { launchChromium, newUserPage, signIn, type UserPage } from './support/browser';
import { taskOf } from '../support/task-queue';

/** Where screenshots go when SCREENSHOTS_DIR is set (for a person to look at; never committed). */
const screenshotsDir = process.env.SCREENSHOTS_DIR;
const people = [demoIds.people.policeDirector, demoIds.people.financeDirector];

/** A dictionary key of these procedures shown raw, or an engine id shown instead of a name. */
const RAW = /\b(confidence|classification|grade|consequence|opinion|step|kind|event)\.[A-Za-z][\w-]*|\bperson\/bn-\d+/;

async function snap(page: Page, name: string): Promise<void> {
  if (screenshotsDir) await page.screenshot({ path: `${screenshotsDir}/${name}.png`, fullPage: true });
}

async function mainText(page: Page): Promise<string> {
  return page.evaluate<string>(`(() => {
    const clone = document.body.cloneNode(true);
    clone.querySelectorAll('[data-technical]').forEach((el) => el.remove());
    document.body.appendChild(clone);
    const text = clone.innerText;
    clone.remove();
    return text;
  })()`);
}

describe('the confidence vote in the browser (Vietnamese forms, real stack)', () => {
  let stack: FullStack;
  let browser: Browser;
  let committee: HttpClient;
  const pages: UserPage[] = [];

  beforeAll(async () => {
    stack = await startFullStack();
    browser = await launchChromium();
    committee = await stack.as('tochuc');
  });
  afterAll(async () => {
    for (const p of pages) await p.context.close();
    await browser?.close();
    await stack?.stop();
  });

  /** The task id of `stepId` once it stands in the queue of `client`'s user. */
  const taskId = async (client: HttpClient, procedureId: string, stepId: string): Promise<string> =>
    (await taskOf(client, procedureId, stepId)).taskId;

  it('the executive committee records the count on the task page; the Politburo takes the measure on the low result', async () => {
    const launched = await committee.post<{ procedureId: string }>(
      '/procedures',
      { kind: 'confidence-vote', organisationId: demoIds.province, candidateIds: people },
      { 'idempotency-key': randomUUID() },
    );
    expect(launched.status).toBe(201);
    const procedureId = launched.body.procedureId;

    const member = await newUserPage(browser, stack.baseUrl);
    pages.push(member);
    await signIn(member.page, 'phobithu', DEMO_PASSWORD);
    await member.page.goto(`/tasks/${await taskId(await stack.as('phobithu'), procedureId, 'vote')}`);
    const form = member.page.getByRole('form', { name: 'Kết quả lấy phiếu tín nhiệm' });
    await form.waitFor();
    await member.page.getByLabel('Số được triệu tập').fill('40');
    await member.page.getByLabel('Số có mặt').fill('38');
    const inputs = form.locator('input[aria-label^="Tín nhiệm"]');
    expect(await inputs.count()).toBe(6);
    // high, confidence, low for the first person, then for the second: the second gets 20 of 38 low (review).
    for (const [i, value] of ['30', '5', '3', '10', '8', '20'].entries()) await inputs.nth(i).fill(value);
    expect(await mainText(member.page)).not.toMatch(RAW);
    await snap(member.page, 'confidence-vote-count');
    await member.page.getByRole('button', { name: 'Ghi kết quả' }).click();
    await member.page.getByText(/Đã ghi quyết định \(sự kiện số/).waitFor();

    const politburo = await newUserPage(browser, stack.baseUrl);
    pages.push(politburo);
    await signIn(politburo.page, 'bochinhtri', DEMO_PASSWORD);
    const followUp = await taskId(await stack.as('bochinhtri'), procedureId, `follow-up/${people[1]}`);
    await politburo.page.goto(`/tasks/${followUp}`);
    await politburo.page.getByText('Tín nhiệm thấp trên 1/2: xem xét, có thể xin thôi giữ chức vụ').waitFor();
    expect(await mainText(politburo.page)).not.toMatch(RAW);
    await snap(politburo.page, 'confidence-vote-follow-up');
    await politburo.page.getByLabel('Không áp dụng biện pháp').check();
    await politburo.page.getByRole('button', { name: 'Ghi quyết định' }).click();
    await politburo.page.getByText('Cần ghi lý do khi không tán thành hoặc trả lại').waitFor();
    await politburo.page.getByLabel('Lý do').fill('Giữ chức vụ sau khi kiểm điểm');
    await politburo.page.getByRole('button', { name: 'Ghi quyết định' }).click();
    await politburo.page.getByText(/Đã ghi quyết định \(sự kiện số/).waitFor();
    expect([...member.pageErrors, ...politburo.pageErrors]).toEqual([]);
  });
});
