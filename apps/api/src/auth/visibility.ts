import { Injectable } from '@nestjs/common';
import { bodyById, organisationOf, organisationsUnder, type OrganisationModel } from '@cadreflow/domain';
import { OrganisationDirectory } from '../organisation/organisation-directory.service';
import type { AuthenticatedUser } from './authenticated-user';

/** The party organisation of a body in this model (a congress's presidium and counting board count as the congress). */
export function organisationIdOf(model: OrganisationModel, bodyId: string): string | undefined {
  const base = bodyId.replace(/\/(presidium|counting-board)$/, '');
  try {
    return organisationOf(model, bodyById(model, base).id).id;
  } catch {
    return undefined;
  }
}

/**
 * Which procedures a user may see: those of the party organisations their bodies belong to, and of every
 * organisation below (the Politburo sees all provinces; a province's bodies see the province and its communes),
 * as the registry stands today.
 */
@Injectable()
export class Visibility {
  constructor(private readonly directory: OrganisationDirectory) {}

  /** Visibility over one fixed model (tools and tests that read no registry). */
  static over(model: OrganisationModel): Visibility {
    return new Visibility(OrganisationDirectory.fixed(model));
  }

  /** Ids of the organisations whose procedures the user may see. */
  async organisationsOf(user: AuthenticatedUser): Promise<Set<string>> {
    const model = await this.directory.model();
    const roots = new Set<string>();
    for (const grant of user.grants) {
      // A grant for a body the registry no longer has gives no visibility.
      const organisation = organisationIdOf(model, grant.bodyId);
      if (organisation) roots.add(organisation);
    }
    return organisationsUnder(model, roots);
  }

  /** Whether the user may see a procedure for `bodyId`. */
  async canSee(user: AuthenticatedUser, bodyId: string): Promise<boolean> {
    const organisation = organisationIdOf(await this.directory.model(), bodyId);
    return organisation !== undefined && (await this.organisationsOf(user)).has(organisation);
  }

  /** Ids of every body of the organisations the user may see (to filter a list in SQL). */
  async bodiesOf(user: AuthenticatedUser): Promise<string[]> {
    const model = await this.directory.model();
    const organisations = await this.organisationsOf(user);
    return model.bodies.filter((b) => organisations.has(organisationIdOf(model, b.id) ?? '')).map((b) => b.id);
  }
}
