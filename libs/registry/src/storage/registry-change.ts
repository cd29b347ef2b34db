import type { Body, BodyKind, Gender, Membership, OrganisationModel, RelationKind } from '@cadreflow/domain';
import { errorMessage, type ErrorParams, type RegistryErrorCode } from '../file/registry-errors';

/**
 * An effective-dated change to the registry, as the Organization Committee records it between imports: a person
 * joins, leaves, moves or retires; a relative is declared; a person, organisation or body is added; an
 * organisation or body is renamed, moved under another organisation (the 2025 reform put communes directly under
 * the province) or abolished.
 */
export type RegistryChange = { readonly effectiveFrom: string } & (
  | {
      readonly kind: 'person-added';
      readonly personId: string;
      readonly fullName: string;
      readonly gender: Gender;
      readonly birthDate: string;
    }
  | { readonly kind: 'person-joins'; readonly personId: string; readonly bodyId: string; readonly postId?: string }
  | { readonly kind: 'person-leaves'; readonly personId: string; readonly bodyId: string; readonly postId?: string }
  | {
      readonly kind: 'person-moves';
      readonly personId: string;
      readonly fromBodyId: string;
      readonly fromPostId?: string;
      readonly bodyId: string;
      readonly postId?: string;
    }
  | { readonly kind: 'person-retires'; readonly personId: string }
  | {
      readonly kind: 'relative-declared';
      readonly personId: string;
      readonly relativeId: string;
      readonly relation: RelationKind;
    }
  | {
      readonly kind: 'organisation-added';
      readonly id: string;
      readonly name: string;
      readonly levelId: string;
      readonly parentId: string;
    }
  | {
      readonly kind: 'body-added';
      readonly id: string;
      readonly name: string;
      readonly bodyKind: BodyKind;
      readonly parentId: string;
    }
  | { readonly kind: 'renamed'; readonly id: string; readonly name: string }
  | { readonly kind: 'organisation-moved'; readonly id: string; readonly parentId: string; readonly levelId?: string }
  | { readonly kind: 'abolished'; readonly id: string }
);

export type RegistryChangeKind = RegistryChange['kind'];

/** A change that cannot be applied as asked; `field` is the field of the change it concerns. */
export class RegistryChangeError extends Error {
  constructor(
    readonly code: RegistryErrorCode,
    readonly field: string,
    readonly params: ErrorParams,
    message: string,
  ) {
    super(message);
    this.name = 'RegistryChangeError';
  }
}

const open = (m: Membership, on: string): boolean => m.from < on && (m.to === undefined || m.to > on);

/**
 * The registry after a change, as a whole model: the same planner and validator as a file import then turn it into
 * events, so a change and an import of the same data record the same thing.
 *
 * @throws RegistryChangeError naming the field when the change names something that does not exist
 */
export function applyChange(model: OrganisationModel, change: RegistryChange): OrganisationModel {
  const fail = (code: RegistryErrorCode, field: string, params: ErrorParams): never => {
    throw new RegistryChangeError(code, field, params, errorMessage(code, params));
  };
  const on = change.effectiveFrom;
  const person = (field: string, id: string): void => {
    if (!model.people.some((p) => p.id === id)) fail('REGISTRY_UNKNOWN_PERSON', field, { personId: id });
  };
  const body = (field: string, id: string): Body =>
    model.bodies.find((b) => b.id === id) ?? fail('REGISTRY_UNKNOWN_BODY', field, { bodyId: id });
  const join = (personId: string, bodyId: string, postId: string | undefined): Membership => ({
    personId,
    bodyId,
    ...(postId ? { postId } : {}),
    from: on,
  });
  /** Ends on `on` the open memberships of a person that `which` selects; at least one must match. */
  const leave = (personId: string, which: (m: Membership) => boolean, bodyId: string): Membership[] => {
    let ended = 0;
    const memberships = model.memberships.map((m) => {
      if (m.personId !== personId || !open(m, on) || !which(m)) return m;
      ended++;
      return { ...m, to: on };
    });
    if (ended === 0) fail('REGISTRY_NO_OPEN_MEMBERSHIP', 'bodyId', { personId, bodyId, effectiveFrom: on });
    return memberships;
  };
  switch (change.kind) {
    case 'person-added':
      return {
        ...model,
        people: [
          ...model.people,
          { id: change.personId, fullName: change.fullName, gender: change.gender, birthDate: change.birthDate },
        ],
      };
    case 'person-joins':
      person('personId', change.personId);
      body('bodyId', change.bodyId);
      return { ...model, memberships: [...model.memberships, join(change.personId, change.bodyId, change.postId)] };
    case 'person-leaves':
      person('personId', change.personId);
      body('bodyId', change.bodyId);
      return {
        ...model,
        memberships: leave(
          change.personId,
          (m) => m.bodyId === change.bodyId && (change.postId === undefined || m.postId === change.postId),
          change.bodyId,
        ),
      };
    case 'person-moves': {
      person('personId', change.personId);
      body('fromBodyId', change.fromBodyId);
      body('bodyId', change.bodyId);
      const left = leave(
        change.personId,
        (m) => m.bodyId === change.fromBodyId && (change.fromPostId === undefined || m.postId === change.fromPostId),
        change.fromBodyId,
      );
      return { ...model, memberships: [...left, join(change.personId, change.bodyId, change.postId)] };
    }
    case 'person-retires':
      person('personId', change.personId);
      return { ...model, memberships: leave(change.personId, () => true, '') };
    case 'relative-declared':
      person('personId', change.personId);
      if (!model.people.some((p) => p.id === change.relativeId)) {
        fail('REGISTRY_UNKNOWN_RELATIVE', 'relativeId', { relativeId: change.relativeId });
      }
      return {
        ...model,
        relations: [
          ...model.relations.filter(
            (r) =>
              !(r.personId === change.personId && r.relativeId === change.relativeId && r.kind === change.relation),
          ),
          { personId: change.personId, relativeId: change.relativeId, kind: change.relation, declaredOn: on },
        ],
      };
    case 'organisation-added':
      return {
        ...model,
        bodies: [
          ...model.bodies,
          {
            id: change.id,
            kind: 'party-organisation',
            name: change.name,
            levelId: change.levelId,
            parentId: change.parentId,
          },
        ],
      };
    case 'body-added': {
      const parent = body('parentId', change.parentId);
      return {
        ...model,
        bodies: [
          ...model.bodies,
          {
            id: change.id,
            kind: change.bodyKind,
            name: change.name,
            levelId: parent.levelId,
            parentId: change.parentId,
          },
        ],
      };
    }
    case 'renamed':
      body('id', change.id);
      return { ...model, bodies: model.bodies.map((b) => (b.id === change.id ? { ...b, name: change.name } : b)) };
    case 'organisation-moved': {
      body('id', change.id);
      const moved = (b: Body): Body => ({ ...b, parentId: change.parentId, levelId: change.levelId ?? b.levelId });
      // The organisation's own bodies move level with it.
      return {
        ...model,
        bodies: model.bodies.map((b) =>
          b.id === change.id
            ? moved(b)
            : b.parentId === change.id && b.kind !== 'party-organisation' && change.levelId
              ? { ...b, levelId: change.levelId }
              : b,
        ),
      };
    }
    case 'abolished': {
      const abolished = body('id', change.id);
      // An organisation takes its own bodies (not the organisations under it: those are moved first) and their posts.
      const gone = new Set([
        abolished.id,
        ...(abolished.kind === 'party-organisation'
          ? model.bodies.filter((b) => b.parentId === abolished.id && b.kind !== 'party-organisation').map((b) => b.id)
          : []),
      ]);
      return {
        ...model,
        bodies: model.bodies.filter((b) => !gone.has(b.id)),
        posts: model.posts.filter((p) => !gone.has(p.bodyId)),
        memberships: model.memberships.filter((m) => !gone.has(m.bodyId)),
      };
    }
  }
}
