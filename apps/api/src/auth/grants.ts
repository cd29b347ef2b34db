import type { RoleKind } from '@cadreflow/domain';
import type { ActorRef } from '@cadreflow/workflows/messages';
import { ApiError } from '../errors/api-error';
import type { AuthenticatedUser } from './authenticated-user';
import type { Grant } from './user.entity';

/**
 * The organs a congress elects for itself and names after it (its presidium and counting board): they act for the
 * congress, so a grant for the congress in their role covers them.
 */
const CONGRESS_ORGANS = ['presidium', 'counting-board'] as const;

/** The bodies a grant lets its holder act for: its body, and the congress's organs when it is a congress. */
export function bodiesCovered(grant: Grant): string[] {
  return [grant.bodyId, ...CONGRESS_ORGANS.map((organ) => `${grant.bodyId}/${organ}`)];
}

/** Whether the grant lets its holder act in `role` for `bodyId`. */
export function grantCovers(grant: Grant, role: string, bodyId: string): boolean {
  return grant.role === role && (grant.bodyId === bodyId || bodiesCovered(grant).includes(bodyId));
}

/** The caller acting in `role` for `bodyId`, if a grant of theirs covers it. */
export function actorFor(user: AuthenticatedUser, role: string, bodyId: string): ActorRef | null {
  const grant = user.grants.find((g) => grantCovers(g, role, bodyId));
  if (!grant || !user.personId) return null;
  return { actorId: user.personId, role: grant.role, bodyId };
}

/** Like {@link actorFor}, or 403 naming the grant that is missing. */
export function requireActor(user: AuthenticatedUser, role: string, bodyId: string, what: string): ActorRef {
  const actor = actorFor(user, role, bodyId);
  if (!actor) {
    throw new ApiError(
      403,
      'NOT_ALLOWED',
      `${what} needs the ${role} role of ${bodyId}; you hold ${user.grants.map((g) => `${g.role} of ${g.bodyId}`).join(', ') || 'no role'}.`,
      { params: { role, bodyId } },
    );
  }
  return actor;
}

/** Whether the caller holds any of these roles (in any body). */
export function hasRole(user: AuthenticatedUser, ...roles: RoleKind[]): boolean {
  return user.grants.some((g) => roles.includes(g.role));
}
