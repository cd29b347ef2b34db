import { DataSource, type DataSourceOptions, type MigrationInterface } from 'typeorm';
import { CheckpointEntity } from '../entities/checkpoint.entity';
import { EventRecordEntity } from '../entities/event-record.entity';
import { ProjectionCheckpointEntity } from '../entities/projection-checkpoint.entity';
import { CreateEventStore1763784000000 } from '../migrations/1763784000000-CreateEventStore';
import { AppendFunction1763784100000 } from '../migrations/1763784100000-AppendFunction';
import { AppendFunctionUsesIndexes1763784200000 } from '../migrations/1763784200000-AppendFunctionUsesIndexes';
import { EventContentAsHashedText1763784300000 } from '../migrations/1763784300000-EventContentAsHashedText';
import { LeanerAppend1763784400000 } from '../migrations/1763784400000-LeanerAppend';
import { MerkleTreeHeads1763786000000 } from '../migrations/1763786000000-MerkleTreeHeads';
import { AppendWritesReceipt1763787000000 } from '../migrations/1763787000000-AppendWritesReceipt';
import { CheckpointChain1763787100000 } from '../migrations/1763787100000-CheckpointChain';

/** Entities of the event store; other libs add their own next to these. */
export const eventStoreEntities = [EventRecordEntity, CheckpointEntity, ProjectionCheckpointEntity];
export const eventStoreMigrations = [
  CreateEventStore1763784000000,
  AppendFunction1763784100000,
  AppendFunctionUsesIndexes1763784200000,
  EventContentAsHashedText1763784300000,
  LeanerAppend1763784400000,
  MerkleTreeHeads1763786000000,
  AppendWritesReceipt1763787000000,
  CheckpointChain1763787100000,
];

export interface DataSourceSettings {
  url: string;
  /** Maximum pooled connections. */
  poolSize?: number;
  extraEntities?: DataSourceOptions['entities'];
  extraMigrations?: (new () => MigrationInterface)[];
}

/**
 * The PostgreSQL data source of cadreflow. `synchronize` is off everywhere: the schema comes from migrations.
 *
 * @example
 * const ds = createDataSource({ url });
 * await ds.initialize();
 * await ds.runMigrations();
 */
export function createDataSource(settings: DataSourceSettings): DataSource {
  return new DataSource({
    type: 'postgres',
    url: settings.url,
    entities: [...eventStoreEntities, ...((settings.extraEntities as []) ?? [])],
    migrations: [...eventStoreMigrations, ...(settings.extraMigrations ?? [])],
    migrationsTableName: 'migrations',
    synchronize: false,
    migrationsRun: false,
    logging: false,
    extra: { max: settings.poolSize ?? 20 },
  });
}
