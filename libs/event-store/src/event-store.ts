import { EventEmitter } from 'node:events';
import type { DataSource, QueryRunner } from 'typeorm';
import { ExpectedVersionConflictError, IdempotencyKeyMismatchError } from './errors';
import { GENESIS_HASH, eventHash, logHash } from './hashing';
import { toRecordedEvent, type EventRow } from './event-row';
import type { AppendOptions, AppendResult, ExpectedVersion, NewEvent, RecordedEvent } from './types';
import { validateAppend } from './validation';

/** Advisory lock that serialises writers across processes, so global positions commit in order. */
const APPEND_LOCK_KEY = 0x63616472; // "cadr"
/** Channel notified after each committed append, carrying the last position. */
export const EVENTS_CHANNEL = 'cadreflow_events';
/** At most this many events are written in one transaction; more pending appends wait for the next one. */
const MAX_BATCH_EVENTS = 2000;

interface PendingAppend {
  streamId: string;
  expectedVersion: ExpectedVersion;
  events: NewEvent[];
  idempotencyKey?: string;
  resolve: (result: AppendResult) => void;
  reject: (error: unknown) => void;
}

interface Head {
  version: number;
  hash: string;
}

/** What a batch does with one pending append. */
type Plan =
  | { kind: 'write' }
  | { kind: 'conflict'; error: ExpectedVersionConflictError }
  | { kind: 'repeat'; first: RecordedEvent[] }
  | { kind: 'repeat-in-batch'; first: PendingAppend };

/** A row ready to insert, before its position is known. */
interface Draft {
  request: PendingAppend;
  event: NewEvent;
  streamVersion: number;
  recordedAt: string;
}

/**
 * The append-only, tamper-evident event log on PostgreSQL.
 *
 * Appends from concurrent callers in one process are grouped into one transaction; across processes an advisory
 * lock orders transactions, so a global position is never committed after a higher one. That is what lets a
 * subscriber read `position > checkpoint` and never skip an event committed late.
 *
 * @example
 * const store = new EventStore(dataSource);
 * const { events } = await store.append('procedure-1', 0, [{ type: 'ProcedureLaunched', data, metadata }], {
 *   idempotencyKey: 'launch-1',
 * });
 */
export class EventStore {
  private readonly pending: PendingAppend[] = [];
  private flushing = false;
  /** Emits `appended` (last position) after each commit made by this process. */
  readonly local = new EventEmitter();

  constructor(private readonly dataSource: DataSource) {
    this.local.setMaxListeners(0);
  }

  /**
   * Appends events to a stream if it is at `expectedVersion`.
   *
   * @throws InvalidAppendError when the input is malformed (nothing written)
   * @throws ExpectedVersionConflictError when the stream moved on (nothing written)
   * @throws IdempotencyKeyMismatchError when the key was used for another stream or other events
   */
  async append(
    streamId: string,
    expectedVersion: ExpectedVersion,
    events: NewEvent[],
    options: AppendOptions = {},
  ): Promise<AppendResult> {
    validateAppend(streamId, expectedVersion, events, options.idempotencyKey);
    return new Promise((resolve, reject) => {
      this.pending.push({ streamId, expectedVersion, events, idempotencyKey: options.idempotencyKey, resolve, reject });
      if (!this.flushing) void this.flush();
    });
  }

  /** The events of one stream in version order, from `fromVersion` (inclusive). */
  async readStream(streamId: string, fromVersion = 1, limit = 10_000): Promise<RecordedEvent[]> {
    const rows: EventRow[] = await this.dataSource.query(
      `SELECT * FROM events WHERE stream_id = $1 AND stream_version >= $2 ORDER BY stream_version LIMIT $3`,
      [streamId, fromVersion, limit],
    );
    return rows.map(toRecordedEvent);
  }

  /** Events after `afterPosition` (exclusive) in global order. */
  async readAll(afterPosition = 0, limit = 1000): Promise<RecordedEvent[]> {
    const rows: EventRow[] = await this.dataSource.query(
      `SELECT * FROM events WHERE position > $1 ORDER BY position LIMIT $2`,
      [afterPosition, limit],
    );
    return rows.map(toRecordedEvent);
  }

  /** The stream's current version (0 when it has no events). */
  async streamVersion(streamId: string): Promise<number> {
    const rows: { v: number | null }[] = await this.dataSource.query(
      `SELECT max(stream_version) AS v FROM events WHERE stream_id = $1`,
      [streamId],
    );
    return rows[0]?.v ?? 0;
  }

  /** The highest committed global position (0 for an empty log). */
  async headPosition(): Promise<number> {
    const rows: { p: string | null }[] = await this.dataSource.query(`SELECT max(position) AS p FROM events`);
    return Number(rows[0]?.p ?? 0);
  }

  private async flush(): Promise<void> {
    this.flushing = true;
    try {
      while (this.pending.length > 0) {
        const batch: PendingAppend[] = [];
        let size = 0;
        while (this.pending.length > 0 && (batch.length === 0 || size + this.pending[0].events.length <= MAX_BATCH_EVENTS)) {
          const next = this.pending.shift()!;
          size += next.events.length;
          batch.push(next);
        }
        await this.writeBatch(batch);
      }
    } finally {
      this.flushing = false;
    }
  }

  private async writeBatch(batch: PendingAppend[]): Promise<void> {
    const runner = this.dataSource.createQueryRunner();
    const plans = new Map<PendingAppend, Plan>();
    const written = new Map<PendingAppend, RecordedEvent[]>();
    try {
      await runner.connect();
      await runner.startTransaction();
      await runner.query(`SELECT pg_advisory_xact_lock($1)`, [APPEND_LOCK_KEY]);

      const earlier = await this.findByIdempotencyKeys(runner, batch);
      const heads = await this.streamHeads(runner, [...new Set(batch.map((r) => r.streamId))]);
      const versions = new Map([...heads].map(([id, head]) => [id, head.version]));
      const firstByKey = new Map<string, PendingAppend>();
      const drafts: Draft[] = [];
      const recordedAt = new Date().toISOString();

      for (const request of batch) {
        const key = request.idempotencyKey;
        const before = key === undefined ? undefined : earlier.get(key);
        const sameBatch = key === undefined ? undefined : firstByKey.get(key);
        if (before) {
          plans.set(request, { kind: 'repeat', first: before });
        } else if (sameBatch) {
          plans.set(request, { kind: 'repeat-in-batch', first: sameBatch });
        } else {
          const version = versions.get(request.streamId) ?? 0;
          const expected = request.expectedVersion === 'no-stream' ? 0 : request.expectedVersion;
          if (expected !== 'any' && expected !== version) {
            plans.set(request, { kind: 'conflict', error: new ExpectedVersionConflictError(request.streamId, expected, version) });
            continue;
          }
          if (key !== undefined) firstByKey.set(key, request);
          request.events.forEach((event, i) => drafts.push({ request, event, streamVersion: version + i + 1, recordedAt }));
          versions.set(request.streamId, version + request.events.length);
          plans.set(request, { kind: 'write' });
        }
      }

      const recorded = drafts.length > 0 ? await this.insert(runner, drafts, heads) : [];
      recorded.forEach((event, i) => {
        const owner = drafts[i].request;
        written.set(owner, [...(written.get(owner) ?? []), event]);
      });
      const lastPosition = recorded.at(-1)?.position;
      if (lastPosition !== undefined) await runner.query(`SELECT pg_notify($1, $2)`, [EVENTS_CHANNEL, String(lastPosition)]);
      await runner.commitTransaction();
      if (lastPosition !== undefined) this.local.emit('appended', lastPosition);
    } catch (error) {
      if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
      for (const request of batch) request.reject(error);
      return;
    } finally {
      await runner.release();
    }
    for (const request of batch) {
      const plan = plans.get(request)!;
      switch (plan.kind) {
        case 'write': {
          const events = written.get(request)!;
          request.resolve({ streamId: request.streamId, nextExpectedVersion: events.at(-1)!.streamVersion, events, duplicate: false });
          break;
        }
        case 'conflict':
          request.reject(plan.error);
          break;
        case 'repeat':
          this.settleRepeat(request, plan.first);
          break;
        case 'repeat-in-batch':
          this.settleRepeat(request, written.get(plan.first) ?? []);
          break;
        default: {
          const _never: never = plan;
          throw new Error(`unhandled plan ${String(_never)}`);
        }
      }
    }
  }

  /** A repeated idempotency key returns the first append's events, if it asks for the same thing. */
  private settleRepeat(request: PendingAppend, first: RecordedEvent[]): void {
    const sameShape =
      first.length === request.events.length &&
      first.every((e, i) => e.streamId === request.streamId && e.type === request.events[i].type);
    if (!sameShape) {
      request.reject(new IdempotencyKeyMismatchError(request.idempotencyKey!, first[0]?.streamId ?? ''));
      return;
    }
    request.resolve({ streamId: request.streamId, nextExpectedVersion: first.at(-1)!.streamVersion, events: first, duplicate: true });
  }

  private async findByIdempotencyKeys(runner: QueryRunner, batch: PendingAppend[]): Promise<Map<string, RecordedEvent[]>> {
    const keys = batch.map((r) => r.idempotencyKey).filter((k): k is string => k !== undefined);
    const found = new Map<string, RecordedEvent[]>();
    if (keys.length === 0) return found;
    const rows: EventRow[] = await runner.query(
      `SELECT * FROM events WHERE idempotency_key = ANY($1::text[]) ORDER BY position`,
      [keys],
    );
    for (const row of rows.map(toRecordedEvent)) {
      found.set(row.idempotencyKey!, [...(found.get(row.idempotencyKey!) ?? []), row]);
    }
    return found;
  }

  private async streamHeads(runner: QueryRunner, streamIds: string[]): Promise<Map<string, Head>> {
    const rows: { stream_id: string; stream_version: number; hash: string }[] = await runner.query(
      `SELECT DISTINCT ON (stream_id) stream_id, stream_version, hash
         FROM events WHERE stream_id = ANY($1::text[])
        ORDER BY stream_id, stream_version DESC`,
      [streamIds],
    );
    return new Map(rows.map((r) => [r.stream_id, { version: r.stream_version, hash: r.hash }]));
  }

  private async insert(runner: QueryRunner, drafts: Draft[], heads: Map<string, Head>): Promise<RecordedEvent[]> {
    // PostgreSQL spells each JSON value canonically; the hash covers that spelling, so verify can re-derive it.
    const json = drafts.flatMap((d) => [JSON.stringify(d.event.data), JSON.stringify(d.event.metadata)]);
    const canonical: { t: string }[] = await runner.query(
      `SELECT (j::jsonb)::text AS t FROM unnest($1::text[]) WITH ORDINALITY AS u(j, n) ORDER BY n`,
      [json],
    );
    const positions: { p: string }[] = await runner.query(
      `SELECT nextval(pg_get_serial_sequence('events', 'position')) AS p FROM generate_series(1, $1)`,
      [drafts.length],
    );
    const last: { log_hash: string }[] = await runner.query(`SELECT log_hash FROM events ORDER BY position DESC LIMIT 1`);
    let prevLog = last[0]?.log_hash ?? GENESIS_HASH;
    const streamHash = new Map<string, string>();

    const rows = drafts.map((d, i) => {
      const streamId = d.request.streamId;
      const prevHash = streamHash.get(streamId) ?? heads.get(streamId)?.hash ?? GENESIS_HASH;
      const hash = eventHash({
        prevHash,
        streamId,
        streamVersion: d.streamVersion,
        type: d.event.type,
        schemaVersion: d.event.schemaVersion ?? 1,
        recordedAt: d.recordedAt,
        dataText: canonical[2 * i].t,
        metadataText: canonical[2 * i + 1].t,
      });
      streamHash.set(streamId, hash);
      prevLog = logHash(prevLog, hash);
      return { position: Number(positions[i].p), prevHash, hash, logHash: prevLog, json: [json[2 * i], json[2 * i + 1]] };
    });

    await runner.query(
      `INSERT INTO events (position, stream_id, stream_version, type, schema_version, data, metadata, recorded_at,
                           idempotency_key, prev_hash, hash, log_hash)
       OVERRIDING SYSTEM VALUE
       SELECT * FROM unnest($1::bigint[], $2::text[], $3::int[], $4::text[], $5::int[], $6::jsonb[], $7::jsonb[],
                            $8::timestamptz[], $9::text[], $10::text[], $11::text[], $12::text[])`,
      [
        rows.map((r) => r.position),
        drafts.map((d) => d.request.streamId),
        drafts.map((d) => d.streamVersion),
        drafts.map((d) => d.event.type),
        drafts.map((d) => d.event.schemaVersion ?? 1),
        rows.map((r) => r.json[0]),
        rows.map((r) => r.json[1]),
        drafts.map((d) => d.recordedAt),
        drafts.map((d) => d.request.idempotencyKey ?? null),
        rows.map((r) => r.prevHash),
        rows.map((r) => r.hash),
        rows.map((r) => r.logHash),
      ],
    );
    return drafts.map((d, i) => ({
      position: rows[i].position,
      streamId: d.request.streamId,
      streamVersion: d.streamVersion,
      type: d.event.type,
      schemaVersion: d.event.schemaVersion ?? 1,
      data: JSON.parse(rows[i].json[0]) as RecordedEvent['data'],
      metadata: JSON.parse(rows[i].json[1]) as RecordedEvent['metadata'],
      recordedAt: new Date(d.recordedAt),
      idempotencyKey: d.request.idempotencyKey ?? null,
      prevHash: rows[i].prevHash,
      hash: rows[i].hash,
      logHash: rows[i].logHash,
    }));
  }
}
