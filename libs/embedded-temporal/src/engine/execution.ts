import {
  decodeEvent,
  encodeEvent,
  type IHistoryEvent,
  type Loose,
  type temporal,
  WorkflowExecutionStatus,
} from '../proto/temporal-proto';
import type { ExecutionState } from './execution-state';

/** A query waiting for its answer from a worker. */
export interface PendingQuery {
  readonly id: string;
  readonly query: temporal.api.query.v1.IWorkflowQuery;
  /** `waiting` for a workflow task, `attached` to a running one, `dispatched` as a query task. */
  stage: 'waiting' | 'attached' | 'dispatched';
  readonly resolve: (result: Loose<temporal.api.workflowservice.v1.IQueryWorkflowResponse> | Error) => void;
}

/**
 * One workflow run in memory: its persisted {@link ExecutionState}, its history, and what only lives as
 * long as the process (waiting queries, long polls on its history or updates).
 */
export class Execution {
  /** Events not yet given ids: they arrived while a workflow task was running. */
  buffered: IHistoryEvent[];
  readonly queries = new Map<string, PendingQuery>();
  private readonly watchers = new Set<() => void>();
  /** The buffer whose events {@link encoded} holds, base64 protobuf, in order. */
  private encodedOf: IHistoryEvent[] | undefined;
  private encoded: string[] = [];

  constructor(
    public state: ExecutionState,
    /** The history, or `undefined` for a closed run whose history is still in the store. */
    public history: IHistoryEvent[] | undefined,
    /** How many events of the history the store already has. */
    public persistedEvents: number,
  ) {
    this.buffered = state.buffered.map((b64) => decodeEvent(Buffer.from(b64, 'base64')));
    this.encodedOf = this.buffered;
    this.encoded = [...state.buffered];
  }

  /** `namespace/runId`, the key of a run. */
  get key(): string {
    return `${this.state.namespace}/${this.state.runId}`;
  }

  get isOpen(): boolean {
    return this.state.status === WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING;
  }

  /** The history; only valid for runs kept in memory (open runs always are). */
  get events(): IHistoryEvent[] {
    if (!this.history) throw new Error(`history of ${this.key} is not loaded`);
    return this.history;
  }

  /** Calls `listener` on the next change (new event, close, update progress); returns an unsubscribe. */
  watch(listener: () => void): () => void {
    this.watchers.add(listener);
    return () => this.watchers.delete(listener);
  }

  /**
   * Wakes everyone waiting on this run, as soon as it changes in memory: before the change is saved. A waiter that
   * answers a caller from what it finds awaits the engine's `flush()` first.
   */
  notify(): void {
    const listeners = [...this.watchers];
    this.watchers.clear();
    for (const listener of listeners) listener();
  }

  /**
   * Copies the buffered events into the state before it is saved. A buffered event does not change until it leaves
   * the buffer (which is then replaced by a new array), so each is encoded once, however often its run is saved.
   */
  syncBufferedToState(): void {
    if (this.encodedOf !== this.buffered) {
      this.encodedOf = this.buffered;
      this.encoded = [];
    }
    for (let i = this.encoded.length; i < this.buffered.length; i++) {
      this.encoded.push(Buffer.from(encodeEvent(this.buffered[i])).toString('base64'));
    }
    this.state.buffered = this.encoded.slice();
  }
}
