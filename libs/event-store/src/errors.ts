/** Base of every error the event store raises on purpose; `code` is stable for mapping to HTTP. */
export abstract class EventStoreError extends Error {
  abstract readonly code: 'CONFLICT' | 'INVALID_INPUT' | 'IDEMPOTENCY_MISMATCH';
}

/** Another writer changed the stream since the caller read it. Read again and decide again. */
export class ExpectedVersionConflictError extends EventStoreError {
  readonly code = 'CONFLICT';
  constructor(
    readonly streamId: string,
    readonly expected: number,
    readonly actual: number,
  ) {
    super(`Stream "${streamId}" is at version ${actual}, not ${expected}: it was changed meanwhile; reload and retry.`);
    this.name = 'ExpectedVersionConflictError';
  }
}

/** The append itself is malformed; nothing was written. */
export class InvalidAppendError extends EventStoreError {
  readonly code = 'INVALID_INPUT';
  constructor(
    message: string,
    readonly field: string,
  ) {
    super(message);
    this.name = 'InvalidAppendError';
  }
}

/** An idempotency key was reused for a different append. */
export class IdempotencyKeyMismatchError extends EventStoreError {
  readonly code = 'IDEMPOTENCY_MISMATCH';
  constructor(
    readonly idempotencyKey: string,
    readonly firstStreamId: string,
  ) {
    super(
      `Idempotency key "${idempotencyKey}" was already used for a different append (stream "${firstStreamId}"); use a new key for a new request.`,
    );
    this.name = 'IdempotencyKeyMismatchError';
  }
}
