import type { RecordedEvent } from './types';

/** Where a recorded event is in the log and how it is chained: what a writer answers its caller with. */
export interface EventReference {
  position: number;
  streamVersion: number;
  type: string;
  hash: string;
  /** ISO 8601. */
  recordedAt: string;
}

/** The reference of a recorded event. */
export function eventReference(event: RecordedEvent): EventReference {
  return {
    position: event.position,
    streamVersion: event.streamVersion,
    type: event.type,
    hash: event.hash,
    recordedAt: event.recordedAt.toISOString(),
  };
}
