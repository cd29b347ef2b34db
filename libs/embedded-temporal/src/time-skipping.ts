import type { Connection } from '@temporalio/client';
import Long from 'long';
import type { Duration } from '@temporalio/common';
import { msToNumber } from '@temporalio/common/lib/time';

/**
 * Skips time on an embedded server through its admin call (Temporal's `TestService.Sleep`), in the
 * spirit of `TestWorkflowEnvironment.sleep`: a 30-day timer fires at once, so do the timeouts that
 * would have expired meanwhile.
 *
 * @example
 * await skipTime(env.connection, '30 days');
 */
export async function skipTime(connection: Connection, duration: Duration): Promise<void> {
  const testService = connection.testService;
  if (!testService) throw new Error('this connection has no TestService client');
  const ms = msToNumber(duration);
  await testService.sleep({ duration: { seconds: Long.fromNumber(Math.floor(ms / 1000)), nanos: (ms % 1000) * 1e6 } });
}
