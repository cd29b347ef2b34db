import { fireEvent, screen, within } from '@testing-library/react';
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

/** The API as the browser reaches it: the registry's `who`, and the dossier read answered with `dossier`. */
function stubApi(dossier: { status: number; body: object }, who: object = person): void {
  vi.stubGlobal(
    'fetch',
    vi.fn((input: Request | string) => {
      const url = new URL(typeof input === 'string' ? input : input.url, 'http://localhost');
      const json = (status: number, body: object): Promise<Response> =>
        Promise.resolve(
          new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } }),
        );
      if (url.pathname.includes('/dossiers/')) return json(dossier.status, dossier.body);
      return json(200, who);
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

  it('shows only the year for a person whose birth the registry knows by the year alone, in the table and the dossier', async () => {
    // The demo registry's second Lê Thanh Mai: born in 1985, day and month unknown.
    const mai = { ...person, id: 'person/bn-14', fullName: 'Lê Thanh Mai', birthDate: '1985' };
    stubApi(
      {
        status: 200,
        body: { personId: mai.id, fullName: mai.fullName, gender: 'female', birthDate: '1985', memberships: [] },
      },
      mai,
    );
    renderVi(<CandidateTable procedureId="proc-1" personIds={[mai.id]} purpose="Xem xét" />);
    const birth = await screen.findByText(/^1985 \(\d+ tuổi\)$/);
    expect(birth.textContent).not.toContain('01/01');
    fireEvent.click(screen.getByRole('button', { name: 'Xem hồ sơ' }));
    const dossier = await screen.findByRole('dialog');
    await within(dossier).findByText('Lê Thanh Mai');
    expect(within(dossier).getByText('1985')).toBeTruthy();
    expect(within(dossier).queryByText(/01\/01\/1985/)).toBeNull();
  });

  it('keeps a full birth date as dd/mm/yyyy', async () => {
    stubApi({ status: 403, body: { statusCode: 403, code: 'DOSSIER_NEED_TO_KNOW', message: 'x', params: {} } });
    renderVi(<CandidateTable procedureId="proc-1" personIds={[person.id]} purpose="Xem xét" />);
    expect(await screen.findByText(/^02\/03\/1975 \(\d+ tuổi\)$/)).toBeTruthy();
  });
});
