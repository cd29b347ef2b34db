import { describe, expect, it } from 'vitest';
import openapi from '../api/openapi.json';
import { KINDS } from './procedure-hooks';

describe('kinds offered by the progress and queue filters', () => {
  it('are every kind the API lists, each once', () => {
    const type = openapi.paths['/procedures'].get.parameters.find((p) => p.name === 'type');
    const listed = (type?.schema as { enum?: string[] } | undefined)?.enum ?? [];
    expect(listed.length).toBeGreaterThan(0);
    expect([...KINDS].sort()).toEqual([...listed].sort());
  });
});
