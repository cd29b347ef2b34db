import { Injectable } from '@nestjs/common';
import { SpanStatusCode, trace } from '@opentelemetry/api';
import { ApplicationFailure } from '@temporalio/common';
import {
  canonicalJson,
  EventStore,
  eventReference,
  ExpectedVersionConflictError,
  IdempotencyKeyMismatchError,
  InvalidAppendError,
  type RecordedEvent,
} from '@cadreflow/event-store';
import { RelationsSource } from './relations.source';
import {
  EXPECTED_VERSION_CONFLICT,
  STREAM_AHEAD,
  type DeclaredRelationRecord,
  type DeclaredRelationsInput,
  type LoggedEvent,
  type ProcedureActivities,
  type ReadStreamAfterInput,
  type RecordEventsInput,
  type StreamPage,
  type RecordedEventRef,
} from '@cadreflow/workflows/activities';

/** The largest page `readStreamAfter` answers. */
const MAX_PAGE = 500;

/** Whether the events a repeated key holds are the very events asked for (a retried attempt), not another batch. */
function sameContent(input: RecordEventsInput, recorded: readonly RecordedEvent[]): boolean {
  return (
    recorded.length === input.events.length &&
    recorded.every(
      (e, i) =>
        e.type === input.events[i].type &&
        canonicalJson(e.data) === canonicalJson(input.events[i].data) &&
        canonicalJson(e.metadata) === canonicalJson(input.events[i].metadata),
    )
  );
}

/** The worker's own spans (a no-op tracer while tracing is off): the append inside the activity's span. */
const tracer = trace.getTracer('cadreflow-worker');

/**
 * The activities of the procedure workflows. Appending with the workflow's idempotency key makes retries safe:
 * an append that succeeded but whose answer was lost returns the first result on retry.
 */
@Injectable()
export class ProcedureActivitiesService implements ProcedureActivities {
  constructor(
    private readonly store: EventStore,
    private readonly relationsSource: RelationsSource,
  ) {}

  /** Relations declared in the registry as of `on` involving any of the people (recusal at decision time). */
  async declaredRelations(input: DeclaredRelationsInput): Promise<DeclaredRelationRecord[]> {
    const found = await this.relationsSource.relations(input.personIds, input.on);
    return found.map((r) => ({
      personId: r.personId,
      relativeId: r.relativeId,
      kind: r.kind,
      declaredOn: r.declaredOn,
    }));
  }

  async recordEvents(input: RecordEventsInput): Promise<RecordedEventRef[]> {
    try {
      const result = await tracer.startActiveSpan('append', async (span) => {
        span.setAttributes({ 'cadreflow.stream_id': input.streamId, 'cadreflow.events': input.events.length });
        try {
          return await this.store.append(input.streamId, input.expectedVersion, input.events, {
            idempotencyKey: input.idempotencyKey,
          });
        } catch (error) {
          span.setStatus({
            code: SpanStatusCode.ERROR,
            message: error instanceof Error ? error.message : String(error),
          });
          throw error;
        } finally {
          span.end();
        }
      });
      if (result.duplicate && !sameContent(input, result.events)) {
        // The key was used by another batch at this version (an Update the Temporal server lost after its events
        // were recorded, then decided anew): handing that batch back as this one's would put the workflow out of
        // step with the log. The workflow reads what it missed instead.
        throw ApplicationFailure.create({
          type: STREAM_AHEAD,
          message: `Stream ${input.streamId} already holds other events at version ${input.expectedVersion + 1}`,
          nonRetryable: true,
        });
      }
      return result.events.map(eventReference);
    } catch (error) {
      if (error instanceof ApplicationFailure) throw error;
      // Retrying cannot fix these: the workflow must see them at once.
      if (error instanceof ExpectedVersionConflictError) {
        throw ApplicationFailure.create({
          type: EXPECTED_VERSION_CONFLICT,
          message: error.message,
          nonRetryable: true,
        });
      }
      if (error instanceof IdempotencyKeyMismatchError) {
        throw ApplicationFailure.create({ type: STREAM_AHEAD, message: error.message, nonRetryable: true });
      }
      if (error instanceof InvalidAppendError) {
        throw ApplicationFailure.create({ type: error.name, message: error.message, nonRetryable: true });
      }
      throw error;
    }
  }

  /** A page of the events a workflow has not folded, and those a command it is deciding already recorded. */
  async readStreamAfter(input: ReadStreamAfterInput): Promise<StreamPage> {
    const limit = Math.max(1, Math.min(input.limit, MAX_PAGE));
    const [events, causedBy] = await Promise.all([
      this.store.readStream(input.streamId, input.afterVersion + 1, limit),
      input.causationId === undefined ? [] : this.store.readCausedBy(input.streamId, input.causationId),
    ]);
    return {
      events: events.map((e): LoggedEvent => ({
        type: e.type,
        data: e.data,
        metadata: e.metadata,
        ref: eventReference(e),
      })),
      causedBy: causedBy.map(eventReference),
    };
  }

  /** The activity functions, bound, as `Worker.create({ activities })` takes them. */
  asActivities(): ProcedureActivities {
    return {
      recordEvents: (input) => this.recordEvents(input),
      declaredRelations: (input) => this.declaredRelations(input),
      readStreamAfter: (input) => this.readStreamAfter(input),
    };
  }
}
