import { createHash } from 'node:crypto';
import type { OrganisationModel } from '@cadreflow/domain';

/**
 * JSON with object keys sorted at every depth: equal values always give equal text. The native serializer does the
 * writing; the replacer only hands it each object with its keys in order (about three times faster than a
 * hand-written recursive writer on a 2,000-person model).
 */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v === null || typeof v !== 'object' || Array.isArray(v)) return v;
    const object = v as Record<string, unknown>;
    const sorted: Record<string, unknown> = {};
    for (const key of Object.keys(object).sort()) sorted[key] = object[key];
    return sorted;
  });
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
    .update(canonical(sortModel(model)))
    .digest('hex');
}
