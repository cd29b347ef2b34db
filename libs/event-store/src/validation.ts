import { InvalidAppendError } from './errors';
import type { ExpectedVersion, JsonObject, NewEvent } from './types';

const NAME = /^[\p{L}\p{N}_.:\-/@]+$/u;
const MAX_NAME = 200;

/** Checks an append before anything touches the database; throws {@link InvalidAppendError}. */
export function validateAppend(streamId: unknown, expectedVersion: unknown, events: unknown, key: unknown): void {
  if (typeof streamId !== 'string' || streamId.length === 0) {
    throw new InvalidAppendError('Stream id must be a non-empty string.', 'streamId');
  }
  if (streamId.length > MAX_NAME || !NAME.test(streamId)) {
    throw new InvalidAppendError(
      `Stream id "${streamId.slice(0, 60)}" must be at most ${MAX_NAME} letters, digits or _ . : - / @.`,
      'streamId',
    );
  }
  if (!isExpectedVersion(expectedVersion)) {
    throw new InvalidAppendError(
      `Expected version must be a whole number >= 0, 'no-stream' or 'any' (got ${String(expectedVersion)}).`,
      'expectedVersion',
    );
  }
  if (!Array.isArray(events) || events.length === 0) {
    throw new InvalidAppendError('An append needs at least one event.', 'events');
  }
  events.forEach((event: NewEvent, index) => {
    const at = `events[${index}]`;
    if (typeof event !== 'object' || event === null) throw new InvalidAppendError(`${at} must be an object.`, at);
    if (typeof event.type !== 'string' || !NAME.test(event.type) || event.type.length > MAX_NAME) {
      throw new InvalidAppendError(`${at}.type must be a non-empty name (letters, digits, _ . : -).`, `${at}.type`);
    }
    const schemaVersion = event.schemaVersion ?? 1;
    if (!Number.isInteger(schemaVersion) || schemaVersion < 1) {
      throw new InvalidAppendError(`${at}.schemaVersion must be a whole number >= 1.`, `${at}.schemaVersion`);
    }
    assertJsonObject(event.data, `${at}.data`);
    assertJsonObject(event.metadata, `${at}.metadata`);
  });
  if (key !== undefined && (typeof key !== 'string' || key.length === 0 || key.length > MAX_NAME)) {
    throw new InvalidAppendError(
      `Idempotency key must be a non-empty string of at most ${MAX_NAME} characters.`,
      'idempotencyKey',
    );
  }
}

function isExpectedVersion(value: unknown): value is ExpectedVersion {
  return (
    value === 'any' || value === 'no-stream' || (typeof value === 'number' && Number.isInteger(value) && value >= 0)
  );
}

function assertJsonObject(value: unknown, path: string): asserts value is JsonObject {
  if (!isPlainObject(value)) throw new InvalidAppendError(`${path} must be a plain JSON object.`, path);
  assertJson(value, path, new Set());
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

/** Only what survives a JSON round trip unchanged is accepted, so the hash covers exactly what is stored. */
function assertJson(value: unknown, path: string, seen: Set<object>): void {
  const fail = (what: string): never => {
    throw new InvalidAppendError(`${path} is ${what}, which is not JSON-serialisable.`, path);
  };
  switch (typeof value) {
    case 'string':
      if (value.includes('\u0000')) fail('a string with a NUL character');
      if (!value.isWellFormed()) fail('a string with a lone surrogate');
      return;
    case 'boolean':
      return;
    case 'number':
      if (!Number.isFinite(value)) fail(String(value));
      return;
    case 'object': {
      if (value === null) return;
      if (seen.has(value)) fail('a circular reference');
      seen.add(value);
      if (Array.isArray(value)) {
        value.forEach((item, i) => assertJson(item, `${path}[${i}]`, seen));
      } else if (isPlainObject(value)) {
        for (const [k, v] of Object.entries(value)) {
          if (k.includes('\u0000')) fail('a key with a NUL character');
          assertJson(v, `${path}.${k}`, seen);
        }
      } else {
        fail(`an instance of ${(value.constructor as { name?: string } | undefined)?.name ?? 'a class'}`);
      }
      seen.delete(value);
      return;
    }
    default:
      fail(`a ${typeof value}`);
  }
}
