import type { DataSource } from 'typeorm';
import type { JsonObject, NewEvent } from '../src/types';

/** Audit metadata as the engine records it. */
export function meta(overrides: JsonObject = {}): JsonObject {
  return {
    actorId: 'user-tochuc-1',
    actorRole: 'organization-committee',
    bodyId: 'bac-ninh/ban-to-chuc',
    rulebookId: 'rulebook/2025-2030',
    ...overrides,
  };
}

/** An event of about `bytes` bytes of data. */
export function event(type: string, data: JsonObject = {}, bytes = 0): NewEvent {
  return { type, data: bytes > 0 ? { ...data, note: 'x'.repeat(bytes) } : data, metadata: meta() };
}

/**
 * Appends as the store did before migration LeanerAppend, through `cadreflow_append(requests jsonb, recorded)`:
 * for tests that write a log with an earlier schema.
 */
export async function appendBeforeLeanerAppend(
  dataSource: DataSource,
  streamId: string,
  expectedVersion: number,
  events: NewEvent[],
  idempotencyKey?: string,
): Promise<void> {
  const request = {
    s: streamId,
    e: expectedVersion,
    k: idempotencyKey ?? null,
    ev: events.map((e) => ({ t: e.type, v: e.schemaVersion ?? 1, d: e.data, m: e.metadata })),
  };
  const rows = await dataSource.query<{ outcome: string }[]>(
    `SELECT outcome FROM cadreflow_append($1::jsonb, $2::timestamptz)`,
    [JSON.stringify([request]), new Date().toISOString()],
  );
  if (rows.some((r) => r.outcome !== 'write')) throw new Error(`append to ${streamId} was not written`);
}
