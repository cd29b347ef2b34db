export * from './types';
export * from './errors';
export * from './hashing';
export * from './event-store';
export * from './subscription';
export * from './database/data-source.factory';
