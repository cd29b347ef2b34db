/**
 * Machine codes a caller can map to a transport status without parsing messages
 * (e.g. the API maps `VALIDATION` → 422, `NOT_ALLOWED`/`RECUSED` → 403, `ILLEGAL_TRANSITION`/`CONFLICT` → 409).
 */
export type DomainErrorCode =
  'VALIDATION' | 'NOT_ALLOWED' | 'RECUSED' | 'ILLEGAL_TRANSITION' | 'CONFLICT' | 'NOT_FOUND';

/** A value a translated error message needs: a number, a code, a date, a person or body id (shown by name). */
export type ErrorParam = string | number | boolean | null | readonly string[];

/** The stable code of one refusal and the values its translation needs. */
export interface ErrorReason {
  readonly code: string;
  readonly params?: Readonly<Record<string, ErrorParam>>;
}

/**
 * Base of every error the domain throws: a category `code` (what a transport maps to a status), a stable
 * `errorCode` naming this refusal (e.g. `RECUSED_RELATIVE`, `TALLY_VOTES_MISSING`) with the `params` a translation
 * needs, and an English `message` kept as a developer fallback. Clients translate `errorCode` with `params`.
 *
 * @example
 * try { decider.decide(cmd, state) } catch (e) { if (e instanceof DomainError) reply(e.code, e.errorCode, e.params) }
 */
export abstract class DomainError extends Error {
  abstract readonly code: DomainErrorCode;
  /** The stable code of this refusal. */
  readonly errorCode: string;
  /** The values the translation of {@link errorCode} needs. */
  readonly params: Readonly<Record<string, ErrorParam>>;

  protected constructor(message: string, reason: ErrorReason) {
    super(message);
    this.name = new.target.name;
    this.errorCode = reason.code;
    this.params = reason.params ?? {};
  }
}

function asParams(details: Readonly<Record<string, unknown>>): Readonly<Record<string, ErrorParam>> {
  const params: Record<string, ErrorParam> = {};
  for (const [key, value] of Object.entries(details)) {
    if (value === null || ['string', 'number', 'boolean'].includes(typeof value)) {
      params[key] = value as ErrorParam;
    } else if (Array.isArray(value) && value.every((v) => typeof v === 'string')) {
      params[key] = value;
    } else {
      params[key] = JSON.stringify(value);
    }
  }
  return params;
}

/** Input breaks a rule of the rulebook or is inconsistent (counts that do not add up, unknown candidate). */
export class ValidationError extends DomainError {
  readonly code = 'VALIDATION' as const;

  /** `reason` names the rule broken; without it the code is `VALIDATION` and the details are the params. */
  constructor(
    message: string,
    readonly details: Readonly<Record<string, unknown>> = {},
    reason?: ErrorReason,
  ) {
    super(message, { code: reason?.code ?? 'VALIDATION', params: reason?.params ?? asParams(details) });
  }
}

/** The actor may not take this decision: wrong role or body, or the four-eyes rule forbids it. */
export class NotAllowedError extends DomainError {
  readonly code = 'NOT_ALLOWED' as const;

  constructor(
    message: string,
    readonly actorId: string,
    readonly reason: 'ROLE' | 'BODY' | 'FOUR_EYES',
    params: Readonly<Record<string, ErrorParam>> = {},
  ) {
    super(message, { code: `NOT_ALLOWED_${reason}`, params: { actorId, ...params } });
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
    super(message, { code: `RECUSED_${ground}`, params: { actorId, subjectId } });
  }
}

/** The command does not fit the procedure's current state (e.g. approving a plan that was never submitted). */
export class IllegalTransitionError extends DomainError {
  readonly code = 'ILLEGAL_TRANSITION' as const;

  constructor(
    message: string,
    readonly status: string,
    readonly commandType: string,
    reason?: ErrorReason,
  ) {
    super(message, {
      code: reason?.code ?? 'ILLEGAL_TRANSITION',
      params: { status, commandType, ...(reason?.params ?? {}) },
    });
  }
}

/** The command collides with something already recorded (a second launch, a step decided twice). */
export class ConflictError extends DomainError {
  readonly code = 'CONFLICT' as const;

  constructor(
    message: string,
    readonly subject: string,
    reason?: ErrorReason,
  ) {
    super(message, { code: reason?.code ?? 'CONFLICT', params: { subject, ...(reason?.params ?? {}) } });
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
    super(message, { code: `NOT_FOUND_${kind.toUpperCase().replace(/[^A-Z0-9]+/g, '_')}`, params: { kind, id } });
  }
}
