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
