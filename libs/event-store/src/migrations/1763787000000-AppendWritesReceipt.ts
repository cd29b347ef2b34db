import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The arguments of the sealed `cadreflow_append`, for its `ALTER` and `DROP`. */
const SEALED_SIGNATURE =
  'cadreflow_append(text[], int[], text[], int[], text[], int[], text[], text[], timestamptz, text, text, bytea)';

/**
 * Append receipts written by the append itself, in its transaction: `cadreflow_append` takes the appender's seal
 * (a signature over the content it asks to write, see `appendSealMessage`) and stores it in `append_receipts` with
 * the positions the batch got. One round trip a batch instead of two, and no window in which the events are
 * committed but their receipt is not (a process stopped between the two left the checkpointer stuck at that event).
 *
 * A sealed receipt (`recorded_at` and `digests` set) vouches for content, not for positions: the appender signs
 * before the database assigns them. `digests` holds one SHA-256 per event the batch asked to write (32 bytes each, in
 * order, see `eventContentDigest`); the events stored in the receipt's range must be those, in that order, each with
 * the batch's time. Receipts written before (signed after the append, over positions, count and log hash) keep
 * their meaning: both columns are null.
 *
 * The function is a new overload (three more arguments); the one before stays for a rollback.
 */
export class AppendWritesReceipt1763787000000 implements MigrationInterface {
  name = 'AppendWritesReceipt1763787000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE append_receipts ADD COLUMN IF NOT EXISTS recorded_at timestamptz, ADD COLUMN IF NOT EXISTS digests bytea`,
    );
    await q.query(SEALED_APPEND_SQL);
    await q.query(`ALTER FUNCTION ${SEALED_SIGNATURE} SET enable_seqscan = off`);
  }

  /** The receipts' new columns stay: the receipts sealed over them could not be verified without them. */
  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION ${SEALED_SIGNATURE}`);
  }
}

const SEALED_APPEND_SQL = `
      CREATE FUNCTION cadreflow_append(
        -- the requests, an element each; counts[i] is how many events request i appends
        q_stream text[], q_expected int[], q_key text[], q_count int[],
        -- the events of all requests in order; data and metadata as canonical jsonb text, hashed and stored as given
        e_type text[], e_schema int[], e_data text[], e_meta text[],
        recorded timestamptz,
        -- the appender's seal: its key id, its signature and what it signed (see appendSealMessage), or nulls
        seal_key text, seal_signature text, seal_digests bytea)
      RETURNS TABLE (req int, outcome text, actual_version int, ev_position bigint, ev_stream_version int,
                     ev_data json, ev_metadata json, ev_prev_hash text, ev_hash text, ev_log_hash text,
                     ev_stream_id text, ev_type text, ev_schema_version int, ev_recorded_at timestamptz)
      LANGUAGE plpgsql AS $$
      DECLARE
        at constant text := to_char(recorded AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"');
        used_keys text[];
        batch_keys text[] := '{}';
        repeats int[] := '{}';
        repeat_keys text[] := '{}';
        versions jsonb;
        stream text;
        key text;
        version int;
        head text;
        log text;
        h text;
        k int := 0;
        -- the rows to insert: request, event (index into e_*), and what the chain gives them
        w_req int[] := '{}'; w_ev int[] := '{}'; w_pos bigint[] := '{}'; w_version int[] := '{}';
        w_prev text[] := '{}'; w_hash text[] := '{}'; w_log text[] := '{}';
      BEGIN
        PERFORM pg_advisory_xact_lock(1667326066);
        SELECT e.log_hash INTO log FROM events e ORDER BY e.position DESC LIMIT 1;
        log := coalesce(log, repeat('0', 64));
        SELECT coalesce(array_agg(DISTINCT e.idempotency_key), '{}') INTO used_keys FROM events e
         WHERE e.idempotency_key = ANY(q_key);
        SELECT coalesce(jsonb_object_agg(s.id, jsonb_build_array(top.stream_version, top.hash)), '{}') INTO versions
          FROM (SELECT DISTINCT unnest(q_stream) AS id) s
         CROSS JOIN LATERAL (SELECT e.stream_version, e.hash FROM events e WHERE e.stream_id = s.id
                              ORDER BY e.stream_version DESC LIMIT 1) top;

        FOR i IN 1 .. cardinality(q_stream) LOOP
          stream := q_stream[i];
          key := q_key[i];
          IF key IS NOT NULL AND (key = ANY(used_keys) OR key = ANY(batch_keys)) THEN
            repeats := repeats || i;
            repeat_keys := repeat_keys || key;
            k := k + q_count[i];
            CONTINUE;
          END IF;
          version := coalesce((versions->stream->>0)::int, 0);
          head := coalesce(versions->stream->>1, repeat('0', 64));
          IF q_expected[i] >= 0 AND q_expected[i] <> version THEN
            RETURN QUERY SELECT i, 'conflict', version, NULL::bigint, NULL::int, NULL::json, NULL::json,
                                NULL::text, NULL::text, NULL::text, stream, NULL::text, NULL::int, NULL::timestamptz;
            k := k + q_count[i];
            CONTINUE;
          END IF;
          IF key IS NOT NULL THEN
            batch_keys := batch_keys || key;
          END IF;
          FOR j IN 1 .. q_count[i] LOOP
            k := k + 1;
            version := version + 1;
            h := encode(sha256(convert_to(concat_ws(E'\\n', head, stream, version, e_type[k], e_schema[k], at,
                                                     e_data[k], e_meta[k]), 'UTF8')), 'hex');
            log := encode(sha256(convert_to(log || h, 'UTF8')), 'hex');
            w_req := w_req || i;
            w_ev := w_ev || k;
            w_pos := w_pos || nextval('events_position_seq'::regclass);
            w_version := w_version || version;
            w_prev := w_prev || head;
            w_hash := w_hash || h;
            w_log := w_log || log;
            head := h;
          END LOOP;
          versions := jsonb_set(versions, ARRAY[stream], jsonb_build_array(version, head));
        END LOOP;

        IF cardinality(w_pos) > 0 THEN
          INSERT INTO events (position, stream_id, stream_version, type, schema_version, data, metadata, recorded_at,
                              idempotency_key, prev_hash, hash, log_hash)
          OVERRIDING SYSTEM VALUE
          SELECT u.p, q_stream[u.rq], u.v, e_type[u.ev], e_schema[u.ev], e_data[u.ev]::json, e_meta[u.ev]::json,
                 recorded, q_key[u.rq], u.ph, u.hh, u.lh
            FROM unnest(w_req, w_ev, w_pos, w_version, w_prev, w_hash, w_log) AS u(rq, ev, p, v, ph, hh, lh);
          IF seal_signature IS NOT NULL THEN
            INSERT INTO append_receipts (first_position, last_position, event_count, log_hash, key_id, signature,
                                         recorded_at, digests)
            VALUES (w_pos[1], w_pos[cardinality(w_pos)], cardinality(w_pos), w_log[cardinality(w_log)], seal_key,
                    seal_signature, recorded, seal_digests);
          END IF;
          PERFORM pg_notify('cadreflow_events', w_pos[cardinality(w_pos)]::text);
          -- The caller has the data and metadata it sent: they are not sent back.
          RETURN QUERY SELECT u.rq, 'write', NULL::int, u.p, u.v, NULL::json, NULL::json, u.ph, u.hh, u.lh,
                              q_stream[u.rq], e_type[u.ev], e_schema[u.ev], recorded
            FROM unnest(w_req, w_ev, w_pos, w_version, w_prev, w_hash, w_log) AS u(rq, ev, p, v, ph, hh, lh);
        END IF;
        IF cardinality(repeats) > 0 THEN
          RETURN QUERY SELECT rr.rq, 'repeat', NULL::int, e.position, e.stream_version, e.data, e.metadata,
                              e.prev_hash::text, e.hash::text, e.log_hash::text, e.stream_id, e.type,
                              e.schema_version, e.recorded_at
            FROM unnest(repeats, repeat_keys) AS rr(rq, k)
            JOIN events e ON e.idempotency_key = rr.k
           ORDER BY rr.rq, e.position;
        END IF;
      END $$`;
