import { screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { renderVi } from '../test/render';
import { StateView } from './StateView';

/** The registry names the elected member; everything else is unknown. */
function registry(input: RequestInfo | URL): Response {
  const url = new URL(input instanceof Request ? input.url : String(input), 'http://localhost').pathname;
  const id = decodeURIComponent(url.split('/').pop() ?? '');
  if (url.startsWith('/registry/people/') && id === 'person/ts-10') {
    return Response.json({ id, fullName: 'Phạm Thị Thu' });
  }
  if (url.startsWith('/registry/organisations/')) {
    return Response.json({ organisation: { id, name: 'Đảng bộ xã Từ Sơn' }, bodies: [], children: [] });
  }
  return Response.json({ statusCode: 404 }, { status: 404 });
}

describe('StateView of an appointment in one of its forms', () => {
  beforeEach(() => vi.stubGlobal('fetch', (input: RequestInfo | URL) => Promise.resolve(registry(input))));
  afterEach(() => vi.unstubAllGlobals());

  it('names the form and, awaiting the higher committee, the ratification as the current step', async () => {
    renderVi(
      <StateView
        state={{
          core: {
            kind: 'appointment',
            bodyId: 'org/bn-tu-son',
            launchedBy: { personId: 'person/ts-01', role: 'organization-committee', bodyId: 'body/ts-btc' },
            openSteps: {},
            concerned: [],
            conflicts: [],
            actionProgrammes: [],
            withdrawnReason: null,
          },
          status: 'AWAITING_RATIFICATION',
          variant: 'ratification',
          step: 6,
          policyAttempts: 1,
          centralManagement: false,
          completionDueDate: '2025-09-26',
          candidates: ['person/ts-10'],
          sealed: [],
          deadlineBreached: false,
          explanationFiled: false,
          finalResults: { 'person/ts-10': { votes: 9, base: 15 } },
          headReferral: null,
        }}
      />,
    );
    await waitFor(() => expect(screen.getAllByText(/Phạm Thị Thu/).length).toBeGreaterThan(0));
    expect(screen.getByText('Bầu bổ sung cấp ủy viên, cấp trên chuẩn y')).toBeTruthy();
    expect(screen.getByText('Cấp trên công nhận kết quả bầu cử')).toBeTruthy();
    expect(screen.queryByText('Người đứng đầu quyết định')).toBeNull();
  });
});
