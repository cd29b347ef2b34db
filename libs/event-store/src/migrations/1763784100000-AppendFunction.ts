import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `cadreflow_append(requests, recorded_at)`: appends a batch of requests in one statement, so the global append
 * lock is held for one round trip only. Per request it returns the events written, the first append's events for
 * a repeated idempotency key (`repeat`), or the stream's actual version (`conflict`).
 *
 * The hash input is, joined by newlines: previous hash, stream id, version, type, schema version, time
 * (ISO-8601 UTC with milliseconds), data and metadata as jsonb text. Stream ids and types never contain a newline
 * and jsonb text never does, so the joining is unambiguous. `verify` re-derives the same input independently.
 */
export class AppendFunction1763784100000 implements MigrationInterface {
  name = 'AppendFunction1763784100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION cadreflow_append(requests jsonb, recorded timestamptz)
      RETURNS TABLE (req int, outcome text, actual_version int, ev_position bigint, ev_stream_version int,
                     ev_data jsonb, ev_metadata jsonb, ev_prev_hash text, ev_hash text, ev_log_hash text,
                     ev_stream_id text, ev_type text, ev_schema_version int, ev_recorded_at timestamptz)
      LANGUAGE plpgsql AS $$
      DECLARE
        r jsonb;
        ev jsonb;
        i int := 0;
        stream text;
        key text;
        version int;
        head text;
        log text;
        h text;
        pos bigint;
        at text := to_char(recorded AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"');
        last_pos bigint;
      BEGIN
        PERFORM pg_advisory_xact_lock(1667326066);
        SELECT e.log_hash INTO log FROM events e ORDER BY e.position DESC LIMIT 1;
        log := coalesce(log, repeat('0', 64));
        FOR r IN SELECT value FROM jsonb_array_elements(requests) LOOP
          i := i + 1;
          stream := r->>'s';
          key := r->>'k';
          IF key IS NOT NULL AND EXISTS (SELECT 1 FROM events e WHERE e.idempotency_key = key) THEN
            RETURN QUERY SELECT i, 'repeat', NULL::int, e.position, e.stream_version, e.data, e.metadata,
                                e.prev_hash::text, e.hash::text, e.log_hash::text, e.stream_id, e.type,
                                e.schema_version, e.recorded_at
                           FROM events e WHERE e.idempotency_key = key ORDER BY e.position;
            CONTINUE;
          END IF;
          SELECT e.stream_version, e.hash INTO version, head
            FROM events e WHERE e.stream_id = stream ORDER BY e.stream_version DESC LIMIT 1;
          IF NOT FOUND THEN
            version := 0;
            head := repeat('0', 64);
          END IF;
          IF (r->>'e')::int >= 0 AND (r->>'e')::int <> version THEN
            RETURN QUERY SELECT i, 'conflict', version, NULL::bigint, NULL::int, NULL::jsonb, NULL::jsonb,
                                NULL::text, NULL::text, NULL::text, stream, NULL::text, NULL::int, NULL::timestamptz;
            CONTINUE;
          END IF;
          FOR ev IN SELECT value FROM jsonb_array_elements(r->'ev') LOOP
            version := version + 1;
            h := encode(sha256(convert_to(concat_ws(E'\\n', head, stream, version, ev->>'t', ev->>'v', at,
                                                     (ev->'d')::text, (ev->'m')::text), 'UTF8')), 'hex');
            log := encode(sha256(convert_to(log || h, 'UTF8')), 'hex');
            INSERT INTO events (stream_id, stream_version, type, schema_version, data, metadata, recorded_at,
                                idempotency_key, prev_hash, hash, log_hash)
            VALUES (stream, version, ev->>'t', (ev->>'v')::int, ev->'d', ev->'m', recorded, key, head, h, log)
            RETURNING position INTO pos;
            last_pos := pos;
            RETURN QUERY SELECT i, 'write', NULL::int, pos, version, ev->'d', ev->'m', head, h, log, stream,
                                ev->>'t', (ev->>'v')::int, recorded;
            head := h;
          END LOOP;
        END LOOP;
        IF last_pos IS NOT NULL THEN
          PERFORM pg_notify('cadreflow_events', last_pos::text);
        END IF;
      END $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION cadreflow_append(jsonb, timestamptz)`);
  }
}
