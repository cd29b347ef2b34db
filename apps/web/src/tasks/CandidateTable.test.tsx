import { fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderVi } from '../test/render';
import { CandidateTable } from './CandidateTable';

const person = {
  id: 'person/bn-40',
  fullName: 'Nguyễn Thị Hoa',
  gender: 'female',
  birthDate: '1975-03-02',
  posts: [],
  memberships: [],
  relatives: [],
};

/** The API as the browser reaches it: the registry's person, and the dossier read refused with `refusal`. */
function stubApi(refusal: { status: number; body: object }): void {
  vi.stubGlobal(
    'fetch',
    vi.fn((input: Request | string) => {
      const url = new URL(typeof input === 'string' ? input : input.url, 'http://localhost');
      const json = (status: number, body: object): Promise<Response> =>
        Promise.resolve(
          new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } }),
        );
      if (url.pathname.includes('/dossiers/')) return json(refusal.status, refusal.body);
      return json(200, person);
    }),
  );
}

describe('CandidateTable', () => {
  afterEach(() => vi.unstubAllGlobals());

  it.each([
    ['DOSSIER_RELATIVE', 'Bạn không được xem hồ sơ của người thân (Nguyễn Thị Hoa). Lần từ chối này đã được ghi lại.'],
    [
      'DOSSIER_NEED_TO_KNOW',
      'Bạn không có nhiệm vụ cần xem hồ sơ của Nguyễn Thị Hoa lúc này. Lần từ chối này đã được ghi lại.',
    ],
  ])('shows a dossier refusal (%s) in Vietnamese, naming the person and saying it was recorded', async (code, text) => {
    stubApi({
      status: 403,
      body: { statusCode: 403, code, message: 'x', params: { personId: person.id, personName: person.fullName } },
    });
    renderVi(<CandidateTable procedureId="proc-1" personIds={[person.id]} purpose="Xem xét" />);
    fireEvent.click(await screen.findByRole('button', { name: 'Xem hồ sơ' }));
    expect((await screen.findByRole('alert')).textContent).toBe(text);
  });
});
