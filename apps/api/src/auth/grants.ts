import { ForbiddenException } from '@nestjs/common';
import type { RoleKind } from '@cadreflow/domain';
import type { ActorRef } from '@cadreflow/workflows/messages';
import type { AuthenticatedUser } from './authenticated-user';

/** The caller acting in `role` for `bodyId`, if they hold that grant. */
export function actorFor(user: AuthenticatedUser, role: string, bodyId: string): ActorRef | null {
  const grant = user.grants.find((g) => g.role === role && g.bodyId === bodyId);
  if (!grant || !user.personId) return null;
  return { actorId: user.personId, role: grant.role, bodyId: grant.bodyId };
}

/** Like {@link actorFor}, or 403 naming the grant that is missing. */
export function requireActor(user: AuthenticatedUser, role: string, bodyId: string, what: string): ActorRef {
  const actor = actorFor(user, role, bodyId);
  if (!actor) {
    throw new ForbiddenException({
      message: `${what} needs the ${role} role of ${bodyId}; you hold ${user.grants.map((g) => `${g.role} of ${g.bodyId}`).join(', ') || 'no role'}.`,
      code: 'NOT_ALLOWED',
    });
  }
  return actor;
}

/** Whether the caller holds any of these roles (in any body). */
export function hasRole(user: AuthenticatedUser, ...roles: RoleKind[]): boolean {
  return user.grants.some((g) => roles.includes(g.role));
}
