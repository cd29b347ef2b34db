import { ApplicationFailure, Context, sleep } from '@temporalio/activity';

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
