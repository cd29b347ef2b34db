import { generateKeyPairSync } from 'node:crypto';
import { Agent, request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import type { INestApplication, INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { SpanProcessor } from '@opentelemetry/sdk-trace-base';
import type { WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { ApiSettings, DEMO_PASSWORD, apiEntities, apiMigrations, createApiApp, seedDemoUsers } from '@cadreflow/api';
import { CheckpointSigner, TrustedKeys, createDataSource } from '@cadreflow/event-store';
import { importOnFirstStart } from '@cadreflow/registry';
import { SHARED_MODULES, WorkerModule, WorkerSettings, bundleProcedureWorkflows } from '@cadreflow/worker';
import type { ApiSecurity } from '../../apps/api/src/api-settings';
import { createEmptyDatabase } from '../setup/database';
import { startTestTemporal, type TestTemporal } from './temporal-server';

/** The whole system on one machine, as `npm start` runs it, for end-to-end tests. */
export interface FullStack {
  baseUrl: string;
  temporal: TestTemporal;
  databaseUrl: string;
  /** The task queue of this stack's procedures, for another API replica on the same database. */
  taskQueue: string;
  signer: CheckpointSigner;
  /** Signs in a demo user and returns a client that sends their token. */
  as(username: string): Promise<HttpClient>;
  /** A client without a token. */
  anonymous: HttpClient;
  stop(): Promise<void>;
}

export interface HttpResponse<T = unknown> {
  status: number;
  body: T;
  headers: Headers;
}

/** Node's response headers as a fetch `Headers`. */
function toHeaders(incoming: IncomingHttpHeaders): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(incoming)) {
    if (value === undefined) continue;
    for (const one of Array.isArray(value) ? value : [value]) headers.append(name, one);
  }
  return headers;
}

/** Connections kept open between requests, as a browser does (idle ones never keep a test process alive). */
const keepAlive = new Agent({ keepAlive: true });

/**
 * A small JSON-over-HTTP client for tests and benchmarks, on Node's own HTTP client: it spends a fraction of the CPU
 * of `fetch` per request, which matters where the client shares the machine with the system it measures.
 */
export class HttpClient {
  constructor(
    private readonly baseUrl: string,
    readonly token?: string,
  ) {}

  request<T = unknown>(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<HttpResponse<T>> {
    const payload = body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body);
    return new Promise((resolve, reject) => {
      const outgoing = httpRequest(
        new URL(`${this.baseUrl}${path}`),
        {
          method,
          agent: keepAlive,
          headers: {
            ...(payload === undefined
              ? {}
              : { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(payload)) }),
            ...(this.token ? { authorization: `Bearer ${this.token}` } : {}),
            ...headers,
          },
        },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('error', reject);
          response.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            let parsed: unknown = text;
            try {
              parsed = text ? JSON.parse(text) : undefined;
            } catch {
              // not JSON: keep the text
            }
            resolve({ status: response.statusCode ?? 0, body: parsed as T, headers: toHeaders(response.headers) });
          });
        },
      );
      outgoing.on('error', reject);
      outgoing.end(payload);
    });
  }

  get<T = unknown>(path: string): Promise<HttpResponse<T>> {
    return this.request<T>('GET', path);
  }

  post<T = unknown>(path: string, body?: unknown, headers?: Record<string, string>): Promise<HttpResponse<T>> {
    return this.request<T>('POST', path, body ?? {}, headers);
  }
}

let bundle: Promise<WorkflowBundleWithSourceMap> | undefined;

/** The workflow bundle, built once per test file. */
export function workflowBundle(): Promise<WorkflowBundleWithSourceMap> {
  bundle ??= bundleProcedureWorkflows();
  return bundle;
}

/** A fresh database on the run's PostgreSQL with every migration run, the demo users seeded and the demo province imported. */
export async function createSeededDatabase(prefix: string): Promise<{ url: string; drop(): Promise<void> }> {
  const database = await createEmptyDatabase(prefix);
  await seedDatabase(database.url);
  return database;
}

/** Runs every migration on an empty database, seeds the demo users and imports the demo province. */
export async function seedDatabase(url: string): Promise<void> {
  const migrator = createDataSource({
    url,
    extraEntities: apiEntities,
    extraMigrations: apiMigrations,
    poolSize: 2,
  });
  await migrator.initialize();
  await migrator.runMigrations();
  await seedDemoUsers(migrator);
  await importOnFirstStart(migrator);
  await migrator.destroy();
}

/** The secret the stack's API signs access tokens with. */
export const E2E_JWT_SECRET = 'e2e-secret-that-is-long-enough-for-tests';

/**
 * Starts database, Temporal (embedded, or the real one at `TEMPORAL_ADDRESS`), worker and API; `stop()` tears it all
 * down. `workflowSpans` receives the workflows' spans (tracing tests).
 */
export async function startFullStack(
  options: {
    database?: { url: string; drop(): Promise<void> };
    security?: ApiSecurity;
    workflowSpans?: SpanProcessor;
  } = {},
): Promise<FullStack> {
  const database = options.database ?? (await createSeededDatabase('e2e'));

  const temporal = await startTestTemporal();
  const taskQueue = `e2e-${Math.random().toString(36).slice(2, 10)}`;
  const worker: INestApplicationContext = await NestFactory.createApplicationContext(
    WorkerModule.forRoot(
      new WorkerSettings(database.url, temporal.address, 'default', taskQueue, false, undefined, options.workflowSpans),
      options.workflowSpans
        ? await bundleProcedureWorkflows(SHARED_MODULES, { tracing: true })
        : await workflowBundle(),
    ),
    { logger: ['error'] },
  );
  const signer = new CheckpointSigner(generateKeyPairSync('ed25519').privateKey);
  const api: INestApplication = await createApiApp(
    new ApiSettings(
      database.url,
      temporal.address,
      'default',
      taskQueue,
      false,
      E2E_JWT_SECRET,
      30_000,
      options.security,
    ),
    new TrustedKeys([signer.publicKey]),
    ['error'],
  );
  await api.listen(0, '127.0.0.1');
  const baseUrl = (await api.getUrl()).replace('[::1]', '127.0.0.1');
  const anonymous = new HttpClient(baseUrl);
  return {
    baseUrl,
    temporal,
    databaseUrl: database.url,
    taskQueue,
    signer,
    anonymous,
    async as(username: string) {
      const login = await anonymous.post<{ accessToken: string }>('/auth/login', { username, password: DEMO_PASSWORD });
      if (login.status !== 200) throw new Error(`cannot sign in ${username}: ${JSON.stringify(login.body)}`);
      return new HttpClient(baseUrl, login.body.accessToken);
    },
    async stop() {
      await api.close();
      await worker.close();
      await temporal.stop();
      await database.drop();
    },
  };
}
