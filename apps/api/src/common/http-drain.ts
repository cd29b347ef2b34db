import { Injectable, type BeforeApplicationShutdown } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { Server } from 'node:http';

/** How long requests in flight get to finish once the API stops. */
const DRAIN_MS = 2_000;

/**
 * Lets the API stop while clients hold connections open. Closing the HTTP server waits for every connection to end,
 * and a browser tab's live-updates stream (`GET /tasks/events`) never ends by itself, nor does an idle keep-alive
 * connection soon: Ctrl-C (or SIGTERM) waited for them for ever. Idle connections close at once; the others (the
 * streams, and requests still running) after {@link DRAIN_MS}.
 */
@Injectable()
export class HttpDrain implements BeforeApplicationShutdown {
  constructor(private readonly adapterHost: HttpAdapterHost) {}

  beforeApplicationShutdown(): void {
    const server = this.adapterHost.httpAdapter?.getHttpServer() as Server | undefined;
    if (!server || typeof server.closeAllConnections !== 'function') return;
    server.closeIdleConnections();
    // Again and again until the process ends: a connection opened during the stop is not left holding it either.
    setInterval(() => server.closeAllConnections(), DRAIN_MS).unref();
  }
}
