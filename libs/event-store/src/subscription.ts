import type { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import { EVENTS_CHANNEL, type EventStore } from './event-store';
import type { RecordedEvent } from './types';

export interface SubscribeOptions {
  /** Deliver events after this position (exclusive); 0 = from the beginning. */
  afterPosition?: number;
  /** Events per handler call. */
  batchSize?: number;
  /** Poll this often even without a notification (a safety net; notifications wake it sooner). */
  pollIntervalMs?: number;
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
  options: SubscribeOptions & { onError?: (error: unknown) => void } = {},
): Promise<Subscription> {
  const batchSize = options.batchSize ?? 500;
  const pollIntervalMs = options.pollIntervalMs ?? 1000;
  let position = options.afterPosition ?? 0;
  let running = true;
  let wake: (() => void) | undefined;
  let failure: unknown;
  const waiters: { position: number; resolve: () => void; reject: (error: unknown) => void }[] = [];
  const nudge = (): void => wake?.();

  // A dedicated connection hears commits made by other processes.
  const [client, release] = (await (dataSource.driver as PostgresDriver).obtainMasterConnection()) as [
    { query(sql: string): Promise<unknown>; on(event: 'notification', cb: () => void): void; removeListener(event: string, cb: () => void): void },
    () => void,
  ];
  client.on('notification', nudge);
  await client.query(`LISTEN ${EVENTS_CHANNEL}`);
  store.local.on('appended', nudge);

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
        continue;
      }
      settleWaiters();
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, pollIntervalMs);
        wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      wake = undefined;
    }
  })().catch((error: unknown) => {
    running = false;
    failure = error;
    for (const w of waiters.splice(0)) w.reject(error);
    options.onError?.(error);
  });

  return {
    get position() {
      return position;
    },
    async stop() {
      running = false;
      nudge();
      await loop;
      store.local.removeListener('appended', nudge);
      client.removeListener('notification', nudge);
      await client.query(`UNLISTEN ${EVENTS_CHANNEL}`).catch(() => undefined);
      release();
      for (const w of waiters.splice(0)) w.resolve();
    },
    waitFor(target: number) {
      if (failure !== undefined) return Promise.reject(failure instanceof Error ? failure : new Error(String(failure)));
      if (target <= position) return Promise.resolve();
      return new Promise<void>((resolve, reject) => waiters.push({ position: target, resolve, reject }));
    },
  };
}
