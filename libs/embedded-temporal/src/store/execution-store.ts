import type { ExecutionState } from '../engine/execution-state';
import type { IHistoryEvent } from '../proto/temporal-proto';
import type { VisibilityQuery } from '../visibility';

/** One run to save: its whole state and the history events appended since the last save. */
export interface ExecutionWrite {
  readonly state: ExecutionState;
  /** New history events, in order, starting at `firstEventId`; they are not changed afterwards. */
  readonly newEvents: readonly IHistoryEvent[];
  readonly firstEventId: number;
}

/** A namespace as the server keeps it. */
export interface NamespaceRecord {
  readonly name: string;
  readonly id: string;
  readonly description: string;
  readonly retentionDays: number;
}

/** What a store hands back when the server starts. */
export interface StoredData {
  readonly namespaces: NamespaceRecord[];
  /** Every run the store knows, open and closed. */
  readonly executions: ExecutionState[];
}

/**
 * Where the server keeps its durable data. The engine works in memory and calls {@link write} with
 * batches (group commit); a batch must be atomic and applied in call order. On start it {@link open}s
 * the store and rebuilds timers and task queues from the states, so nothing pending is lost.
 */
export interface ExecutionStore {
  /** Prepares the store (schema) and returns everything saved before. */
  open(): Promise<StoredData>;
  /** The history events of a run, in order. */
  readHistory(namespace: string, runId: string): Promise<IHistoryEvent[]>;
  /** Saves runs and namespaces atomically. */
  write(executions: readonly ExecutionWrite[], namespaces: readonly NamespaceRecord[]): Promise<void>;
  /** Releases connections. */
  close(): Promise<void>;
  /**
   * Run ids matching a visibility query, in its order, for stores that index visibility themselves
   * (without it the server filters the runs it holds in memory).
   */
  listRunIds?(namespace: string, query: VisibilityQuery, limit: number, offset: number): Promise<string[]>;
  /** How many runs match a visibility query (with {@link listRunIds}). */
  countRuns?(namespace: string, query: VisibilityQuery): Promise<number>;
}
