import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import openapiTS, { astToString } from 'openapi-typescript';
import { describe, expect, it } from 'vitest';

describe('typed client', () => {
  it('schema.d.ts is generated from the current openapi.json (regenerate it after the API changes)', async () => {
    const document = readFileSync(join(__dirname, 'openapi.json'), 'utf8');
    const generated = astToString(await openapiTS(document));
    const committed = readFileSync(join(__dirname, 'schema.d.ts'), 'utf8');
    // Compared without layout, quote style and the leading `|` Prettier gives a union on several lines.
    const body = (text: string): string =>
      text
        .slice(text.indexOf('export interface paths'))
        .replace(/\s+/g, '')
        .replace(/"/g, "'")
        .replace(/([:=(<])\|/g, '$1');
    expect(body(committed)).toBe(body(generated));
  });
});
