import { randomUUID } from 'node:crypto';
import type { WorkflowBundle } from '@temporalio/worker';
import { Client } from 'pg';
import { type ExecutionStore, MemoryExecutionStore, PostgresExecutionStore } from '../src';
import { bundleTestWorkflows, createHarness, type Harness, workflowId } from './harness';

/** A fresh database for this file, on the run's PostgreSQL. */
async function createDatabase(): Promise<string> {
  const adminUrl = process.env.CADREFLOW_TEST_ADMIN_URL;
  if (!adminUrl) throw new Error('CADREFLOW_TEST_ADMIN_URL is not set (Jest global setup starts PostgreSQL)');
  const name = `embedded_temporal_${randomUUID().replace(/-/g, '')}`;
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

describe.each([
  [
    'PostgreSQL',
    async (): Promise<() => ExecutionStore> => {
      const url = await createDatabase();
      return () => new PostgresExecutionStore({ connectionString: url });
    },
  ],
  [
    'memory (same store object)',
    (): Promise<() => ExecutionStore> => {
      // Closing a memory store keeps its data, so the same object serves the restarted server.
      const store = new MemoryExecutionStore();
      return Promise.resolve(() => store);
    },
  ],
])('a restart of the embedded server with the %s store', (_name, makeStoreFactory) => {
  let bundle: WorkflowBundle;
  let storeFactory: () => ExecutionStore;
  let harness: Harness | undefined;

  beforeAll(async () => {
    bundle = await bundleTestWorkflows();
    storeFactory = await makeStoreFactory();
  });

  afterEach(async () => {
    await harness?.close();
    harness = undefined;
  });

  it('lists and counts by search attributes, in the requested order', async () => {
    harness = await createHarness(bundle, { store: storeFactory() });
    const { client } = harness;
    const taskQueue = `tq-list-${randomUUID()}`;
    const started: string[] = [];
    for (const [index, owner] of ['ban-to-chuc', 'ubkt', 'ban-to-chuc'].entries()) {
      const id = workflowId(`list-${index}`);
      started.push(id);
      await client.workflow.start('waitForever', { taskQueue, workflowId: id, searchAttributes: { Owner: [owner] } });
    }
    const listed: string[] = [];
    const query = `TaskQueue = '${taskQueue}' AND Owner = 'ban-to-chuc' ORDER BY StartTime ASC`;
    for await (const w of client.workflow.list({ query })) listed.push(w.workflowId);
    expect(listed).toEqual([started[0], started[2]]);
    await expect(client.workflow.count(`TaskQueue = '${taskQueue}' AND Owner IN ('ubkt', 'x')`)).resolves.toEqual(
      expect.objectContaining({ count: 1 }),
    );
    for (const id of started) await client.workflow.getHandle(id).terminate();
    await expect(
      client.workflow.count(`TaskQueue = '${taskQueue}' AND ExecutionStatus = 'Terminated'`),
    ).resolves.toEqual(expect.objectContaining({ count: 3 }));
  });

  it('keeps histories, timers, pending activities and visibility', async () => {
    const taskQueue = `tq-restart-${randomUUID()}`;
    const timerId = workflowId('restart-timer');
    const activityId = workflowId('restart-activity');
    const doneId = workflowId('restart-done');

    harness = await createHarness(bundle, { store: storeFactory() });
    const first = harness;
    await first.withWorker(
      () =>
        first.client.workflow.execute('oneActivity', {
          taskQueue: `${taskQueue}-done`,
          workflowId: doneId,
          args: ['before'],
        }),
      {
        taskQueue: `${taskQueue}-done`,
      },
    );
    await first.withWorker(
      async () => {
        await first.client.workflow.start('sleeper', { taskQueue, workflowId: timerId, args: [3_600_000] });
        await first.client.workflow.start('slowActivity', { taskQueue, workflowId: activityId, args: [10] });
        for (let i = 0; i < 100; i++) {
          const described = await first.client.workflow.getHandle(timerId).describe();
          const history = await first.client.workflow.getHandle(activityId).fetchHistory();
          if (described.historyLength >= 5 && history.events?.some((e) => e.activityTaskScheduledEventAttributes))
            break;
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
      },
      { taskQueue, withActivities: false },
    );
    // A worker that dies holding the activity: its attempt must time out after the restart.
    const taken = await first.connection.workflowService.pollActivityTaskQueue({
      namespace: 'default',
      taskQueue: { name: taskQueue },
      identity: 'dies-with-the-server',
    });
    expect(taken.taskToken?.length).toBeGreaterThan(0);
    const historyBefore = await first.client.workflow.getHandle(doneId).fetchHistory();
    await first.close();
    harness = undefined;

    harness = await createHarness(bundle, { store: storeFactory() });
    const second = harness;
    const historyAfter = await second.client.workflow.getHandle(doneId).fetchHistory();
    expect(historyAfter.events?.length).toBe(historyBefore.events?.length);
    expect((await second.client.workflow.getHandle(timerId).describe()).status.name).toBe('RUNNING');
    const listed: string[] = [];
    for await (const w of second.client.workflow.list({ query: `TaskQueue = '${taskQueue}'` }))
      listed.push(w.workflowId);
    expect(listed.sort()).toEqual([timerId, activityId].sort());
    await expect(
      second.client.workflow.count(`WorkflowId = '${doneId}' AND ExecutionStatus = 'Completed'`),
    ).resolves.toEqual(expect.objectContaining({ count: 1 }));

    second.server.skipTime('2 hours');
    await second.withWorker(
      async () => {
        await expect(second.client.workflow.getHandle(timerId).result()).resolves.toBe('woke');
        await expect(second.client.workflow.getHandle(activityId).result()).resolves.toBe('attempt 2');
      },
      { taskQueue },
    );
  });
});
