import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { OpenAPIObject } from '@nestjs/swagger';
import { previewOpenApiDocument } from '../../apps/api/src/bootstrap';

/** Where `npm run openapi` (tools/openapi.ts) writes the document the web client is typed from. */
const OPENAPI_PATH = join(__dirname, '..', '..', 'apps', 'web', 'src', 'api', 'openapi.json');

/**
 * Routes whose bodies another part of the API describes (the evidence bundle, a script; the registry's own routes):
 * checked for being in the document, not yet for their schemas.
 */
const DESCRIBED_ELSEWHERE = [/^\/procedures\/\{procedureId\}\/evidence/, /^\/registry\//];

/** Places in a schema that leave a body undescribed: a free object, `additionalProperties: true`, an empty schema. */
function untyped(node: unknown, path: string, found: string[]): string[] {
  if (Array.isArray(node)) node.forEach((item, i) => untyped(item, `${path}/${i}`, found));
  else if (typeof node === 'object' && node !== null) {
    const schema = node as Record<string, unknown>;
    if (schema.additionalProperties === true) found.push(`${path}: additionalProperties: true`);
    const shaped = ['properties', 'additionalProperties', 'allOf', 'oneOf', 'anyOf', '$ref'].some((k) => k in schema);
    if (schema.type === 'object' && !shaped) found.push(`${path}: a free object`);
    for (const [key, value] of Object.entries(schema)) {
      if (key === 'schema' && typeof value === 'object' && value !== null && Object.keys(value).length === 0) {
        found.push(`${path}/schema: empty`);
      }
      if (key !== 'example') untyped(value, `${path}/${key}`, found);
    }
  }
  return found;
}

describe('the OpenAPI document', () => {
  let document: OpenAPIObject;

  beforeAll(async () => {
    document = await previewOpenApiDocument();
  });

  it('is built without a database or Temporal, and the committed copy the web client is typed from is up to date', () => {
    const committed: unknown = JSON.parse(readFileSync(OPENAPI_PATH, 'utf8'));
    // On failure: run `npm run openapi` and commit apps/web/src/api/openapi.json with the contract change. The
    // contents are compared, not the layout (the file is laid out by Prettier).
    expect(committed).toEqual(JSON.parse(JSON.stringify(document)));
  });

  it('describes every request and response body of the API with declared types', () => {
    const problems: string[] = [];
    for (const [path, operations] of Object.entries(document.paths)) {
      if (DESCRIBED_ELSEWHERE.some((pattern) => pattern.test(path))) continue;
      for (const [method, operation] of Object.entries(operations as Record<string, Record<string, unknown>>)) {
        const responses = (operation.responses ?? {}) as Record<string, { content?: unknown }>;
        const ok = Object.entries(responses).filter(([status]) => status.startsWith('2'));
        if (ok.length === 0) problems.push(`${method} ${path}: no success response`);
        for (const [status, response] of ok) {
          if (!response.content) problems.push(`${method} ${path} ${status}: no response body described`);
        }
        untyped(operation, `${method} ${path}`, problems);
      }
    }
    untyped(
      Object.fromEntries(Object.entries(document.components?.schemas ?? {}).filter(([name]) => !/Registry/.test(name))),
      'components',
      problems,
    );
    expect(problems).toEqual([]);
  });

  it('states the error shape on the routes and describes the launch form as a union by kind', () => {
    const error = document.components?.schemas?.ApiErrorDto as { required?: string[] } | undefined;
    expect(error?.required).toEqual(expect.arrayContaining(['statusCode', 'code', 'message']));
    const launch = document.paths['/procedures']?.post;
    const body = launch?.requestBody as { content: Record<string, { schema: Record<string, unknown> }> } | undefined;
    const schema = body?.content['application/json']?.schema ?? {};
    expect(schema.discriminator).toMatchObject({ propertyName: 'kind' });
    expect(Object.keys((schema.discriminator as { mapping: object }).mapping).sort()).toEqual([
      'appointment',
      'cadre-opinion',
      'classification',
      'confidence-vote',
      'congress-personnel',
      'election',
      'first-session',
      'introduction',
      'personnel-plan',
      'vetting',
    ]);
    expect(launch?.responses['422']).toBeDefined();
  });
});
