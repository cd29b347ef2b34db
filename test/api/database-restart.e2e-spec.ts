import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EMBEDDED_DATABASE, ensureDatabase, freePort } from '@cadreflow/event-store';
import { provincialPlanRequest } from '../../workflows/test/support/demo-launch.fixture';
import { seedDatabase, startFullStack, type FullStack, type HttpClient } from '../support/full-stack';

const root = join(__dirname, '..', '..');

/** A PostgreSQL server in a process of its own (test/support/postgres-process.ts). */
interface PostgresProcess {
  adminUrl: string;
  stop(): Promise<void>;
}

async function startPostgres(dataDir: string, port: number): Promise<PostgresProcess> {
  const child: ChildProcess = spawn(
    process.execPath,
    ['-r', './tools/register.js', 'test/support/postgres-process.ts', dataDir, String(port)],
    { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const adminUrl = await new Promise<string>((resolve, reject) => {
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      const ready = /^ready (\S+)/m.exec(output);
      if (ready) resolve(ready[1]);
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    void exited.then(() => reject(new Error(`PostgreSQL did not start:\n${output}`)));
  });
  return {
    adminUrl,
    stop: async () => {
      child.kill('SIGTERM');
      await exited;
    },
  };
}

interface Health {
  status: string;
  error?: Record<string, unknown>;
  details: { readModels?: { behind?: number } } & Record<string, unknown>;
}
interface Task {
  taskId: string;
  procedureId: string;
  stepId: string;
}

const key = (): Record<string, string> => ({ 'idempotency-key': randomUUID() });
const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Reads until `accept` holds (every 200 ms; the test's own timeout bounds it). */
async function until<T>(read: () => Promise<T>, accept: (value: T) => boolean): Promise<T> {
  for (;;) {
    const value = await read().catch(() => undefined);
    if (value !== undefined && accept(value)) return value;
    await pause(200);
  }
}

/**
 * The read models and the readiness check across a restart of the real PostgreSQL server (its own embedded server
 * here, stopped and started again on the same data folder and port): while it is down, readiness says so (503,
 * `database` down); once it is back, the read models resume by themselves and show what the worker recorded after
 * the restart, and readiness is 200 again, without restarting the API.
 */
describe('a PostgreSQL restart under a running API (real PostgreSQL, embedded Temporal, real worker)', () => {
  let dataDir: string;
  let port: number;
  let postgres: PostgresProcess | undefined;
  let stack: FullStack;
  let committee: HttpClient;
  let approver: HttpClient;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'cadreflow-pg-restart-'));
    port = await freePort();
    postgres = await startPostgres(join(dataDir, 'postgres'), port);
    const url = await ensureDatabase(postgres.adminUrl, EMBEDDED_DATABASE);
    await seedDatabase(url);
    stack = await startFullStack({ database: { url, drop: () => Promise.resolve() } });
    committee = await stack.as('tochuc');
    approver = await stack.as('phobithu');
  });
  afterAll(async () => {
    await stack?.stop();
    await postgres?.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  const health = (path: string): Promise<{ status: number; body: Health }> =>
    stack.anonymous.get<Health>(path).then((r) => ({ status: r.status, body: r.body }));

  it('reports the database down while it is, then resumes the read models and is ready again', async () => {
    const ready = await health('/health/ready');
    expect(ready.status).toBe(200);
    expect(ready.body.details).toEqual(
      expect.objectContaining({
        database: expect.objectContaining({ status: 'up' }) as unknown,
        temporal: expect.objectContaining({ status: 'up' }) as unknown,
        readModels: expect.objectContaining({ status: 'up', behind: 0 }) as unknown,
      }),
    );
    expect((await health('/health')).status).toBe(200);
    expect((await health('/health/live')).status).toBe(200);

    const launched = await committee.post<{ procedureId: string }>('/procedures', provincialPlanRequest(), key());
    expect(launched.status).toBe(201);
    const procedureId = launched.body.procedureId;
    const task = (
      await until(
        () => approver.get<{ items: Task[] }>('/tasks?pageSize=200'),
        (r) => r.body.items.some((t) => t.procedureId === procedureId),
      )
    ).body.items.find((t) => t.procedureId === procedureId)!;

    await postgres!.stop();
    const down = await until(
      () => health('/health/ready'),
      (r) => r.status === 503,
    );
    expect(down.body.status).toBe('error');
    expect(Object.keys(down.body.error ?? {})).toContain('database');
    expect((await health('/health/live')).status).toBe(200);

    postgres = await startPostgres(join(dataDir, 'postgres'), port);

    // The decision is recorded by the worker (another connection pool than the API's read models): only the read
    // models' own live loop brings it into the queue.
    const decided = await until(
      () => approver.post<{ events: { type: string }[] }>(`/tasks/${task.taskId}/decision`, { kind: 'approve' }, key()),
      (r) => r.status === 200,
    );
    expect(decided.body.events.map((e) => e.type)).toContain('PlanAdopted');
    const closed = await until(
      () => approver.get<{ status: string }>(`/tasks/${task.taskId}`),
      (r) => r.status === 200 && r.body.status === 'closed',
    );
    expect(closed.body.status).toBe('closed');

    const back = await until(
      () => health('/health/ready'),
      (r) => r.status === 200,
    );
    expect(back.body.details.readModels).toEqual(expect.objectContaining({ status: 'up', behind: 0 }));
  });
});
