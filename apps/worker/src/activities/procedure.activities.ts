import { Injectable } from '@nestjs/common';
import { SpanStatusCode, trace } from '@opentelemetry/api';
import { ApplicationFailure } from '@temporalio/common';
import {
  EventStore,
  eventReference,
  ExpectedVersionConflictError,
  IdempotencyKeyMismatchError,
  InvalidAppendError,
} from '@cadreflow/event-store';
import { RelationsSource } from './relations.source';
import {
  EXPECTED_VERSION_CONFLICT,
  type DeclaredRelationRecord,
  type DeclaredRelationsInput,
  type ProcedureActivities,
  type RecordEventsInput,
  type RecordedEventRef,
} from '@cadreflow/workflows/activities';

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
      return result.events.map(eventReference);
    } catch (error) {
      // Retrying cannot fix these: the workflow must see them at once.
      if (error instanceof ExpectedVersionConflictError) {
        throw ApplicationFailure.create({
          type: EXPECTED_VERSION_CONFLICT,
          message: error.message,
          nonRetryable: true,
        });
      }
      if (error instanceof InvalidAppendError || error instanceof IdempotencyKeyMismatchError) {
        throw ApplicationFailure.create({ type: error.name, message: error.message, nonRetryable: true });
      }
      throw error;
    }
  }

  /** The activity functions, bound, as `Worker.create({ activities })` takes them. */
  asActivities(): ProcedureActivities {
    return {
      recordEvents: (input) => this.recordEvents(input),
      declaredRelations: (input) => this.declaredRelations(input),
    };
  }
}
