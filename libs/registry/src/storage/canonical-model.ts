import { createHash } from 'node:crypto';
import type { OrganisationModel } from '@cadreflow/domain';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** JSON with object keys sorted at every depth: equal values always give equal text. */
function canonical(value: Json): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  return `{${Object.keys(value)
    .sort()
    .filter((k) => value[k] !== undefined)
    .map((k) => `${JSON.stringify(k)}:${canonical(value[k])}`)
    .join(',')}}`;
}

const by =
  <T>(key: (t: T) => string) =>
  (a: T, b: T): number =>
    key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0;

/** A model with every array in one order (ids, then the keys of memberships and relations). */
export function sortModel(model: OrganisationModel): OrganisationModel {
  return {
    levels: [...model.levels].sort(by((l) => l.id)),
    bodies: [...model.bodies].sort(by((b) => b.id)),
    posts: [...model.posts].sort(by((p) => p.id)),
    people: [...model.people].sort(by((p) => p.id)),
    memberships: [...model.memberships].sort(by((m) => `${m.personId}|${m.bodyId}|${m.postId ?? ''}|${m.from}`)),
    relations: [...model.relations].sort(by((r) => `${r.personId}|${r.relativeId}|${r.kind}|${r.declaredOn}`)),
  };
}

/**
 * SHA-256 (hex) of a model's canonical JSON (arrays sorted, keys sorted): what a launch pins, so that anyone can
 * later check that a procedure ran on the registry as it stood.
 */
export function modelHash(model: OrganisationModel): string {
  return createHash('sha256')
    .update(canonical(sortModel(model) as unknown as Json))
    .digest('hex');
}
