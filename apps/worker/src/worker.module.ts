import { type DynamicModule, Module } from '@nestjs/common';
import type { WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { DatabaseModule } from '@cadreflow/database';
import { ProcedureActivitiesService } from './activities/procedure.activities';
import { NoRegistryRelationsSource, RelationsSource } from './activities/relations.source';
import { CheckpointService, CheckpointSettings } from './checkpoints/checkpoint.service';
import { TemporalWorkerService } from './temporal/temporal-worker.service';
import { WorkflowBundleSource } from './temporal/workflow-bundle.source';
import { WorkerSettings } from './worker-settings';

/**
 * The worker application: Temporal Worker plus the activities, with their dependencies; with `checkpoints`, it also
 * signs checkpoints of the log. `relations` is where decisions look up relatives declared after a launch (the
 * organisation registry); without one, recusal rests on each procedure's registry snapshot.
 */
@Module({})
export class WorkerModule {
  static forRoot(
    settings: WorkerSettings,
    prebuiltBundle?: WorkflowBundleWithSourceMap,
    checkpoints?: CheckpointSettings,
    relations: RelationsSource = new NoRegistryRelationsSource(),
  ): DynamicModule {
    return {
      module: WorkerModule,
      imports: [DatabaseModule.forRoot({ url: settings.databaseUrl })],
      providers: [
        { provide: WorkerSettings, useValue: settings },
        { provide: RelationsSource, useValue: relations },
        { provide: WorkflowBundleSource, useValue: new WorkflowBundleSource(prebuiltBundle) },
        ProcedureActivitiesService,
        TemporalWorkerService,
        ...(checkpoints ? [{ provide: CheckpointSettings, useValue: checkpoints }, CheckpointService] : []),
      ],
    };
  }
}
