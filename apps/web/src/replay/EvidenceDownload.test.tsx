import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { tokenStore } from '../api/client';
import { renderVi } from '../test/render';
import { EvidenceDownload } from './EvidenceDownload';

/** A fresh access token (the client reads its expiry; the signature is the API's business). */
const accessToken = `h.${btoa(JSON.stringify({ exp: Math.floor(Date.now() / 1000) + 3600 })).replace(/=+$/, '')}.s`;

describe('EvidenceDownload', () => {
  const requests: { url: string; authorization: string | null }[] = [];
  const saved: string[] = [];

  beforeEach(() => {
    requests.length = 0;
    saved.length = 0;
    tokenStore.set({ accessToken, refreshToken: 'r-1' });
    vi.stubGlobal(
      'URL',
      Object.assign(URL, { createObjectURL: () => 'blob:evidence', revokeObjectURL: () => undefined }),
    );
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      saved.push(this.download);
    });
  });
  afterEach(() => {
    tokenStore.clear();
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
  });

  it('downloads the procedure’s bundle with the inspector’s token, under the name the API gives', async () => {
    vi.stubGlobal('fetch', (input: string, init?: RequestInit) => {
      requests.push({ url: input, authorization: new Headers(init?.headers).get('Authorization') });
      return Promise.resolve(
        new Response('#!/usr/bin/env node', {
          headers: { 'Content-Disposition': 'attachment; filename="evidence-plan-1.cjs"' },
        }),
      );
    });
    renderVi(<EvidenceDownload procedureId="plan 1" />);
    await userEvent.click(screen.getByRole('button', { name: 'Tải gói bằng chứng' }));
    await waitFor(() => expect(saved).toEqual(['evidence-plan-1.cjs']));
    expect(requests).toEqual([{ url: '/procedures/plan%201/evidence', authorization: `Bearer ${accessToken}` }]);
  });

  it('says why when the API refuses', async () => {
    vi.stubGlobal('fetch', () =>
      Promise.resolve(
        new Response(JSON.stringify({ statusCode: 403, code: 'FORBIDDEN' }), {
          status: 403,
          headers: { 'Content-Type': 'application/json' },
        }),
      ),
    );
    renderVi(<EvidenceDownload procedureId="plan-1" />);
    await userEvent.click(screen.getByRole('button', { name: 'Tải gói bằng chứng' }));
    expect(await screen.findByRole('alert')).toBeTruthy();
    expect(saved).toEqual([]);
  });
});
