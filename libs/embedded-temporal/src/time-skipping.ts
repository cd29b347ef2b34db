import * as grpc from '@grpc/grpc-js';
import type { Connection } from '@temporalio/client';
import type Long from 'long';
import type { Duration } from '@temporalio/common';
import { msToNumber } from '@temporalio/common/lib/time';
import { temporal } from './proto/temporal-proto';

/** Failure of the time-skipping admin call. */
export class TimeSkipError extends Error {
  constructor(
    readonly address: string,
    readonly grpcCode: number | undefined,
    message: string,
  ) {
    super(`cannot skip time on ${address}: ${message}`);
    this.name = 'TimeSkipError';
  }
}

/**
 * Skips time on an embedded server through its admin call (Temporal's `TestService.Sleep`), in the
 * spirit of `TestWorkflowEnvironment.sleep`: a 30-day timer fires at once, and so do the timeouts that
 * would have expired meanwhile. `target` is the server address or a client `Connection` to it.
 *
 * @example
 * await skipTime(env.connection, '30 days');
 */
export async function skipTime(target: string | Connection, duration: Duration): Promise<void> {
  const address = typeof target === 'string' ? target : target.options.address;
  const ms = msToNumber(duration);
  const request = temporal.api.testservice.v1.SleepRequest.encode({
    duration: { seconds: Math.floor(ms / 1000) as unknown as Long, nanos: (ms % 1000) * 1e6 },
  }).finish();
  const client = new grpc.Client(address, grpc.credentials.createInsecure());
  try {
    await new Promise<void>((resolve, reject) => {
      client.makeUnaryRequest(
        '/temporal.api.testservice.v1.TestService/Sleep',
        (value: Uint8Array) => Buffer.from(value),
        (bytes: Buffer) => bytes,
        request,
        (error) => (error ? reject(new TimeSkipError(address, error.code, error.details)) : resolve()),
      );
    });
  } finally {
    client.close();
  }
}
