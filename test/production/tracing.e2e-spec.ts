import { randomUUID } from 'node:crypto';
import { NodeSDK } from '@opentelemetry/sdk-node';
import { InMemorySpanExporter, SimpleSpanProcessor, type ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { provincialPlanRequest } from '../../workflows/test/support/demo-launch.fixture';
import { startFullStack, type FullStack } from '../support/full-stack';

const key = (): Record<string, string> => ({ 'idempotency-key': randomUUID() });

interface Task {
  taskId: string;
  procedureId: string;
  stepId: string;
}

/**
 * The id of the span a span was started under, as OpenTelemetry's SDK 2.x (and its OTLP exporter) reads it: the
 * workflows' spans, recorded in the sandbox in the 1.x shape, are translated by the worker's sink.
 */
function parentOf(span: ReadableSpan): string | undefined {
  return span.parentSpanContext?.spanId;
}

/**
 * One decision traced end to end with OpenTelemetry's SDK and an in-memory exporter: the API's server span, the
 * Temporal client's update, the workflow's handling of it, the activity it schedules and the append inside it form
 * one trace.
 */
describe('traces of a decision', () => {
  const exporter = new InMemorySpanExporter();
  const sdk = new NodeSDK({
    serviceName: 'cadreflow-test',
    spanProcessors: [new SimpleSpanProcessor(exporter)],
    instrumentations: [],
  });
  let stack: FullStack;

  beforeAll(async () => {
    sdk.start();
    stack = await startFullStack({ workflowSpans: new SimpleSpanProcessor(exporter) });
  });
  afterAll(async () => {
    await stack?.stop();
    await sdk.shutdown();
  });

  it('follows the request from HTTP through the Temporal client, the workflow and the activity to the append', async () => {
    const [committee, approver] = await Promise.all([stack.as('tochuc'), stack.as('phobithu')]);
    const launched = await committee.post<{ procedureId: string }>('/procedures', provincialPlanRequest(), key());
    expect(launched.status).toBe(201);
    let task: Task | undefined;
    for (let i = 0; i < 100 && !task; i++) {
      const queue = await approver.get<{ items: Task[] }>('/tasks?pageSize=200');
      task = queue.body.items.find((t) => t.procedureId === launched.body.procedureId && t.stepId === 'adoption-1');
      if (!task) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(task).toBeDefined();
    // The caller's trace goes on: the decision joins the trace its traceparent names.
    const traceId = randomUUID().replace(/-/g, '');
    const decided = await approver.post(
      `/tasks/${task!.taskId}/decision`,
      { kind: 'approve' },
      {
        ...key(),
        traceparent: `00-${traceId}-${'1'.repeat(16)}-01`,
      },
    );
    expect(decided.status).toBe(200);

    const spans = exporter.getFinishedSpans().filter((span) => span.spanContext().traceId === traceId);
    const named = (pattern: RegExp): ReadableSpan => {
      const found = spans.find((span) => pattern.test(span.name));
      if (!found) throw new Error(`no span ${pattern} in ${spans.map((s) => s.name).join(', ')}`);
      return found;
    };
    const http = named(/^POST \/tasks\/:taskId\/decision$/);
    const client = named(/^StartWorkflowUpdate:decide$/);
    const update = named(/^HandleUpdate:decide$/);
    const schedule = named(/^StartActivity:recordEvents$/);
    const activity = named(/^RunActivity:recordEvents$/);
    const append = named(/^append$/);
    // Each span under the one before it: caller → HTTP → client → workflow → activity → append.
    expect([http, client, update, schedule, activity, append].map(parentOf)).toEqual(
      ['1'.repeat(16), http, client, update, schedule, activity].map((parent) =>
        typeof parent === 'string' ? parent : parent.spanContext().spanId,
      ),
    );
    // Every span names its instrumentation scope, which the OTLP exporter reads (the workflows' spans included).
    expect(spans.filter((span) => !span.instrumentationScope?.name).map((span) => span.name)).toEqual([]);
    expect(append.attributes['cadreflow.stream_id']).toBe(launched.body.procedureId);
    expect(http.attributes['http.response.status_code']).toBe(200);
  });
});
