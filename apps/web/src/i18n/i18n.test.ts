import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { en } from './en';
import { vi } from './vi';

const root = join(__dirname, '..', '..', '..', '..');
const read = (path: string): string => readFileSync(join(root, path), 'utf8');

function filesUnder(dir: string): string[] {
  return readdirSync(join(root, dir)).flatMap((name) => {
    const path = join(dir, name);
    return statSync(join(root, path)).isDirectory() ? filesUnder(path) : path.endsWith('.ts') ? [path] : [];
  });
}

/** The quoted members of a union type or array named `name` in a source file. */
function members(path: string, start: RegExp): string[] {
  const source = read(path);
  const at = source.search(start);
  if (at < 0) throw new Error(`${start} not found in ${path}`);
  const block = source.slice(at, source.indexOf(';', at));
  return [...block.matchAll(/'([^']+)'/g)].map((m) => m[1] ?? '');
}

/** Every match of a pattern's first group across the files under some folders. */
function allMatches(dirs: string[], pattern: RegExp): string[] {
  const found = dirs.flatMap(filesUnder).flatMap((f) => [...read(f).matchAll(pattern)].map((m) => m[1] ?? ''));
  return [...new Set(found)];
}

function keysOf(dictionary: object, prefix = ''): string[] {
  return Object.entries(dictionary).flatMap(([k, v]) =>
    typeof v === 'object' && v !== null ? keysOf(v as object, `${prefix}${k}.`) : [`${prefix}${k}`],
  );
}

/** The codes the API, the engine and the registry send, read from their own sources, by dictionary family. */
const CODES: Record<string, string[]> = {
  role: members('libs/domain/src/shared/message.types.ts', /export type RoleKind =/),
  error: [
    ...members('libs/domain/src/shared/domain.error.ts', /export type DomainErrorCode =/),
    ...members('libs/domain/src/shared/domain.error.ts', /export const DOMAIN_ERROR_CODES =/),
    ...[...read('apps/api/src/errors/api-error-codes.ts').matchAll(/^ {2}([A-Z_0-9]+):/gm)].map((m) => m[1] ?? ''),
    ...members('libs/registry/src/file/registry-errors.ts', /export const REGISTRY_ERROR_CODES =/),
  ],
  kind: Object.keys(
    Object.fromEntries(
      [...read('workflows/src/messages.ts').matchAll(/^\s+'?([a-z-]+)'?: '[a-zA-Z]+Workflow',$/gm)].map((m) => [
        m[1],
        1,
      ]),
    ),
  ),
  stage: members('workflows/src/messages.ts', /readonly stage:/),
  stageState: members('workflows/src/messages.ts', /readonly state: 'pending'/),
  run: [
    ...members('workflows/src/messages.ts', /export type ProcedureRunStatus =/),
    // The procedure list's statuses, from the read model (a congress stopped at a failed stage reads `failed`).
    ...members('apps/api/src/procedures/procedures.dto.ts', /@IsIn\(\['running'/),
  ],
  status: allMatches(['libs/domain/src'], /status: '([A-Z_]+)'/g),
  outcome: allMatches(['libs/domain/src', 'workflows/src'], /outcome: '([a-z-]+)'/g),
  event: allMatches(['libs/domain/src'], /DomainEvent<\s*'([A-Za-z]+)'/g),
  decisionKind: members('libs/domain/src/procedures/common/common.events.ts', /export type StepDecisionKind =/),
  invalidReason: members('libs/domain/src/voting/ballots.rule.ts', /export type InvalidBallotReason =/),
  relation: members('libs/domain/src/organisation/organisation.types.ts', /export type RelationKind =/),
  level: members('libs/domain/src/organisation/organisation.types.ts', /export type LevelKind =/),
  vettingCheck: members('libs/domain/src/rulebook/rulebook.types.ts', /export type VettingKind =/),
};

describe('dictionaries', () => {
  it('Vietnamese and English have the same keys, none empty', () => {
    expect(keysOf(en).sort()).toEqual(keysOf(vi).sort());
    const empty = [...keysOf(vi), ...keysOf(en)].filter((key) => {
      const [family = '', name = ''] = key.split(/\.(.*)/);
      const value = (vi as Record<string, Record<string, string>>)[family]?.[name];
      return !value;
    });
    expect(empty).toEqual([]);
  });

  it.each(Object.entries(CODES))(
    'translates every %s code the other parts send, in both languages',
    (family, codes) => {
      expect(codes.length).toBeGreaterThan(1);
      const vis = (vi as Record<string, Record<string, string>>)[family] ?? {};
      const ens = (en as Record<string, Record<string, string>>)[family] ?? {};
      expect(codes.filter((code) => !vis[code] || !ens[code])).toEqual([]);
    },
  );
});
