import type { WorkflowBundle } from '@temporalio/worker';
import { temporal } from '@temporalio/proto';
import { MemoryExecutionStore, type ExecutionWrite, type NamespaceRecord } from '../src';
import type * as workflows from './workflows';
import { bundleTestWorkflows, createHarness, type Harness, workflowId } from './harness';

const EventType = temporal.api.enums.v1.EventType;

/**
 * A memory store that can hold back the write carrying an event of a given type until {@link release}; the engine
 * saves in order, so every later write waits behind it.
 */
class HeldStore extends MemoryExecutionStore {
  private held: { type: number; arrived: () => void; gate: Promise<void>; open: () => void } | undefined;

  /** Holds the next write that carries an event of `type`; resolves once that write has arrived. */
  holdWriteWith(type: number): Promise<void> {
    return new Promise((arrived) => {
      let open!: () => void;
      const gate = new Promise<void>((resolve) => (open = resolve));
      this.held = { type, arrived, gate, open };
    });
  }

  release(): void {
    this.held?.open();
    this.held = undefined;
  }

  override async write(executions: readonly ExecutionWrite[], namespaces: readonly NamespaceRecord[]): Promise<void> {
    const held = this.held;
    if (held && executions.some((w) => w.newEvents.some((e) => Number(e.eventType) === held.type))) {
      held.arrived();
      await held.gate;
    }
    await super.write(executions, namespaces);
  }
}

/** A memory store whose next write carrying an event of a given type fails, as when the database is down. */
class FailingStore extends MemoryExecutionStore {
  private failing: number | undefined;
  failures = 0;

  failNextWriteWith(type: number): void {
    this.failing = type;
  }

  override async write(executions: readonly ExecutionWrite[], namespaces: readonly NamespaceRecord[]): Promise<void> {
    const failing = this.failing;
    if (failing !== undefined && executions.some((w) => w.newEvents.some((e) => Number(e.eventType) === failing))) {
      this.failing = undefined;
      this.failures++;
      throw new Error('connection terminated: the database is down');
    }
    await super.write(executions, namespaces);
  }
}

/** Whether `promise` has settled after the server had `ms` to answer. */
async function settledWithin(promise: Promise<unknown>, ms: number): Promise<boolean> {
  let settled = false;
  void promise.then(
    () => (settled = true),
    () => (settled = true),
  );
  await new Promise((resolve) => setTimeout(resolve, ms));
  return settled;
}

describe('the embedded server answers callers only with what it has saved', () => {
  let bundle: WorkflowBundle;
  let store: HeldStore;
  let h: Harness;

  beforeAll(async () => {
    bundle = await bundleTestWorkflows();
    store = new HeldStore();
    h = await createHarness(bundle, { store });
  });

  afterEach(() => store.release());

  afterAll(async () => {
    await h?.close();
  });

  it("an update's outcome reaches its caller only once the completion is saved", async () => {
    await h.withWorker(async (taskQueue) => {
      const handle = await h.client.workflow.start<typeof workflows.updatable>('updatable', {
        taskQueue,
        workflowId: workflowId('held-update'),
      });
      await handle.executeUpdate<string, [string]>('decide', { args: ['warm-up'] });

      const held = store.holdWriteWith(EventType.EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_COMPLETED);
      const outcome = handle.executeUpdate<string, [string]>('decide', { args: ['approve'] });
      await held;
      const answeredEarly = await settledWithin(outcome, 300);
      store.release();
      expect(answeredEarly).toBe(false);
      await expect(outcome).resolves.toBe('recorded approve');
      await handle.executeUpdate<string, [string]>('decide', { args: ['done'] });
      await expect(handle.result()).resolves.toEqual(['warm-up', 'approve', 'done']);
    });
  });

  it("a workflow's result reaches its caller only once the close is saved", async () => {
    await h.withWorker(async (taskQueue) => {
      const handle = await h.client.workflow.start<typeof workflows.signalDriven>('signalDriven', {
        taskQueue,
        workflowId: workflowId('held-result'),
        args: [1],
      });
      const result = handle.result();
      // The run is waiting for its signal once its first workflow task has completed.
      await expect(handle.query<string[]>('state')).resolves.toEqual([]);

      const held = store.holdWriteWith(EventType.EVENT_TYPE_WORKFLOW_EXECUTION_COMPLETED);
      await handle.signal('approve', 'chair');
      await held;
      const answeredEarly = await settledWithin(result, 300);
      store.release();
      expect(answeredEarly).toBe(false);
      await expect(result).resolves.toEqual(['chair']);
    });
  });
});

describe('the embedded server after a failed save', () => {
  let bundle: WorkflowBundle;
  let store: FailingStore;
  let h: Harness;

  beforeAll(async () => {
    bundle = await bundleTestWorkflows();
    store = new FailingStore();
    h = await createHarness(bundle, { store });
  });

  afterAll(async () => {
    await h?.close();
  });

  it('writes the events of the failed save with the next one: the stored history has no gap', async () => {
    await h.withWorker(async (taskQueue) => {
      store.failNextWriteWith(EventType.EVENT_TYPE_ACTIVITY_TASK_COMPLETED);
      const handle = await h.client.workflow.start<typeof workflows.oneActivity>('oneActivity', {
        taskQueue,
        workflowId: workflowId('failed-save'),
        args: ['plan'],
      });
      await expect(handle.result()).resolves.toBe('plan');
      expect(store.failures).toBe(1);

      const served = (await handle.fetchHistory()).events ?? [];
      const stored = await store.readHistory('default', handle.firstExecutionRunId);
      expect(stored.map((e) => Number(e?.eventId))).toEqual(served.map((e) => Number(e.eventId)));
      expect(stored.map((e) => Number(e?.eventType))).toContain(EventType.EVENT_TYPE_ACTIVITY_TASK_COMPLETED);
    });
  });
});
