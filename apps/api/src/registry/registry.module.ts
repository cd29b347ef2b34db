import { Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { EventStore } from '@cadreflow/event-store';
import { RegistrySearch, RegistryStore, RegistryWriter } from '@cadreflow/registry';
import { RegistryController } from './registry.controller';
import { RegistryService } from './registry.service';

/**
 * The organisation registry in the API. Exports {@link RegistryStore} for the services that launch procedures and
 * name people (DataSource and EventStore come from the global DatabaseModule).
 */
@Module({
  controllers: [RegistryController],
  providers: [
    {
      provide: RegistryStore,
      useFactory: (dataSource: DataSource, store: EventStore) => new RegistryStore(dataSource, store),
      inject: [DataSource, EventStore],
    },
    {
      provide: RegistrySearch,
      useFactory: (dataSource: DataSource, registry: RegistryStore) => new RegistrySearch(dataSource, registry),
      inject: [DataSource, RegistryStore],
    },
    {
      provide: RegistryWriter,
      useFactory: (dataSource: DataSource, registry: RegistryStore) => new RegistryWriter(dataSource, registry),
      inject: [DataSource, RegistryStore],
    },
    RegistryService,
  ],
  exports: [RegistryStore],
})
export class RegistryModule {}
