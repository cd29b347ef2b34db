import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { ApiSettings, DEMO_PASSWORD, createApiApp } from '@cadreflow/api';
import { TrustedKeys } from '@cadreflow/event-store';
import { provincialPlanRequest } from '../../workflows/test/support/demo-launch.fixture';
import { E2E_JWT_SECRET, HttpClient, startFullStack, type FullStack } from '../support/full-stack';

const key = (): Record<string, string> => ({ 'idempotency-key': randomUUID() });

interface Task {
  taskId: string;
  procedureId: string;
  stepId: string;
}

/** One request line of the JSON log. */
interface RequestLine {
  level: number;
  msg: string;
  req: { id: string; method: string; url: string };
  res: { statusCode: number };
  user?: string;
  procedureId?: string;
  workflowId?: string;
  taskId?: string;
}

/** The value of one series of a Prometheus text exposition, or undefined when it is not there. */
function sample(text: string, series: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

/**
 * Logs and metrics of an API application on the end-to-end stack (real PostgreSQL, embedded Temporal, real worker),
 * after one launch, one decision and one verify run through it.
 */
describe('observability of the API', () => {
  let stack: FullStack;
  let api: INestApplication;
  let client: (username?: string) => Promise<HttpClient>;
  const lines: string[] = [];
  let procedureId: string;
  let launchRequestId: string;
  let task: Task;

  beforeAll(async () => {
    stack = await startFullStack();
    api = await createApiApp(
      new ApiSettings(stack.databaseUrl, stack.temporal.address, 'default', stack.taskQueue, false, E2E_JWT_SECRET),
      new TrustedKeys([stack.signer.publicKey]),
      ['error', 'warn', 'log'],
      { format: 'json', destination: { write: (line: string) => void lines.push(line) } },
    );
    await api.listen(0, '127.0.0.1');
    const baseUrl = (await api.getUrl()).replace('[::1]', '127.0.0.1');
    client = async (username?: string) => {
      if (!username) return new HttpClient(baseUrl);
      const login = await new HttpClient(baseUrl).post<{ accessToken: string }>('/auth/login', {
        username,
        password: DEMO_PASSWORD,
      });
      return new HttpClient(baseUrl, login.body.accessToken);
    };

    const [committee, approver, inspector] = await Promise.all(['tochuc', 'phobithu', 'ubkt'].map((u) => client(u)));
    const launched = await committee.post<{ procedureId: string }>('/procedures', provincialPlanRequest(), key());
    expect(launched.status).toBe(201);
    procedureId = launched.body.procedureId;
    launchRequestId = launched.headers.get('x-request-id')!;
    for (let i = 0; i < 100; i++) {
      const queue = await approver.get<{ items: Task[] }>('/tasks?pageSize=200');
      const found = queue.body.items.find((t) => t.procedureId === procedureId && t.stepId === 'adoption-1');
      if (found) {
        task = found;
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect((await approver.post(`/tasks/${task.taskId}/decision`, { kind: 'approve' }, key())).status).toBe(200);
    expect((await inspector.post<{ ok: boolean }>('/audit/verify')).body.ok).toBe(true);
  });
  afterAll(async () => {
    await api?.close();
    await stack?.stop();
  });

  it('serves Prometheus metrics: HTTP latency by route, decisions, verify runs, the log head and the projection lag', async () => {
    const scrape = await (await client()).get<string>('/metrics');
    expect(scrape.status).toBe(200);
    expect(scrape.headers.get('content-type')).toMatch(/^text\/plain;.*version=0\.0\.4/);
    const text = scrape.body;
    expect(
      sample(
        text,
        'cadreflow_http_request_duration_seconds_count{method="POST",route="/tasks/:taskId/decision",status="200"}',
      ),
    ).toBe(1);
    expect(
      sample(text, 'cadreflow_http_request_duration_seconds_count{method="POST",route="/procedures",status="201"}'),
    ).toBe(1);
    expect(sample(text, 'cadreflow_decisions_total{outcome="recorded"}')).toBe(1);
    expect(sample(text, 'cadreflow_verify_runs_total{result="intact"}')).toBe(1);
    expect(sample(text, 'cadreflow_log_head_position')).toBeGreaterThan(2);
    expect(sample(text, 'cadreflow_projection_lag_events')).toBeGreaterThanOrEqual(0);
    expect(text).toContain('cadreflow_api_process_cpu_seconds_total');
    // Ids never become labels: one series per route, not per task.
    expect(text).not.toContain(task.taskId);
  });

  it('writes one JSON line per request with its request id, user, procedure, workflow and task', () => {
    const requests = lines.map((line) => JSON.parse(line) as RequestLine).filter((line) => line.req && line.res);
    const launch = requests.find((l) => l.req.method === 'POST' && l.req.url === '/procedures');
    expect(launch).toMatchObject({
      level: 30,
      msg: 'request completed',
      req: { id: launchRequestId },
      res: { statusCode: 201 },
      user: 'tochuc',
      procedureId,
      workflowId: procedureId,
    });
    const decision = requests.find((l) => l.req.url === `/tasks/${task.taskId}/decision`);
    expect(decision).toMatchObject({ user: 'phobithu', taskId: task.taskId, res: { statusCode: 200 } });
    expect(new Set(requests.map((l) => l.req.id)).size).toBe(requests.length);
    // The bearer token is never written.
    expect(lines.join('\n')).not.toMatch(/authorization|Bearer /i);
  });
});
