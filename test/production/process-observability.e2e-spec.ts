import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { provincialPlanRequest } from '../../workflows/test/support/demo-launch.fixture';
import { startProcessStack, type ProcessStack } from '../support/process-stack';

const key = (): Record<string, string> => ({ 'idempotency-key': randomUUID() });

/** The parts of an OTLP/HTTP JSON trace export this test reads. */
interface TraceExport {
  resourceSpans: {
    resource: { attributes: { key: string; value: { stringValue?: string } }[] };
    scopeSpans: { spans: { name: string; traceId: string; spanId: string; parentSpanId?: string }[] }[];
  }[];
}

/** A span received, with the service that sent it. */
interface ReceivedSpan {
  service: string;
  name: string;
  traceId: string;
  spanId: string;
  parentSpanId?: string;
}

/** An OTLP/HTTP receiver (JSON, as `@opentelemetry/exporter-trace-otlp-http` sends) that keeps every span posted. */
async function startReceiver(): Promise<{ url: string; spans: ReceivedSpan[]; server: Server }> {
  const spans: ReceivedSpan[] = [];
  const server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      if (request.method === 'POST' && request.url === '/v1/traces') {
        for (const resourceSpans of (JSON.parse(body) as TraceExport).resourceSpans) {
          const service = resourceSpans.resource.attributes.find((a) => a.key === 'service.name')?.value.stringValue;
          for (const scope of resourceSpans.scopeSpans) {
            for (const span of scope.spans) spans.push({ ...span, service: service ?? '' });
          }
        }
      }
      response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, spans, server };
}

/** One line of the worker's log (pino's fields, the SDK's attributes). */
interface LogLine {
  level: number;
  time: number;
  msg: string;
  context?: string;
  sdkComponent?: string;
  workflowId?: string;
  runId?: string;
  workflowType?: string;
  taskQueue?: string;
  activityType?: string;
  workflowRunId?: string;
  target?: string;
}

/**
 * The production processes, each on its own (`apps/worker/src/main.ts`, `apps/api/src/main.ts`): what the worker
 * writes on standard output, and the spans both send when they are stopped right after a decision. The batch
 * processor's delay is set to ten minutes, so a span reaches the receiver only when the process sends what it holds
 * as it stops.
 */
describe('the worker and API processes', () => {
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  let stack: ProcessStack | undefined;
  const output: Record<string, { stdout: string; stderr: string }> = {};
  let procedureId: string;
  let queue: string;
  let temporalAddress: string;

  beforeAll(async () => {
    receiver = await startReceiver();
    queue = `logs-${randomUUID().slice(0, 8)}`;
    stack = await startProcessStack({
      env: {
        OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url,
        OTEL_BSP_SCHEDULE_DELAY: '600000',
        TEMPORAL_TASK_QUEUE: queue,
      },
      workerEnv: { LOG_LEVEL: 'debug' },
      onOutput: (process, stream, text) => {
        output[process] ??= { stdout: '', stderr: '' };
        output[process][stream] += text;
      },
    });
    temporalAddress = stack.temporalAddress;
    const [committee, approver] = await Promise.all([stack.as('tochuc'), stack.as('phobithu')]);
    const launched = await committee.post<{ procedureId: string }>('/procedures', provincialPlanRequest(), key());
    expect(launched.status).toBe(201);
    procedureId = launched.body.procedureId;
    let taskId: string | undefined;
    for (let i = 0; i < 100 && !taskId; i++) {
      const tasks = await approver.get<{ items: { taskId: string; procedureId: string; stepId: string }[] }>(
        '/tasks?pageSize=200',
      );
      taskId = tasks.body.items.find((t) => t.procedureId === procedureId && t.stepId === 'adoption-1')?.taskId;
      if (!taskId) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(taskId).toBeDefined();
    expect((await approver.post(`/tasks/${taskId}/decision`, { kind: 'approve' }, key())).status).toBe(200);
    // SIGTERM at once, the API first, then the worker: neither has sent a batch yet.
    await stack.stop();
    stack = undefined;
  }, 300_000);

  afterAll(async () => {
    await stack?.stop();
    await new Promise((resolve) => receiver?.server.close(resolve));
  });

  it('writes every line of the worker as JSON, the Temporal SDK’s with their workflow and activity attributes', () => {
    const stdout = output.worker.stdout.split('\n').filter((line) => line !== '');
    expect(stdout.length).toBeGreaterThan(5);
    const lines = stdout.map((line) => {
      try {
        return JSON.parse(line) as LogLine;
      } catch {
        throw new Error(`not a JSON line: ${line}`);
      }
    });
    for (const line of lines) {
      expect([typeof line.level, typeof line.time, typeof line.msg]).toEqual(['number', 'number', 'string']);
    }
    // Nest's lines, with their context.
    expect(lines).toContainEqual(
      expect.objectContaining({
        context: 'TemporalWorkerService',
        msg: `polling task queue "${queue}" on ${temporalAddress} with workflows, keeping up to 3000 open procedures in memory`,
      }),
    );
    // The workflow's lines (the SDK's workflow logger, at debug), with its ids.
    expect(lines).toContainEqual(
      expect.objectContaining({
        context: 'temporal',
        msg: 'Workflow started',
        workflowId: procedureId,
        workflowType: 'personnelPlanWorkflow',
        taskQueue: queue,
      }),
    );
    // The activity's, with its type.
    expect(lines).toContainEqual(
      expect.objectContaining({
        context: 'temporal',
        msg: 'Activity completed',
        workflowId: procedureId,
        activityType: 'recordEvents',
        taskQueue: queue,
      }),
    );
    // The SDK's native core, forwarded instead of printed as text.
    expect(lines).toContainEqual(expect.objectContaining({ context: 'temporal', sdkComponent: 'core' }));
    expect(lines).toContainEqual(expect.objectContaining({ msg: 'SIGTERM received: stopping' }));
    // An activity's task token (which can complete it through the Temporal API) is never written.
    expect(lines.filter((line) => 'taskToken' in line)).toEqual([]);
    // The run id of the workflow's lines is the activity's workflowRunId.
    const started = lines.find((l) => l.msg === 'Workflow started' && l.workflowId === procedureId);
    const activity = lines.find((l) => l.msg === 'Activity completed' && l.workflowId === procedureId);
    expect(started?.runId).toMatch(/^[0-9a-f-]{36}$/);
    expect(activity?.workflowRunId).toBe(started?.runId);
    expect(output.worker.stderr).not.toMatch(/\S/);
  });

  it('sends the spans of the last requests and tasks when stopped (SIGTERM), from the API and the worker', () => {
    const decision = receiver.spans.find(
      (s) => s.service === 'cadreflow-api' && s.name === 'POST /tasks/:taskId/decision',
    );
    expect(decision).toBeDefined();
    const ofTrace = receiver.spans.filter((s) => s.traceId === decision!.traceId);
    expect(ofTrace).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ service: 'cadreflow-worker', name: 'HandleUpdate:decide' }),
        expect.objectContaining({ service: 'cadreflow-worker', name: 'RunActivity:recordEvents' }),
      ]),
    );
    // The workflow's span, recorded in the sandbox, keeps its parent: the API's Temporal client span.
    const update = ofTrace.find((s) => s.name === 'StartWorkflowUpdate:decide');
    const handled = ofTrace.find((s) => s.name === 'HandleUpdate:decide');
    expect(handled?.parentSpanId).toBe(update?.spanId);
  });
});
