import { randomUUID } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { DEMO_PASSWORD } from '@cadreflow/api';
import { demoIds } from '@cadreflow/domain';
import { startFullStack, type FullStack, type HttpClient } from '../support/full-stack';
import { launchChromium, newUserPage, signIn, type UserPage } from './support/browser';
import { taskOf } from '../support/task-queue';

/** Where screenshots go when SCREENSHOTS_DIR is set (for a person to look at; never committed). */
const screenshotsDir = process.env.SCREENSHOTS_DIR;
/**
 * Fifteen members of the new committee (person/bn-03, Phạm Ngọc Hương, is a woman); the last, person/bn-30, is a
 * declared sibling of the first, person/bn-01.
 */
const members = [
  ...Array.from({ length: 14 }, (_, i) => `person/bn-${String(i + 1).padStart(2, '0')}`),
  'person/bn-30',
];

/** A dictionary key shown raw, or an engine id shown instead of a name. */
const RAW = /\b(office|firstSession|step|kind|event|launch|round|status|outcome)\.[A-Za-z][\w-]*|\bperson\/bn-\d+/;

async function snap(page: Page, name: string): Promise<void> {
  if (screenshotsDir) await page.screenshot({ path: `${screenshotsDir}/${name}.png`, fullPage: true });
}

async function pick(page: Page, label: string, text: string): Promise<void> {
  await page.getByLabel(label).click();
  await page.keyboard.type(text);
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: text }).first().click();
  await page.keyboard.press('Escape');
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

const count = (tallies: Record<string, number>) => ({
  kind: 'round-tally',
  attendance: { kind: 'all-members', officialMembers: 15, exempt: 0, suspended: 0, absentWithLeave: 0, present: 15 },
  ballots: {
    issued: 15,
    returned: 15,
    valid: 15,
    invalid: { 'not-issued-by-board': 0, 'too-many-names': 0, 'no-name-with-surplus': 0, 'name-off-list': 0 },
  },
  tallies,
});

/** The row of the results by office that names this office (its label cell, exactly). */
function officeRow(page: Page, office: string) {
  return page.locator('th').filter({ hasText: new RegExp(`^${office}$`) });
}

describe('the first session of a new executive committee in the browser (Vietnamese forms, real stack)', () => {
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
  const userPage = async (username: string): Promise<Page> => {
    const user = await newUserPage(browser, stack.baseUrl);
    pages.push(user);
    await signIn(user.page, username, DEMO_PASSWORD);
    return user.page;
  };

  it('the Organization Committee launches it from the form: the session day, the seats, the members by name', async () => {
    const page = await userPage('tochuc');
    await page.goto('/launch');
    // The kinds' list is virtual (the last ones are not rendered until reached): the keyboard walks down to it.
    await page.getByLabel('Loại quy trình').click();
    for (let n = 0; n < 9; n++) await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.getByLabel('Ngày họp').waitFor();
    await pick(page, 'Tổ chức đảng', 'Bắc Ninh');
    await page.getByLabel('Ngày họp').fill('17/12/2026');
    await page.keyboard.press('Enter');
    await page.getByLabel('Số ủy viên Ban Thường vụ').fill('2');
    await page.getByLabel('Số Phó Bí thư').fill('0');
    await page.getByLabel('Số ủy viên Ủy ban Kiểm tra').fill('1');
    for (const person of ['Lê Đức Trung', 'Nguyễn Văn Hùng', 'Phạm Ngọc Hương', 'Hoàng Hữu Hải'])
      await pick(page, 'Ủy viên Ban Chấp hành khóa mới', person);
    await page.getByText('Đã chọn 4 người').waitFor();
    expect(await mainText(page)).not.toMatch(RAW);
    await snap(page, 'first-session-launch');
    await page.getByRole('button', { name: 'Khởi tạo' }).click();
    await page.getByText('Đã khởi tạo quy trình.').waitFor();
  });

  it('the executive committee ticks the list by name, the counting board counts the round, the Politburo ratifies', async () => {
    const launched = await committee.post<{ procedureId: string }>(
      '/procedures',
      {
        kind: 'first-session',
        organisationId: demoIds.province,
        sessionDate: '2025-10-17',
        standingCommitteeSeats: 5,
        deputySecretaries: 1,
        inspectionCommitteeSeats: 3,
        candidateIds: members,
      },
      { 'idempotency-key': randomUUID() },
    );
    expect(launched.status).toBe(201);
    const procedureId = launched.body.procedureId;
    const [member, counter, politburo] = await Promise.all(
      ['phobithu', 'kiemphieu', 'bochinhtri'].map((u) => stack.as(u)),
    );

    // The executive committee proposes the standing committee's list: six of the fifteen, ticked by name.
    const memberPage = await userPage('phobithu');
    await memberPage.goto(`/tasks/${await taskId(member, procedureId, 'list-1')}`);
    const list = memberPage.getByRole('form', { name: 'Giới thiệu danh sách bầu' });
    await list.waitFor();
    await memberPage.getByText('Ban Thường vụ — Số chỗ cần bầu: 5').waitFor();
    await memberPage.getByLabel('Phạm Ngọc Hương').waitFor();
    const boxes = list.locator('input[type="checkbox"]');
    await expect(boxes.count()).resolves.toBe(15);
    // Siblings on one standing committee's list (QĐ 205/114): refused, both named, nothing recorded.
    for (const i of [0, 1, 2, 3, 4, 14]) await boxes.nth(i).check();
    await memberPage.getByRole('button', { name: 'Ghi quyết định' }).click();
    const nameOf = async (id: string): Promise<string> =>
      (await committee.get<{ fullName: string }>(`/registry/people/${encodeURIComponent(id)}`)).body.fullName;
    const refusal = memberPage.getByRole('alert').filter({ hasText: 'Không giới thiệu được' });
    await refusal.waitFor();
    // Both by name (told apart from their namesakes by birth date), never by id.
    const refused = await refusal.innerText();
    expect(refused).toMatch(/^Không giới thiệu được .+: là người thân \(vợ, chồng, .+\) của .+, sẽ cùng giữ chức vụ/);
    for (const id of [members[0], members[14]]) expect(refused).toContain(await nameOf(id));
    expect(refused).not.toMatch(RAW);
    await snap(memberPage, 'first-session-list-relatives');
    await boxes.nth(14).uncheck();
    await boxes.nth(5).check();
    expect(await mainText(memberPage)).not.toMatch(RAW);
    await snap(memberPage, 'first-session-list');
    await memberPage.getByRole('button', { name: 'Ghi quyết định' }).click();
    await memberPage.getByText(/Đã ghi quyết định \(sự kiện số/).waitFor();

    // The counting board records the round as a meeting of all the committee's members.
    const counterPage = await userPage('kiemphieu');
    await counterPage.goto(`/tasks/${await taskId(counter, procedureId, 'round-2')}`);
    // Step round-2 of the session is the standing committee's first round: numbered within the office.
    await counterPage.getByRole('form', { name: 'Kết quả vòng bầu 1' }).waitFor();
    await counterPage
      .getByRole('heading', { name: 'Ban Kiểm phiếu ghi kết quả bầu Ủy viên Ban Thường vụ (vòng 1)', exact: true })
      .waitFor();
    await counterPage.getByText('Ban Thường vụ: số chỗ cần bầu 5').waitFor();
    for (const [label, value] of [
      ['Số ủy viên Ban Chấp hành', '15'],
      ['Số ủy viên được miễn sinh hoạt', '0'],
      ['Số ủy viên đang bị đình chỉ sinh hoạt', '0'],
      ['Số ủy viên vắng có lý do', '0'],
      ['Số ủy viên có mặt', '15'],
      ['Số phiếu phát ra', '15'],
      ['Số phiếu thu về', '15'],
      ['Số phiếu hợp lệ', '15'],
    ]) {
      await counterPage.getByLabel(label, { exact: true }).fill(value);
    }
    const votes = counterPage.locator('input[aria-label^="Phiếu cho"]');
    await expect(votes.count()).resolves.toBe(6);
    for (const [i, value] of ['14', '13', '12', '9', '8', '3'].entries()) await votes.nth(i).fill(value);
    expect(await mainText(counterPage)).not.toMatch(RAW);
    await snap(counterPage, 'first-session-round');
    await counterPage.getByRole('button', { name: 'Ghi kết quả' }).click();
    await counterPage.getByText(/Đã ghi quyết định \(sự kiện số/).waitFor();

    // The other offices from the queues over HTTP.
    const [a, b, , , , , g, h, i] = members;
    const k = members[10];
    const decide = async (client: HttpClient, stepId: string, body: object): Promise<void> => {
      const response = await client.post(`/tasks/${await taskId(client, procedureId, stepId)}/decision`, body, {
        'idempotency-key': randomUUID(),
      });
      expect(response.status).toBe(200);
    };
    await decide(member, 'list-3', { kind: 'nomination', candidateIds: [a] });
    // The secretary's first round is round 1 of that office, in the queue and on its page (round-4 of the session).
    await counterPage.goto('/queue');
    await counterPage
      .getByRole('link', { name: 'Ban Kiểm phiếu ghi kết quả bầu Bí thư (vòng 1)', exact: true })
      .click();
    await counterPage.getByRole('form', { name: 'Kết quả vòng bầu 1' }).waitFor();
    await counterPage
      .getByRole('heading', { name: 'Ban Kiểm phiếu ghi kết quả bầu Bí thư (vòng 1)', exact: true })
      .waitFor();
    await decide(counter, 'round-4', count({ [a]: 15 }));
    await decide(member, 'list-5', { kind: 'nomination', candidateIds: [b] });
    await decide(counter, 'round-6', count({ [b]: 14 }));
    await decide(member, 'list-7', { kind: 'nomination', candidateIds: [g, h, i, k] });
    await decide(counter, 'round-8', count({ [g]: 15, [h]: 14, [i]: 13, [k]: 2 }));
    await decide(member, 'list-9', { kind: 'nomination', candidateIds: [g] });
    await decide(counter, 'round-10', count({ [g]: 15 }));

    // The Politburo ratifies (chuẩn y) from its task page: approve or return, no rejection offered.
    const politburoPage = await userPage('bochinhtri');
    await politburoPage.goto(`/tasks/${await taskId(politburo, procedureId, 'ratification')}`);
    await politburoPage.getByLabel('Tán thành').waitFor();
    await politburoPage.getByRole('heading', { name: 'Cấp trên chuẩn y kết quả phiên họp thứ nhất' }).waitFor();
    // Each elected member by name under the office they were elected to.
    await politburoPage.getByText('Những người trúng cử theo chức danh').waitFor();
    await officeRow(politburoPage, 'Chủ nhiệm Ủy ban Kiểm tra').waitFor();
    await expect(politburoPage.getByLabel('Không tán thành').count()).resolves.toBe(0);
    expect(await mainText(politburoPage)).not.toMatch(RAW);
    await snap(politburoPage, 'first-session-ratification');
    await politburoPage.getByLabel('Tán thành').check();
    await politburoPage.getByRole('button', { name: 'Ghi quyết định' }).click();
    await politburoPage.getByText(/Đã ghi quyết định \(sự kiện số/).waitFor();

    // The Organization Committee sees the procedure ratified, in Vietnamese.
    const officePage = await userPage('tochuc');
    await officePage.goto(`/procedures/${encodeURIComponent(procedureId)}`);
    await officePage.getByText('Cấp trên đã chuẩn y kết quả phiên họp thứ nhất').first().waitFor();
    await officePage.getByText('Những người trúng cử theo chức danh').waitFor();
    for (const office of ['Ban Thường vụ', 'Bí thư', 'Phó Bí thư', 'Ủy ban Kiểm tra', 'Chủ nhiệm Ủy ban Kiểm tra']) {
      await officeRow(officePage, office).waitFor();
    }
    expect(await mainText(officePage)).not.toMatch(RAW);
    await snap(officePage, 'first-session-ratified');
    const errors = pages.flatMap((p) => p.pageErrors);
    expect(errors).toEqual([]);
  });
});
