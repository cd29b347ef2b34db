import { type DynamicModule, Global, Module, type OnApplicationShutdown } from '@nestjs/common';
import { DataSource, type MigrationInterface } from 'typeorm';
import { EventStore, createDataSource } from '@cadreflow/event-store';

export interface DatabaseModuleOptions {
  url: string;
  poolSize?: number;
  /** Entities and migrations of the app's own tables (read models, users), beside the event store's. */
  entities?: (new () => unknown)[];
  migrations?: (new () => MigrationInterface)[];
}

/** Closes the pool when the application shuts down. */
class DataSourceCloser implements OnApplicationShutdown {
  constructor(private readonly dataSource: DataSource) {}

  async onApplicationShutdown(): Promise<void> {
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
  }
}

/**
 * The PostgreSQL data source and the event store for a NestJS app (api or worker), closed on shutdown.
 *
 * @example
 * @Module({ imports: [DatabaseModule.forRoot({ url })] })
 * class AppModule {}
 */
@Global()
@Module({})
export class DatabaseModule {
  static forRoot(options: DatabaseModuleOptions): DynamicModule {
    return {
      module: DatabaseModule,
      providers: [
        {
          provide: DataSource,
          useFactory: async () => {
            const dataSource = createDataSource({
              url: options.url,
              poolSize: options.poolSize,
              extraEntities: options.entities,
              extraMigrations: options.migrations,
            });
            await dataSource.initialize();
            return dataSource;
          },
        },
        {
          provide: EventStore,
          useFactory: (dataSource: DataSource) => new EventStore(dataSource),
          inject: [DataSource],
        },
        {
          provide: DataSourceCloser,
          useFactory: (dataSource: DataSource) => new DataSourceCloser(dataSource),
          inject: [DataSource],
        },
      ],
      exports: [DataSource, EventStore],
    };
  }
}
