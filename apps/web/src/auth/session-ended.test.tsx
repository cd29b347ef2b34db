import { screen } from '@testing-library/react';
import { MemoryRouter, Navigate, Route, Routes } from 'react-router-dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { tokenStore } from '../api/client';
import { renderVi } from '../test/render';
import { AuthProvider, useAuth } from './auth-context';
import { LoginPage } from './LoginPage';

/** An access token about to expire, so the first request refreshes the session first. */
const expiringToken = `h.${btoa(JSON.stringify({ exp: Math.floor(Date.now() / 1000) + 5 })).replace(/=+$/, '')}.s`;

function Home() {
  const { token, me } = useAuth();
  if (!token) return <Navigate to="/login" replace />;
  return <p>{me?.displayName ?? '…'}</p>;
}

describe('a session the API ended', () => {
  afterEach(() => {
    tokenStore.clear();
    vi.unstubAllGlobals();
  });

  it('returns to sign-in saying, in Vietnamese, that a reused refresh token ended the session', async () => {
    tokenStore.set({ accessToken: expiringToken, refreshToken: 'r-1' });
    const paths: string[] = [];
    vi.stubGlobal('fetch', (input: Request | string) => {
      const path = new URL(typeof input === 'string' ? input : input.url, 'http://localhost').pathname;
      paths.push(path);
      if (path === '/auth/refresh') {
        return Promise.resolve(
          new Response(JSON.stringify({ statusCode: 401, code: 'REFRESH_TOKEN_REUSED', field: 'refreshToken' }), {
            status: 401,
            headers: { 'Content-Type': 'application/json' },
          }),
        );
      }
      return Promise.resolve(new Response('{}', { status: 200, headers: { 'Content-Type': 'application/json' } }));
    });
    renderVi(
      <MemoryRouter initialEntries={['/']}>
        <AuthProvider>
          <Routes>
            <Route path="/" element={<Home />} />
            <Route path="/login" element={<LoginPage />} />
          </Routes>
        </AuthProvider>
      </MemoryRouter>,
    );
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Phiên đăng nhập đã bị chấm dứt vì mã gia hạn của nó đã bị dùng lại');
    expect(screen.getByLabelText('Mật khẩu')).toBeTruthy();
    expect(tokenStore.get()).toBeNull();
    expect(paths).toContain('/auth/refresh');
  });
});
