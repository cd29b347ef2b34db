import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api, setUnauthorizedHandler, tokenStore, unwrap } from '../api/client';
import type { Me } from '../api/views';

interface AuthState {
  token: string | null;
  me: Me | undefined;
  signIn: (username: string, password: string) => Promise<void>;
  signOut: () => void;
  /** Why the last session ended without the user signing out (the API's code, e.g. `REFRESH_TOKEN_REUSED`). */
  endedBecause: string | null;
  /** Whether the user acts in this role (for any body). */
  hasRole: (role: string) => boolean;
}

const AuthContext = createContext<AuthState | null>(null);

/**
 * The signed-in user of this tab: the session (local storage, refreshed by the API client as it expires) and who it
 * belongs to (`GET /auth/me`).
 */
export function AuthProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const [token, setToken] = useState<string | null>(() => tokenStore.get());
  const [endedBecause, setEndedBecause] = useState<string | null>(null);
  const me = useQuery({
    queryKey: ['me', token],
    queryFn: async ({ signal }) => unwrap<Me>(await api.GET('/auth/me', { signal })),
    enabled: token !== null,
    staleTime: Infinity,
  });

  const signOut = useCallback(() => {
    const refreshToken = tokenStore.refreshToken();
    // The server forgets the refresh token; the short access token expires by itself.
    if (refreshToken) void api.POST('/auth/logout', { body: { refreshToken } }).catch(() => undefined);
    tokenStore.clear();
    setToken(null);
    queryClient.clear();
  }, [queryClient]);

  useEffect(
    () =>
      setUnauthorizedHandler((code) => {
        setEndedBecause(code ?? 'UNAUTHENTICATED');
        signOut();
      }),
    [signOut],
  );

  const signIn = useCallback(async (username: string, password: string) => {
    const answer = unwrap(await api.POST('/auth/login', { body: { username, password } }));
    tokenStore.set(answer);
    setEndedBecause(null);
    setToken(answer.accessToken);
  }, []);

  const value = useMemo<AuthState>(
    () => ({
      token,
      me: me.data,
      signIn,
      signOut,
      endedBecause,
      hasRole: (role) => me.data?.grants.some((g) => g.role === role) ?? false,
    }),
    [token, me.data, signIn, signOut, endedBecause],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthState {
  const state = useContext(AuthContext);
  if (!state) throw new Error('useAuth outside AuthProvider');
  return state;
}
