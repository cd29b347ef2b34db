import type { Duration } from '@temporalio/common';
import { msToNumber } from '@temporalio/common/lib/time';
import { ControllableClock } from './clock/clock';
import { WorkflowEngine } from './engine/workflow-engine';
import { createGrpcServer } from './server/grpc-server';
import type { ExecutionStore } from './store/execution-store';
import { MemoryExecutionStore } from './store/memory-execution.store';
import { PostgresExecutionStore } from './store/postgres-execution.store';

/** Where the server logs what nobody else would hear about (a failed background save). */
export interface EmbeddedTemporalLogger {
  warn(message: string): void;
  error(message: string): void;
}

/** Options of {@link startEmbeddedTemporal}. */
export interface EmbeddedTemporalOptions {
  /** TCP port; 0 (default) picks a free one. */
  readonly port?: number;
  /** Interface to listen on; default `127.0.0.1`. */
  readonly host?: string;
  /**
   * `'memory'` (default), a PostgreSQL URL (`postgres://…`, its own tables in schema `embedded_temporal`),
   * or any {@link ExecutionStore}.
   */
  readonly store?: string | ExecutionStore;
  /** How long worker polls and long polls are held open; default 30 s. */
  readonly longPollMs?: number;
  readonly logger?: EmbeddedTemporalLogger;
}

/** A running embedded server. */
export interface EmbeddedTemporal {
  /** `host:port`, what `Connection.connect({ address })` and `NativeConnection.connect` take. */
  readonly address: string;
  readonly port: number;
  /** Moves the server clock forward: due timers, timeouts and retries fire at once. */
  skipTime(duration: Duration): void;
  /** The server clock. */
  now(): Date;
  /** Answers held polls, closes connections and the store. */
  stop(): Promise<void>;
}

const silentLogger: EmbeddedTemporalLogger = { warn: () => undefined, error: () => undefined };

/**
 * Starts a Temporal-compatible server in this process, for `npm start` and tests: the real
 * `@temporalio/client` and `@temporalio/worker` connect to `address` unmodified.
 *
 * @example
 * const temporal = await startEmbeddedTemporal({ store: process.env.DATABASE_URL });
 * const connection = await Connection.connect({ address: temporal.address });
 * // ...
 * await temporal.stop();
 */
export async function startEmbeddedTemporal(options: EmbeddedTemporalOptions = {}): Promise<EmbeddedTemporal> {
  const logger = options.logger ?? silentLogger;
  const store = resolveStore(options.store, (error) => logger.warn(`embedded Temporal store: ${error.message}`));
  const clock = new ControllableClock();
  const onError = (error: unknown): void =>
    logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  const engine = new WorkflowEngine(store, clock, { longPollMs: options.longPollMs ?? 30_000, onError });
  await engine.start();
  const server = createGrpcServer(engine, onError);
  const host = options.host ?? '127.0.0.1';
  let port: number;
  try {
    port = await server.listen(host, options.port ?? 0);
  } catch (error) {
    await engine.stop();
    await store.close();
    throw error;
  }
  let stopping: Promise<void> | undefined;
  return {
    address: `${host}:${port}`,
    port,
    skipTime: (duration) => engine.skipTime(msToNumber(duration)),
    now: () => new Date(clock.now()),
    stop: () => {
      stopping ??= (async () => {
        await engine.stop();
        await server.close(2_000);
        await store.close();
      })();
      return stopping;
    },
  };
}

function resolveStore(store: EmbeddedTemporalOptions['store'], onError: (error: Error) => void): ExecutionStore {
  if (store === undefined || store === 'memory') return new MemoryExecutionStore();
  if (typeof store === 'string') return new PostgresExecutionStore({ connectionString: store, onError });
  return store;
}
