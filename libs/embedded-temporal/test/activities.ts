import { ApplicationFailure, CompleteAsyncError, Context, sleep } from '@temporalio/activity';
import { asyncTaskTokens } from './async-completion';

/** Returns its input. */
export async function echo(value: string): Promise<string> {
  return Promise.resolve(value);
}

/** Fails: retryably for the first attempt, then with `type` (non-retryable when it is `Fatal`). */
export function fail(type: string): Promise<string> {
  const { attempt } = Context.current().info;
  if (attempt < 2) throw new Error(`transient failure on attempt ${attempt}`);
  if (type === 'succeed') return Promise.resolve(`succeeded on attempt ${attempt}`);
  throw ApplicationFailure.create({ type, message: `failed with ${type} on attempt ${attempt}` });
}

/** Sleeps `ms` (cancellable), then returns the attempt number. */
export async function slow(ms: number): Promise<string> {
  await sleep(ms);
  return `attempt ${Context.current().info.attempt}`;
}

/** Heartbeats until cancelled. */
export async function heartbeating(): Promise<string> {
  for (;;) {
    Context.current().heartbeat();
    await sleep(100);
  }
}

/** Leaves its completion to the test (through the client), by token or by id. */
export function completeLater(): Promise<string> {
  const info = Context.current().info;
  asyncTaskTokens.set(info.workflowExecution?.workflowId ?? '', info.taskToken);
  throw new CompleteAsyncError();
}

/** Heartbeats once, then stops (its heartbeat timeout expires). */
export async function stopsHeartbeating(): Promise<string> {
  Context.current().heartbeat('once');
  await sleep(30_000);
  return 'unreachable';
}
