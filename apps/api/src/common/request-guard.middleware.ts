import { json, type NextFunction, type Request, type RequestHandler, type Response } from 'express';
import type { ApiErrorCode } from '../errors/api-error-codes';
import type { ApiErrorBody } from '../errors/api-error';

/** How large and how deep a request body may be. */
export interface RequestLimits {
  /** Largest JSON body in bytes (after any Content-Encoding is undone). */
  readonly maxBodyBytes: number;
  /** Deepest nesting of objects and arrays in a JSON body. */
  readonly maxJsonDepth: number;
}

export const DEFAULT_REQUEST_LIMITS: RequestLimits = { maxBodyBytes: 100 * 1024, maxJsonDepth: 16 };

/** Keys that reach an object's prototype in some reader of the body; no operation takes them. */
const PROTOTYPE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * C0 control characters and DEL, but tab, line feed and carriage return (a reason may have several lines). NUL in
 * particular: PostgreSQL refuses it in text and `jsonb`, and no id or name has any of these.
 */
// eslint-disable-next-line no-control-regex
const CONTROL_IN_TEXT = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
// eslint-disable-next-line no-control-regex
const CONTROL_IN_PARAMETER = /[\u0000-\u001f\u007f]/;

function refuse(response: Response, status: number, code: ApiErrorCode, message: string, extra = {}): void {
  const body: ApiErrorBody = { statusCode: status, code, message, ...extra };
  response.status(status).json(body);
}

/** The media types of the API's bodies: JSON, and multipart for a file upload. */
const ACCEPTED_MEDIA = /^\s*(application\/([\w.+-]+\+)?json|multipart\/form-data)\s*(;|$)/i;

/** Whether the request carries a body at all. */
function hasBody(request: Request): boolean {
  const length = request.headers['content-length'];
  return request.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
}

/** The charset a Content-Type names, lower-cased; undefined when it names none. */
function charsetOf(contentType: string): string | undefined {
  const match = /;\s*charset\s*=\s*"?([^";\s]*)"?/i.exec(contentType);
  return match ? (match[1] ?? '').toLowerCase() : undefined;
}

/**
 * Refuses, before any route runs, what no operation of the API takes: a body in another charset than UTF-8 (415: a
 * UTF-7 body would otherwise be decoded and stored garbled in the append-only log), a path or query parameter with a
 * control character or not percent-encoded properly, and a query parameter given twice (every operation takes one
 * value per parameter).
 */
export function requestGuard(): RequestHandler {
  return (request: Request, response: Response, next: NextFunction) => {
    const contentType = request.headers['content-type'];
    const charset = contentType === undefined ? undefined : charsetOf(contentType);
    if (charset !== undefined && charset !== 'utf-8' && charset !== 'utf8') {
      return refuse(response, 415, 'REQUEST_UNSUPPORTED_ENCODING', `Send the body as UTF-8 (got charset=${charset}).`, {
        field: 'Content-Type',
        params: { charset },
      });
    }
    if (hasBody(request) && contentType !== undefined && !ACCEPTED_MEDIA.test(contentType)) {
      return refuse(
        response,
        415,
        'REQUEST_UNSUPPORTED_MEDIA_TYPE',
        'Send the body as application/json (a file upload as multipart/form-data).',
        { field: 'Content-Type' },
      );
    }
    const rawPath = request.originalUrl.split('?')[0] ?? '';
    for (const segment of rawPath.split('/')) {
      let decoded: string;
      try {
        decoded = decodeURIComponent(segment);
      } catch {
        return refuse(response, 400, 'REQUEST_MALFORMED_PATH', 'The path is not percent-encoded properly.', {
          field: 'path',
        });
      }
      if (CONTROL_IN_PARAMETER.test(decoded)) {
        return refuse(response, 400, 'FIELD_CONTROL_CHARACTER', 'The path holds a control character.', {
          field: 'path',
        });
      }
    }
    const problem = queryProblem(request.originalUrl);
    if (problem) return refuse(response, 400, problem.code, problem.message, { field: problem.field });
    next();
  };
}

/** The first thing wrong with a URL's query string, read from the raw URL (as every operation reads it). */
function queryProblem(url: string): { code: ApiErrorCode; message: string; field: string } | undefined {
  const at = url.indexOf('?');
  if (at < 0) return undefined;
  const seen = new Set<string>();
  for (const pair of url.slice(at + 1).split('&')) {
    if (pair === '') continue;
    const [rawName = '', ...rest] = pair.split('=');
    let name: string;
    let value: string;
    try {
      name = decodeURIComponent(rawName.replace(/\+/g, ' '));
      value = decodeURIComponent(rest.join('=').replace(/\+/g, ' '));
    } catch {
      return { code: 'REQUEST_MALFORMED_PATH', message: 'The query is not percent-encoded properly.', field: rawName };
    }
    if (CONTROL_IN_PARAMETER.test(name) || CONTROL_IN_PARAMETER.test(value)) {
      return {
        code: 'FIELD_CONTROL_CHARACTER',
        message: `${name}: holds a control character.`,
        field: name.replace(CONTROL_IN_PARAMETER, '?'),
      };
    }
    if (seen.has(name)) {
      return { code: 'QUERY_PARAMETER_REPEATED', message: `${name}: give it once.`, field: name };
    }
    seen.add(name);
  }
  return undefined;
}

/** The first thing in a parsed JSON body no operation takes: too deep, a prototype key, a control character. */
export function bodyProblem(
  body: unknown,
  maxDepth: number,
): { code: ApiErrorCode; message: string; field: string; params?: Record<string, number> } | undefined {
  // Iterative, so that no body can exhaust the stack of the process reading it.
  const pending: { value: unknown; path: string; depth: number }[] = [{ value: body, path: '', depth: 0 }];
  while (pending.length > 0) {
    const { value, path, depth } = pending.pop()!;
    if (typeof value === 'string') {
      if (CONTROL_IN_TEXT.test(value)) {
        return { code: 'FIELD_CONTROL_CHARACTER', message: `${path}: holds a control character.`, field: path };
      }
      continue;
    }
    if (typeof value !== 'object' || value === null) continue;
    if (depth >= maxDepth) {
      return {
        code: 'REQUEST_TOO_DEEP',
        message: `The body nests deeper than ${maxDepth} levels.`,
        field: path,
        params: { max: maxDepth },
      };
    }
    for (const [key, inner] of Object.entries(value)) {
      const field = path ? `${path}.${key}` : key;
      if (PROTOTYPE_KEYS.has(key)) {
        return { code: 'FIELD_UNKNOWN', message: `${field}: the operation does not take this field.`, field };
      }
      if (CONTROL_IN_PARAMETER.test(key)) {
        return { code: 'FIELD_CONTROL_CHARACTER', message: 'A field name holds a control character.', field: path };
      }
      pending.push({ value: inner, path: field, depth: depth + 1 });
    }
  }
  return undefined;
}

/** body-parser's refusals, by their `type`. */
const PARSER_ERRORS: Record<string, { status: number; code: ApiErrorCode }> = {
  'entity.too.large': { status: 413, code: 'REQUEST_TOO_LARGE' },
  'entity.parse.failed': { status: 400, code: 'REQUEST_MALFORMED' },
  'entity.verify.failed': { status: 400, code: 'REQUEST_MALFORMED' },
  'request.size.invalid': { status: 400, code: 'REQUEST_MALFORMED' },
  'request.aborted': { status: 400, code: 'REQUEST_MALFORMED' },
  'charset.unsupported': { status: 415, code: 'REQUEST_UNSUPPORTED_ENCODING' },
  'encoding.unsupported': { status: 415, code: 'REQUEST_UNSUPPORTED_ENCODING' },
};

/**
 * The JSON body parser (express's own, strict: objects and arrays only) within the limits, followed by the checks of
 * {@link bodyProblem}; every refusal is answered here, in the API's error shape, before any route runs.
 */
export function jsonBody(limits: RequestLimits): RequestHandler {
  const parse = json({ limit: limits.maxBodyBytes, strict: true });
  return (request: Request, response: Response, next: NextFunction) => {
    parse(request, response, (error?: unknown) => {
      if (error !== undefined && error !== null) {
        const type = (error as { type?: unknown }).type;
        const known = typeof type === 'string' ? PARSER_ERRORS[type] : undefined;
        const status = known?.status ?? 400;
        if (status === 413) {
          return refuse(response, 413, 'REQUEST_TOO_LARGE', `The body is larger than ${limits.maxBodyBytes} bytes.`, {
            params: { max: limits.maxBodyBytes },
          });
        }
        return refuse(response, status, known?.code ?? 'REQUEST_MALFORMED', 'The body is not valid JSON in UTF-8.');
      }
      const problem = bodyProblem(request.body, limits.maxJsonDepth);
      if (problem) {
        const { code, message, ...extra } = problem;
        return refuse(response, 400, code, message, extra);
      }
      next();
    });
  };
}
