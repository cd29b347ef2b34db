import { randomUUID } from 'node:crypto';
import { Client, Connection } from '@temporalio/client';
import { bundleWorkflowCode, DefaultLogger, NativeConnection, Runtime, type WorkflowBundle } from '@temporalio/worker';
import { startTestTemporal, type TestTemporal } from '../../../test/support/temporal-server';
import { createProcedureWorker, type WorkflowThreadStall } from '../src/temporal/procedure-worker';
import {
  quickWorkflow,
  releaseSignal,
  spinningWorkflow,
  spinStep,
  waitingWorkflow,
} from './fixtures/spinning.workflows';

/** How many loop steps this machine runs in a millisecond, timed here on the same arithmetic as the workflow. */
function stepsPerMs(): number {
  const started = performance.now();
  let steps = 0;
  let x = 0;
  while (performance.now() - started < 300) {
    for (let k = 0; k < 1_000_000; k++, steps++) x = spinStep(x, k);
  }
  return x >= 0 ? steps / (performance.now() - started) : 0;
}

describe('createProcedureWorker (real SDK, embedded Temporal server)', () => {
  let temporal: TestTemporal;
  let connection: Connection;
  let nativeConnection: NativeConnection;
  let bundle: WorkflowBundle;

  beforeAll(async () => {
    Runtime.install({ logger: new DefaultLogger('ERROR') });
    [temporal, bundle] = await Promise.all([
      startTestTemporal({ longPollMs: 5_000 }),
      bundleWorkflowCode({
        workflowsPath: require.resolve('./fixtures/spinning.workflows'),
        logger: new DefaultLogger('ERROR'),
      }),
    ]);
    connection = await Connection.connect({ address: temporal.address });
    nativeConnection = await NativeConnection.connect({ address: temporal.address });
  });
  afterAll(async () => {
    await nativeConnection?.close();
    await connection?.close();
    await temporal?.stop();
  });

  it('runs workflow code past the SDK’s 5 s call limit and reports an activation that has not yielded', async () => {
    const stalls: WorkflowThreadStall[] = [];
    const taskQueue = `worker-${randomUUID()}`;
    const worker = await createProcedureWorker(
      { connection: nativeConnection, taskQueue, workflowBundle: bundle, shutdownGraceTime: '1 second' },
      { limitMs: 1_000, onStall: (stall) => stalls.push(stall) },
    );
    const client = new Client({ connection });
    // About 6.5 s of computing without yielding: the SDK alone would fail the task ("deadlock") after 5 s.
    const iterations = Math.round(stepsPerMs() * 6_500);
    const [spun, quick] = await worker.runUntil(
      Promise.all([
        client.workflow.execute(spinningWorkflow, {
          taskQueue,
          workflowId: `spinning-${randomUUID()}`,
          args: [iterations],
          workflowTaskTimeout: '60 seconds',
        }),
        client.workflow.execute(quickWorkflow, { taskQueue, workflowId: `quick-${randomUUID()}`, args: [41] }),
      ]),
    );

    // The loop adds 0 … iterations − 1 modulo 1 000 003.
    expect(spun).toBe(Number(((BigInt(iterations) * BigInt(iterations - 1)) / 2n) % 1_000_003n));
    expect(quick).toBe(42);
    // Reported once, naming the workflow that held the thread (the quick one may have waited behind it).
    expect(stalls).toHaveLength(1);
    expect(stalls[0].workflows.map((w) => w.workflowType)).toContain('spinningWorkflow');
    expect(stalls[0].waitedMs).toBeGreaterThanOrEqual(1_000);
  });

  it('keeps no stack trace per workflow promise: the stack-trace query says so, and the workflow runs on', async () => {
    const taskQueue = `worker-${randomUUID()}`;
    const worker = await createProcedureWorker(
      { connection: nativeConnection, taskQueue, workflowBundle: bundle, shutdownGraceTime: '1 second' },
      { limitMs: 10_000, onStall: () => undefined },
    );
    const client = new Client({ connection });
    const result = await worker.runUntil(async () => {
      const handle = await client.workflow.start(waitingWorkflow, { taskQueue, workflowId: `waiting-${randomUUID()}` });
      await expect(handle.query('__stack_trace')).rejects.toThrow(/stack traces are not enabled/);
      await handle.signal(releaseSignal);
      return handle.result();
    });
    expect(result).toBe('released');
  });
});
