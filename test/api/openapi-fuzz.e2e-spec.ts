import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { Client as PgClient } from 'pg';
import { provincialPlanRequest } from '../../workflows/test/support/demo-launch.fixture';
import { HttpClient, startFullStack, type FullStack, type HttpResponse } from '../support/full-stack';

/**
 * Malformed requests over every operation of the OpenAPI document (fast-check): bad path ids (control characters,
 * broken escapes), unknown, repeated and malformed query parameters, bad headers (Idempotency-Key, token), other
 * charsets and media types, bodies too large, too deep, not JSON, with prototype keys or with a field of the wrong
 * type. Every answer must be a 4xx with a code (or a 2xx for a read), never a 5xx or a hang, and the event log
 * must not change.
 *
 * `npm test` runs FUZZ_RUNS=300 requests (a minute or two); `npm run fuzz` runs 5,000 (FUZZ_RUNS, FUZZ_SEED to replay).
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 300);
const SEED = process.env.FUZZ_SEED === undefined ? undefined : Number(process.env.FUZZ_SEED);
/** A request that takes longer than this hangs. */
const REQUEST_TIMEOUT_MS = 20_000;

type Schema = {
  $ref?: string;
  type?: string;
  properties?: Record<string, Schema>;
  oneOf?: Schema[];
  items?: Schema;
  enum?: unknown[];
};
interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header';
}
interface Operation {
  method: string;
  path: string;
  parameters: Parameter[];
  body?: Schema;
  multipart: boolean;
}
interface OpenApi {
  paths: Record<
    string,
    Record<string, { parameters?: Parameter[]; requestBody?: { content: Record<string, { schema: Schema }> } }>
  >;
  components: { schemas: Record<string, Schema> };
}

const openApi = JSON.parse(
  readFileSync(join(__dirname, '..', '..', 'apps', 'web', 'src', 'api', 'openapi.json'), 'utf8'),
) as OpenApi;

const operations: Operation[] = Object.entries(openApi.paths).flatMap(([path, byMethod]) =>
  Object.entries(byMethod).map(([method, operation]) => {
    const content = operation.requestBody?.content ?? {};
    const json = content['application/json']?.schema;
    const multipart = content['multipart/form-data']?.schema;
    return {
      method: method.toUpperCase(),
      path,
      parameters: operation.parameters ?? [],
      body: json ?? multipart,
      multipart: multipart !== undefined,
    };
  }),
);

/** The object schema behind a reference or the first of a union. */
function resolve(schema: Schema | undefined): Schema | undefined {
  if (!schema) return undefined;
  if (schema.$ref) return resolve(openApi.components.schemas[schema.$ref.split('/').pop() ?? '']);
  if (schema.oneOf) return resolve(schema.oneOf[0]);
  return schema;
}

/** Text that ids and parameters must never hold, or that parsers trip on. */
const nasty = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.constantFrom(
    '\u0000',
    'a\u0000b',
    '\u001f\u007f',
    '../../etc/passwd',
    '%',
    '💥',
    'x'.repeat(5000),
    '__proto__',
    'constructor',
    "' OR 1=1 --",
    'person/bn-40',
    '2026-02-30',
    '-1',
    '1e309',
    '',
  ),
);
const rawSegment = fc.oneof(
  nasty.map((s) => encodeURIComponent(s)),
  fc.constantFrom('%00', '%zz', '%E0%A4%A', '%2e%2e', '..', '%0a', '%C0%AF'),
);

/** A body that no operation takes, as the bytes sent. */
function malformedBody(operation: Operation): fc.Arbitrary<string> {
  const schema = resolve(operation.body);
  const properties = Object.entries(schema?.properties ?? {});
  const kinds: fc.Arbitrary<string>[] = [
    fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v) ?? 'null'),
    fc.string({ maxLength: 200 }),
    fc.integer({ min: 17, max: 3000 }).map((depth) => '['.repeat(depth) + ']'.repeat(depth)),
    fc.integer({ min: 17, max: 400 }).map((depth) => '{"a":'.repeat(depth) + '1' + '}'.repeat(depth)),
    fc.constant(`{"reason":"${'x'.repeat(110 * 1024)}"}`),
    fc
      .tuple(fc.constantFrom('__proto__', 'constructor', 'prototype'), fc.jsonValue({ maxDepth: 2 }))
      .map(([key, value]) => `{"${key}": ${JSON.stringify(value) ?? 'null'}}`),
    nasty.map((text) => JSON.stringify({ reason: text, purpose: text, username: text, password: text, id: text })),
  ];
  if (properties.length > 0) {
    // The operation's own fields with random values, one of them certainly of the wrong type, or an unknown field.
    kinds.push(
      fc
        .tuple(
          fc.dictionary(fc.constantFrom(...properties.map(([name]) => name)), fc.jsonValue({ maxDepth: 3 })),
          fc.constantFrom(...properties),
          fc.oneof(fc.constant<string | null>(null), fc.string({ minLength: 1, maxLength: 10 })),
        )
        .map(([values, [name, property], unknown]) => {
          const target = resolve(property);
          const wrong = target?.type === 'object' || target?.type === 'array' || target?.properties ? 'text' : {};
          return JSON.stringify({ ...values, [name]: wrong, ...(unknown === null ? {} : { [`x-${unknown}`]: 1 }) });
        }),
    );
  }
  return fc.oneof(...kinds);
}

/** Header values Node's HTTP client will send (it refuses control characters before they leave). */
const headerSafe = (text: string): string => text.replace(/[^\t\x20-\x7e\x80-\xff]/g, '?');

interface Fuzzed {
  method: string;
  path: string;
  body?: string;
  headers: Record<string, string>;
  auth: 'valid' | 'none' | 'garbage';
}

function fuzzedRequest(operation: Operation, realIds: string[]): fc.Arbitrary<Fuzzed> {
  const pathParams = operation.parameters.filter((p) => p.in === 'path');
  const queryNames = operation.parameters.filter((p) => p.in === 'query').map((p) => p.name);
  const segment = fc.oneof(
    { weight: 3, arbitrary: rawSegment },
    { weight: 1, arbitrary: fc.constantFrom(...realIds.map((id) => encodeURIComponent(id))) },
  );
  const query = fc.array(
    fc.tuple(
      queryNames.length > 0 ? fc.oneof(fc.constantFrom(...queryNames), fc.string({ maxLength: 8 })) : fc.string(),
      fc.oneof(
        nasty.map((s) => encodeURIComponent(s)),
        fc.constantFrom('%00', '%zz', ''),
      ),
    ),
    { maxLength: 4 },
  );
  const repeated = queryNames.length > 0 ? fc.option(fc.constantFrom(...queryNames)) : fc.constant(null);
  const contentType = fc.constantFrom(
    'application/json',
    'application/json; charset=utf-8',
    'application/json; charset=utf-7',
    'application/json; charset=latin1',
    'application/json; charset=utf-16le',
    'text/plain',
    'application/x-www-form-urlencoded',
    'multipart/form-data; boundary=fuzz',
    'application/xml',
  );
  return fc
    .record({
      segments: fc.tuple(...pathParams.map(() => segment)),
      query,
      repeated,
      body:
        operation.method === 'GET' ? fc.constant(undefined) : fc.option(malformedBody(operation), { nil: undefined }),
      contentType,
      key: fc.option(nasty.map(headerSafe), { nil: undefined }),
      auth: fc.constantFrom<Fuzzed['auth']>('valid', 'valid', 'valid', 'none', 'garbage'),
    })
    .map(({ segments, query: pairs, repeated: twice, body, contentType: type, key, auth }) => {
      let path = operation.path;
      pathParams.forEach((param, i) => {
        path = path.replace(`{${param.name}}`, segments[i] ?? '');
      });
      const all = [...pairs.map(([name, value]) => `${encodeURIComponent(name)}=${value}`)];
      if (twice) all.push(`${twice}=a`, `${twice}=b`);
      if (all.length > 0) path += `?${all.join('&')}`;
      const headers: Record<string, string> = { accept: 'application/json' };
      if (body !== undefined) headers['content-type'] = type;
      if (key !== undefined) headers['idempotency-key'] = key;
      return { method: operation.method, path, body, headers, auth };
    });
}

function withTimeout<T>(work: Promise<T>, what: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`no answer within ${REQUEST_TIMEOUT_MS} ms: ${what}`)),
      REQUEST_TIMEOUT_MS,
    );
    work.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}

describe(`OpenAPI fuzz: ${RUNS} malformed requests over every operation`, () => {
  let stack: FullStack;
  let db: PgClient;
  let clerk: HttpClient;
  let garbage: HttpClient;
  let realIds: string[];

  const logState = async (): Promise<string> =>
    (
      await db.query<{ n: string; last: string | null }>(
        'SELECT count(*) AS n, max(position)::text AS last FROM events',
      )
    ).rows.map((r) => `${r.n} events up to ${r.last}`)[0] ?? '';

  beforeAll(async () => {
    stack = await startFullStack();
    clerk = await stack.as('tochuc');
    garbage = new HttpClient(stack.baseUrl, 'eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.');
    db = new PgClient({ connectionString: stack.databaseUrl });
    await db.connect();
    const launched = await clerk.post<{ procedureId: string }>('/procedures', provincialPlanRequest(), {
      'idempotency-key': randomUUID(),
    });
    expect(launched.status).toBe(201);
    const tasks = await clerk.get<{ items: { taskId: string }[] }>('/tasks');
    realIds = [launched.body.procedureId, 'person/bn-40', ...tasks.body.items.map((t) => t.taskId)];
  });
  afterAll(async () => {
    await db?.end();
    await stack?.stop();
  });

  it('answers every malformed request with a 4xx and a code (never a 5xx or a hang) and records nothing', async () => {
    const before = await logState();
    const problems: string[] = [];
    const statuses = new Map<number, number>();
    const perOperation = Math.max(1, Math.ceil(RUNS / operations.length));
    for (const operation of operations) {
      await fc.assert(
        fc.asyncProperty(fuzzedRequest(operation, realIds), async (request) => {
          const client = request.auth === 'valid' ? clerk : request.auth === 'garbage' ? garbage : stack.anonymous;
          const what = `${request.method} ${request.path.slice(0, 200)} ${JSON.stringify(request.headers)} ${request.body?.slice(0, 200) ?? ''}`;
          let answer: HttpResponse<{ code?: unknown }>;
          try {
            answer = await withTimeout(
              client.request<{ code?: unknown }>(request.method, request.path, request.body, request.headers),
              what,
            );
          } catch (error) {
            problems.push(`${(error as Error).message}`);
            return;
          }
          statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
          if (answer.status >= 500) problems.push(`${answer.status}: ${what}`);
          else if (answer.status >= 400 && (typeof answer.body?.code !== 'string' || answer.body.code === '')) {
            problems.push(`${answer.status} without a code: ${what}`);
          }
        }),
        { numRuns: perOperation, ...(SEED === undefined ? {} : { seed: SEED }) },
      );
    }
    if (process.env.FUZZ_REPORT) process.stdout.write(`statuses: ${JSON.stringify([...statuses])}\n`);
    expect(problems.slice(0, 20)).toEqual([]);
    expect([...statuses.keys()].every((status) => status < 500)).toBe(true);
    expect(await logState()).toBe(before);
  });
});
