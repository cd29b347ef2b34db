import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router-dom';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { tokenStore } from '../api/client';
import type { DossierAccessEntry, DossierAccessPage as Page } from '../api/views';
import { renderVi } from '../test/render';
import { DossierAccessPage } from './DossierAccessPage';

const accessToken = `h.${btoa(JSON.stringify({ exp: Math.floor(Date.now() / 1000) + 3600 })).replace(/=+$/, '')}.s`;

const common = {
  subjectId: 'person/bn-40',
  subjectName: 'Nguyễn Thị Lan',
  purpose: 'Xem xét trước hội nghị',
  procedureId: 'proc-1',
  procedureKind: 'personnel-plan',
  organisationName: 'Đảng bộ tỉnh Bắc Ninh',
};
const refusal: DossierAccessEntry = {
  ...common,
  outcome: 'refused',
  at: '2026-12-07T02:15:00.000Z',
  code: 'DOSSIER_RELATIVE',
  readerId: 'person/bn-12',
  readerName: 'Lê Văn Mười Hai',
  username: 'bn12',
  role: null,
  bodyName: null,
  position: null,
};
const read: DossierAccessEntry = {
  ...common,
  outcome: 'read',
  at: '2026-12-06T03:00:00.000Z',
  code: null,
  readerId: 'person/bn-2',
  readerName: 'Trần Văn Hai',
  username: null,
  role: 'standing-committee',
  bodyName: 'Ban Thường vụ Tỉnh ủy Bắc Ninh',
  position: 42,
};

describe('DossierAccessPage', () => {
  const queries: URLSearchParams[] = [];

  beforeEach(() => {
    queries.length = 0;
    tokenStore.set({ accessToken, refreshToken: 'r-1' });
    vi.stubGlobal('fetch', (input: Request) => {
      const url = new URL(input.url);
      if (url.pathname === '/audit/dossier-access') queries.push(url.searchParams);
      const outcome = url.searchParams.get('outcome');
      const items = [refusal, read].filter((e) => !outcome || e.outcome === outcome);
      const body: Page = { items, total: items.length, page: 1, pageSize: 20 };
      return Promise.resolve(
        new Response(JSON.stringify(url.pathname === '/audit/dossier-access' ? body : { items: [], total: 0 }), {
          headers: { 'Content-Type': 'application/json' },
        }),
      );
    });
  });
  afterEach(() => {
    tokenStore.clear();
    vi.unstubAllGlobals();
  });

  it('shows reads and refusals by name, with the refusal reason and the role translated and dates as dd/mm/yyyy', async () => {
    renderVi(
      <MemoryRouter>
        <DossierAccessPage />
      </MemoryRouter>,
    );
    const refusedRow = (await screen.findByText('Lê Văn Mười Hai')).closest('tr')!;
    expect(within(refusedRow).getByText('Bị từ chối')).toBeTruthy();
    expect(within(refusedRow).getByText('Hồ sơ của người thân')).toBeTruthy();
    expect(within(refusedRow).getByText('Nguyễn Thị Lan')).toBeTruthy();
    expect(refusedRow.textContent).toMatch(/07\/12\/2026 \d\d:\d\d/);
    const readRow = screen.getByText('Trần Văn Hai').closest('tr')!;
    expect(within(readRow).getByText('Đã xem')).toBeTruthy();
    expect(readRow.textContent).toContain('Ban Thường vụ');
    expect(readRow.textContent).toContain('06/12/2026');
    expect(document.body.textContent).not.toContain('person/');
    expect(document.body.textContent).not.toContain('DOSSIER_');
  });

  it('asks the API again with the outcome chosen in the filter', async () => {
    renderVi(
      <MemoryRouter>
        <DossierAccessPage />
      </MemoryRouter>,
    );
    await screen.findByText('Trần Văn Hai');
    await userEvent.click(screen.getByLabelText('Kết quả'));
    await userEvent.click(await screen.findByTitle('Bị từ chối'));
    await waitFor(() => expect(queries.at(-1)?.get('outcome')).toBe('refused'));
    await waitFor(() => expect(screen.queryByText('Trần Văn Hai')).toBeNull());
    expect(screen.getByText('Lê Văn Mười Hai')).toBeTruthy();
  });
});
