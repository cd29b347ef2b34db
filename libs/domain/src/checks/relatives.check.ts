import { bodyById, isActiveOn, organisationOf, postById, relativesOf } from '../organisation/organisation.queries';
import { type OrganisationModel, type Post, type RelationKind } from '../organisation/organisation.types';
import { type LinkedPostRule, type Rulebook } from '../rulebook/rulebook.types';

/** A relative of the candidate holding a post linked to the one proposed (QĐ 205/114). */
export interface LinkedPostConflict {
  readonly ruleId: string;
  readonly rule: string;
  readonly relativeId: string;
  readonly relation: RelationKind;
  readonly relativePostId: string | null;
  readonly relativeBodyId: string;
}

/** Where the candidate would sit: a post, or plain membership of a body. */
export interface ProposedSeat {
  readonly personId: string;
  readonly postId?: string;
  readonly bodyId: string;
  readonly on: string;
}

function seatsOf(model: OrganisationModel, personId: string, on: string): Array<{ bodyId: string; post: Post | null }> {
  return model.memberships
    .filter((m) => m.personId === personId && isActiveOn(m, on))
    .map((m) => ({ bodyId: m.bodyId, post: m.postId ? postById(model, m.postId) : null }));
}

function linked(
  model: OrganisationModel,
  rule: LinkedPostRule,
  mine: { bodyId: string; post: Post | null },
  theirs: { bodyId: string; post: Post | null },
): boolean {
  switch (rule.kind) {
    case 'same-organisation-key-posts':
      return (
        mine.post !== null &&
        theirs.post !== null &&
        rule.postKinds.includes(mine.post.kind) &&
        rule.postKinds.includes(theirs.post.kind) &&
        organisationOf(model, mine.bodyId).id === organisationOf(model, theirs.bodyId).id
      );
    case 'same-body-members':
      return mine.bodyId === theirs.bodyId && rule.bodyKinds.includes(bodyById(model, mine.bodyId).kind);
    case 'head-and-deputies': {
      const kinds = [mine.post?.kind, theirs.post?.kind];
      return mine.bodyId === theirs.bodyId && kinds.includes('head') && kinds.includes('deputy-head');
    }
    case 'sector-heads-same-locality': {
      const a = bodyById(model, mine.bodyId);
      const b = bodyById(model, theirs.bodyId);
      return (
        mine.post?.kind === 'head' &&
        theirs.post?.kind === 'head' &&
        a.sector !== undefined &&
        b.sector !== undefined &&
        rule.sectors.includes(a.sector) &&
        rule.sectors.includes(b.sector) &&
        organisationOf(model, a.id).id === organisationOf(model, b.id).id
      );
    }
    default: {
      const _never: never = rule;
      return _never;
    }
  }
}

/**
 * Finds declared relatives (spouse, parents, parents-in-law, children, siblings) who hold, on the date, a post
 * linked to the proposed one by a rule of the rulebook. An empty list means the relatives check is clear.
 *
 * @example findLinkedPostConflicts(model, rulebook2025to2030, { personId, postId: proposedPostId, bodyId, on })
 */
export function findLinkedPostConflicts(
  model: OrganisationModel,
  rulebook: Rulebook,
  seat: ProposedSeat,
): LinkedPostConflict[] {
  const mine = { bodyId: seat.bodyId, post: seat.postId ? postById(model, seat.postId) : null };
  const conflicts: LinkedPostConflict[] = [];
  for (const relative of relativesOf(model.relations, seat.personId)) {
    for (const theirs of seatsOf(model, relative.relativeId, seat.on)) {
      for (const rule of rulebook.linkedPosts) {
        if (linked(model, rule, mine, theirs)) {
          conflicts.push({
            ruleId: rule.id,
            rule: rule.description,
            relativeId: relative.relativeId,
            relation: relative.kind,
            relativePostId: theirs.post?.id ?? null,
            relativeBodyId: theirs.bodyId,
          });
        }
      }
    }
  }
  return conflicts;
}
