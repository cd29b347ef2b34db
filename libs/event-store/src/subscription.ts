import type { DataSource } from 'typeorm';
import type { EventStore } from './event-store';
import { LogNotifier } from './log-notifier';
import type { RecordedEvent } from './types';

export interface SubscribeOptions {
  /** Deliver events after this position (exclusive); 0 = from the beginning. */
  afterPosition?: number;
  /** Events per handler call. */
  batchSize?: number;
  /** Poll this often even without a notification (a safety net; notifications wake it sooner). */
  pollIntervalMs?: number;
  /** Called when the handler or a read fails; the subscription has stopped by then. */
  onError?: (error: unknown) => void;
}

/** A running catch-up-then-live subscription. */
export interface Subscription {
  /** The last position handed to the handler. */
  readonly position: number;
  /** Stops after the batch in flight; resolves when the loop has ended. */
  stop(): Promise<void>;
  /** Resolves when the subscription has delivered everything up to `position`. */
  waitFor(position: number): Promise<void>;
}

/**
 * Reads the log in global order from a position, then follows it live. Positions commit in order (see
 * {@link EventStore}), so reading `position > last` never skips an event that a slower transaction commits late.
 * The handler is awaited: it sees each event exactly once per subscription, in order; a handler error stops
 * the subscription, rejects pending `waitFor` calls and is reported through `onError`.
 *
 * @example
 * const sub = await subscribe(dataSource, store, async (events) => project(events), { afterPosition: 0 });
 * await sub.waitFor(await store.headPosition());
 * await sub.stop();
 */
export async function subscribe(
  dataSource: DataSource,
  store: EventStore,
  handler: (events: RecordedEvent[]) => Promise<void>,
  options: SubscribeOptions = {},
): Promise<Subscription> {
  const batchSize = options.batchSize ?? 500;
  const pollIntervalMs = options.pollIntervalMs ?? 1000;
  const notifier = await LogNotifier.open(dataSource, store);
  let position = options.afterPosition ?? 0;
  let running = true;
  let failure: Error | undefined;
  const waiters: { position: number; resolve: () => void; reject: (error: Error) => void }[] = [];

  const settleWaiters = (): void => {
    for (let i = waiters.length - 1; i >= 0; i--) {
      if (waiters[i].position <= position) waiters.splice(i, 1)[0].resolve();
    }
  };

  const loop = (async () => {
    while (running) {
      const events = await store.readAll(position, batchSize);
      if (events.length > 0) {
        await handler(events);
        position = events.at(-1)!.position;
        settleWaiters();
      } else {
        settleWaiters();
        await notifier.next(pollIntervalMs);
      }
    }
  })().catch((error: unknown) => {
    running = false;
    failure = error instanceof Error ? error : new Error(String(error));
    for (const w of waiters.splice(0)) w.reject(failure);
    options.onError?.(error);
  });

  return {
    get position() {
      return position;
    },
    async stop() {
      running = false;
      await notifier.close();
      await loop;
      for (const w of waiters.splice(0)) w.resolve();
    },
    waitFor(target: number) {
      if (failure) return Promise.reject(failure);
      if (target <= position) return Promise.resolve();
      return new Promise<void>((resolve, reject) => waiters.push({ position: target, resolve, reject }));
    },
  };
}
