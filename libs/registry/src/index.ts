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
