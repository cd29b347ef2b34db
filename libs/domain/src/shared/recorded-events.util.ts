import { type DomainEvent, type EventMetadata, type RecordedEvent } from './message.types';

/**
 * Attaches the recorder's metadata to the events a decider returned, ready to append. The per-event
 * `causationId` is left as given; callers that chain causes set it themselves.
 *
 * @example recordWith(decider.decide(cmd, state), { actorId, actorRole, bodyId, rulebookId, occurredAt: cmd.now })
 */
export function recordWith<E extends DomainEvent>(
  events: readonly E[],
  metadata: EventMetadata,
): Array<RecordedEvent<E>> {
  return events.map((event) => ({ ...event, metadata }));
}
