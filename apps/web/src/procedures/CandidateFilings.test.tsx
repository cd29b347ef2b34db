import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { tokenStore } from '../api/client';
import type { TrailEvent } from '../api/views';
import { AuthProvider } from '../auth/auth-context';
import { renderVi } from '../test/render';
import { ActionProgrammes } from './ActionProgrammes';
import { AssetDeclarations } from './AssetDeclarations';

const names: Record<string, string> = { 'person/a': 'Lê Đức Trung', 'person/b': 'Đỗ Thị Thủy' };
const name = (id: string): string => names[id] ?? '';
const event = (type: string, data: Record<string, unknown>): TrailEvent =>
  ({ type, data, recordedAt: '2026-12-01T03:00:00.000Z' }) as unknown as TrailEvent;

/** The commands the page sent, as the API received them. */
let sent: { path: string; body: unknown }[] = [];

beforeEach(() => {
  sent = [];
  tokenStore.set({ accessToken: 'token', refreshToken: 'refresh' });
  vi.stubGlobal('fetch', async (input: Request) => {
    const url = new URL(input.url, 'http://localhost');
    const json = (body: unknown): Response =>
      new Response(JSON.stringify(body), { headers: { 'Content-Type': 'application/json' } });
    if (url.pathname === '/auth/me') {
      return json({
        userId: 'u-1',
        username: 'tochuc',
        displayName: 'Trịnh Văn Tổ',
        personId: null,
        personName: null,
        grants: [{ role: 'organization-committee', bodyId: 'body/bn-ot' }],
      });
    }
    sent.push({ path: url.pathname, body: await input.json() });
    return json([]);
  });
});
afterEach(() => {
  tokenStore.clear();
  vi.unstubAllGlobals();
});

describe('per-candidate filings on a stage page', () => {
  it('asset declarations: shows filed and verified ones, and records the reference of another, trimmed', async () => {
    renderVi(
      <AuthProvider>
        <AssetDeclarations
          procedureId="proc-1/vetting"
          personIds={['person/a', 'person/b']}
          events={[
            event('AssetDeclarationFiled', { personId: 'person/a', reference: 'KK-1/2026' }),
            event('AssetDeclarationVerified', { personId: 'person/a' }),
          ]}
          name={name}
        />
      </AuthProvider>,
    );
    expect(await screen.findByText('Kê khai tài sản, thu nhập của người ứng cử')).toBeTruthy();
    expect(screen.getByText('Đã xác minh: KK-1/2026')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Số, ký hiệu bản kê khai — Đỗ Thị Thủy'), { target: { value: ' KK-2 ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Ghi nhận' }));
    await waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0]).toEqual({
      path: '/procedures/proc-1%2Fvetting/commands',
      body: {
        actAs: { role: 'organization-committee', bodyId: 'body/bn-ot' },
        type: 'FileAssetDeclaration',
        data: { personId: 'person/b', reference: 'KK-2' },
      },
    });
  });

  it('action programmes: shows a filed one with its day as dd/mm/yyyy, and records another', async () => {
    renderVi(
      <AuthProvider>
        <ActionProgrammes
          procedureId="proc-1/election"
          personIds={['person/a', 'person/b']}
          events={[event('ActionProgrammeFiled', { personId: 'person/b', reference: 'CTHĐ-2', filedOn: '2026-12-03' })]}
          name={name}
        />
      </AuthProvider>,
    );
    expect(await screen.findByText('Chương trình hành động của người ứng cử')).toBeTruthy();
    expect(screen.getByText('Đã nộp: CTHĐ-2 (03/12/2026)')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Số, ký hiệu văn bản — Lê Đức Trung'), { target: { value: 'CTHĐ-1' } });
    fireEvent.click(screen.getByRole('button', { name: 'Ghi nhận' }));
    await waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0]?.body).toMatchObject({
      type: 'FileActionProgramme',
      data: { personId: 'person/a', reference: 'CTHĐ-1' },
    });
  });
});
