/**
 * The stable codes of every 4xx the API answers, which the web app translates (`message` is only a developer's
 * fallback). Domain refusals add the domain's own codes (see the engine's contract), carried unchanged.
 */
export const API_ERROR_CODES = {
  // The request's fields (validation pipe); `field` names the dotted path, `params` the constraint's values.
  FIELD_REQUIRED: 'a required field is missing or empty',
  FIELD_UNKNOWN: 'a field the operation does not take',
  FIELD_NOT_TEXT: 'a text field got something else',
  FIELD_NOT_NUMBER: 'a number field got something else',
  FIELD_NOT_INTEGER: 'a whole number field got something else',
  FIELD_NOT_BOOLEAN: 'a true/false field got something else',
  FIELD_NOT_LIST: 'a list field got something else',
  FIELD_NOT_OBJECT: 'a group of fields got something else',
  FIELD_TOO_LONG: 'text longer than params.max characters',
  FIELD_TOO_SHORT: 'text shorter than params.min characters',
  FIELD_TOO_SMALL: 'a number below params.min',
  FIELD_TOO_LARGE: 'a number above params.max',
  FIELD_TOO_FEW: 'a list with fewer than params.min items',
  FIELD_TOO_MANY: 'a list with more than params.max items',
  FIELD_DUPLICATE: 'a list that names something twice',
  FIELD_INVALID_DATE: 'not a date as YYYY-MM-DD',
  FIELD_INVALID_FORMAT: 'text that does not have the expected form',
  FIELD_NOT_ALLOWED_VALUE: 'a value outside params.allowed',
  FIELD_INVALID: 'a value the field does not accept',
  // Headers and parameters.
  IDEMPOTENCY_KEY_REQUIRED: 'a state-changing request without an Idempotency-Key header',
  IDEMPOTENCY_KEY_INVALID: 'an Idempotency-Key longer than 200 characters or not visible ASCII',
  IDEMPOTENCY_KEY_REUSED: 'the Idempotency-Key was used for a different request (a corrected retry needs a new key)',
  IDEMPOTENCY_KEY_FAILED: 'the first request with this key failed; send it again',
  IDEMPOTENCY_KEY_PENDING: 'the first request with this key is still running; retry shortly',
  // Who may do what.
  UNAUTHENTICATED: 'no or an invalid/expired access token',
  WRONG_CREDENTIALS: 'wrong username or password',
  TOO_MANY_LOGIN_ATTEMPTS:
    'sign-in locked after repeated failures, for the user or the address (params.retryAfterSeconds)',
  TOO_MANY_REQUESTS: 'too many requests in a short time (params.retryAfterSeconds)',
  REFRESH_TOKEN_INVALID: 'the refresh token is unknown, used, expired or revoked: sign in again',
  REFRESH_TOKEN_REUSED:
    'a spent refresh token was presented again: its whole session (every refresh and access token) is revoked',
  SESSION_REVOKED: 'the session was ended (signed out, or revoked after a refresh token was reused): sign in again',
  DATE_RANGE_REVERSED: 'the day "to" comes before the day "from" (params.from, params.to)',
  STREAM_TICKET_INVALID: 'the live-updates ticket is unknown, used or expired: ask for a new one',
  NOT_ALLOWED: 'the caller lacks the role of the body (params.role, params.bodyId)',
  RECUSED_SELF: 'the step (every undecided person of it) concerns the caller (params.subjectId, subjectName)',
  RECUSED_RELATIVE: "the step concerns the caller's declared relative (params.subjectId, subjectName)",
  RECUSED_DECLARED_CONFLICT: 'the caller declared a conflict about the person (params.subjectId, subjectName)',
  NOT_ALLOWED_FOUR_EYES: 'the caller launched the procedure or proposed the matter (params.actorId)',
  // Things that do not exist or no longer fit.
  NOT_FOUND: 'no such resource (params.kind, params.id)',
  ROUTE_NOT_FOUND: 'no such route',
  PROCEDURE_NOT_FOUND: 'no such procedure (params.procedureId)',
  TASK_NOT_FOUND: 'no such task (params.taskId)',
  PERSON_NOT_FOUND: 'no such person in the registry (params.personId)',
  TASK_CLOSED: 'the task was already decided (params.outcome)',
  TASK_CLAIMED_BY_OTHER: 'another approver holds the task (params.claimedBy)',
  TASK_NOT_CLAIMED: 'unclaiming a task the caller does not hold',
  STEP_NOT_OPEN: 'the step is no longer open',
  PROCEDURE_NOT_RUNNING: 'the procedure has ended',
  PROCEDURE_ALREADY_RUNNING: 'a procedure with this id runs already',
  DOSSIER_PURPOSE_REQUIRED: 'a dossier read without ?purpose= (at least 3 characters)',
  DOSSIER_NO_ACTOR: 'only a person acting for a body may read files',
  DOSSIER_NEED_TO_KNOW: 'none of the caller’s roles needs this file now (params.personName); the refusal is recorded',
  DOSSIER_SELF: 'nobody reads their own file (params.personName); the refusal is recorded',
  DOSSIER_RELATIVE: 'nobody reads a declared relative’s file (params.personName); the refusal is recorded',
  // Launching.
  LAUNCH_UNKNOWN_ORGANISATION: 'the registry has no organisation params.organisationId',
  LAUNCH_NO_ORGANIZATION_COMMITTEE: 'the organisation has no Organization Committee to launch',
  LAUNCH_UNKNOWN_PERSON: 'a candidate the registry does not know (field names the item)',
  LAUNCH_DELEGATE_SEATS_MISSING: 'alternate delegates or delegate candidates named without official delegate seats',
  LAUNCH_PERSON_OUTSIDE_ORGANISATION:
    'a candidate the registry knows who holds no post in the organisation or above it (params.personName)',
  LAUNCH_MISSING_BODY: 'the organisation lacks a body the procedure needs (params.what)',
  LAUNCH_NO_HIGHER_LEVEL: 'the organisation has no higher level to consult and ratify',
  LAUNCH_REFUSED: 'the rules refuse the launch (params.problems lists why)',
  PROGRESS_UNKNOWN_ORGANISATION: 'progress asked for an organisation the registry does not know',
  REQUEST_TOO_LARGE: 'a body over the size limit (params.max bytes)',
  REQUEST_TOO_DEEP: 'a body nesting objects and lists deeper than params.max levels',
  REQUEST_MALFORMED_PATH: 'a path or query not percent-encoded properly',
  REQUEST_UNSUPPORTED_MEDIA_TYPE: 'a body that is neither JSON nor a multipart file upload',
  FIELD_CONTROL_CHARACTER: 'an id, parameter or text holding a control character (such as NUL)',
  QUERY_PARAMETER_REPEATED: 'a query parameter given more than once',
  REQUEST_MALFORMED: 'a body that is not valid JSON',
  REQUEST_UNSUPPORTED_ENCODING: 'a body in another charset or encoding than UTF-8',
  INTERNAL: 'something went wrong on the server; nothing was recorded',
  // Domain categories, when a domain refusal carries no finer code.
  VALIDATION: 'the input breaks a rule',
  ILLEGAL_TRANSITION: 'the command does not fit the procedure state',
  CONFLICT: 'the request conflicts with what happened meanwhile',
} as const;

/** A code the API itself answers with. */
export type ApiErrorCode = keyof typeof API_ERROR_CODES;
