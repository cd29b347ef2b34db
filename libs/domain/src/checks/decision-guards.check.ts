import { NotAllowedError, RecusedError } from '../shared/domain.error';
import { type Actor, type RoleKind } from '../shared/message.types';

/** Who may decide a step: a role in a body. */
export interface StepAuthority {
  readonly role: RoleKind;
  readonly bodyId: string;
}

/**
 * The actor must act in the role and body the step names.
 * @throws NotAllowedError with reason `ROLE` or `BODY`
 */
export function assertRole(actor: Actor, authority: StepAuthority, what: string): void {
  if (actor.role !== authority.role) {
    throw new NotAllowedError(
      `${what} is decided by the ${authority.role} of ${authority.bodyId}; you act as ${actor.role}`,
      actor.personId,
      'ROLE',
    );
  }
  if (actor.bodyId !== authority.bodyId) {
    throw new NotAllowedError(
      `${what} is decided by the ${authority.role} of ${authority.bodyId}, not of ${actor.bodyId}`,
      actor.personId,
      'BODY',
    );
  }
}

/**
 * Four-eyes: whoever launched the procedure or proposed the matter cannot decide it.
 * @throws NotAllowedError with reason `FOUR_EYES`
 */
export function assertFourEyes(actor: Actor, launchedBy: string, proposedBy: readonly string[] = []): void {
  if (actor.personId === launchedBy) {
    throw new NotAllowedError(
      'You launched this procedure, so another person must decide this step',
      actor.personId,
      'FOUR_EYES',
    );
  }
  if (proposedBy.includes(actor.personId)) {
    throw new NotAllowedError(
      'You proposed this matter, so another person must decide it',
      actor.personId,
      'FOUR_EYES',
    );
  }
}

/** A person concerned by a decision and their declared relatives. */
export interface ConcernedPerson {
  readonly personId: string;
  readonly relativeIds: readonly string[];
}

/** A conflict of interest someone declared for a subject (ConflictDeclared). */
export interface DeclaredConflict {
  readonly personId: string;
  readonly subjectId: string;
}

/**
 * Recusal: the person concerned, their declared relatives, and anyone who declared a conflict for them may not
 * decide a step about them. Returns the ground, or null when the actor may decide. [A]
 */
export function recusalGround(
  actorId: string,
  concerned: readonly ConcernedPerson[],
  declared: readonly DeclaredConflict[] = [],
): { subjectId: string; ground: 'SELF' | 'RELATIVE' | 'DECLARED_CONFLICT' } | null {
  for (const subject of concerned) {
    if (subject.personId === actorId) {
      return { subjectId: subject.personId, ground: 'SELF' };
    }
    if (subject.relativeIds.includes(actorId)) {
      return { subjectId: subject.personId, ground: 'RELATIVE' };
    }
    if (declared.some((d) => d.personId === actorId && d.subjectId === subject.personId)) {
      return { subjectId: subject.personId, ground: 'DECLARED_CONFLICT' };
    }
  }
  return null;
}

/**
 * Throws a {@link RecusedError} when {@link recusalGround} finds one.
 * @example assertNotRecused(actor, [{ personId: 'p1', relativeIds: ['p2'] }]) // throws for p1 and p2
 */
export function assertNotRecused(
  actor: Actor,
  concerned: readonly ConcernedPerson[],
  declared: readonly DeclaredConflict[] = [],
): void {
  const found = recusalGround(actor.personId, concerned, declared);
  if (found) {
    const why = {
      SELF: 'it concerns you',
      RELATIVE: `it concerns your declared relative ${found.subjectId}`,
      DECLARED_CONFLICT: `you declared a conflict of interest regarding ${found.subjectId}`,
    }[found.ground];
    throw new RecusedError(
      `You must recuse yourself from this decision: ${why}`,
      actor.personId,
      found.subjectId,
      found.ground,
    );
  }
}

/**
 * Splits the people of a list step still to be decided into those `actorId` may decide and those they stand aside
 * on (per-item recusal), as a queue shows it before the decision: `decidedIds` are the people already decided
 * (`OpenStepView.decidedItems`). The actor may act while `mine` is not empty.
 *
 * @example itemsToDecide('person/bn-12', step.concerned, step.decidedItems.map((i) => i.personId)).mine.length > 0
 */
export function itemsToDecide(
  actorId: string,
  concerned: readonly ConcernedPerson[],
  decidedIds: readonly string[] = [],
  declared: readonly DeclaredConflict[] = [],
): {
  readonly mine: readonly string[];
  readonly stoodAside: ReadonlyArray<{
    readonly subjectId: string;
    readonly ground: 'SELF' | 'RELATIVE' | 'DECLARED_CONFLICT';
  }>;
} {
  const mine: string[] = [];
  const stoodAside: Array<{ subjectId: string; ground: 'SELF' | 'RELATIVE' | 'DECLARED_CONFLICT' }> = [];
  for (const person of concerned) {
    if (decidedIds.includes(person.personId)) continue;
    const found = recusalGround(actorId, [person], declared);
    if (found) stoodAside.push({ subjectId: person.personId, ground: found.ground });
    else mine.push(person.personId);
  }
  return { mine, stoodAside };
}
