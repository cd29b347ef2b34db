import type { EntityManager } from 'typeorm';
import { demoIds, demoOrganisation, type OrganisationModel } from '@cadreflow/domain';
import type { RecordedEvent } from '@cadreflow/event-store';
import type { RegistryStore } from '@cadreflow/registry';
import { OrganisationDirectory } from '../../apps/api/src/organisation/organisation-directory.service';
import { ReadModelProjection } from '../../apps/api/src/projections/read-model.projection';
import { READ_MODEL_CHANNEL } from '../../apps/api/src/projections/read-model-feed.service';

/** A registry that counts its reads and can change between them (a unit double of RegistryStore). */
class CountingRegistry {
  reads = 0;
  model: OrganisationModel = demoOrganisation;
  version = 1;

  modelOn(): Promise<{ model: OrganisationModel; version: number; hash: string }> {
    this.reads++;
    return Promise.resolve({ model: this.model, version: this.version, hash: `h${this.version}` });
  }

  names(ids: readonly string[]): Promise<Record<string, string>> {
    return Promise.resolve(Object.fromEntries(ids.map((id) => [id, `former ${id}`])));
  }
}

function directoryOver(registry: CountingRegistry): OrganisationDirectory {
  return new OrganisationDirectory({
    model: () => registry.modelOn(),
    names: (ids: readonly string[]) => registry.names(ids),
  } as unknown as RegistryStore);
}

const registryEvent = {
  streamId: `registry/${demoIds.national}`,
  type: 'PersonAdded',
  position: 9,
  data: {},
  metadata: {},
  recordedAt: new Date(),
} as unknown as RecordedEvent;

describe('the organisation directory', () => {
  it('reads the registry once for many requests, and again after the projection sees a registry event', async () => {
    const registry = new CountingRegistry();
    const directory = directoryOver(registry);
    const projection = new ReadModelProjection(directory);
    await Promise.all([directory.model(), directory.model(), directory.names([demoIds.province])]);
    expect(registry.reads).toBe(1);

    registry.model = {
      ...demoOrganisation,
      bodies: demoOrganisation.bodies.map((b) => ({ ...b, name: `${b.name}*` })),
    };
    registry.version = 2;
    const statements: { sql: string; parameters: unknown[] }[] = [];
    const tx = {
      query: (sql: string, parameters: unknown[]) => Promise.resolve(statements.push({ sql, parameters })),
    } as unknown as EntityManager;
    await projection.apply([registryEvent], tx);
    // The other API replicas hear of it from the notice sent in the batch's transaction.
    expect(statements).toEqual([
      {
        sql: expect.stringContaining('pg_notify') as string,
        parameters: [READ_MODEL_CHANNEL, ['{"kind":"registry"}']],
      },
    ]);
    projection.afterCommit();
    expect(await directory.version()).toBe(2);
    expect((await directory.names([demoIds.province]))[demoIds.province]).toMatch(/\*$/);
    expect(registry.reads).toBe(2);
  });

  it('names people and bodies from the model, a congress organ after its congress, and others from the registry', async () => {
    const directory = directoryOver(new CountingRegistry());
    const names = await directory.names([
      demoIds.people.secretary,
      demoIds.standingCommittee,
      `${demoIds.provincialCongress}/counting-board`,
      'person/retired',
    ]);
    const congress = demoOrganisation.bodies.find((b) => b.id === demoIds.provincialCongress)!.name;
    expect(names[demoIds.people.secretary]).toBe(
      demoOrganisation.people.find((p) => p.id === demoIds.people.secretary)!.fullName,
    );
    expect(names[`${demoIds.provincialCongress}/counting-board`]).toBe(`Ban Kiểm phiếu ${congress}`);
    expect(names['person/retired']).toBe('former person/retired');
    expect(await directory.organisationOf(demoIds.standingCommittee)).toMatchObject({ id: demoIds.province });
  });
});
