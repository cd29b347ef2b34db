import { Injectable } from '@nestjs/common';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { DataSource } from 'typeorm';

/** The read-model projection whose lag behind the log is reported (see ReadModelProjection). */
const READ_MODEL_PROJECTION = 'api-read-models';

/**
 * The API's Prometheus metrics, on a registry of its own (not prom-client's global one: several API applications in
 * one process, as in the tests, each report their own). Served at `GET /metrics`.
 *
 * The log's head and the projection's checkpoint are read when Prometheus scrapes, two reads of one indexed row each:
 * appends are counted by `rate(cadreflow_log_head_position[1m])` over every worker that appends, and the read models
 * trail the log by `cadreflow_projection_lag_events`.
 */
@Injectable()
export class ApiMetrics {
  readonly registry = new Registry();
  readonly httpDuration = new Histogram({
    name: 'cadreflow_http_request_duration_seconds',
    help: 'HTTP requests by method, route and status, with their duration',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });
  readonly decisions = new Counter({
    name: 'cadreflow_decisions_total',
    help: 'Decisions on tasks by their answer: recorded, or refused (4xx) or failed (5xx)',
    labelNames: ['outcome'] as const,
    registers: [this.registry],
  });
  readonly verifyRuns = new Counter({
    name: 'cadreflow_verify_runs_total',
    help: 'Verifications of the whole log by their result: intact, altered, or failed',
    labelNames: ['result'] as const,
    registers: [this.registry],
  });
  readonly refreshTokenReuses = new Counter({
    name: 'cadreflow_refresh_token_reuse_total',
    help: 'Spent refresh tokens presented again, each of which revoked its whole session',
    registers: [this.registry],
  });

  constructor(dataSource: DataSource) {
    collectDefaultMetrics({ register: this.registry, prefix: 'cadreflow_api_' });
    const head = async (): Promise<number> => {
      const rows = await dataSource.query<{ head: string }[]>(
        `SELECT coalesce(max(position), 0)::text AS head FROM events`,
      );
      return Number(rows[0].head);
    };
    const checkpoint = async (): Promise<number> => {
      const rows = await dataSource.query<{ position: string }[]>(
        `SELECT position::text FROM projection_checkpoints WHERE name = $1`,
        [READ_MODEL_PROJECTION],
      );
      return Number(rows[0]?.position ?? 0);
    };
    new Gauge({
      name: 'cadreflow_log_head_position',
      help: 'Position of the last event appended to the log (its rate is the rate of appends)',
      registers: [this.registry],
      async collect() {
        this.set(await head());
      },
    });
    new Gauge({
      name: 'cadreflow_projection_lag_events',
      help: 'Events appended to the log that the read models have not applied yet',
      registers: [this.registry],
      async collect() {
        const [last, applied] = await Promise.all([head(), checkpoint()]);
        this.set(Math.max(0, last - applied));
      },
    });
  }
}
