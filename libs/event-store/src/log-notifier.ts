import type { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import { EVENTS_CHANNEL, type EventStore } from './event-store';

interface ListeningClient {
  query(sql: string): Promise<unknown>;
  on(event: 'notification' | 'error' | 'end', listener: () => void): void;
  removeListener(event: 'notification' | 'error' | 'end', listener: () => void): void;
}

/**
 * Wakes readers of the log when events are committed: by this process (at once) or by another one (through
 * PostgreSQL LISTEN/NOTIFY on a dedicated connection). Readers still poll on a timer as a safety net.
 */
export class LogNotifier {
  private waiters: (() => void)[] = [];
  /** A commit came while nobody waited: the next `next()` returns at once instead of missing it. */
  private missed = false;
  private readonly wake = (): void => {
    if (this.waiters.length === 0) this.missed = true;
    for (const resolve of this.waiters.splice(0)) resolve();
  };
  private lost = false;
  private closed = false;
  /** The listening connection broke (the server restarted or the network dropped): no more notifications come. */
  private readonly onLost = (): void => {
    this.lost = true;
    this.wake();
  };

  private constructor(
    private readonly store: EventStore,
    private readonly client: ListeningClient,
    private readonly release: (error?: Error) => void,
  ) {}

  /**
   * Whether the listening connection is gone: readers still poll, but a long-running reader opens a new notifier
   * to hear other processes' commits again.
   */
  get connectionLost(): boolean {
    return this.lost;
  }

  static async open(dataSource: DataSource, store: EventStore): Promise<LogNotifier> {
    const [client, release] = (await (dataSource.driver as PostgresDriver).obtainMasterConnection()) as [
      ListeningClient,
      (error?: Error) => void,
    ];
    const notifier = new LogNotifier(store, client, release);
    client.on('notification', notifier.wake);
    // A dropped connection (the server stopping) only means no more notifications: readers still poll.
    client.on('error', notifier.onLost);
    client.on('end', notifier.onLost);
    store.local.on('appended', notifier.wake);
    try {
      await client.query(`LISTEN ${EVENTS_CHANNEL}`);
    } catch (error) {
      await notifier.close();
      throw error;
    }
    return notifier;
  }

  /**
   * Resolves at the next commit, or after `timeoutMs`, or when the notifier closes; at once if a commit came since
   * the previous call returned (a reader busy with one batch is not left waiting for the poll after the next).
   */
  next(timeoutMs: number): Promise<void> {
    if (this.missed) {
      this.missed = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const timer = setTimeout(done, timeoutMs);
      function done(): void {
        clearTimeout(timer);
        resolve();
      }
      this.waiters.push(done);
    });
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.store.local.removeListener('appended', this.wake);
    this.client.removeListener('notification', this.wake);
    if (!this.lost) await this.client.query(`UNLISTEN ${EVENTS_CHANNEL}`).catch(() => (this.lost = true));
    this.client.removeListener('error', this.onLost);
    this.client.removeListener('end', this.onLost);
    // A broken client may still report its error after this: heard, so that it never becomes an uncaught one.
    if (this.lost) this.client.on('error', () => undefined);
    // A broken connection is destroyed, not handed back to the pool for the next query to fail on.
    this.release(this.lost ? new Error('listening connection lost') : undefined);
    this.wake();
  }
}
