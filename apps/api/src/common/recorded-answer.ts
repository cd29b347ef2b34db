import { eventReference, type EventStore } from '@cadreflow/event-store';
import type { RecordedEventRef } from '@cadreflow/workflows/messages';
import type { LoggedAnswer } from './idempotency.service';

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
): LoggedAnswer<RecordedEventRef[]> {
  return {
    isLogged: (refs) => refs.length > 0,
    recall: async () => {
      const streamId = await streamOf();
      const events = streamId === undefined ? [] : await store.readCausedBy(streamId, updateId);
      return events.length > 0 ? events.map(eventReference) : undefined;
    },
  };
}
