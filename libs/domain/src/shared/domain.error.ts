/**
 * Machine codes a caller can map to a transport status without parsing messages
 * (e.g. the API maps `VALIDATION` → 422, `NOT_ALLOWED`/`RECUSED` → 403, `ILLEGAL_TRANSITION`/`CONFLICT` → 409).
 */
export type DomainErrorCode =
  'VALIDATION' | 'NOT_ALLOWED' | 'RECUSED' | 'ILLEGAL_TRANSITION' | 'CONFLICT' | 'NOT_FOUND';

/**
 * Every stable error code (`DomainError.errorCode`) the domain and the workflows send, for clients to translate
 * with the error's `params`. `MALFORMED_INPUT` is sent by the workflows for input that could not be read at all.
 */
export const DOMAIN_ERROR_CODES = [
  'ACTION_PROGRAMME_ALREADY_FILED',
  'ACTION_PROGRAMME_MISSING',
  'APPOINTMENT_DISCLOSE_FIRST',
  'APPOINTMENT_PERSON_MISSING',
  'APPOINTMENT_PERSON_UNEXPECTED',
  'APPOINTMENT_PROPOSAL_NOT_RETURNABLE',
  'ASSET_CHECK_BY_VERIFICATION',
  'ATTENDANCE_FIGURE_INVALID',
  'AUTHORITY_MISSING',
  'BALLOTS_DO_NOT_ADD_UP',
  'BALLOTS_ISSUED_OVER_PRESENT',
  'BALLOTS_RETURNED_OVER_ISSUED',
  'BIRTH_DATE_INVALID',
  'BLOCK_REASON_MISSING',
  'CANDIDATE_ALREADY_CONCLUDED',
  'CANDIDATE_ALREADY_LISTED',
  'CANDIDATE_LISTED_TWICE',
  'CANDIDATE_LIST_APPROVE_ONLY',
  'CANDIDATE_NOT_ACTIVE',
  'CANDIDATE_NOT_AT_STEP',
  'CANDIDATE_NOT_LISTED',
  'CANDIDATE_NOT_ON_TRACK',
  'CANDIDATE_NOT_VETTED',
  'CHECK_NOT_RETURNABLE',
  'CLASSIFICATION_EXCELLENT_OVER_QUOTA',
  'CLASSIFICATION_GRADE_INVALID',
  'CLASSIFICATION_GRADE_MISSING',
  'CLASSIFICATION_YEAR_INVALID',
  'COMMAND_NOT_ACCEPTED',
  'COMPLAINTS_OPEN',
  'COMPLAINT_ALREADY_RECORDED',
  'COMPLAINT_NOT_OPEN',
  'COMPLAINT_SUBSTANTIATED',
  'COMPOSITION_TARGETS_MISSED',
  'CONFLICT',
  'CONFLICT_SUBJECT_UNKNOWN',
  'COUNT_INVALID',
  'DATE_FORMAT_INVALID',
  'DATE_NOT_REAL',
  'DATE_TIME_FORMAT_INVALID',
  'DECISION_NOT_REJECTABLE',
  'DECISION_NOT_RETURNABLE',
  'DECISION_REASON_MISSING',
  'DECLARATION_ALREADY_FILED',
  'DECLARATION_NOT_FILED',
  'DISAGREEMENT_REASON_MISSING',
  'DOSSIER_PURPOSE_MISSING',
  'DROP_ONLY_AT_STEP_1',
  'DROP_REASON_MISSING',
  'ELECTION_BASE_NOT_FOR_MEETING',
  'ELECTION_BASE_NOT_POSITIVE',
  'EXPLANATION_EMPTY',
  'FIRST_SESSION_ATTENDANCE_MISMATCH',
  'FIRST_SESSION_CANDIDATE_NOT_ELIGIBLE',
  'FIRST_SESSION_CANDIDATE_NOT_MEMBER',
  'FIRST_SESSION_MEMBERS_TOO_FEW',
  'FIRST_SESSION_RELATIVES_LINKED_POSTS',
  'FIRST_SESSION_SEATS_INVALID',
  'FIRST_SESSION_TOO_FEW_CANDIDATES',
  'FLOOR_ADDITION_AFTER_LIST',
  'FLOOR_ADDITION_VOTES_SHORT',
  'HOLIDAY_NOTICE_UNKNOWN',
  'ILLEGAL_TRANSITION',
  'INTRODUCTION_ON_HOLD',
  'INVALID_INPUT',
  'LAUNCH_ACTOR_MISSING',
  'MALFORMED_INPUT',
  'NEW_ISSUE_ONLY_AT_STEP_5',
  'NEXT_ROUND_CANDIDATES_INVALID',
  'NEXT_ROUND_TOO_FEW_CANDIDATES',
  'NOMINATION_EMPTY',
  'NOT_ALLOWED_BODY',
  'NOT_ALLOWED_FOUR_EYES',
  'NOT_ALLOWED_ROLE',
  'NOT_FOUND',
  'NOT_FOUND_BODY',
  'NOT_FOUND_LEVEL',
  'NOT_FOUND_PERSON',
  'NOT_FOUND_POST',
  'NOT_FOUND_RULEBOOK',
  'NO_DEADLINE_BREACHED',
  'NO_HIGHER_LEVEL',
  'NO_ROUND_DECISION_PENDING',
  'NO_STAGE_RUNNING',
  'NO_STEP_OPEN',
  'OPINION_REQUEST_INCOMPLETE',
  'ORGANISATION_BODY_MISSING',
  'PERCENTAGE_OF_ZERO',
  'PLAN_RULES_BROKEN',
  'PLAN_STATUS_WRONG',
  'PRESENT_OVER_BASE',
  'PRESENT_OVER_SUMMONED',
  'PROCEDURE_ALREADY_LAUNCHED',
  'PROCEDURE_COMPLETED',
  'PROCEDURE_NOT_LAUNCHED',
  'PROCEDURE_WITHDRAWN',
  'RATIO_INVALID',
  'RECUSED_DECLARED_CONFLICT',
  'RECUSED_RELATIVE',
  'RECUSED_SELF',
  'REGISTRY_SNAPSHOT_MISSING',
  'RESULT_NOT_SEALED',
  'ROUND_NOT_OPEN',
  'SEATS_INVALID',
  'STAGE_ENDED',
  'STEP_NOT_APPROVAL',
  'STEP_NOT_BALLOT',
  'STEP_NOT_OPEN',
  'SUBJECT_NOT_CONCERNED',
  'SURPLUS_RULE_BROKEN',
  'TALLY_FIGURES_DIFFER',
  'TALLY_UNKNOWN_CANDIDATE',
  'TALLY_VOTES_MISSING',
  'VALIDATION',
  'VERIFICATION_NOT_RETURNABLE',
  'VETTING_BODY_MISSING',
  'VETTING_CHECK_NOT_RUNNING',
  'VOTES_OVER_TOTAL',
  'VOTES_OVER_VALID_BALLOTS',
  'WITHDRAWAL_AFTER_LIST',
  'WITHDRAWAL_REASON_MISSING',
  'WORKING_DAYS_INVALID',
] as const;

/** A stable error code. */
export type DomainErrorKey = (typeof DOMAIN_ERROR_CODES)[number];

/** A value a translated error message needs: a number, a code, a date, a person or body id (shown by name). */
export type ErrorParam = string | number | boolean | null | readonly string[];

/** The stable code of one refusal and the values its translation needs. */
export interface ErrorReason {
  readonly code: DomainErrorKey;
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
  readonly errorCode: DomainErrorKey;
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
    const code = `NOT_FOUND_${kind.toUpperCase().replace(/[^A-Z0-9]+/g, '_')}`;
    super(message, {
      code: (DOMAIN_ERROR_CODES as readonly string[]).includes(code) ? (code as DomainErrorKey) : 'NOT_FOUND',
      params: { kind, id },
    });
  }
}
