import { type DynamicModule, Module, type OnApplicationShutdown } from '@nestjs/common';
import type { WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { DataSource } from 'typeorm';
import { EventStore, createDataSource } from '@cadreflow/event-store';
import { ProcedureActivitiesService } from './activities/procedure.activities';
import { TemporalWorkerService } from './temporal/temporal-worker.service';
import { WorkflowBundleSource } from './temporal/workflow-bundle.source';
import { WorkerSettings } from './worker-settings';

/** Closes the worker's database pool on shutdown. */
class DataSourceCloser implements OnApplicationShutdown {
  constructor(private readonly dataSource: DataSource) {}

  async onApplicationShutdown(): Promise<void> {
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
  }
}

/** The worker application: Temporal Worker plus the activities, with their dependencies. */
@Module({})
export class WorkerModule {
  static forRoot(settings: WorkerSettings, prebuiltBundle?: WorkflowBundleWithSourceMap): DynamicModule {
    return {
      module: WorkerModule,
      providers: [
        { provide: WorkerSettings, useValue: settings },
        {
          provide: DataSource,
          useFactory: async () => {
            const dataSource = createDataSource({ url: settings.databaseUrl });
            await dataSource.initialize();
            return dataSource;
          },
        },
        {
          provide: EventStore,
          useFactory: (dataSource: DataSource) => new EventStore(dataSource),
          inject: [DataSource],
        },
        { provide: WorkflowBundleSource, useValue: new WorkflowBundleSource(prebuiltBundle) },
        {
          provide: DataSourceCloser,
          useFactory: (dataSource: DataSource) => new DataSourceCloser(dataSource),
          inject: [DataSource],
        },
        ProcedureActivitiesService,
        TemporalWorkerService,
      ],
    };
  }
}
