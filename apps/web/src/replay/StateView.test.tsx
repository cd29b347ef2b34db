import { screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { renderVi } from '../test/render';
import { StateView } from './StateView';

const NAMES: Record<string, string> = {
  'person/bn-02': 'Nguyễn Văn Bình',
  'person/bn-12': 'Trần Thị Hoa',
  'person/bn-01': 'Lê Văn An',
};

/** The registry answers a person's page with their name, and an organisation's with its own. */
function registry(input: RequestInfo | URL): Response {
  const url = new URL(input instanceof Request ? input.url : String(input), 'http://localhost').pathname;
  const id = decodeURIComponent(url.split('/').pop() ?? '');
  if (url.startsWith('/registry/people/') && NAMES[id]) return Response.json({ id, fullName: NAMES[id] });
  if (url.startsWith('/registry/organisations/')) {
    return Response.json({ organisation: { id, name: 'Đảng bộ tỉnh Bắc Ninh' }, bodies: [], children: [] });
  }
  return Response.json({ statusCode: 404 }, { status: 404 });
}

const core = (kind: string) => ({
  kind,
  bodyId: 'org/bac-ninh',
  launchedBy: { personId: 'person/bn-01', role: 'organization-committee', bodyId: 'body/bn-btc' },
  openSteps: {},
  concerned: [],
  conflicts: [{ personId: 'person/bn-12', subjectId: 'person/bn-02' }],
  actionProgrammes: [],
  withdrawnReason: null,
});

/** No id and no JSON in what the inspector reads. */
function expectReadable(text: string): void {
  expect(text).not.toMatch(/person\/|org\/|body\/|[{}"]/);
}

describe('StateView (the state at an event, as a page)', () => {
  beforeEach(() => vi.stubGlobal('fetch', (input: RequestInfo | URL) => Promise.resolve(registry(input))));
  afterEach(() => vi.unstubAllGlobals());

  it("shows a vetting's candidates with each check's result, and who stood aside, by name", async () => {
    const { container } = renderVi(
      <StateView
        state={{
          core: core('vetting'),
          status: 'IN_PROGRESS',
          kinds: ['asset-declaration', 'inspection-opinion'],
          candidates: {
            'person/bn-02': {
              status: 'PENDING',
              concluded: { 'asset-declaration': 'CLEARED' },
              declarationFiled: true,
            },
          },
          order: ['person/bn-02'],
          complaints: { c1: { personId: 'person/bn-02', resolved: true, substantiated: false } },
        }}
      />,
    );
    await waitFor(() => expect(screen.getAllByText(/Nguyễn Văn Bình/).length).toBeGreaterThan(0));
    expect(screen.getByText('Thẩm định')).toBeTruthy();
    expect(screen.getByText(/Kê khai và xác minh tài sản, thu nhập/)).toBeTruthy();
    expect(screen.getByText('Đạt')).toBeTruthy();
    expect(screen.getByText('Trần Thị Hoa không quyết định việc của Nguyễn Văn Bình')).toBeTruthy();
    expect(screen.getByText('Về Nguyễn Văn Bình: không có cơ sở')).toBeTruthy();
    expect(screen.getByText('Lê Văn An, Ban Tổ chức')).toBeTruthy();
    expectReadable(container.textContent ?? '');
  });

  it("shows an appointment's step, its step-5 votes and the referral to the head", async () => {
    const { container } = renderVi(
      <StateView
        state={{
          core: core('appointment'),
          status: 'AWAITING_HEAD',
          step: 6,
          policyAttempts: 1,
          centralManagement: false,
          completionDueDate: '2026-05-30',
          candidates: ['person/bn-02'],
          sealed: [],
          deadlineBreached: false,
          explanationFiled: false,
          finalResults: { 'person/bn-02': { votes: 10, base: 20 } },
          headReferral: { personId: 'person/bn-02', votes: 10, base: 20 },
        }}
      />,
    );
    await waitFor(() => expect(screen.getAllByText('Nguyễn Văn Bình: 10/20 phiếu')).toHaveLength(2));
    expect(screen.getByText('Người đứng đầu quyết định')).toBeTruthy();
    expect(screen.getByText('30/05/2026')).toBeTruthy();
    expectReadable(container.textContent ?? '');
  });

  it("shows an introduction's current step, its hold and each candidate's track", async () => {
    renderVi(
      <StateView
        state={{
          core: core('introduction'),
          status: 'ON_HOLD',
          candidates: { 'person/bn-02': { track: 're-election', active: true } },
          order: ['person/bn-02'],
          current: { track: 're-election', step: 3, attempt: 1 },
          hold: { kind: 'verification', stepId: 'verification-1', personId: 'person/bn-02' },
          holds: 1,
        }}
      />,
    );
    await waitFor(() => expect(screen.getByText('Chờ xác minh về Nguyễn Văn Bình')).toBeTruthy());
    expect(screen.getByText(/^Tái cử, bước 3/)).toBeTruthy();
    expect(screen.getByText('Còn trong danh sách')).toBeTruthy();
  });

  it('names an open step of a first session by its office and its round within the office, from the trail', async () => {
    // Round 4 of the session's one counter is the secretary's first round.
    const rounds = new Map([['proc-fs 4', 1]]);
    renderVi(
      <StateView
        streamId="proc-fs"
        rounds={rounds}
        state={{
          core: {
            ...core('first-session'),
            openSteps: {
              'round-4': {
                stepId: 'round-4',
                kind: 'first-session-round',
                params: { office: 'secretary', round: 4, seats: 1 },
                role: 'counting-board',
                bodyId: 'body/bn-kp',
                dueDate: '2025-10-20',
              },
            },
          },
          status: 'ROUND',
        }}
      />,
    );
    await waitFor(() =>
      expect(
        screen.getByText('Ban Kiểm phiếu ghi kết quả bầu Bí thư (vòng 1) — Ban Kiểm phiếu, hạn 20/10/2025'),
      ).toBeTruthy(),
    );
  });
});
