import { type ArgumentMetadata, ValidationPipe, type ValidationError } from '@nestjs/common';
import { bodyProblem } from '../common/request-guard.middleware';
import { getMetadataStorage } from 'class-validator';
import type { ApiErrorCode } from './api-error-codes';
import { ApiError, type ErrorParam, type FieldError } from './api-error';

/** The code of each class-validator constraint, and the names of its arguments in `params`. */
const CONSTRAINTS: Record<string, { code: ApiErrorCode; params?: readonly string[] }> = {
  isNotEmpty: { code: 'FIELD_REQUIRED' },
  isDefined: { code: 'FIELD_REQUIRED' },
  whitelistValidation: { code: 'FIELD_UNKNOWN' },
  isString: { code: 'FIELD_NOT_TEXT' },
  isNumber: { code: 'FIELD_NOT_NUMBER' },
  isInt: { code: 'FIELD_NOT_INTEGER' },
  isBoolean: { code: 'FIELD_NOT_BOOLEAN' },
  isArray: { code: 'FIELD_NOT_LIST' },
  isObject: { code: 'FIELD_NOT_OBJECT' },
  nestedValidation: { code: 'FIELD_NOT_OBJECT' },
  maxLength: { code: 'FIELD_TOO_LONG', params: ['max'] },
  minLength: { code: 'FIELD_TOO_SHORT', params: ['min'] },
  min: { code: 'FIELD_TOO_SMALL', params: ['min'] },
  max: { code: 'FIELD_TOO_LARGE', params: ['max'] },
  arrayMinSize: { code: 'FIELD_TOO_FEW', params: ['min'] },
  arrayNotEmpty: { code: 'FIELD_TOO_FEW' },
  arrayMaxSize: { code: 'FIELD_TOO_MANY', params: ['max'] },
  arrayUnique: { code: 'FIELD_DUPLICATE' },
  isIso8601: { code: 'FIELD_INVALID_DATE' },
  isISO8601: { code: 'FIELD_INVALID_DATE' },
  isDateString: { code: 'FIELD_INVALID_DATE' },
  matches: { code: 'FIELD_INVALID_FORMAT' },
  isIn: { code: 'FIELD_NOT_ALLOWED_VALUE', params: ['allowed'] },
  isEnum: { code: 'FIELD_NOT_ALLOWED_VALUE', params: ['allowed'] },
};

/** Most telling first: a missing field is "required", whatever else its type check says. */
const PRECEDENCE: readonly ApiErrorCode[] = ['FIELD_REQUIRED', 'FIELD_UNKNOWN'];

function toParam(value: unknown): ErrorParam | undefined {
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (Array.isArray(value)) return value.map(String);
  if (value instanceof RegExp) return value.source;
  if (typeof value === 'object' && value !== null) return Object.values(value).map(String);
  return undefined;
}

/** The arguments the decorator was declared with (e.g. `@MaxLength(200)` → `{ max: 200 }`). */
function constraintParams(target: object | undefined, property: string, name: string): Record<string, ErrorParam> {
  const names = CONSTRAINTS[name]?.params;
  if (!target || !names) return {};
  const metadata = getMetadataStorage()
    .getTargetValidationMetadatas(target.constructor, '', true, false)
    .find((m) => m.propertyName === property && m.name === name);
  const params: Record<string, ErrorParam> = {};
  names.forEach((key, i) => {
    const value = toParam((metadata?.constraints as unknown[] | undefined)?.[i]);
    if (value !== undefined) params[key] = value;
  });
  return params;
}

/** One error per field (the most telling constraint), with its dotted path, in the order of the request. */
export function fieldErrors(errors: readonly ValidationError[], prefix = ''): FieldError[] {
  return errors.flatMap((error): FieldError[] => {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const children = fieldErrors(error.children ?? [], field);
    const constraints = Object.entries(error.constraints ?? {});
    if (constraints.length === 0) return children;
    const missing = error.value === undefined || error.value === null || error.value === '';
    const codeOf = (name: string): ApiErrorCode => {
      const code = CONSTRAINTS[name]?.code ?? 'FIELD_INVALID';
      return missing && code !== 'FIELD_UNKNOWN' ? 'FIELD_REQUIRED' : code;
    };
    const ranked = constraints
      .map(([name, text]) => ({ name, text, code: codeOf(name) }))
      .sort((a, b) => rank(a.code) - rank(b.code));
    const first = ranked[0];
    const params = constraintParams(error.target, error.property, first.name);
    return [
      {
        field,
        code: first.code,
        message: `${field}: ${first.text.startsWith(error.property) ? first.text.slice(error.property.length).trim() : first.text}`,
        ...(Object.keys(params).length > 0 ? { params } : {}),
      },
      ...children,
    ];
  });
}

function rank(code: ApiErrorCode): number {
  const index = PRECEDENCE.indexOf(code);
  return index < 0 ? PRECEDENCE.length : index;
}

/** The 400 of a request whose fields are wrong: the first field error on top, all of them in `errors`. */
export function validationFailed(errors: readonly FieldError[]): ApiError {
  const first = errors[0] ?? { field: '', code: 'FIELD_INVALID', message: 'The request is malformed.' };
  return new ApiError(400, first.code, errors.map((e) => e.message).join('; ') || first.message, {
    field: first.field,
    ...(first.params ? { params: first.params } : {}),
    errors,
  });
}

/** Deeper than any form of the API; the JSON parser enforces the configured limit before this. */
const MAX_DEPTH = 64;

/**
 * class-validator's whitelist does not see `__proto__`, `constructor` or `prototype` (class-transformer skips them),
 * so every body and query, multipart forms included, is first checked for them and for control characters.
 */
class ApiValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type === 'body' || metadata.type === 'query') {
      const problem = bodyProblem(value, MAX_DEPTH);
      if (problem) {
        const { code, message, ...extra } = problem;
        throw new ApiError(400, code, message, extra);
      }
    }
    return super.transform(value, metadata) as Promise<unknown>;
  }
}

/**
 * Validates request bodies and queries against their DTOs: unknown fields are refused, and the 400 names each wrong
 * field with a code per constraint (`{ code: 'FIELD_TOO_LONG', field: 'reason', params: { max: 4000 } }`).
 */
export function createValidationPipe(): ValidationPipe {
  return new ApiValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    // The target lets the pipe read each failed constraint's declared arguments; it is never sent.
    validationError: { target: true, value: true },
    exceptionFactory: (errors) => validationFailed(fieldErrors(errors)),
  });
}
