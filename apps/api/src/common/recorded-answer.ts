import { Logger } from '@nestjs/common';
import { eventReference, type EventStore } from '@cadreflow/event-store';
import { catchUpSignal, type RecordedEventRef } from '@cadreflow/workflows/messages';
import type { TemporalClientHolder } from '../temporal/temporal-client.provider';
import type { LoggedAnswer } from './idempotency.service';

const logger = new Logger('RecordedAnswer');

/** How long an answer recalled from the log waits for its catch-up signal to be accepted. */
const CATCH_UP_SIGNAL_WAIT_MS = 2_000;

/**
 * The id of the Update a request sends: the same for a retried request (Temporal answers a repeated id with the first
 * outcome), and the cause its events are recorded with.
 */
export function requestUpdateId(
  action: 'decide' | 'withdraw' | 'command',
  userId: string,
  idempotencyKey: string,
): string {
  return `${action}:${userId}:${idempotencyKey}`;
}

/**
 * The answer of an Update that records events, as the log holds it: the events of the procedure's stream caused by
 * the Update (the workflows record an Update's id as the cause of its events). `streamOf` names the stream, or
 * `undefined` when there is none to look in.
 *
 * @example
 * const logged = recordedAnswer(store, async () => procedureId, requestUpdateId('command', userId, key));
 * return idempotency.run(userId, key, request, () => handle.executeUpdate(...), logged);
 */
export function recordedAnswer(
  store: EventStore,
  streamOf: () => Promise<string | undefined>,
  updateId: string,
  temporal?: TemporalClientHolder,
): LoggedAnswer<RecordedEventRef[]> {
  return {
    isLogged: (refs) => refs.length > 0,
    recall: async () => {
      const streamId = await streamOf();
      const events = streamId === undefined ? [] : await store.readCausedBy(streamId, updateId);
      if (events.length === 0) return undefined;
      if (temporal && streamId !== undefined) await askToCatchUp(temporal, streamId);
      return events.map(eventReference);
    },
  };
}

/**
 * An answer recalled from the log may be that of an Update the Temporal server lost after its events were recorded:
 * the procedure's workflow is asked to fold what its stream holds beyond its state, so that it is in step at once
 * (its queries, timers and follow-ups included) rather than at its next command. Best effort: a workflow that has
 * closed, or a Temporal server that is down, leaves the catching up to the next command.
 */
async function askToCatchUp(temporal: TemporalClientHolder, procedureId: string): Promise<void> {
  const sent = temporal
    .get()
    .then((client) => client.workflow.getHandle(procedureId).signal(catchUpSignal))
    .catch((error: unknown) => logger.warn(`Could not ask ${procedureId} to catch up from the log: ${String(error)}`));
  // The answer does not wait on a Temporal server that is down: the signal goes on trying on its own.
  await Promise.race([sent, new Promise((resolve) => setTimeout(resolve, CATCH_UP_SIGNAL_WAIT_MS).unref())]);
}
