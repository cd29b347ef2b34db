import { compareIsoDates } from '../calendar/civil-date.util';
import { NotFoundError } from '../shared/domain.error';
import {
  type Body,
  type BodyKind,
  type DeclaredRelation,
  type Level,
  type Membership,
  type OrganisationModel,
  type Person,
  type Post,
  type RelationKind,
} from './organisation.types';

/** The body with this id, or a {@link NotFoundError}. */
export function bodyById(model: OrganisationModel, id: string): Body {
  const body = model.bodies.find((b) => b.id === id);
  if (!body) {
    throw new NotFoundError(`Body "${id}" is not in the organisation model`, 'body', id);
  }
  return body;
}

/** The person with this id, or a {@link NotFoundError}. */
export function personById(model: OrganisationModel, id: string): Person {
  const person = model.people.find((p) => p.id === id);
  if (!person) {
    throw new NotFoundError(`Person "${id}" is not in the organisation model`, 'person', id);
  }
  return person;
}

/** The post with this id, or a {@link NotFoundError}. */
export function postById(model: OrganisationModel, id: string): Post {
  const post = model.posts.find((p) => p.id === id);
  if (!post) {
    throw new NotFoundError(`Post "${id}" is not in the organisation model`, 'post', id);
  }
  return post;
}

/** The level with this id, or a {@link NotFoundError}. */
export function levelById(model: OrganisationModel, id: string): Level {
  const level = model.levels.find((l) => l.id === id);
  if (!level) {
    throw new NotFoundError(`Level "${id}" is not in the organisation model`, 'level', id);
  }
  return level;
}

/** The party organisation a body belongs to (itself when it is one). */
export function organisationOf(model: OrganisationModel, bodyId: string): Body {
  const body = bodyById(model, bodyId);
  if (body.kind === 'party-organisation' || body.parentId === null) {
    return body;
  }
  return organisationOf(model, body.parentId);
}

/** The party organisation one level up, or null at the top of the tree. */
export function higherOrganisation(model: OrganisationModel, bodyId: string): Body | null {
  const organisation = organisationOf(model, bodyId);
  return organisation.parentId === null ? null : organisationOf(model, organisation.parentId);
}

/** The ids of the given party organisations and of every party organisation below them in the tree. */
export function organisationsUnder(model: OrganisationModel, organisationIds: Iterable<string>): Set<string> {
  const under = new Set(organisationIds);
  for (let grew = true; grew;) {
    grew = false;
    for (const body of model.bodies) {
      if (body.kind === 'party-organisation' && body.parentId && under.has(body.parentId) && !under.has(body.id)) {
        under.add(body.id);
        grew = true;
      }
    }
  }
  return under;
}

/** The body of `kind` that serves `organisationId` (e.g. its standing committee), or null. */
export function bodyOfKind(model: OrganisationModel, organisationId: string, kind: BodyKind): Body | null {
  return model.bodies.find((b) => b.kind === kind && b.parentId === organisationId) ?? null;
}

/**
 * The higher body consulted on an organisation's personnel plan (domain.md §3A/§3E): for a provincial body the
 * Politburo, otherwise the standing committee one level up, as the level's `consultedBodyKind` says.
 *
 * @example consultingHigherBody(model, provinceId).id // the Politburo's body id for a province
 */
export function consultingHigherBody(model: OrganisationModel, bodyId: string): Body | null {
  const organisation = organisationOf(model, bodyId);
  const level = levelById(model, organisation.levelId);
  const higher = higherOrganisation(model, organisation.id);
  if (!higher || !level.consultedBodyKind) {
    return null;
  }
  return bodyOfKind(model, higher.id, level.consultedBodyKind);
}

/** Whether a membership is active on `date`. */
export function isActiveOn(membership: Membership, date: string): boolean {
  return (
    compareIsoDates(membership.from, date) <= 0 &&
    (membership.to === undefined || compareIsoDates(date, membership.to) < 0)
  );
}

/** Memberships of a body active on `date`. */
export function membershipsOf(model: OrganisationModel, bodyId: string, date: string): Membership[] {
  return model.memberships.filter((m) => m.bodyId === bodyId && isActiveOn(m, date));
}

/** Ids of the people who are members of a body on `date` (each once). */
export function membersOf(model: OrganisationModel, bodyId: string, date: string): string[] {
  return [...new Set(membershipsOf(model, bodyId, date).map((m) => m.personId))];
}

/** Who holds `postId` on `date`. */
export function holdersOf(model: OrganisationModel, postId: string, date: string): string[] {
  return model.memberships.filter((m) => m.postId === postId && isActiveOn(m, date)).map((m) => m.personId);
}

const inverse: Record<RelationKind, RelationKind> = {
  spouse: 'spouse',
  parent: 'child',
  child: 'parent',
  'parent-in-law': 'child-in-law',
  'child-in-law': 'parent-in-law',
  sibling: 'sibling',
};

/** A relative of a person, seen from that person, whichever of the two declared it. */
export interface Relative {
  readonly relativeId: string;
  readonly kind: RelationKind;
}

/** Declared relatives of `personId` (both directions: if A declares B her parent, B has A as child). */
export function relativesOf(relations: readonly DeclaredRelation[], personId: string): Relative[] {
  const found = new Map<string, Relative>();
  for (const r of relations) {
    if (r.personId === personId) {
      found.set(r.relativeId, { relativeId: r.relativeId, kind: r.kind });
    } else if (r.relativeId === personId && !found.has(r.personId)) {
      found.set(r.personId, { relativeId: r.personId, kind: inverse[r.kind] });
    }
  }
  return [...found.values()];
}

/** The relation between two people, or null if none is declared. */
export function relationBetween(relations: readonly DeclaredRelation[], a: string, b: string): RelationKind | null {
  return relativesOf(relations, a).find((r) => r.relativeId === b)?.kind ?? null;
}
