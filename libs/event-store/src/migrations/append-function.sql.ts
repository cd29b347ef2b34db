/**
 * The SQL of \`cadreflow_append(requests, recorded_at)\`, which appends a batch of requests in one statement, so the
 * global append lock is held for one round trip only. Per request it returns the events written, the first append's
 * events for a repeated idempotency key (\`repeat\`), or the stream's actual version (\`conflict\`). Reads and the
 * insert are set-based; only the hash chaining walks the events one by one.
 *
 * The hash input is, joined by newlines: previous hash, stream id, version, type, schema version, time
 * (ISO-8601 UTC with milliseconds), data and metadata as jsonb text. Stream ids and types never contain a newline
 * and jsonb text never does, so the joining is unambiguous. \`verify\` re-derives the same input independently.
 *
 * \`content\` is the type of the data and metadata columns: \`jsonb\` at first, then \`json\` holding the jsonb text
 * (migration `EventContentAsHashedText1763784300000`).
 */
export function appendFunctionSql(content: 'jsonb' | 'json'): string {
  // As json, each event's content is turned into text once: for its hash and, as that very text, for storage.
  const json = content === 'json';
  const dataText = json ? 'd_text' : "(ev->'d')::text";
  const metadataText = json ? 'm_text' : "(ev->'m')::text";
  const data = json ? 'd_text::json' : "(ev->'d')";
  const metadata = json ? 'm_text::json' : "(ev->'m')";
  const textVariables = json ? '\n        d_text text;\n        m_text text;' : '';
  const toText = json ? "\n            d_text := (ev->'d')::text;\n            m_text := (ev->'m')::text;" : '';
  return `
      CREATE FUNCTION cadreflow_append(requests jsonb, recorded timestamptz)
      RETURNS TABLE (req int, outcome text, actual_version int, ev_position bigint, ev_stream_version int,
                     ev_data ${content}, ev_metadata ${content}, ev_prev_hash text, ev_hash text, ev_log_hash text,
                     ev_stream_id text, ev_type text, ev_schema_version int, ev_recorded_at timestamptz)
      LANGUAGE plpgsql AS $$
      DECLARE
        at constant text := to_char(recorded AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"');
        r jsonb;
        ev jsonb;
        i int := 0;
        stream text;
        key text;
        version int;
        head text;
        log text;
        h text;${textVariables}
        used_keys text[];
        batch_keys text[] := '{}';
        repeats int[] := '{}';
        repeat_keys text[] := '{}';
        versions jsonb;
        -- the rows to insert, column by column
        w_req int[] := '{}'; w_pos bigint[] := '{}'; w_stream text[] := '{}'; w_version int[] := '{}';
        w_type text[] := '{}'; w_schema int[] := '{}'; w_data ${content}[] := '{}'; w_meta ${content}[] := '{}';
        w_key text[] := '{}'; w_prev text[] := '{}'; w_hash text[] := '{}'; w_log text[] := '{}';
      BEGIN
        PERFORM pg_advisory_xact_lock(1667326066);
        SELECT e.log_hash INTO log FROM events e ORDER BY e.position DESC LIMIT 1;
        log := coalesce(log, repeat('0', 64));
        -- Arrays, not subqueries over the jsonb, so that the planner uses the indexes.
        SELECT array_agg(DISTINCT e.idempotency_key) INTO used_keys FROM events e
         WHERE e.idempotency_key = ANY(ARRAY(SELECT x->>'k' FROM jsonb_array_elements(requests) x));
        used_keys := coalesce(used_keys, '{}');
        SELECT coalesce(jsonb_object_agg(s.stream_id, jsonb_build_array(s.stream_version, s.hash)), '{}') INTO versions
          FROM (SELECT DISTINCT ON (e.stream_id) e.stream_id, e.stream_version, e.hash FROM events e
                 WHERE e.stream_id = ANY(ARRAY(SELECT x->>'s' FROM jsonb_array_elements(requests) x))
                 ORDER BY e.stream_id, e.stream_version DESC) s;

        FOR r IN SELECT value FROM jsonb_array_elements(requests) LOOP
          i := i + 1;
          stream := r->>'s';
          key := r->>'k';
          IF key IS NOT NULL AND (key = ANY(used_keys) OR key = ANY(batch_keys)) THEN
            repeats := repeats || i;
            repeat_keys := repeat_keys || key;
            CONTINUE;
          END IF;
          version := coalesce((versions->stream->>0)::int, 0);
          head := coalesce(versions->stream->>1, repeat('0', 64));
          IF (r->>'e')::int >= 0 AND (r->>'e')::int <> version THEN
            RETURN QUERY SELECT i, 'conflict', version, NULL::bigint, NULL::int, NULL::${content}, NULL::${content},
                                NULL::text, NULL::text, NULL::text, stream, NULL::text, NULL::int, NULL::timestamptz;
            CONTINUE;
          END IF;
          IF key IS NOT NULL THEN
            batch_keys := batch_keys || key;
          END IF;
          FOR ev IN SELECT value FROM jsonb_array_elements(r->'ev') LOOP
            version := version + 1;${toText}
            h := encode(sha256(convert_to(concat_ws(E'\\n', head, stream, version, ev->>'t', ev->>'v', at,
                                                     ${dataText}, ${metadataText}), 'UTF8')), 'hex');
            log := encode(sha256(convert_to(log || h, 'UTF8')), 'hex');
            w_req := w_req || i;
            w_pos := w_pos || nextval(pg_get_serial_sequence('events', 'position'));
            w_stream := w_stream || stream;
            w_version := w_version || version;
            w_type := w_type || (ev->>'t');
            w_schema := w_schema || (ev->>'v')::int;
            w_data := w_data || ${data};
            w_meta := w_meta || ${metadata};
            w_key := w_key || key;
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
          SELECT p, s, v, t, sv, d, m, recorded, k, ph, hh, lh
            FROM unnest(w_pos, w_stream, w_version, w_type, w_schema, w_data, w_meta, w_key, w_prev, w_hash, w_log)
                 AS u(p, s, v, t, sv, d, m, k, ph, hh, lh);
          PERFORM pg_notify('cadreflow_events', w_pos[cardinality(w_pos)]::text);
          -- The caller has the data and metadata it sent: they are not sent back.
          RETURN QUERY SELECT rq, 'write', NULL::int, p, v, NULL::${content}, NULL::${content}, ph, hh, lh, s, t, sv, recorded
            FROM unnest(w_req, w_pos, w_version, w_prev, w_hash, w_log, w_stream, w_type, w_schema)
                 AS u(rq, p, v, ph, hh, lh, s, t, sv);
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
}
