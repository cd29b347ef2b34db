import type { Browser, Page } from 'playwright-core';
import { DEMO_PASSWORD } from '@cadreflow/api';
import { startFullStack, type FullStack } from '../support/full-stack';
import { launchChromium, newUserPage, signIn } from './support/browser';

/** Where screenshots go when SCREENSHOTS_DIR is set (for a person to look at; never committed). */
const screenshotsDir = process.env.SCREENSHOTS_DIR;

/** The launch data of Bắc Ninh's personnel plan, as the UI's example fills it in. */
const personnelPlanInput = {
  data: {
    organisationId: 'org/bac-ninh',
    standingCommitteeId: 'body/bn-btv',
    higherBodyId: 'body/politburo',
    higherRole: 'politburo',
    plan: {
      executiveCommitteeSeats: 48,
      standingCommitteeSeats: 15,
      deputySecretaries: 3,
      candidateIds: [
        ...Array.from({ length: 48 }, (_, i) => `person/bn-${String(i + 1).padStart(2, '0')}`),
        ...Array.from({ length: 5 }, (_, i) => `person/new-${String(i + 1).padStart(2, '0')}`),
      ],
      standards: ['Standards of QĐ 214'],
    },
  },
};

async function snap(page: Page, name: string): Promise<void> {
  if (screenshotsDir) await page.screenshot({ path: `${screenshotsDir}/${name}.png`, fullPage: true });
}

describe('web UI in Chromium against the full stack', () => {
  let stack: FullStack;
  let browser: Browser;
  let procedureId = '';

  beforeAll(async () => {
    [stack, browser] = await Promise.all([startFullStack(), launchChromium()]);
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  it('serves the UI at / while the API and its docs keep their paths', async () => {
    const root = await fetch(`${stack.baseUrl}/`);
    expect(root.status).toBe(200);
    expect(await root.text()).toContain('<main id="main"');
    expect((await fetch(`${stack.baseUrl}/health`)).status).toBe(200);
    expect((await fetch(`${stack.baseUrl}/docs`)).status).toBe(200);
    expect((await fetch(`${stack.baseUrl}/tasks`)).status).toBe(401);
  });

  it('shows the API message when a sign-in fails (submitted from the keyboard)', async () => {
    const { context, page } = await newUserPage(browser, stack.baseUrl);
    await page.goto('/');
    await page.getByLabel('Tên đăng nhập').fill('tochuc');
    await page.getByLabel('Mật khẩu').fill('not-the-password');
    await page.getByLabel('Mật khẩu').press('Enter');
    await page.getByRole('alert').getByText('Wrong username or password.').waitFor();
    await snap(page, 'login');
    await context.close();
  });

  it('has every UI string in both languages', async () => {
    const { context, page } = await newUserPage(browser, stack.baseUrl);
    await page.goto('/');
    // A string, so the test compiler does not rewrite the browser's dynamic import.
    const keys = await page.evaluate<{ vi: string[]; en: string[] }>(
      'import("/js/i18n.js").then((m) => m.dictionaryKeys)',
    );
    expect(keys.vi.length).toBeGreaterThan(100);
    expect([...keys.en].sort()).toEqual([...keys.vi].sort());
    await context.close();
  });

  it('launches a personnel plan; the approver sees it arrive live, a wrong decision shows the API message, claims and approves; the plan is submitted and the Politburo returns it', async () => {
    const approver = await newUserPage(browser, stack.baseUrl);
    await signIn(approver.page, 'phobithu', DEMO_PASSWORD);
    await approver.page.getByRole('heading', { name: 'Việc của tôi' }).waitFor();
    await approver.page.getByText('Không có việc nào đang chờ bạn.').waitFor();
    await approver.page.getByText('Cập nhật trực tiếp').waitFor();

    const launcher = await newUserPage(browser, stack.baseUrl);
    await signIn(launcher.page, 'tochuc', DEMO_PASSWORD);
    await launcher.page.getByRole('link', { name: 'Khởi tạo' }).click();
    await launcher.page.getByRole('heading', { name: 'Khởi tạo quy trình' }).waitFor();

    // A wrong launch: the API names the problem.
    await launcher.page.getByLabel('Tổ chức đảng').fill('org/nowhere');
    await launcher.page.getByRole('button', { name: 'Khởi tạo', exact: true }).click();
    await launcher.page.getByRole('alert').getByText('Unknown body "org/nowhere".').waitFor();

    await launcher.page.getByRole('button', { name: 'Điền dữ liệu mẫu' }).click();
    expect(await launcher.page.getByLabel('Tổ chức đảng').inputValue()).toBe('org/bac-ninh');
    expect(await launcher.page.getByLabel('Dữ liệu khởi tạo (JSON)').inputValue()).toContain(
      '"higherRole": "politburo"',
    );
    await snap(launcher.page, 'launch');
    await launcher.page.getByRole('button', { name: 'Khởi tạo', exact: true }).click();
    const launched = launcher.page.locator('.alert.ok');
    await launched.waitFor();
    procedureId = /(proc-[\w-]+)/.exec((await launched.textContent()) ?? '')?.[1] ?? '';
    expect(procedureId).toMatch(/^proc-/);

    // The approver's open queue receives the new task without a reload.
    const row = approver.page.locator('tr', { hasText: 'Standing committee adopts the personnel plan' });
    await row.waitFor();
    await approver.page.getByText('Việc mới: Standing committee adopts the personnel plan').waitFor();
    expect(await row.textContent()).toContain(procedureId);
    expect(await row.textContent()).toContain('Chưa ai nhận');

    // Rejecting without a reason: the API's validation message is shown in the dialog.
    await row.getByRole('button', { name: 'Quyết định' }).click();
    const dialog = approver.page.getByRole('dialog');
    await dialog.getByRole('radio', { name: 'Không tán thành' }).check();
    await dialog.getByRole('button', { name: 'Ghi quyết định' }).click();
    await dialog.getByRole('alert').getByText('a reason is required to reject or return').waitFor();
    await snap(approver.page, 'decision-error');
    await dialog.getByRole('button', { name: 'Hủy' }).click();
    await dialog.waitFor({ state: 'detached' });

    await row.getByRole('button', { name: 'Nhận việc' }).click();
    await row.getByText('Bạn đang xử lý').waitFor();
    await approver.page.getByText('Đã nhận việc.').waitFor();
    await snap(approver.page, 'queue-claimed');

    await row.getByRole('button', { name: 'Quyết định' }).click();
    await dialog.getByRole('radio', { name: 'Tán thành', exact: true }).check();
    await dialog.getByLabel('Ghi chú (không bắt buộc)').fill('Ban Thường vụ đã thống nhất');
    await dialog.getByRole('button', { name: 'Ghi quyết định' }).click();
    await approver.page.getByText(/Đã ghi quyết định \(sự kiện số \d+\)/).waitFor();
    await row.waitFor({ state: 'detached' });

    // The procedure view shows the new state and the decision on its timeline.
    await launcher.page.getByRole('link', { name: 'Xem quy trình' }).click();
    await launcher.page.getByRole('heading', { name: `Quy trình ${procedureId}` }).waitFor();
    await launcher.page.locator('.timeline').getByText('Đề án được thông qua').waitFor();

    // The Organization Committee submits the adopted plan to the Politburo with a command.
    expect(launcher.pageErrors).toEqual([]);
    await launcher.page.getByText('Gửi lệnh khác (ví dụ: trình đề án)').click();
    expect(await launcher.page.getByLabel('Lệnh', { exact: true }).inputValue()).toBe('SubmitPlan');
    await launcher.page.getByRole('button', { name: 'Gửi lệnh' }).click();
    await launcher.page.getByText('Đã ghi lệnh.').waitFor();
    await launcher.page.locator('.steps').getByText('Vai trò Bộ Chính trị tại body/politburo').waitFor();
    await snap(launcher.page, 'procedure');

    // The Politburo returns it with a reason.
    const politburo = await newUserPage(browser, stack.baseUrl);
    await signIn(politburo.page, 'bochinhtri', DEMO_PASSWORD);
    const review = politburo.page.locator('tr', { hasText: procedureId });
    await review.getByRole('button', { name: 'Quyết định' }).click();
    const reviewDialog = politburo.page.getByRole('dialog');
    await reviewDialog.getByRole('radio', { name: 'Trả lại để hoàn thiện' }).check();
    await reviewDialog.getByLabel('Lý do (bắt buộc khi không tán thành hoặc trả lại)').fill('Tăng tỷ lệ cán bộ trẻ');
    await reviewDialog.getByRole('button', { name: 'Ghi quyết định' }).click();
    await politburo.page.getByText(/Đã ghi quyết định/).waitFor();
    await review.waitFor({ state: 'detached' });
    await politburo.context.close();

    await approver.context.close();
    await launcher.context.close();
  });

  it('highlights an overdue task and filters the queue down to overdue tasks', async () => {
    // Launched on a past date, its first step was due long ago.
    const tochuc = await stack.as('tochuc');
    const late = await tochuc.post<{ procedureId: string }>('/procedures', {
      kind: 'personnel-plan',
      bodyId: 'org/bac-ninh',
      launchDate: '2025-03-03',
      input: personnelPlanInput,
    });
    expect(late.status).toBe(201);
    const { context, page } = await newUserPage(browser, stack.baseUrl);
    await signIn(page, 'phobithu', DEMO_PASSWORD);
    const row = page.locator('tr', { hasText: late.body.procedureId });
    await row.getByText('Quá hạn').waitFor();
    expect(await row.getAttribute('class')).toContain('overdue');
    await page.getByLabel('Chỉ việc quá hạn').check();
    await page.getByRole('button', { name: 'Lọc' }).click();
    await page.getByText('1 việc').waitFor();
    await snap(page, 'queue-overdue');
    await context.close();
  });

  it('lets an inspector replay the trail, see it verified, travel in time and verify the whole log', async () => {
    expect(procedureId).not.toBe('');
    const { context, page } = await newUserPage(browser, stack.baseUrl);
    await signIn(page, 'ubkt', DEMO_PASSWORD);
    await page.getByRole('heading', { name: 'Quy trình' }).waitFor();
    await page.locator('tr', { hasText: procedureId }).getByRole('link', { name: 'Tra soát' }).click();

    await page.getByRole('heading', { name: `Tra soát nhật ký: ${procedureId}` }).waitFor();
    await page.getByTestId('verification').getByText('Đã xác minh: nhật ký toàn vẹn').waitFor();

    const first = page.locator('.event-button').first();
    await first.click();
    expect(await first.getAttribute('aria-pressed')).toBe('true');
    await page.getByRole('heading', { name: /^Trạng thái tại sự kiện 1\/\d+: Khởi tạo quy trình$/ }).waitFor();
    expect(await page.getByTestId('replay-state').textContent()).toContain(procedureId);

    await page.getByLabel('Xem trạng thái tại sự kiện').focus();
    await page.keyboard.press('End');
    await page.getByRole('heading', { name: /^Trạng thái tại sự kiện (\d+)\/\1: / }).waitFor();
    await page.locator('.state-view').getByText('RETURNED', { exact: true }).waitFor();

    await page.getByRole('button', { name: 'Xác minh toàn bộ nhật ký' }).click();
    await page.getByText(/Toàn bộ nhật ký toàn vẹn: \d+ sự kiện/).waitFor();
    await snap(page, 'replay');

    // English, then back: every label follows.
    await page.getByRole('button', { name: 'Switch to English' }).click();
    await page.getByRole('heading', { name: `Audit trail: ${procedureId}` }).waitFor();
    await page.getByTestId('verification').getByText('Verified: the trail is intact').waitFor();
    await page.getByRole('link', { name: 'My queue' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await snap(page, 'replay-en');
    await page.getByRole('button', { name: 'Chuyển sang tiếng Việt' }).click();
    await page.getByRole('heading', { name: `Tra soát nhật ký: ${procedureId}` }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('vi');
    await context.close();
  });

  it('shows progress per level with the done/total label, of all organisations or of one and those under it', async () => {
    const { context, page } = await newUserPage(browser, stack.baseUrl);
    await signIn(page, 'tochuc', DEMO_PASSWORD);
    await page.getByRole('link', { name: 'Tiến độ' }).click();
    await page.getByRole('heading', { name: 'Tiến độ theo cấp' }).waitFor();
    const province = page.locator('.progress-label[data-level="province"]');
    await province.waitFor();
    expect(await province.textContent()).toMatch(/^\d+\/\d+ hoàn thành, \d+,\d{2}%$/);
    await page.getByRole('button', { name: 'Switch to English' }).click();
    await page.getByRole('heading', { name: 'Progress by level' }).waitFor();
    const api = await (
      await stack.as('tochuc')
    ).get<{ levelKind: string; label: string }[]>('/procedures/progress?type=personnel-plan');
    const label = api.body.find((l) => l.levelKind === 'province')?.label;
    await page.locator('.progress-label[data-level="province"]', { hasText: label }).waitFor();
    await snap(page, 'progress');

    // One organisation and those under it: a grassroots organisation has no level below it.
    const body = page.getByLabel('Party organisation (and those under it; empty: all)');
    await body.fill('org/bn-tu-son');
    await body.press('Tab');
    await page.locator('.progress-label[data-level="grassroots"]', { hasText: /^0\/1 done, 0\.00%$/ }).waitFor();
    expect(await page.locator('.progress-label').count()).toBe(1);
    await body.fill('org/nowhere');
    await body.press('Tab');
    await page.getByRole('alert').filter({ hasText: 'Unknown body "org/nowhere".' }).waitFor();
    await context.close();
  });
});
