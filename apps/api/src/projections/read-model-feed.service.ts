import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { Client, type Notification } from 'pg';
import { Subject } from 'rxjs';
import { ApiSettings } from '../api-settings';
import { OrganisationDirectory } from '../organisation/organisation-directory.service';
import type { TaskChange } from './read-model.projection';

/** The PostgreSQL channel the read-model projection notifies on, in the transaction of each batch it applies. */
export const READ_MODEL_CHANNEL = 'cadreflow_read_models';

/** One notice on {@link READ_MODEL_CHANNEL}: a task opened or closed, or the registry changed. */
export type ReadModelNotice = { kind: 'task'; change: TaskChange } | { kind: 'registry' };

/** Wait before listening again after the listening connection was lost. */
const RECONNECT_DELAY_MS = 1000;

/**
 * What the read models changed, as every API replica learns it. The projection runs in whichever replica takes the
 * checkpoint's lock for a batch, and notifies `pg_notify` inside that batch's transaction: PostgreSQL delivers the
 * notices on commit only (never for a batch rolled back), once to every listening connection, in commit order. Each
 * replica listens on a connection of its own and pushes the task changes to its server-sent-event clients and
 * forgets its cached organisation model on a registry change, whichever replica applied the batch.
 *
 * Written on `pg`'s own LISTEN support: TypeORM has none, and a notice needs a dedicated session (a pooled
 * connection would hand the subscription to another query).
 */
@Injectable()
export class ReadModelFeed implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(ReadModelFeed.name);
  /** Task changes of committed batches, for server-sent events. */
  readonly changes = new Subject<TaskChange>();
  private client?: Client;
  private stopped = false;
  private retry?: NodeJS.Timeout;

  constructor(
    private readonly settings: ApiSettings,
    private readonly directory: OrganisationDirectory,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.listen();
  }

  private async listen(): Promise<void> {
    const client = new Client({ connectionString: this.settings.databaseUrl });
    client.on('notification', (notice) => this.received(notice));
    client.on('error', (error) => this.lost(client, error));
    client.on('end', () => this.lost(client, new Error('connection ended')));
    await client.connect();
    await client.query(`LISTEN ${READ_MODEL_CHANNEL}`);
    this.client = client;
  }

  private received(notice: Notification): void {
    if (notice.channel !== READ_MODEL_CHANNEL || !notice.payload) return;
    const message = JSON.parse(notice.payload) as ReadModelNotice;
    if (message.kind === 'task') this.changes.next(message.change);
    else this.directory.invalidate();
  }

  /** The listening connection failed: listen again shortly (changes committed meanwhile reach no live client). */
  private lost(client: Client, error: Error): void {
    if (this.stopped || this.client !== client) return;
    this.client = undefined;
    this.logger.warn(`live read-model notices interrupted (${error.message}); listening again`);
    client.end().catch(() => undefined);
    // The registry may have changed while no notice could arrive.
    this.directory.invalidate();
    const again = (): void => {
      this.retry = undefined;
      if (this.stopped) return;
      this.listen().catch((failure: unknown) => {
        this.logger.warn(`cannot listen for read-model notices yet: ${String(failure)}`);
        this.retry = setTimeout(again, RECONNECT_DELAY_MS);
      });
    };
    this.retry = setTimeout(again, RECONNECT_DELAY_MS);
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.retry);
    this.changes.complete();
    const client = this.client;
    this.client = undefined;
    await client?.end();
  }
}
