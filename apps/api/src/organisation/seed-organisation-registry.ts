import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { demoOrganisation } from '@cadreflow/domain';
import { OrganisationRegistry, type RegistryModel } from './organisation-registry';

/** The seeded province as a registry of one version, until the registry's store answers for it. */
@Injectable()
export class SeedOrganisationRegistry extends OrganisationRegistry {
  private readonly entry: RegistryModel = {
    model: demoOrganisation,
    version: 1,
    hash: createHash('sha256').update(JSON.stringify(demoOrganisation)).digest('hex'),
  };

  model(): Promise<RegistryModel> {
    return Promise.resolve(this.entry);
  }

  snapshot(): Promise<RegistryModel> {
    return Promise.resolve(this.entry);
  }

  names(ids: readonly string[]): Promise<Record<string, string>> {
    const all = new Map([...demoOrganisation.people.map((p) => [p.id, p.fullName] as const)]);
    return Promise.resolve(Object.fromEntries(ids.flatMap((id) => (all.has(id) ? [[id, all.get(id)!]] : []))));
  }
}
