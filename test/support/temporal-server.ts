import type { Duration } from '@temporalio/common';
import { startEmbeddedTemporal, type EmbeddedTemporalOptions } from '@cadreflow/embedded-temporal';

/**
 * The Temporal server a test file runs against: the embedded one (a fresh one per file, in memory) unless
 * `TEMPORAL_ADDRESS` names a real server, which `npm run test:temporal` starts from the `temporal` CLI for the whole
 * run. On the real server each file still gets its own task queues and workflow ids, in the namespace `default`.
 */
export interface TestTemporal {
  /** `'embedded'`: this process's own server; `'real'`: the Temporal server at `TEMPORAL_ADDRESS`. */
  readonly kind: 'embedded' | 'real';
  /** `host:port`, what `Connection.connect({ address })` and `NativeConnection.connect` take. */
  readonly address: string;
  readonly port: number;
  readonly namespace: string;
  /**
   * Moves the server clock forward (embedded only). The real server has no clock of its own to move: this throws
   * {@link TimeSkippingUnavailableError}, so a test that needs it fails on the real server instead of passing vacuously.
   */
  skipTime(duration: Duration): void;
  /** The server clock (on the real server, this machine's clock, which it reads too). */
  now(): Date;
  /** Stops the embedded server; the real one outlives the file (it belongs to the run). */
  stop(): Promise<void>;
}

/** A test asked the real Temporal server to skip time, which only the embedded server can do. */
export class TimeSkippingUnavailableError extends Error {
  constructor(readonly address: string) {
    super(
      `the Temporal server at ${address} is a real one: it cannot skip time. Tests that skip time run on the ` +
        'embedded server only (npm test); npm run test:temporal lists them as not run on the real server.',
    );
    this.name = 'TimeSkippingUnavailableError';
  }
}

/** Whether this run's Temporal server is a real one (`TEMPORAL_ADDRESS` set), for describe titles and reports. */
export function realTemporalAddress(): string | undefined {
  return process.env.TEMPORAL_ADDRESS || undefined;
}

/**
 * Gives a test file its Temporal server: the real one at `TEMPORAL_ADDRESS` when set, else a fresh embedded server.
 *
 * @example
 * const temporal = await startTestTemporal({ longPollMs: 5_000 });
 * const connection = await Connection.connect({ address: temporal.address });
 * // ...
 * await temporal.stop();
 */
export async function startTestTemporal(
  options: Pick<EmbeddedTemporalOptions, 'longPollMs'> = {},
): Promise<TestTemporal> {
  const address = realTemporalAddress();
  if (address) {
    return {
      kind: 'real',
      address,
      port: Number(address.slice(address.lastIndexOf(':') + 1)),
      namespace: 'default',
      skipTime: () => {
        throw new TimeSkippingUnavailableError(address);
      },
      now: () => new Date(),
      stop: () => Promise.resolve(),
    };
  }
  const embedded = await startEmbeddedTemporal({ store: 'memory', ...options });
  return {
    kind: 'embedded',
    address: embedded.address,
    port: embedded.port,
    namespace: 'default',
    skipTime: (duration) => embedded.skipTime(duration),
    now: () => embedded.now(),
    stop: () => embedded.stop(),
  };
}
