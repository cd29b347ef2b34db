import type { Browser, Page } from 'playwright-core';
import { DEMO_PASSWORD } from '@cadreflow/api';
import { startFullStack, type FullStack } from '../support/full-stack';
import { launchChromium, newUserPage, signIn, type UserPage } from './support/browser';

/** Where screenshots go when SCREENSHOTS_DIR is set (for a person to look at; never committed). */
const screenshotsDir = process.env.SCREENSHOTS_DIR;
let shot = 0;

async function snap(page: Page, name: string): Promise<void> {
  shot += 1;
  if (screenshotsDir) {
    await page.screenshot({
      path: `${screenshotsDir}/journey-${String(shot).padStart(2, '0')}-${name}.png`,
      fullPage: true,
    });
  }
}

/** Picks the first option a searchable select offers for `text`. */
async function pick(page: Page, label: string, text: string): Promise<void> {
  await page.getByLabel(label).click();
  await page.keyboard.type(text);
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: text }).first().click();
  await page.keyboard.press('Escape');
}

/**
 * The provincial congress journey in the browser alone, from a fresh stack (the demo users and the demo province
 * in the registry; no SQL, no API call outside the browser): the Organization Committee launches the procedure
 * from the form, the standing committee adopts the plan from its queue, the committee submits it, the Politburo
 * approves it, the introduction opens; the inspection committee replays the trail and verifies the whole log.
 */
describe('a provincial congress in the browser', () => {
  let stack: FullStack;
  let browser: Browser;
  const users: UserPage[] = [];
  let procedureUrl = '';

  async function as(username: string): Promise<Page> {
    const user = await newUserPage(browser, stack.baseUrl);
    users.push(user);
    // Each step waits on the workflow and the projection behind the page; a shared two-core host is slow at it.
    user.page.setDefaultTimeout(30_000);
    await signIn(user.page, username, DEMO_PASSWORD);
    return user.page;
  }

  /** Opens the task of `step` from the user's queue and records the approval. */
  async function approveFromQueue(page: Page, step: string, name: string, choice = 'Tán thành'): Promise<void> {
    await page.goto('/queue');
    const row = page.getByRole('row').filter({ hasText: step });
    await row.getByText('Đảng bộ tỉnh Bắc Ninh').waitFor();
    await snap(page, `${name}-queue`);
    await row.getByRole('button', { name: 'Xử lý' }).click();
    await page.getByRole('heading', { name: step }).waitFor();
    await page.locator('label.ant-radio-wrapper', { hasText: new RegExp(`^${choice}$`) }).click();
    await snap(page, `${name}-task`);
    await page.getByRole('button', { name: 'Ghi quyết định' }).click();
    await page.getByText(/Đã ghi quyết định/).waitFor();
    await snap(page, `${name}-decided`);
  }

  /**
   * Opens the meeting tally of `step` from the user's queue and records the meeting's figures with `votes` for each
   * person the form asks about (the people the member stands aside on are not in it).
   */
  async function tallyFromQueue(page: Page, step: string, name: string, votes = 25): Promise<void> {
    await page.goto('/queue');
    const row = page.getByRole('row').filter({ hasText: step });
    await row.getByText('Đảng bộ tỉnh Bắc Ninh').waitFor();
    await row.getByRole('button', { name: 'Xử lý' }).click();
    await page.getByRole('heading', { name: step }).waitFor();
    const figures: [string, number][] = [
      ['Số được triệu tập', 30],
      ['Số có mặt', 28],
      ['Số phiếu phát ra', 28],
      ['Số phiếu thu về', 28],
      ['Số phiếu hợp lệ', 28],
    ];
    for (const [label, value] of figures) await page.getByLabel(label, { exact: true }).fill(String(value));
    const people = page.getByLabel(/^Phiếu cho /);
    await people.first().waitFor();
    for (const input of await people.all()) await input.fill(String(votes));
    await snap(page, `${name}-task`);
    await page.getByRole('button', { name: 'Ghi kết quả' }).click();
    await page.getByText(/Đã ghi quyết định/).waitFor();
    await snap(page, `${name}-decided`);
  }

  /** Waits on the procedure page for `step` to be the open step. */
  async function expectOpen(step: RegExp, name: string): Promise<void> {
    const committee = await as('tochuc');
    await committee.goto(procedureUrl);
    await committee.getByText(step).first().waitFor();
    await snap(committee, name);
  }

  beforeAll(async () => {
    [stack, browser] = await Promise.all([startFullStack(), launchChromium()]);
  });
  afterAll(async () => {
    await Promise.all(users.map((u) => u.context.close()));
    await browser?.close();
    await stack?.stop();
  });
  afterEach(() => {
    for (const user of users) expect(user.pageErrors).toEqual([]);
  });

  it('the Organization Committee launches the congress from the form, with the registry', async () => {
    const page = await as('tochuc');
    await page.goto('/launch');
    await pick(page, 'Tổ chức đảng', 'Bắc Ninh');
    await page.getByLabel('Ngày đại hội').fill('15/06/2027');
    await page.keyboard.press('Enter');
    await page.getByLabel('Số ủy viên Ban Chấp hành cần bầu').fill('3');
    await page.getByLabel('Số ủy viên Ban Thường vụ').fill('1');
    for (const person of ['Lê Đức Trung', 'Nguyễn Văn Hùng', 'Trần', 'Phạm'])
      await pick(page, 'Danh sách nhân sự', person);
    await page.getByText('Đã chọn 4 người').waitFor();
    // The picker shows each person's date of birth as dd/mm/yyyy, the age beside it.
    // (the people's records load after the pick: wait for the fourth date, then count).
    const birthDates = page.getByRole('cell', { name: /^\d{2}\/\d{2}\/\d{4} \(\d+ tuổi\)$/ });
    await birthDates.nth(3).waitFor();
    await expect(birthDates.count()).resolves.toBe(4);
    await snap(page, 'launch-form');
    await page.getByRole('button', { name: 'Khởi tạo' }).click();
    await page.getByText('Đã khởi tạo quy trình.').waitFor();
    await page.getByRole('link', { name: 'Xem quy trình' }).click();
    await page.getByRole('heading', { name: 'Nhân sự đại hội — Đảng bộ tỉnh Bắc Ninh' }).waitFor();
    procedureUrl = new URL(page.url()).pathname;
    // The composite's first page: the running stage's open step and who must act.
    await page.getByText('Ban Thường vụ thông qua đề án nhân sự (bản 1)').waitFor();
    await expect(page.getByText('Ai phải làm: Ban Thường vụ').count()).resolves.toBeGreaterThan(0);
    await snap(page, 'procedure-launched');
  });

  it('the standing committee adopts the plan from its queue', async () => {
    const page = await as('phobithu');
    await approveFromQueue(page, 'Ban Thường vụ thông qua đề án nhân sự (bản 1)', 'adoption');
  });

  it('the Organization Committee submits the adopted plan from the plan stage', async () => {
    const page = await as('tochuc');
    await page.goto(procedureUrl);
    await page.getByRole('link', { name: 'Đề án nhân sự' }).first().click();
    await page.getByRole('button', { name: 'Trình cấp trên' }).click();
    await page.getByText('Đã trình đề án.').waitFor();
    await snap(page, 'plan-submitted');
  });

  it('the Politburo approves the plan, and the introduction opens', async () => {
    const page = await as('bochinhtri');
    await approveFromQueue(page, 'Cấp trên xem xét đề án nhân sự (lần trình 1)', 'review');
    const committee = await as('tochuc');
    await committee.goto(procedureUrl);
    await committee.getByText('Giai đoạn hiện tại: Giới thiệu nhân sự').waitFor();
    await snap(committee, 'introduction-open');
  });

  it('the standing committee approves the re-election list person by person, the first step of the introduction', async () => {
    // Per-item recusal: each member decides the people who concern neither them nor a relative; a second member
    // decides the rest, and the step closes when everyone on the list is decided.
    const step = 'Tái cử, bước 1: Ban Thường vụ xem xét, thông qua danh sách';
    await approveFromQueue(await as('phobithu'), step, 'introduction-1');
    await approveFromQueue(await as('phobithu2'), step, 'introduction-1-second-member');
    const committee = await as('tochuc');
    await committee.goto(procedureUrl);
    await committee
      .getByText(/^Tái cử, bước 2/)
      .first()
      .waitFor();
    await snap(committee, 'introduction-2-open');
  });

  for (const n of [2, 3, 4, 5]) {
    it(`the re-election track's step ${n} is tallied by secret ballot, in two parts by two members`, async () => {
      const step = `Tái cử, bước ${n}`;
      const member = await as('phobithu');
      await tallyFromQueue(member, step, `introduction-${n}`);
      // His own part done, the deputy secretary stands aside on himself: no form, and why.
      await member.getByText('Bạn đứng ngoài việc quyết định về').waitFor();
      await snap(member, `introduction-${n}-stood-aside`);
      await tallyFromQueue(await as('phobithu2'), step, `introduction-${n}-second-member`);
      await expectOpen(
        n < 5 ? new RegExp(`^Tái cử, bước ${n + 1}`) : /^Tham gia lần đầu, bước 1|^Giai đoạn hiện tại: Thẩm định/,
        `introduction-${n}-done`,
      );
    });
  }

  const candidates = ['Lê Đức Trung', 'Nguyễn Văn Hùng', 'Trần Quốc Quang'];

  it("vetting: the standing committee concludes each candidate's political standard, the deputy secretary's by another member", async () => {
    const member = await as('phobithu');
    for (const person of candidates.slice(1))
      await approveFromQueue(
        member,
        `Kết luận tiêu chuẩn chính trị — ${person}`,
        'vetting-political',
        'Đạt tiêu chuẩn',
      );
    await approveFromQueue(
      await as('phobithu2'),
      'Kết luận tiêu chuẩn chính trị — Lê Đức Trung',
      'vetting-political-second-member',
      'Đạt tiêu chuẩn',
    );
  });

  it('the inspection committee replays the trail stage by stage and verifies the whole log', async () => {
    const page = await as('ubkt');
    await page.goto(procedureUrl.replace('/procedures/', '/replay/'));
    await page.getByText(/Nguyên vẹn: đã kiểm \d+ sự kiện/).waitFor();
    await page.getByText('Giai đoạn Đề án nhân sự').waitFor();
    await page.getByRole('button', { name: 'Xem tình trạng tại đây' }).first().click();
    await page.getByText('Tình trạng sau sự kiện này').waitFor();
    await snap(page, 'replay-state');
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Kiểm tra toàn bộ sổ ghi' }).click();
    await page.getByText(/Toàn bộ sổ ghi nguyên vẹn/).waitFor();
    await snap(page, 'replay-verified');
  });
});
