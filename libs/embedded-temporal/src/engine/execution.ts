import {
  decodeEvent,
  encodeEvent,
  type IHistoryEvent,
  type Loose,
  type temporal,
  WorkflowExecutionStatus,
} from '../proto/temporal-proto';
import type { ExecutionState } from './execution-state';

/** Buffered events as saved (base64 protobuf), by event. */
const encodedBuffered = new WeakMap<IHistoryEvent, string>();

/** A query waiting for its answer from a worker. */
export interface PendingQuery {
  readonly id: string;
  readonly query: temporal.api.query.v1.IWorkflowQuery;
  /** `waiting` for a workflow task, `attached` to a running one, `dispatched` as a query task. */
  stage: 'waiting' | 'attached' | 'dispatched';
  /** How many times it went out as a query task: only the latest task carries it (see `dispatchWaitingQueries`). */
  dispatches?: number;
  /** Sends it again when the worker drops the query task (see `QUERY_REDISPATCH_MS`). */
  redispatch?: NodeJS.Timeout;
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

  constructor(
    public state: ExecutionState,
    /** The history, or `undefined` for a closed run whose history is still in the store. */
    public history: IHistoryEvent[] | undefined,
    /** How many events of the history the store already has. */
    public persistedEvents: number,
  ) {
    this.buffered = state.buffered.map((b64) => {
      const event = decodeEvent(Buffer.from(b64, 'base64'));
      encodedBuffered.set(event, b64);
      return event;
    });
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
   * answers a caller from what it finds goes through the engine's `answerOnceSaved`.
   */
  notify(): void {
    const listeners = [...this.watchers];
    this.watchers.clear();
    for (const listener of listeners) listener();
  }

  /**
   * Copies the buffered events into the state before it is saved. A buffered event does not change until it leaves
   * the buffer, so each is encoded once, however often its run is saved.
   */
  syncBufferedToState(): void {
    this.state.buffered = this.buffered.map((event) => {
      let encoded = encodedBuffered.get(event);
      if (encoded === undefined) {
        encoded = Buffer.from(encodeEvent(event)).toString('base64');
        encodedBuffered.set(event, encoded);
      }
      return encoded;
    });
  }
}
