/** A JSON value as stored in the `data` and `metadata` columns. */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

/**
 * Audit metadata every event carries (domain.md §5): who acted, in which role at that moment, for which body,
 * under which rulebook, plus correlation (the workflow id) and causation. Extra keys are kept as given.
 */
export interface EventMetadata extends JsonObject {
  actorId: string;
  actorRole: string;
  bodyId: string;
  rulebookId: string;
}

/** An event to append. */
export interface NewEvent {
  type: string;
  data: JsonObject;
  metadata: JsonObject;
  /** Version of the data's shape, for upcasting old events; 1 unless given. */
  schemaVersion?: number;
}

/** An event as recorded in the log. */
export interface RecordedEvent {
  /** Global position: commit order across all streams. */
  position: number;
  streamId: string;
  /** 1 for a stream's first event. */
  streamVersion: number;
  type: string;
  schemaVersion: number;
  data: JsonObject;
  metadata: JsonObject;
  recordedAt: Date;
  idempotencyKey: string | null;
  /** Hash of the stream's previous event (64 zeros for the first). */
  prevHash: string;
  /** SHA-256 over the event's canonical form and `prevHash`. */
  hash: string;
  /** Running hash over every event hash in global order. */
  logHash: string;
}

/**
 * What the writer believes the stream's version is: a number (0 = the stream must not exist yet),
 * `'no-stream'` (same as 0) or `'any'` (no check).
 */
export type ExpectedVersion = number | 'no-stream' | 'any';

export interface AppendOptions {
  /** Appending again with the same key writes nothing and returns the first append's result. */
  idempotencyKey?: string;
}

export interface AppendResult {
  streamId: string;
  /** The stream's version after the append. */
  nextExpectedVersion: number;
  /** The events as recorded (or as first recorded, for a repeated idempotency key). */
  events: RecordedEvent[];
  /** True when the idempotency key had been used already and nothing new was written. */
  duplicate: boolean;
}
