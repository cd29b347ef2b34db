import { generateKeyPairSync } from 'node:crypto';
import { Writable } from 'node:stream';
import type { INestApplication } from '@nestjs/common';
import { Client as PgClient } from 'pg';
import { ApiSettings, DEMO_PASSWORD, createApiApp } from '@cadreflow/api';
import { CheckpointSigner, TrustedKeys } from '@cadreflow/event-store';
import { HttpClient, createSeededDatabase } from '../support/full-stack';

interface Session {
  accessToken: string;
  refreshToken: string;
}
interface ErrorBody {
  code: string;
  field?: string;
}

/** The `sid` claim of an access token (the client reads it; the API signed it). */
const sessionOf = (accessToken: string): string =>
  (JSON.parse(Buffer.from(accessToken.split('.')[1] ?? '', 'base64url').toString('utf8')) as { sid: string }).sid;

/**
 * Refresh token rotation with reuse detection (real PostgreSQL, no Temporal): the refresh tokens of one sign-in form a
 * family; a spent one presented again revokes the whole family and the session's access tokens, is logged at warn
 * with the user and the session, and is counted in `/metrics`. Other sessions of the same user live on.
 */
describe('refresh token reuse revokes its session (real PostgreSQL)', () => {
  let app: INestApplication;
  let db: PgClient;
  let drop: () => Promise<void>;
  let anonymous: HttpClient;
  let baseUrl: string;
  const logLines: Record<string, unknown>[] = [];
  let reusedSession = '';

  const login = async (username: string): Promise<Session> =>
    (await anonymous.post<Session>('/auth/login', { username, password: DEMO_PASSWORD })).body;
  const refresh = (refreshToken: string) => anonymous.post<Session & ErrorBody>('/auth/refresh', { refreshToken });
  const me = (accessToken: string) => new HttpClient(baseUrl, accessToken).get<ErrorBody>('/auth/me');
  /** A revocation reaches the other processes within a second (their cache of the user's access); wait it out. */
  const pastTheCache = () => new Promise((resolve) => setTimeout(resolve, 1_100));

  beforeAll(async () => {
    const database = await createSeededDatabase('refresh_reuse');
    drop = database.drop;
    const destination = new Writable({
      write(chunk: Buffer, _encoding, done) {
        for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) {
          logLines.push(JSON.parse(line) as Record<string, unknown>);
        }
        done();
      },
    });
    app = await createApiApp(
      new ApiSettings(database.url, '127.0.0.1:1', 'default', 'unused', false, 'reuse-secret-long-enough-for-tests'),
      new TrustedKeys([new CheckpointSigner(generateKeyPairSync('ed25519').privateKey).publicKey]),
      ['error', 'warn'],
      { format: 'json', destination },
    );
    await app.listen(0, '127.0.0.1');
    baseUrl = (await app.getUrl()).replace('[::1]', '127.0.0.1');
    anonymous = new HttpClient(baseUrl);
    db = new PgClient({ connectionString: database.url });
    await db.connect();
  });
  afterAll(async () => {
    await db?.end();
    await app?.close();
    await drop?.();
  });

  it('keeps one session across refreshes, a family of single-use tokens stored as hashes', async () => {
    const first = await login('phobithu');
    const second = (await refresh(first.refreshToken)).body;
    const third = (await refresh(second.refreshToken)).body;
    expect(new Set([first, second, third].map((s) => sessionOf(s.accessToken))).size).toBe(1);
    const rows = await db.query<{ session_id: string; secret_hash: string; used: boolean }>(
      `SELECT t.session_id, t.secret_hash, t.used_at IS NOT NULL AS used FROM refresh_tokens t
         JOIN users u ON u.id = t.user_id WHERE u.username = 'phobithu' ORDER BY t.expires_at`,
    );
    expect(rows.rows.map((r) => [r.session_id, r.used])).toEqual([
      [sessionOf(first.accessToken), true],
      [sessionOf(first.accessToken), true],
      [sessionOf(first.accessToken), false],
    ]);
    expect(rows.rows.some((r) => third.refreshToken.includes(r.secret_hash))).toBe(false);
    expect((await me(third.accessToken)).status).toBe(200);
  });

  it('revokes every refresh and access token of the session when a spent refresh token comes back', async () => {
    const stolen = await login('tochuc');
    reusedSession = sessionOf(stolen.accessToken);
    const otherDevice = await login('tochuc');
    // The thief refreshes first; the user's copy of the spent token comes back later (or the other way round).
    const thief = (await refresh(stolen.refreshToken)).body;
    const thiefNext = (await refresh(thief.refreshToken)).body;
    expect((await me(thiefNext.accessToken)).status).toBe(200);

    const reused = await refresh(stolen.refreshToken);
    expect(reused.status).toBe(401);
    expect(reused.body).toMatchObject({ code: 'REFRESH_TOKEN_REUSED', field: 'refreshToken' });

    // The refresh token issued from the first use, and its successor, are dead; so are the session's access tokens.
    const afterwards = await refresh(thiefNext.refreshToken);
    expect(afterwards.status).toBe(401);
    expect(afterwards.body.code).toBe('SESSION_REVOKED');
    expect((await refresh(thief.refreshToken)).body.code).toBe('SESSION_REVOKED');
    expect((await refresh(stolen.refreshToken)).body.code).toBe('SESSION_REVOKED');
    for (const accessToken of [stolen.accessToken, thief.accessToken, thiefNext.accessToken]) {
      const answer = await me(accessToken);
      expect({ status: answer.status, code: answer.body.code }).toEqual({ status: 401, code: 'SESSION_REVOKED' });
    }
    await pastTheCache();
    expect((await me(thiefNext.accessToken)).body.code).toBe('SESSION_REVOKED');

    // The user's other sign-in is another session: it lives on.
    expect((await me(otherDevice.accessToken)).status).toBe(200);
    expect((await refresh(otherDevice.refreshToken)).status).toBe(200);

    const revoked = await db.query<{ id: string; revoked_because: string }>(
      `SELECT s.id, s.revoked_because FROM auth_sessions s JOIN users u ON u.id = s.user_id
        WHERE u.username = 'tochuc' AND s.revoked_at IS NOT NULL`,
    );
    expect(revoked.rows).toEqual([{ id: sessionOf(stolen.accessToken), revoked_because: 'refresh-token-reused' }]);
  });

  it('logs the reuse once at warn with the user and the session, and counts it in /metrics', async () => {
    const warnings = logLines.filter((line) => line.event === 'refresh-token-reused');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({ level: 40, user: 'tochuc', sessionId: reusedSession });
    expect(String(warnings[0]?.msg)).toContain('tochuc');
    const metrics = await anonymous.get<string>('/metrics');
    expect(metrics.body).toMatch(/^cadreflow_refresh_token_reuse_total 1$/m);
  });

  it('ends the session on sign-out, its access token too, and a wrong secret ends nothing', async () => {
    const session = await login('ubkt');
    const [id] = session.refreshToken.split('.');
    expect((await anonymous.post('/auth/logout', { refreshToken: `${id}.not-the-secret` })).status).toBe(200);
    expect((await me(session.accessToken)).status).toBe(200);
    expect((await refresh(`${id}.not-the-secret`)).body.code).toBe('REFRESH_TOKEN_INVALID');

    expect((await anonymous.post('/auth/logout', { refreshToken: session.refreshToken })).status).toBe(200);
    expect((await me(session.accessToken)).body.code).toBe('SESSION_REVOKED');
    expect((await refresh(session.refreshToken)).body.code).toBe('SESSION_REVOKED');
  });
});
