import type { DataSource } from 'typeorm';
import { EventStore, createDataSource } from '@cadreflow/event-store';
import { RegistryStore, RegistryWriter, registryMigrations, type RegistryActor } from '@cadreflow/registry';
import { createEmptyDatabase } from '../../../test/setup/database';

/** A fresh database with the event store's and the registry's migrations, and a registry on it. */
export interface RegistryDatabase {
  dataSource: DataSource;
  registry: RegistryStore;
  writer: RegistryWriter;
  drop(): Promise<void>;
}

export const organizationCommittee: RegistryActor = {
  actorId: 'person/bn-ot-01',
  actorRole: 'organization-committee',
  bodyId: 'body/bn-organization-committee',
};

export async function createRegistryDatabase(): Promise<RegistryDatabase> {
  const empty = await createEmptyDatabase('reg');
  const dataSource = createDataSource({ url: empty.url, poolSize: 6, extraMigrations: registryMigrations });
  await dataSource.initialize();
  await dataSource.runMigrations();
  const registry = new RegistryStore(dataSource, new EventStore(dataSource));
  return {
    dataSource,
    registry,
    writer: new RegistryWriter(dataSource, registry),
    drop: async () => {
      await dataSource.destroy();
      await empty.drop();
    },
  };
}
