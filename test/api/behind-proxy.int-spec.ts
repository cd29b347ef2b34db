import { generateKeyPairSync } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { ApiSettings, DEMO_PASSWORD, createApiApp } from '@cadreflow/api';
import { CheckpointSigner, TrustedKeys } from '@cadreflow/event-store';
import { DEFAULT_API_SECURITY } from '../../apps/api/src/api-settings';
import { HttpClient, createSeededDatabase } from '../support/full-stack';

const SECRET = 'behind-proxy-secret-long-enough-for-tests';

/** An API on the run's PostgreSQL (no Temporal: sign-in only), trusting `hops` proxies in front of it. */
async function startApi(databaseUrl: string, hops: number): Promise<{ app: INestApplication; client: HttpClient }> {
  const signer = new CheckpointSigner(generateKeyPairSync('ed25519').privateKey);
  const app = await createApiApp(
    new ApiSettings(databaseUrl, '127.0.0.1:1', 'default', 'unused', false, SECRET, 30_000, {
      ...DEFAULT_API_SECURITY,
      // One failure locks a username, four an address.
      session: { ...DEFAULT_API_SECURITY.session, loginMaxFailures: 1, loginLockoutSeconds: 60 },
      trustProxyHops: hops,
    }),
    new TrustedKeys([signer.publicKey]),
    ['error'],
  );
  await app.listen(0, '127.0.0.1');
  return { app, client: new HttpClient((await app.getUrl()).replace('[::1]', '127.0.0.1')) };
}

/**
 * Behind the load balancer of docker/compose.yaml every connection comes from the proxy: with
 * `CADREFLOW_TRUST_PROXY_HOPS=1` the API counts sign-in failures per client address, the one the proxy writes in
 * `X-Forwarded-For`, so that one client's failures do not lock everyone out; without it the header is ignored.
 */
describe('the API behind a proxy', () => {
  let drop: () => Promise<void>;
  let databaseUrl: string;
  const apps: INestApplication[] = [];

  beforeAll(async () => {
    const database = await createSeededDatabase('proxy');
    [databaseUrl, drop] = [database.url, database.drop];
  });
  afterAll(async () => {
    for (const app of apps) await app.close();
    await drop?.();
  });

  /** Four wrong passwords on four usernames from `address`: the address is locked. */
  const failFrom = async (client: HttpClient, address: string, usernames: string[]): Promise<void> => {
    for (const username of usernames) {
      const failed = await client.post('/auth/login', { username, password: 'wrong' }, { 'x-forwarded-for': address });
      expect(failed.status).toBe(401);
    }
  };

  it('counts failures per forwarded client address when it trusts one proxy', async () => {
    const { app, client } = await startApi(databaseUrl, 1);
    apps.push(app);
    await failFrom(client, '203.0.113.7', ['nobody-1', 'nobody-2', 'nobody-3', 'nobody-4']);
    const locked = await client.post<{ code: string }>(
      '/auth/login',
      { username: 'tochuc', password: DEMO_PASSWORD },
      { 'x-forwarded-for': '203.0.113.7' },
    );
    expect(locked.status).toBe(429);
    expect(locked.body.code).toBe('TOO_MANY_LOGIN_ATTEMPTS');
    const other = await client.post(
      '/auth/login',
      { username: 'tochuc', password: DEMO_PASSWORD },
      { 'x-forwarded-for': '203.0.113.8' },
    );
    expect(other.status).toBe(200);
  });

  it('ignores X-Forwarded-For by default: the connection’s address is the client’s', async () => {
    const { app, client } = await startApi(databaseUrl, 0);
    apps.push(app);
    await failFrom(client, '198.51.100.1', ['nobody-5']);
    await failFrom(client, '198.51.100.2', ['nobody-6']);
    await failFrom(client, '198.51.100.3', ['nobody-7']);
    await failFrom(client, '198.51.100.4', ['nobody-8']);
    const locked = await client.post<{ code: string }>(
      '/auth/login',
      { username: 'phobithu', password: DEMO_PASSWORD },
      { 'x-forwarded-for': '198.51.100.9' },
    );
    expect(locked.status).toBe(429);
    expect(locked.body.code).toBe('TOO_MANY_LOGIN_ATTEMPTS');
  });
});
