/**
 * Machine codes a caller can map to a transport status without parsing messages
 * (e.g. the API maps `VALIDATION` → 422, `NOT_ALLOWED`/`RECUSED` → 403, `ILLEGAL_TRANSITION`/`CONFLICT` → 409).
 */
export type DomainErrorCode =
  'VALIDATION' | 'NOT_ALLOWED' | 'RECUSED' | 'ILLEGAL_TRANSITION' | 'CONFLICT' | 'NOT_FOUND';

/**
 * Base of every error the domain throws: a machine `code` plus a message a person can act on.
 *
 * @example
 * try { decider.decide(cmd, state) } catch (e) { if (e instanceof DomainError) reply(e.code, e.message) }
 */
export abstract class DomainError extends Error {
  abstract readonly code: DomainErrorCode;

  protected constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

/** Input breaks a rule of the rulebook or is inconsistent (counts that do not add up, unknown candidate). */
export class ValidationError extends DomainError {
  readonly code = 'VALIDATION' as const;

  constructor(
    message: string,
    readonly details: Readonly<Record<string, unknown>> = {},
  ) {
    super(message);
  }
}

/** The actor may not take this decision: wrong role or body, or the four-eyes rule forbids it. */
export class NotAllowedError extends DomainError {
  readonly code = 'NOT_ALLOWED' as const;

  constructor(
    message: string,
    readonly actorId: string,
    readonly reason: 'ROLE' | 'BODY' | 'FOUR_EYES',
  ) {
    super(message);
  }
}

/** The actor is the person concerned, a declared relative of them, or has declared a conflict (recusal). */
export class RecusedError extends DomainError {
  readonly code = 'RECUSED' as const;

  constructor(
    message: string,
    readonly actorId: string,
    readonly subjectId: string,
    readonly ground: 'SELF' | 'RELATIVE' | 'DECLARED_CONFLICT',
  ) {
    super(message);
  }
}

/** The command does not fit the procedure's current state (e.g. approving a plan that was never submitted). */
export class IllegalTransitionError extends DomainError {
  readonly code = 'ILLEGAL_TRANSITION' as const;

  constructor(
    message: string,
    readonly status: string,
    readonly commandType: string,
  ) {
    super(message);
  }
}

/** The command collides with something already recorded (a second launch, a step decided twice). */
export class ConflictError extends DomainError {
  readonly code = 'CONFLICT' as const;

  constructor(
    message: string,
    readonly subject: string,
  ) {
    super(message);
  }
}

/** A referenced thing (rulebook, body, person, step) does not exist. */
export class NotFoundError extends DomainError {
  readonly code = 'NOT_FOUND' as const;

  constructor(
    message: string,
    readonly kind: string,
    readonly id: string,
  ) {
    super(message);
  }
}
