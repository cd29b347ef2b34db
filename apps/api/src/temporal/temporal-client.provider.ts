import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { Client, Connection } from '@temporalio/client';
import { ApiSettings } from '../api-settings';

/** The API's Temporal client (it is a client only: it never runs workflows or writes events itself). */
@Injectable()
export class TemporalClientHolder implements OnApplicationShutdown {
  private connection?: Connection;
  private client?: Client;

  constructor(private readonly settings: ApiSettings) {}

  async get(): Promise<Client> {
    if (!this.client) {
      this.connection = await Connection.connect({ address: this.settings.temporalAddress, tls: this.settings.tls });
      this.client = new Client({ connection: this.connection, namespace: this.settings.namespace });
    }
    return this.client;
  }

  async onApplicationShutdown(): Promise<void> {
    await this.connection?.close();
  }
}
