/**
 * The activities workflows call, as a contract: workflows import only these types; `apps/worker` implements them.
 */

/** A JSON object, as events carry. */
export type JsonObject = { [key: string]: JsonValue };
export type JsonValue = null | boolean | number | string | JsonValue[] | JsonObject;

/** One event to record, with its audit metadata already filled in by the workflow. */
export interface EventToRecord {
  type: string;
  data: JsonObject;
  metadata: JsonObject;
}

export interface RecordEventsInput {
  /** The procedure's stream: the workflow id. */
  streamId: string;
  /** How many events the workflow has recorded on this stream so far. */
  expectedVersion: number;
  events: EventToRecord[];
  /** Stable across activity retries, so a retry never writes twice: e.g. `${workflowId}/${expectedVersion}`. */
  idempotencyKey: string;
}

/** What the log says about a recorded event: where it is and how it is chained. */
export interface RecordedEventRef {
  position: number;
  streamVersion: number;
  type: string;
  hash: string;
  recordedAt: string;
}

export interface ProcedureActivities {
  /**
   * Appends events to the procedure's stream (idempotent). Fails with the non-retryable type
   * `ExpectedVersionConflict` if another writer touched the stream.
   */
  recordEvents(input: RecordEventsInput): Promise<RecordedEventRef[]>;
}

/** `ApplicationFailure` type raised by `recordEvents` on a version conflict. */
export const EXPECTED_VERSION_CONFLICT = 'ExpectedVersionConflict';
