import { Injectable } from '@nestjs/common';
import {
  bodyById,
  demoOrganisation,
  organisationOf,
  organisationsUnder,
  type OrganisationModel,
} from '@cadreflow/domain';
import type { AuthenticatedUser } from './authenticated-user';

/**
 * Which procedures a user may see: those of the party organisations their bodies belong to, and of every
 * organisation below (the Politburo sees all provinces; a province's bodies see the province and its communes).
 */
@Injectable()
export class Visibility {
  constructor(private readonly organisation: OrganisationModel = demoOrganisation) {}

  /** Ids of the organisations whose procedures the user may see. */
  organisationsOf(user: AuthenticatedUser): Set<string> {
    const roots = new Set<string>();
    for (const grant of user.grants) {
      try {
        roots.add(organisationOf(this.organisation, grant.bodyId).id);
      } catch {
        // A grant for a body the model no longer has gives no visibility.
      }
    }
    return organisationsUnder(this.organisation, roots);
  }

  /** Whether the user may see a procedure for `bodyId`. */
  canSee(user: AuthenticatedUser, bodyId: string): boolean {
    try {
      return this.organisationsOf(user).has(
        organisationOf(this.organisation, bodyById(this.organisation, bodyId).id).id,
      );
    } catch {
      return false;
    }
  }
}
