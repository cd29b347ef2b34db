import { Pool, type PoolClient } from 'pg';
import type { ExecutionState } from '../engine/execution-state';
import { decodeEvent, encodeEvent, type IHistoryEvent } from '../proto/temporal-proto';
import { decodeSearchAttributes, decodePayloadMap } from '../engine/payload-maps';
import { type VisibilityQuery, type VisibilitySqlOptions, visibilityQueryToSql } from '../visibility';
import type { ExecutionStore, ExecutionWrite, NamespaceRecord, StoredData } from './execution-store';

/** Connection settings of {@link PostgresExecutionStore}. */
export interface PostgresExecutionStoreOptions {
  readonly connectionString: string;
  /** Schema holding the tables; default `embedded_temporal`. */
  readonly schema?: string;
  /**
   * Hears about connections the database dropped while idle (a database shutting down first on Ctrl-C);
   * without it they are ignored rather than crashing the process. The next query reconnects.
   */
  readonly onError?: (error: Error) => void;
}

const STATUS_NAMES = [
  'Unspecified',
  'Running',
  'Completed',
  'Failed',
  'Canceled',
  'Terminated',
  'ContinuedAsNew',
  'TimedOut',
];

/**
 * Keeps namespaces, runs (state, visibility columns) and histories in PostgreSQL, in a schema of its own,
 * so workflows waiting on a timer or an activity carry on after a restart. Timers and task queues are
 * part of each run's state and are re-armed from it when the server starts.
 *
 * Commits use `synchronous_commit = off`: a crash of the database may lose the last fraction of a second,
 * a clean stop loses nothing; this is a development server.
 *
 * @example
 * const store = new PostgresExecutionStore({ connectionString: 'postgres://localhost/cadreflow' });
 */
export class PostgresExecutionStore implements ExecutionStore {
  private readonly pool: Pool;
  private readonly schema: string;

  constructor(options: PostgresExecutionStoreOptions) {
    this.schema = options.schema ?? 'embedded_temporal';
    if (!/^[a-z_][a-z0-9_]*$/.test(this.schema)) throw new Error(`invalid schema name ${this.schema}`);
    this.pool = new Pool({ connectionString: options.connectionString, max: 4, options: '-c synchronous_commit=off' });
    // An idle connection dropped by the server (e.g. PostgreSQL shutting down first on Ctrl-C) must not crash the
    // process: the pool replaces it, and the next query reports any real problem.
    this.pool.on('error', (error) => options.onError?.(error));
  }

  async open(): Promise<StoredData> {
    const s = this.schema;
    await this.pool.query(`
      CREATE SCHEMA IF NOT EXISTS ${s};
      CREATE TABLE IF NOT EXISTS ${s}.namespaces (
        name text PRIMARY KEY,
        id text NOT NULL,
        description text NOT NULL,
        retention_days double precision NOT NULL
      );
      CREATE TABLE IF NOT EXISTS ${s}.executions (
        namespace text NOT NULL,
        run_id text NOT NULL,
        workflow_id text NOT NULL,
        workflow_type text NOT NULL,
        task_queue text NOT NULL,
        status text NOT NULL,
        start_time timestamptz NOT NULL,
        close_time timestamptz,
        search_attributes jsonb NOT NULL,
        state jsonb NOT NULL,
        PRIMARY KEY (namespace, run_id)
      );
      CREATE INDEX IF NOT EXISTS executions_workflow_id ON ${s}.executions (namespace, workflow_id);
      CREATE INDEX IF NOT EXISTS executions_start_time ON ${s}.executions (namespace, start_time DESC);
      CREATE TABLE IF NOT EXISTS ${s}.history_events (
        namespace text NOT NULL,
        run_id text NOT NULL,
        event_id integer NOT NULL,
        data bytea NOT NULL,
        PRIMARY KEY (namespace, run_id, event_id)
      );
    `);
    const namespaces = await this.pool.query<{ name: string; id: string; description: string; retention_days: number }>(
      `SELECT name, id, description, retention_days FROM ${s}.namespaces`,
    );
    const executions = await this.pool.query<{ state: ExecutionState }>(
      `SELECT state FROM ${s}.executions ORDER BY start_time`,
    );
    return {
      namespaces: namespaces.rows.map((r) => ({
        name: r.name,
        id: r.id,
        description: r.description,
        retentionDays: r.retention_days,
      })),
      executions: executions.rows.map((r) => r.state),
    };
  }

  async readHistory(namespace: string, runId: string): Promise<IHistoryEvent[]> {
    const result = await this.pool.query<{ data: Buffer }>(
      `SELECT data FROM ${this.schema}.history_events WHERE namespace = $1 AND run_id = $2 ORDER BY event_id`,
      [namespace, runId],
    );
    return result.rows.map((r) => decodeEvent(r.data));
  }

  async write(executions: readonly ExecutionWrite[], namespaces: readonly NamespaceRecord[]): Promise<void> {
    // Serialise now: the engine keeps changing its state objects while this commit is in flight.
    const rows = executions.map((w) => [
      w.state.namespace,
      w.state.runId,
      w.state.workflowId,
      w.state.workflowType,
      w.state.taskQueue,
      STATUS_NAMES[w.state.status] ?? 'Unspecified',
      new Date(w.state.startTime),
      w.state.closeTime !== undefined ? new Date(w.state.closeTime) : null,
      JSON.stringify(decodeSearchAttributes(decodePayloadMap(w.state.searchAttributes))),
      JSON.stringify(w.state),
    ]);
    const events = executions.flatMap((w) =>
      w.newEvents.map((event, i) => [
        w.state.namespace,
        w.state.runId,
        w.firstEventId + i,
        Buffer.from(encodeEvent(event)),
      ]),
    );
    const client = await this.pool.connect();
    // A connection the database drops while this transaction holds it (the database killed between two statements)
    // is reported as an 'error' event, which would end the process with no listener: the statement in flight, or the
    // next one, fails instead, and the write is retried with the next save.
    let lost: Error | undefined;
    const onLost = (error: Error): void => {
      lost = error;
    };
    client.on('error', onLost);
    try {
      await client.query('BEGIN');
      for (const ns of namespaces) {
        await client.query(
          `INSERT INTO ${this.schema}.namespaces (name, id, description, retention_days) VALUES ($1, $2, $3, $4)
           ON CONFLICT (name) DO UPDATE SET description = EXCLUDED.description, retention_days = EXCLUDED.retention_days`,
          [ns.name, ns.id, ns.description, ns.retentionDays],
        );
      }
      if (rows.length > 0) await this.upsertExecutions(client, rows);
      for (let i = 0; i < events.length; i += 500) await this.insertEvents(client, events.slice(i, i + 500));
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.off('error', onLost);
      // A lost connection is closed rather than handed back to the pool.
      client.release(lost);
    }
  }

  async close(): Promise<void> {
    await this.pool.end();
  }

  async listRunIds(namespace: string, query: VisibilityQuery, limit: number, offset: number): Promise<string[]> {
    const sql = visibilityQueryToSql(query, this.visibilityColumns());
    const limitParam = 2 + sql.params.length;
    const result = await this.pool.query<{ run_id: string }>(
      `SELECT run_id FROM ${this.schema}.executions WHERE namespace = $1 AND (${sql.where})
       ORDER BY ${sql.orderBy} LIMIT $${limitParam} OFFSET $${limitParam + 1}`,
      [namespace, ...sql.params, limit, offset],
    );
    return result.rows.map((r) => r.run_id);
  }

  async countRuns(namespace: string, query: VisibilityQuery): Promise<number> {
    const sql = visibilityQueryToSql(query, this.visibilityColumns());
    const result = await this.pool.query<{ count: string }>(
      `SELECT count(*) AS count FROM ${this.schema}.executions WHERE namespace = $1 AND (${sql.where})`,
      [namespace, ...sql.params],
    );
    return Number(result.rows[0]?.count ?? 0);
  }

  private visibilityColumns(): VisibilitySqlOptions {
    return {
      columns: {
        workflowId: 'workflow_id',
        runId: 'run_id',
        workflowType: 'workflow_type',
        status: 'status',
        startTime: 'start_time',
        closeTime: 'close_time',
        taskQueue: 'task_queue',
      },
      searchAttributesColumn: 'search_attributes',
      firstParam: 2,
    };
  }

  private async upsertExecutions(client: PoolClient, rows: unknown[][]): Promise<void> {
    const params: unknown[] = [];
    const values = rows.map((row) => {
      const base = params.length;
      params.push(...row);
      return `(${row.map((_, i) => `$${base + i + 1}`).join(', ')})`;
    });
    await client.query(
      `INSERT INTO ${this.schema}.executions
         (namespace, run_id, workflow_id, workflow_type, task_queue, status, start_time, close_time, search_attributes, state)
       VALUES ${values.join(', ')}
       ON CONFLICT (namespace, run_id) DO UPDATE SET
         status = EXCLUDED.status, close_time = EXCLUDED.close_time,
         search_attributes = EXCLUDED.search_attributes, state = EXCLUDED.state`,
      params,
    );
  }

  private async insertEvents(client: PoolClient, rows: unknown[][]): Promise<void> {
    const params: unknown[] = [];
    const values = rows.map((row) => {
      const base = params.length;
      params.push(...row);
      return `($${base + 1}, $${base + 2}, $${base + 3}, $${base + 4})`;
    });
    await client.query(
      `INSERT INTO ${this.schema}.history_events (namespace, run_id, event_id, data) VALUES ${values.join(', ')}
       ON CONFLICT (namespace, run_id, event_id) DO UPDATE SET data = EXCLUDED.data`,
      params,
    );
  }
}
