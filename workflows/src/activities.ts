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

/** Input of {@link ProcedureActivities.readStreamAfter}. */
export interface ReadStreamAfterInput {
  readonly streamId: string;
  /** The version the workflow has folded: the page starts at the event after it. */
  readonly afterVersion: number;
  /** At most this many events. */
  readonly limit: number;
  /** With it, the answer also names the stream's events recorded with this cause (an Update id), wherever they are. */
  readonly causationId?: string;
}

/** What {@link ProcedureActivities.readStreamAfter} answers. */
export interface StreamPage {
  /** The events after `afterVersion`, in version order, at most `limit`. */
  events: LoggedEvent[];
  /** The stream's events caused by `causationId`, in version order (none without it). */
  causedBy: RecordedEventRef[];
}

/** An event of the log as a workflow folds it: its content and where the log holds it. */
export interface LoggedEvent {
  type: string;
  data: JsonObject;
  metadata: JsonObject;
  ref: RecordedEventRef;
}

export interface ProcedureActivities {
  /**
   * The relations declared in the organisation registry, as of `on`, in which any of `personIds` is either side
   * (for recusal at decision time: a relative declared after the launch).
   */
  declaredRelations(input: DeclaredRelationsInput): Promise<DeclaredRelationRecord[]>;
  /**
   * Appends events to the procedure's stream (idempotent: a retried attempt gets the first attempt's refs). Fails
   * with the non-retryable type `ExpectedVersionConflict` if the stream is not at `expectedVersion`, and with
   * `StreamAhead` if the idempotency key already holds other events (the stream is ahead of the workflow).
   */
  recordEvents(input: RecordEventsInput): Promise<RecordedEventRef[]>;
  /**
   * One page of a stream's events after `afterVersion`, in version order: what the log holds that the workflow has
   * not folded (it catches up from the log, the source of truth, after a lost Update).
   */
  readStreamAfter(input: ReadStreamAfterInput): Promise<StreamPage>;
}

/** `ApplicationFailure` type raised by `recordEvents` on a version conflict. */
export const EXPECTED_VERSION_CONFLICT = 'ExpectedVersionConflict';

/**
 * `ApplicationFailure` type raised by `recordEvents` when its idempotency key (`<stream>/<version>`) already holds
 * other events than those asked for: another batch was recorded at that version, which the workflow has not folded.
 */
export const STREAM_AHEAD = 'StreamAhead';
