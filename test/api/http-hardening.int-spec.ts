import { generateKeyPairSync } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { Client as PgClient } from 'pg';
import { ApiSettings, DEMO_PASSWORD, createApiApp } from '@cadreflow/api';
import { CheckpointSigner, TrustedKeys } from '@cadreflow/event-store';
import { DEFAULT_API_SECURITY } from '../../apps/api/src/api-settings';
import { HttpClient, createSeededDatabase } from '../support/full-stack';

const SECRET = 'hardening-secret-long-enough-for-tests';

interface ErrorBody {
  statusCode: number;
  code: string;
  field?: string;
  params?: Record<string, unknown>;
}
interface Session {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
}

/**
 * The HTTP surface on its own (real PostgreSQL; no Temporal, as nothing here gets as far as a procedure): malformed
 * requests are refused with a code and the field before any route runs, and sessions are short, refreshable and
 * revocable.
 */
describe('HTTP surface hardening (real PostgreSQL)', () => {
  let app: INestApplication;
  let db: PgClient;
  let drop: () => Promise<void>;
  let anonymous: HttpClient;
  let clerk: HttpClient;
  let baseUrl: string;

  const login = (username: string, password = DEMO_PASSWORD) =>
    anonymous.post<Session & ErrorBody>('/auth/login', { username, password });
  const eventCount = async (): Promise<number> =>
    Number((await db.query<{ n: string }>('SELECT count(*) AS n FROM events')).rows[0]?.n);

  beforeAll(async () => {
    const database = await createSeededDatabase('hardening');
    drop = database.drop;
    const signer = new CheckpointSigner(generateKeyPairSync('ed25519').privateKey);
    app = await createApiApp(
      new ApiSettings(database.url, '127.0.0.1:1', 'default', 'unused', false, SECRET, 30_000, {
        ...DEFAULT_API_SECURITY,
        session: { ...DEFAULT_API_SECURITY.session, loginMaxFailures: 3, loginLockoutSeconds: 60 },
      }),
      new TrustedKeys([signer.publicKey]),
      ['error'],
    );
    await app.listen(0, '127.0.0.1');
    baseUrl = (await app.getUrl()).replace('[::1]', '127.0.0.1');
    anonymous = new HttpClient(baseUrl);
    clerk = new HttpClient(baseUrl, (await login('tochuc')).body.accessToken);
    db = new PgClient({ connectionString: database.url });
    await db.connect();
  });
  afterAll(async () => {
    await db?.end();
    await app?.close();
    await drop?.();
  });

  describe('bad input: a 4xx with a code and the field, and nothing recorded', () => {
    let before: number;
    beforeAll(async () => {
      before = await eventCount();
    });
    afterAll(async () => {
      expect(await eventCount()).toBe(before);
    });

    it('refuses a body over the limit (413) and one nested too deeply (400)', async () => {
      const big = await clerk.post<ErrorBody>(
        '/procedures/p-1/withdraw',
        { reason: 'x'.repeat(DEFAULT_API_SECURITY.limits.maxBodyBytes) },
        { 'idempotency-key': 'k-big' },
      );
      expect(big.status).toBe(413);
      expect(big.body).toMatchObject({ code: 'REQUEST_TOO_LARGE', params: { max: 102_400 } });

      let deep: unknown = 'leaf';
      for (let i = 0; i < 40; i++) deep = { a: deep };
      const nested = await clerk.post<ErrorBody>(
        '/procedures/p-1/withdraw',
        { reason: deep },
        { 'idempotency-key': 'k-deep' },
      );
      expect(nested.status).toBe(400);
      expect(nested.body.code).toBe('REQUEST_TOO_DEEP');
      expect(nested.body.field).toMatch(/^reason\.a\.a/);
      const array = await clerk.post<ErrorBody>('/procedures', '['.repeat(5000) + ']'.repeat(5000));
      expect(array.status).toBe(400);
      expect(array.body.code).toBe('REQUEST_TOO_DEEP');
    });

    it('refuses control characters in path ids, query parameters and body text', async () => {
      const inPath = await clerk.get<ErrorBody>('/procedures/abc%00def');
      expect(inPath.status).toBe(400);
      expect(inPath.body).toMatchObject({ code: 'FIELD_CONTROL_CHARACTER', field: 'path' });
      const inQuery = await clerk.get<ErrorBody>('/registry/people?q=a%00b');
      expect(inQuery.status).toBe(400);
      expect(inQuery.body).toMatchObject({ code: 'FIELD_CONTROL_CHARACTER', field: 'q' });
      const badEscape = await clerk.get<ErrorBody>('/procedures/%E0%A4%A');
      expect(badEscape.status).toBe(400);
      expect(badEscape.body.code).toBe('REQUEST_MALFORMED_PATH');
      const inBody = await clerk.post<ErrorBody>(
        '/procedures/p-1/withdraw',
        { reason: 'nul \u0000 here' },
        { 'idempotency-key': 'k-nul' },
      );
      expect(inBody.status).toBe(400);
      expect(inBody.body).toMatchObject({ code: 'FIELD_CONTROL_CHARACTER', field: 'reason' });
    });

    it('refuses a query parameter given twice', async () => {
      const repeated = await clerk.get<ErrorBody>('/procedures?status=running&status=completed');
      expect(repeated.status).toBe(400);
      expect(repeated.body).toMatchObject({ code: 'QUERY_PARAMETER_REPEATED', field: 'status' });
      const purpose = await clerk.get<ErrorBody>('/procedures/p-1/dossiers/person%2Fbn-40?purpose=abc&purpose=def');
      expect(purpose.body).toMatchObject({ code: 'QUERY_PARAMETER_REPEATED', field: 'purpose' });
    });

    it('refuses a command without actAs, naming it', async () => {
      const command = await clerk.post<ErrorBody & { errors: { field: string }[] }>(
        '/procedures/p-1/commands',
        { type: 'SubmitPlan', data: {} },
        { 'idempotency-key': 'k-actas' },
      );
      expect(command.status).toBe(400);
      expect(command.body).toMatchObject({ code: 'FIELD_REQUIRED', field: 'actAs' });
    });

    it('refuses another charset than UTF-8 (415), and a body that is not JSON', async () => {
      for (const charset of ['utf-7', 'latin1', 'ISO-8859-1', 'utf-16le']) {
        const answer = await clerk.post<ErrorBody>('/procedures/p-1/withdraw', JSON.stringify({ reason: 'Hội nghị' }), {
          'content-type': `application/json; charset=${charset}`,
          'idempotency-key': `k-${charset}`,
        });
        expect(answer.status).toBe(415);
        expect(answer.body).toMatchObject({ code: 'REQUEST_UNSUPPORTED_ENCODING', field: 'Content-Type' });
      }
      const utf8 = await clerk.post<ErrorBody>('/auth/login', JSON.stringify({ username: 'x', password: 'y' }), {
        'content-type': 'application/json; charset=UTF-8',
      });
      expect(utf8.status).toBe(401);
      const text = await clerk.post<ErrorBody>('/procedures/p-1/withdraw', 'reason=x', {
        'content-type': 'application/x-www-form-urlencoded',
        'idempotency-key': 'k-form',
      });
      expect(text.status).toBe(415);
      expect(text.body.code).toBe('REQUEST_UNSUPPORTED_MEDIA_TYPE');
      const broken = await clerk.post<ErrorBody>('/procedures/p-1/withdraw', '{"reason": "x"', {
        'idempotency-key': 'k-broken',
      });
      expect(broken.status).toBe(400);
      expect(broken.body.code).toBe('REQUEST_MALFORMED');
    });

    it('refuses unknown fields, prototype keys included, on every kind of body', async () => {
      for (const key of ['prototype', '__proto__', 'constructor', 'extra']) {
        const answer = await clerk.post<ErrorBody>(
          '/procedures/p-1/withdraw',
          `{"reason": "moved", "${key}": {"polluted": true}}`,
          { 'idempotency-key': `k-${key}` },
        );
        expect(answer.status).toBe(400);
        expect(answer.body).toMatchObject({ code: 'FIELD_UNKNOWN', field: key });
      }
      const nested = await clerk.post<ErrorBody>(
        '/procedures/p-1/commands',
        '{"actAs": {"role": "organization-committee", "bodyId": "b", "__proto__": {"x": 1}}, "type": "SubmitPlan", "data": {}}',
        { 'idempotency-key': 'k-nested-proto' },
      );
      expect(nested.body).toMatchObject({ code: 'FIELD_UNKNOWN', field: 'actAs.__proto__' });
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();

      const form = new FormData();
      form.append('file', new Blob(['{}'], { type: 'application/json' }), 'x.json');
      form.append('prototype', 'x');
      const upload = await fetch(`${baseUrl}/registry/imports`, {
        method: 'POST',
        body: form,
        headers: { authorization: `Bearer ${clerk.token}` },
      });
      expect(upload.status).toBe(400);
      expect(await upload.json()).toMatchObject({ code: 'FIELD_UNKNOWN', field: 'prototype' });
      const many = new FormData();
      for (let i = 0; i < 8; i++) many.append(`f${i}`, 'x');
      const tooMany = await fetch(`${baseUrl}/registry/imports`, {
        method: 'POST',
        body: many,
        headers: { authorization: `Bearer ${clerk.token}` },
      });
      expect(tooMany.status).toBe(400);
      expect(((await tooMany.json()) as ErrorBody).code).toBeTruthy();
    });

    it('takes a registry workbook up to 20 MB, and refuses a larger upload with 413', async () => {
      const form = new FormData();
      form.append('file', new Blob([Buffer.alloc(21 * 1024 * 1024, 0x41)]), 'tinh.xlsx');
      const upload = await fetch(`${baseUrl}/registry/imports`, {
        method: 'POST',
        body: form,
        headers: { authorization: `Bearer ${clerk.token}` },
      });
      expect(upload.status).toBe(413);
      expect(((await upload.json()) as ErrorBody).code).toBe('REQUEST_TOO_LARGE');
    });
  });

  describe('auth', () => {
    it('sends security headers (a CSP, no X-Powered-By)', async () => {
      const answer = await anonymous.get('/health');
      expect(answer.headers.get('x-powered-by')).toBeNull();
      expect(answer.headers.get('content-security-policy')).toMatch(/script-src 'self'/);
      expect(answer.headers.get('x-content-type-options')).toBe('nosniff');
    });

    it('takes the access token from the Authorization header only, and never one without an expiry', async () => {
      expect((await anonymous.get(`/auth/me?access_token=${clerk.token}`)).status).toBe(401);
      expect((await clerk.get('/auth/me')).status).toBe(200);
      const jwt = new JwtService({ secret: SECRET, signOptions: { algorithm: 'HS256' } });
      const me = (await clerk.get<Record<string, unknown>>('/auth/me')).body;
      const forever = await jwt.signAsync({ ...me, grants: [], sub: me.userId, typ: 'access', ver: 1 });
      const answer = await new HttpClient(baseUrl, forever).get<ErrorBody>('/auth/me');
      expect(answer.status).toBe(401);
      expect(answer.body.code).toBe('UNAUTHENTICATED');
    });

    it('gives short access tokens with a refresh token used once', async () => {
      const session = (await login('phobithu')).body;
      expect(session.expiresIn).toBe(15 * 60);
      const refreshed = await anonymous.post<Session>('/auth/refresh', { refreshToken: session.refreshToken });
      expect(refreshed.status).toBe(200);
      expect(refreshed.body.refreshToken).not.toBe(session.refreshToken);
      expect((await new HttpClient(baseUrl, refreshed.body.accessToken).get('/auth/me')).status).toBe(200);
      const again = await anonymous.post<ErrorBody>('/auth/refresh', { refreshToken: session.refreshToken });
      expect(again.status).toBe(401);
      expect(again.body).toMatchObject({ code: 'REFRESH_TOKEN_REUSED', field: 'refreshToken' });
      expect((await anonymous.post('/auth/logout', { refreshToken: refreshed.body.refreshToken })).status).toBe(200);
      expect((await anonymous.post('/auth/refresh', { refreshToken: refreshed.body.refreshToken })).status).toBe(401);
    });

    it('revokes every token of a user whose roles change, and of a deleted user', async () => {
      const session = (await login('phobithu2')).body;
      const client = new HttpClient(baseUrl, session.accessToken);
      expect((await client.get('/auth/me')).status).toBe(200);
      await db.query(`UPDATE users SET grants = '[]'::jsonb WHERE username = 'phobithu2'`);
      await new Promise((resolve) => setTimeout(resolve, 1_100));
      expect((await client.get<ErrorBody>('/auth/me')).body.code).toBe('UNAUTHENTICATED');
      expect((await anonymous.post('/auth/refresh', { refreshToken: session.refreshToken })).status).toBe(401);
      const fresh = (await login('phobithu2')).body;
      expect(
        (await new HttpClient(baseUrl, fresh.accessToken).get<{ grants: unknown[] }>('/auth/me')).body.grants,
      ).toEqual([]);

      const gone = (await login('bochinhtri')).body;
      await db.query(`DELETE FROM users WHERE username = 'bochinhtri'`);
      await new Promise((resolve) => setTimeout(resolve, 1_100));
      expect((await new HttpClient(baseUrl, gone.accessToken).get('/auth/me')).status).toBe(401);
      expect((await anonymous.post('/auth/refresh', { refreshToken: gone.refreshToken })).status).toBe(401);
    });

    it('opens the live stream with a single-use ticket only', async () => {
      const ticket = await clerk.post<{ ticket: string; expiresIn: number }>('/tasks/events/ticket');
      expect(ticket.status).toBe(200);
      expect(ticket.body.expiresIn).toBeLessThanOrEqual(60);
      const controller = new AbortController();
      const stream = await fetch(`${baseUrl}/tasks/events?ticket=${encodeURIComponent(ticket.body.ticket)}`, {
        signal: controller.signal,
      });
      expect(stream.status).toBe(200);
      controller.abort();
      const reused = await anonymous.get<ErrorBody>(`/tasks/events?ticket=${encodeURIComponent(ticket.body.ticket)}`);
      expect(reused.status).toBe(401);
      expect(reused.body.code).toBe('STREAM_TICKET_INVALID');
      expect((await anonymous.get<ErrorBody>(`/tasks/events?access_token=${clerk.token}`)).status).toBe(401);
    });

    it('locks a username after repeated wrong passwords, even for the right one, with a clear 429', async () => {
      for (let i = 0; i < 3; i++) expect((await login('kiemphieu', 'wrong')).status).toBe(401);
      const locked = await login('kiemphieu');
      expect(locked.status).toBe(429);
      expect(locked.body).toMatchObject({ code: 'TOO_MANY_LOGIN_ATTEMPTS' });
      expect(locked.body.params?.retryAfterSeconds).toBeGreaterThan(0);
      expect((await login('ubkt')).status).toBe(200);
    });

    it('locks an address after repeated failures over many usernames', async () => {
      // The address has failed 3 times above; 4 × 3 failures lock it.
      for (let i = 0; i < 9; i++) await login(`nobody-${i}`, 'wrong');
      const locked = await login('ubkt');
      expect(locked.status).toBe(429);
      expect(locked.body.code).toBe('TOO_MANY_LOGIN_ATTEMPTS');
    });
  });
});
