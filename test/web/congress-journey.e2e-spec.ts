import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { DEMO_PASSWORD } from '@cadreflow/api';
import { startFullStack, type FullStack } from '../support/full-stack';
import { launchChromium, newUserPage, signIn, type UserPage } from './support/browser';
import { problemsOf } from './support/page-problems';

/** Where the screenshot of every step goes, for a person to look at (`test-results/` is never committed). */
const screenshotsDir = process.env.SCREENSHOTS_DIR ?? join(__dirname, '../../test-results/congress-journey');
let shot = 0;

/** What the screens of the journey showed that a Vietnamese page must not (checked at the end). */
const problems: string[] = [];

/** Checks the screen reads in Vietnamese with names, and saves its screenshot. */
async function snap(page: Page, name: string): Promise<void> {
  shot += 1;
  // A screen caught while a refetch after a decision is under way is looked at again once the network settles: what
  // counts is what stays on the screen.
  let found = await problemsOf(page);
  if (found.length > 0) {
    await page.waitForLoadState('networkidle');
    found = await problemsOf(page);
  }
  for (const problem of found) problems.push(`${name}: ${problem}`);
  await page.screenshot({
    path: join(screenshotsDir, `journey-${String(shot).padStart(3, '0')}-${name}.png`),
    fullPage: true,
  });
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
 * in the registry; no SQL, no API call outside the browser), from launch to ratification: the Organization
 * Committee launches the procedure from the form, the standing committee adopts the plan, the Politburo approves
 * it; the introduction's five steps; vetting (political standard, asset declaration filed and verified, the
 * inspection committee's and the party cells' opinions); consultation with the Politburo; the election (action
 * programmes, the list, two rounds, the next-round decision, ratification); then the inspection committee replays
 * the trail and verifies the whole log.
 */
describe('a provincial congress in the browser', () => {
  let stack: FullStack;
  let browser: Browser;
  const users: UserPage[] = [];
  let procedureUrl = '';

  const sessions = new Map<string, Page>();

  /** The signed-in page of a demo user (one browser context each, signed in once). */
  async function as(username: string): Promise<Page> {
    const open = sessions.get(username);
    if (open) return open;
    const user = await newUserPage(browser, stack.baseUrl);
    users.push(user);
    // Each step waits on the workflow and the projection behind the page; a shared two-core host is slow at it.
    user.page.setDefaultTimeout(30_000);
    await signIn(user.page, username, DEMO_PASSWORD);
    sessions.set(username, user.page);
    return user.page;
  }

  /** Opens the task of `step` from the user's queue. */
  async function openFromQueue(page: Page, step: string, name: string): Promise<void> {
    await page.goto('/queue');
    const row = page.getByRole('row').filter({ hasText: step });
    await row.getByText('Đảng bộ tỉnh Bắc Ninh').waitFor();
    await snap(page, `${name}-queue`);
    await row.getByRole('button', { name: 'Xử lý' }).click();
    await page.getByRole('heading', { name: step }).waitFor();
  }

  /** Opens the task of `step` from the user's queue and records the approval. */
  async function approveFromQueue(page: Page, step: string, name: string, choice = 'Tán thành'): Promise<void> {
    await openFromQueue(page, step, name);
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
    await openFromQueue(page, step, name);
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
    // Three seats and four names: the smallest committee the surplus rule allows (3 to 5 seats, one over at most).
    for (const person of ['Lê Đức Trung', 'Nguyễn Văn Hùng', 'Trần', 'Đỗ Thị Thủy'])
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

  const candidates = ['Lê Đức Trung', 'Nguyễn Văn Hùng', 'Trần Quốc Quang', 'Đỗ Thị Thủy'];

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

  it('vetting: the Organization Committee records each asset declaration, the inspection committee verifies it', async () => {
    const office = await as('tochuc');
    await office.goto(procedureUrl);
    await office.getByRole('link', { name: 'Thẩm định' }).first().click();
    await office.getByText('Kê khai tài sản, thu nhập của người ứng cử').waitFor();
    for (const [i, person] of candidates.entries()) {
      const row = office.getByRole('row').filter({ hasText: person });
      await row.getByLabel(`Số, ký hiệu bản kê khai — ${person}`).fill(`KK-${i + 1}/2026`);
      await row.getByRole('button', { name: 'Ghi nhận' }).click();
      await row.getByText(`Đã nộp: KK-${i + 1}/2026`).waitFor();
    }
    await snap(office, 'vetting-declarations-filed');
    const inspector = await as('ubkt');
    for (const person of candidates) {
      await openFromQueue(inspector, `Kê khai và xác minh tài sản, thu nhập — ${person}`, 'vetting-asset');
      await inspector
        .getByText(new RegExp(`^Bản kê khai của ${person}: KK-\\d/2026, nộp ngày \\d{2}/\\d{2}/\\d{4}\\.$`))
        .waitFor();
      await inspector.getByLabel('Kết luận xác minh').fill('Tài sản, thu nhập kê khai khớp với kết quả xác minh.');
      await snap(inspector, 'vetting-asset-task');
      await inspector.getByRole('button', { name: 'Ghi kết quả xác minh' }).click();
      await inspector.getByText(/Đã ghi quyết định/).waitFor();
    }
    await office.reload();
    await office.getByText('Đã xác minh: KK-4/2026').waitFor();
    await snap(office, 'vetting-declarations-verified');
  });

  it("vetting: the inspection committee's opinion and complaints check, and the two party cells' opinions", async () => {
    const inspector = await as('ubkt');
    const workplace = await as('chibocoquan');
    const residence = await as('chibocutru');
    for (const person of candidates) {
      await approveFromQueue(inspector, `Ý kiến Ủy ban Kiểm tra — ${person}`, 'vetting-inspection', 'Đạt tiêu chuẩn');
      await approveFromQueue(
        inspector,
        `Kiểm tra đơn thư khiếu nại, tố cáo — ${person}`,
        'vetting-complaints',
        'Đạt tiêu chuẩn',
      );
      await approveFromQueue(
        workplace,
        `Ý kiến cấp ủy nơi công tác — ${person}`,
        'vetting-workplace',
        'Đạt tiêu chuẩn',
      );
      await approveFromQueue(residence, `Ý kiến chi bộ nơi cư trú — ${person}`, 'vetting-residence', 'Đạt tiêu chuẩn');
    }
    await expectOpen(/^Giai đoạn hiện tại: Xin ý kiến cấp trên/, 'consultation-open');
  });

  it('consultation: the standing committee adopts the vetted list, the committee submits it, the Politburo approves', async () => {
    await approveFromQueue(
      await as('phobithu'),
      'Ban Thường vụ thông qua đề án nhân sự (bản 1)',
      'consultation-adoption',
    );
    const office = await as('tochuc');
    await office.goto(procedureUrl);
    await office.getByRole('link', { name: 'Xin ý kiến cấp trên' }).first().click();
    await office.getByRole('button', { name: 'Trình cấp trên' }).click();
    await office.getByText('Đã trình đề án.').waitFor();
    await snap(office, 'consultation-submitted');
    await approveFromQueue(
      await as('bochinhtri'),
      'Cấp trên xem xét đề án nhân sự (lần trình 1)',
      'consultation-review',
    );
    await expectOpen(/^Giai đoạn hiện tại: Bầu cử/, 'election-open');
  });

  it("election: the Organization Committee records each candidate's action programme, the presidium approves the list", async () => {
    const office = await as('tochuc');
    await office.goto(procedureUrl);
    await office.getByRole('link', { name: 'Bầu cử' }).first().click();
    await office.getByText('Chương trình hành động của người ứng cử').waitFor();
    for (const [i, person] of candidates.entries()) {
      const row = office.getByRole('row').filter({ hasText: person });
      await row.getByLabel('Số, ký hiệu văn bản').fill(`CTHĐ-${i + 1}/2027`);
      await row.getByRole('button', { name: 'Ghi nhận' }).click();
      await row.getByText(/^Đã nộp: CTHĐ-\d\/2027 \(\d{2}\/\d{2}\/\d{4}\)$/).waitFor();
    }
    await snap(office, 'election-action-programmes');
    await approveFromQueue(await as('kiemphieu'), 'Đoàn Chủ tịch chốt danh sách bầu cử', 'election-list');
  });

  /** Records a round from the counting board's form: 300 delegates convened, 290 present, and the votes given. */
  async function recordRound(round: number, votes: Record<string, number>, invalid = 0): Promise<Page> {
    const board = await as('kiemphieu');
    await openFromQueue(board, `Ban Kiểm phiếu ghi kết quả vòng bầu ${round}`, `election-round-${round}`);
    const fill = (label: string, value: number): Promise<void> =>
      board.getByLabel(label, { exact: true }).fill(String(value));
    await fill('Số đại biểu chính thức được triệu tập', 300);
    await fill('Số ủy viên cấp ủy triệu tập không phải đại biểu, vắng suốt thời gian đại hội', 0);
    await fill('Số đại biểu vắng suốt thời gian đại hội không có người thay', 0);
    await fill('Số có mặt', 290);
    await board.getByText('Cơ sở tính tỉ lệ: 300').waitFor();
    await fill('Số phiếu phát ra', 290);
    await fill('Số phiếu thu về', 290);
    await fill('Số phiếu hợp lệ', 290 - invalid);
    await fill('Để quá số người cần bầu', invalid);
    for (const [person, count] of Object.entries(votes)) await fill(`Phiếu cho ${person}`, count);
    await snap(board, `election-round-${round}-form`);
    await board.getByRole('button', { name: 'Ghi kết quả' }).click();
    await board.getByText(/Đã ghi quyết định/).waitFor();
    await snap(board, `election-round-${round}-recorded`);
    return board;
  }

  it('election round 1: two pass with more than half of the base, one seat is left, the congress votes again', async () => {
    const board = await recordRound(1, {
      'Lê Đức Trung': 250,
      'Nguyễn Văn Hùng': 240,
      'Trần Quốc Quang': 120,
      'Đỗ Thị Thủy': 100,
    });
    await board.getByText('Trúng cử: 2').waitFor();
    await board.getByText('Còn 1 chỗ').waitFor();
    await board.getByText('Không đủ số phiếu: Trần Quốc Quang (120), Đỗ Thị Thủy (100)').waitFor();
    await board.getByRole('cell', { name: '83,33%' }).waitFor();
    await openFromQueue(board, 'Đại hội quyết định bầu tiếp sau vòng 1', 'election-decision-1');
    // Everyone still running goes into the next round unless the presidium unticks them.
    await expect(board.getByRole('checkbox', { name: 'Trần Quốc Quang' }).isChecked()).resolves.toBe(true);
    await expect(board.getByRole('checkbox', { name: 'Đỗ Thị Thủy' }).isChecked()).resolves.toBe(true);
    await snap(board, 'election-decision-1-form');
    await board.getByRole('button', { name: 'Ghi quyết định' }).click();
    await board.getByText(/Đã ghi quyết định/).waitFor();
  });

  it('election round 2 fills the last seat, and the Politburo ratifies the result', async () => {
    const board = await recordRound(2, { 'Trần Quốc Quang': 200, 'Đỗ Thị Thủy': 85 }, 5);
    await board.getByRole('cell', { name: '66,67%' }).waitFor();
    await approveFromQueue(await as('bochinhtri'), 'Cấp trên công nhận kết quả bầu cử', 'election-ratification');
    const office = await as('tochuc');
    await office.goto(procedureUrl);
    await office.getByText('Đã bầu xong').waitFor();
    // The finished congress lists the elected with their votes and share of the base.
    const elected = office.getByRole('row').filter({ has: office.getByRole('cell', { name: '300', exact: true }) });
    await expect(elected.count()).resolves.toBe(3);
    for (const person of candidates.slice(0, 3)) await elected.filter({ hasText: person }).waitFor();
    await snap(office, 'congress-finished');
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

  it('showed every screen of the journey in Vietnamese: no raw key, no English word, no raw id, no unknown name', () => {
    expect(problems).toEqual([]);
  });
});
