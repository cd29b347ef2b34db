import { type DynamicModule, Module } from '@nestjs/common';
import type { WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { DataSource } from 'typeorm';
import { DatabaseModule } from '@cadreflow/database';
import { EventStore } from '@cadreflow/event-store';
import { RegistryStore } from '@cadreflow/registry';
import { ProcedureActivitiesService } from './activities/procedure.activities';
import { RegistryRelationsSource, RelationsSource } from './activities/relations.source';
import { CheckpointService, CheckpointSettings } from './checkpoints/checkpoint.service';
import { TemporalWorkerService } from './temporal/temporal-worker.service';
import { WorkflowBundleSource } from './temporal/workflow-bundle.source';
import { WorkerSettings } from './worker-settings';

/**
 * The worker application: Temporal Worker plus the activities, with their dependencies; with `checkpoints`, it also
 * signs checkpoints of the log. `relations` is where decisions look up relatives declared after a launch; by default the
 * organisation registry in the worker's database.
 */
@Module({})
export class WorkerModule {
  static forRoot(
    settings: WorkerSettings,
    prebuiltBundle?: WorkflowBundleWithSourceMap,
    checkpoints?: CheckpointSettings,
    relations?: RelationsSource,
  ): DynamicModule {
    return {
      module: WorkerModule,
      imports: [DatabaseModule.forRoot({ url: settings.databaseUrl })],
      providers: [
        { provide: WorkerSettings, useValue: settings },
        relations
          ? { provide: RelationsSource, useValue: relations }
          : {
              provide: RelationsSource,
              useFactory: (dataSource: DataSource, store: EventStore) =>
                new RegistryRelationsSource(new RegistryStore(dataSource, store)),
              inject: [DataSource, EventStore],
            },
        { provide: WorkflowBundleSource, useValue: new WorkflowBundleSource(prebuiltBundle) },
        ProcedureActivitiesService,
        TemporalWorkerService,
        ...(checkpoints ? [{ provide: CheckpointSettings, useValue: checkpoints }, CheckpointService] : []),
      ],
    };
  }
}
