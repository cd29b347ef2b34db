import { createSecretKey } from 'node:crypto';
import type { ExecutionContext } from '@nestjs/common';
import { ApiError } from '../../apps/api/src/errors/api-error';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import type { AuthenticatedUser } from '../../apps/api/src/auth/authenticated-user';
import { JwtAuthGuard } from '../../apps/api/src/auth/jwt-auth.guard';
import type { SessionsService } from '../../apps/api/src/auth/sessions.service';

const claims = { typ: 'access', ver: 1 };
const user: AuthenticatedUser = {
  userId: 'user/phobithu',
  username: 'phobithu',
  displayName: 'Phó Bí thư',
  personId: 'person/bn-2',
  grants: [{ role: 'standing-committee', bodyId: 'body/bn-standing' }],
};

/** An HTTP request carrying `token`, as the guard reads it. */
function requestWith(token: string): { request: { headers: Record<string, string>; query: object; user?: unknown } } & {
  context: ExecutionContext;
} {
  const request = { headers: { authorization: `Bearer ${token}` }, query: {} } as {
    headers: Record<string, string>;
    query: object;
    user?: unknown;
  };
  const context = {
    getHandler: () => () => undefined,
    getClass: () => class {},
    switchToHttp: () => ({ getRequest: () => request }),
  } as unknown as ExecutionContext;
  return { request, context };
}

describe('JwtAuthGuard', () => {
  const jwt = new JwtService({
    secretOrKeyProvider: () => createSecretKey(Buffer.from('a-test-secret-that-is-long-enough-for-hs256')),
    signOptions: { algorithm: 'HS256' },
    verifyOptions: { algorithms: ['HS256'] },
  });
  let guard: JwtAuthGuard;
  let verifications: jest.SpyInstance;

  beforeEach(() => {
    // The user's token version, as the users table holds it (the sessions' own tests run on PostgreSQL).
    const sessions = {
      check: (_userId: string, version: number) => Promise.resolve(version === 1 ? 'current' : 'version'),
    };
    guard = new JwtAuthGuard(jwt, new Reflector(), sessions as unknown as SessionsService);
    verifications = jest.spyOn(jwt, 'verifyAsync');
  });
  afterEach(() => {
    verifications.mockRestore();
    jest.useRealTimers();
  });

  it('verifies a token once and then knows it: every request gets the same frozen user', async () => {
    const token = await jwt.signAsync({ ...user, ...claims }, { expiresIn: 3600 });
    const first = requestWith(token);
    const second = requestWith(token);
    expect(await guard.canActivate(first.context)).toBe(true);
    expect(await guard.canActivate(second.context)).toBe(true);
    expect(verifications).toHaveBeenCalledTimes(1);
    expect(second.request.user).toMatchObject(user);
    expect(second.request.user).toBe(first.request.user);
    expect(Object.isFrozen(second.request.user)).toBe(true);
    expect(Object.isFrozen((second.request.user as AuthenticatedUser).grants[0])).toBe(true);
  });

  it('refuses a known token once it has expired, and a token whose payload was changed', async () => {
    jest.useFakeTimers({ now: new Date('2026-12-05T08:00:00Z'), doNotFake: ['nextTick', 'setImmediate'] });
    const token = await jwt.signAsync({ ...user, ...claims }, { expiresIn: 60 });
    expect(await guard.canActivate(requestWith(token).context)).toBe(true);
    jest.setSystemTime(new Date('2026-12-05T08:01:00Z'));
    await expect(guard.canActivate(requestWith(token).context)).rejects.toMatchObject({
      code: 'UNAUTHENTICATED',
      status: 401,
    });

    const fresh = await jwt.signAsync({ ...user, ...claims }, { expiresIn: 60 });
    expect(await guard.canActivate(requestWith(fresh).context)).toBe(true);
    const [header, , signature] = fresh.split('.');
    const forged = Buffer.from(JSON.stringify({ ...user, ...claims, userId: 'user/someone-else' })).toString(
      'base64url',
    );
    await expect(guard.canActivate(requestWith(`${header}.${forged}.${signature}`).context)).rejects.toBeInstanceOf(
      ApiError,
    );
  });

  it('refuses a token without an expiry, a token of another kind, one of an older version, and one in the query', async () => {
    const forever = await jwt.signAsync({ ...user, ...claims });
    await expect(guard.canActivate(requestWith(forever).context)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    const other = await jwt.signAsync({ ...user, ver: 1, typ: 'refresh' }, { expiresIn: 60 });
    await expect(guard.canActivate(requestWith(other).context)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    const revoked = await jwt.signAsync({ ...user, typ: 'access', ver: 0 }, { expiresIn: 60 });
    await expect(guard.canActivate(requestWith(revoked).context)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });

    const good = await jwt.signAsync({ ...user, ...claims }, { expiresIn: 60 });
    const inQuery = requestWith(good);
    delete (inQuery.request.headers as Record<string, string | undefined>).authorization;
    (inQuery.request.query as Record<string, string>).access_token = good;
    await expect(guard.canActivate(inQuery.context)).rejects.toMatchObject({ code: 'UNAUTHENTICATED', status: 401 });
  });
});
