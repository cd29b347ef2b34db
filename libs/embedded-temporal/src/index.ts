/**
 * A Temporal-compatible server (gRPC WorkflowService) for development and tests: the real
 * `@temporalio/client` and `@temporalio/worker` run against it unmodified, with no Temporal binary.
 *
 * @example
 * const temporal = await startEmbeddedTemporal({ port: 7233, store: 'memory' });
 * const env = await TestWorkflowEnvironment.createFromExistingServer({ address: temporal.address });
 * await skipTime(env.connection, '30 days');
 *
 * @packageDocumentation
 */
export { startEmbeddedTemporal } from './embedded-temporal';
export type { EmbeddedTemporal, EmbeddedTemporalLogger, EmbeddedTemporalOptions } from './embedded-temporal';
export { skipTime } from './time-skipping';
export { MemoryExecutionStore } from './store/memory-execution.store';
export { PostgresExecutionStore } from './store/postgres-execution.store';
export type { PostgresExecutionStoreOptions } from './store/postgres-execution.store';
export type { ExecutionStore, ExecutionWrite, NamespaceRecord, StoredData } from './store/execution-store';
export { ControllableClock } from './clock/clock';
export type { Clock } from './clock/clock';
