/**
 * @cadreflow/registry — the organisation registry (sổ tổ chức, cán bộ): organisations, bodies, posts, people,
 * memberships and declared relatives as the customer's data, read from .xlsx/.csv/.json files, recorded as
 * effective-dated events on the registry's own stream, and looked up as of any date.
 */
export * from './file/civil-date';
export * from './file/vietnamese-text';
export * from './file/registry-columns';
export * from './file/registry-errors';
export * from './file/registry-file.reader';
export * from './file/registry-file.validator';
export * from './file/registry-file.writer';
export * from './file/demo-province';
export * from './storage/registry.events';
export * from './storage/registry-plan';
export * from './storage/registry-change';
export * from './storage/canonical-model';
export * from './storage/registry.projection';
export * from './storage/registry.store';
export * from './storage/registry.writer';
export * from './storage/registry-write.errors';
export * from './storage/registry.search';
export * from './storage/first-start';

import { CreateRegistry1763786000000 } from './migrations/1763786000000-CreateRegistry';

/** The registry's migrations, run beside the event store's and the API's. */
export const registryMigrations = [CreateRegistry1763786000000];
