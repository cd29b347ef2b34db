import type { JsonObject, RecordedEvent } from './types';

/**
 * The columns of {@link EventRow}, named rather than `*`: a prepared statement of `SELECT *` fails with "cached plan
 * must not change result type" in a running process once a migration adds a column.
 */
export const EVENT_COLUMNS =
  'position, stream_id, stream_version, type, schema_version, data, metadata, recorded_at, idempotency_key, prev_hash, hash, log_hash';

/** A row of `events` as the pg driver returns it. */
export interface EventRow {
  position: string;
  stream_id: string;
  stream_version: number;
  type: string;
  schema_version: number;
  data: JsonObject;
  metadata: JsonObject;
  recorded_at: Date;
  idempotency_key: string | null;
  prev_hash: string;
  hash: string;
  log_hash: string;
}

export function toRecordedEvent(row: EventRow): RecordedEvent {
  return {
    position: Number(row.position),
    streamId: row.stream_id,
    streamVersion: row.stream_version,
    type: row.type,
    schemaVersion: row.schema_version,
    data: row.data,
    metadata: row.metadata,
    recordedAt: row.recorded_at,
    idempotencyKey: row.idempotency_key,
    prevHash: row.prev_hash,
    hash: row.hash,
    logHash: row.log_hash,
  };
}
