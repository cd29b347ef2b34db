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

/** Input of {@link ProcedureActivities.declaredRelations}. */
export interface DeclaredRelationsInput {
  readonly personIds: readonly string[];
  /** `YYYY-MM-DD`: relations declared on or before this day. */
  readonly on: string;
}

/** A declared relation as the registry answers it (the domain's `DeclaredRelation`). */
export interface DeclaredRelationRecord {
  personId: string;
  relativeId: string;
  kind: 'spouse' | 'parent' | 'parent-in-law' | 'child' | 'child-in-law' | 'sibling';
  declaredOn: string;
}

export interface ProcedureActivities {
  /**
   * The relations declared in the organisation registry, as of `on`, in which any of `personIds` is either side
   * (for recusal at decision time: a relative declared after the launch).
   */
  declaredRelations(input: DeclaredRelationsInput): Promise<DeclaredRelationRecord[]>;
  /**
   * Appends events to the procedure's stream (idempotent). Fails with the non-retryable type
   * `ExpectedVersionConflict` if another writer touched the stream.
   */
  recordEvents(input: RecordEventsInput): Promise<RecordedEventRef[]>;
}

/** `ApplicationFailure` type raised by `recordEvents` on a version conflict. */
export const EXPECTED_VERSION_CONFLICT = 'ExpectedVersionConflict';
