import { Worker as Thread } from 'node:worker_threads';
import { Worker, type CompiledWorkerOptions, type Logger, type WorkerOptions } from '@temporalio/worker';
import { ThreadedVMWorkflowCreator, WorkerThreadClient } from '@temporalio/worker/lib/workflow/threaded-vm';
import type { Workflow, WorkflowCreateOptions, WorkflowCreator } from '@temporalio/worker/lib/workflow/interface';
import type { WorkflowBundleWithSourceMapAndFilename } from '@temporalio/worker/lib/workflow/workflow-worker-thread/input';

/** A workflow with an activation in flight. */
export interface ActivatedWorkflow {
  workflowId: string;
  runId: string;
  workflowType: string;
}

/** The workflow thread has not answered an activation within the limit: some workflow code has not yielded. */
export interface WorkflowThreadStall {
  /** How long the oldest activation in flight has waited for its answer, in milliseconds. */
  waitedMs: number;
  /** Every workflow with an activation in flight, oldest first: one of them holds the thread, the rest wait. */
  workflows: ActivatedWorkflow[];
}

/** How workflow code that never yields is noticed. */
export interface ActivationWatch {
  /** An activation still unanswered after this many milliseconds means the thread is held. */
  limitMs: number;
  /** Called once per stall (again only after the thread has answered something since). */
  onStall(stall: WorkflowThreadStall): void;
}

/**
 * Watches the activations of the workflows it creates with one timer of the main thread each, and reports when one
 * is not answered within the limit. The workflow thread runs the sandbox for one activation at a time, so workflow
 * code that never yields holds up every workflow of the worker, and from outside the thread the one that holds it
 * cannot be told from those waiting behind it: the report names them all. The owner decides what to do (the worker
 * process exits; its supervisor restarts it).
 */
export class ActivationWatchdog implements WorkflowCreator {
  /** Activations sent and not answered, oldest first, with when they were sent. */
  private readonly inFlight = new Map<object, { workflow: ActivatedWorkflow; sentAt: number }>();
  private reported = false;

  constructor(
    private readonly inner: WorkflowCreator,
    private readonly watch: ActivationWatch,
  ) {}

  async createWorkflow(options: WorkflowCreateOptions): Promise<Workflow> {
    const { workflowId, runId, workflowType } = options.info;
    const workflow: ActivatedWorkflow = { workflowId, runId, workflowType };
    const watched = <T>(work: Promise<T>): Promise<T> => {
      const activation = {};
      this.inFlight.set(activation, { workflow, sentAt: performance.now() });
      const timer = setTimeout(() => this.stalled(), this.watch.limitMs);
      return work.finally(() => {
        clearTimeout(timer);
        this.inFlight.delete(activation);
        this.reported = false;
      });
    };
    // Creating a workflow runs code in the sandbox too (its runtime is initialised there).
    const created = await watched(this.inner.createWorkflow(options));
    return {
      activate: (activation) => watched(created.activate(activation)),
      getAndResetSinkCalls: () => created.getAndResetSinkCalls(),
      dispose: () => created.dispose(),
    };
  }

  destroy(): Promise<void> {
    return this.inner.destroy();
  }

  private stalled(): void {
    if (this.reported) return;
    this.reported = true;
    const waiting = [...this.inFlight.values()];
    this.watch.onStall({
      waitedMs: Math.round(performance.now() - waiting[0].sentAt),
      workflows: waiting.map((w) => w.workflow),
    });
  }
}

/**
 * The code of a workflow thread: the SDK's own thread entry, loaded after its promise-stack tracking is switched
 * off. The SDK installs, in the thread, a promise hook that captures and source-maps a stack trace for every promise
 * workflow code creates, to answer the `__stack_trace` query; on this stack that took about a fifth of the thread's
 * CPU. Without it that query answers that stack traces are not enabled on this worker; a workflow that holds the
 * thread is named by the {@link ActivationWatchdog} instead.
 */
function workflowThreadCode(): string {
  const shared = require.resolve('@temporalio/worker/lib/workflow/vm-shared');
  const entry = require.resolve('@temporalio/worker/lib/workflow/workflow-worker-thread');
  return [
    `require(${JSON.stringify(shared)}).globalHandlers.setPromiseHook = () => undefined;`,
    `require(${JSON.stringify(entry)});`,
  ].join('\n');
}

/**
 * Creates the SDK's Worker with its workflow threads changed in two ways:
 * - workflow code runs in the sandbox without the SDK's per-call execution timeout, and an
 *   {@link ActivationWatchdog} notices code that never yields instead;
 * - the threads keep no stack trace per promise ({@link workflowThreadCode}).
 *
 * Why the timeout goes: Node enforces a `vm` execution timeout by starting and joining a thread of its own on every
 * call into the sandbox, and the SDK calls into it 3 to 4 times per activation (7 times per decision). Measured on
 * this stack: 90–100 µs per call with the timeout against 2.5 µs without; in alternating benchmark runs, 20
 * approvers deciding straight through Temporal got 124–133 decisions/s instead of 92–107. The SDK has an option for
 * neither; `createWorkflowCreator` is its protected extension point, and the threads are set up here as the SDK's
 * `ThreadedVMWorkflowCreator.create` sets them up (`@temporalio/worker` is pinned).
 *
 * @example
 * const worker = await createProcedureWorker({ connection, taskQueue, workflowBundle, activities }, {
 *   limitMs: 30_000,
 *   onStall: (stall) => logger.error(`the workflow thread has not answered for ${stall.waitedMs} ms`),
 * });
 */
export async function createProcedureWorker(options: WorkerOptions, watch: ActivationWatch): Promise<Worker> {
  class ProcedureWorker extends Worker {
    protected static override async createWorkflowCreator(
      workflowBundle: WorkflowBundleWithSourceMapAndFilename,
      compiledOptions: CompiledWorkerOptions,
      logger: Logger,
    ): Promise<WorkflowCreator> {
      const code = workflowThreadCode();
      const { patchActivationCallback } = compiledOptions;
      const threads = Array.from(
        { length: compiledOptions.workflowThreadPoolSize },
        () => new WorkerThreadClient(new Thread(code, { eval: true }), logger, patchActivationCallback),
      );
      await Promise.all(
        threads.map((thread) =>
          thread.send({
            type: 'init',
            workflowBundle,
            // The sandbox passes this on to `vm` as its `timeout`: left undefined, no thread is started per call.
            isolateExecutionTimeoutMs: undefined as unknown as number,
            reuseV8Context: compiledOptions.reuseV8Context,
            registeredActivityNames: new Set(compiledOptions.activities.keys()),
            hasPatchActivationCallback: patchActivationCallback !== undefined,
          }),
        ),
      );
      return new ActivationWatchdog(new ThreadedVMWorkflowCreator(threads), watch);
    }
  }
  return ProcedureWorker.create(options);
}
