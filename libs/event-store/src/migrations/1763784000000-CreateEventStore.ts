import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The append-only event log, its signed checkpoints and the projection checkpoints.
 * Triggers reject UPDATE, DELETE and TRUNCATE on the log and on checkpoints in the database itself.
 */
export class CreateEventStore1763784000000 implements MigrationInterface {
  name = 'CreateEventStore1763784000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE events (
        position        bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        stream_id       text        NOT NULL,
        stream_version  integer     NOT NULL CHECK (stream_version >= 1),
        type            text        NOT NULL,
        schema_version  integer     NOT NULL DEFAULT 1,
        data            jsonb       NOT NULL,
        metadata        jsonb       NOT NULL,
        recorded_at     timestamptz NOT NULL,
        idempotency_key text,
        prev_hash       char(64)    NOT NULL,
        hash            char(64)    NOT NULL,
        log_hash        char(64)    NOT NULL,
        CONSTRAINT events_stream_version_unique UNIQUE (stream_id, stream_version)
      )`);
    await q.query(
      `CREATE INDEX events_idempotency_key_idx ON events (idempotency_key) WHERE idempotency_key IS NOT NULL`,
    );
    await q.query(`CREATE INDEX events_correlation_idx ON events ((metadata->>'correlationId'))`);
    await q.query(`
      CREATE TABLE checkpoints (
        id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        position         bigint      NOT NULL,
        event_count      bigint      NOT NULL,
        log_hash         char(64)    NOT NULL,
        stream_heads     jsonb       NOT NULL,
        created_at       timestamptz NOT NULL,
        key_id           text        NOT NULL,
        signature        text        NOT NULL
      )`);
    await q.query(`
      CREATE TABLE projection_checkpoints (
        name       text PRIMARY KEY,
        position   bigint      NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE FUNCTION cadreflow_reject_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'table % is append-only: % is not allowed', TG_TABLE_NAME, TG_OP
          USING ERRCODE = 'insufficient_privilege';
      END $$`);
    for (const table of ['events', 'checkpoints']) {
      await q.query(
        `CREATE TRIGGER ${table}_no_update_delete BEFORE UPDATE OR DELETE ON ${table} FOR EACH ROW EXECUTE FUNCTION cadreflow_reject_change()`,
      );
      await q.query(
        `CREATE TRIGGER ${table}_no_truncate BEFORE TRUNCATE ON ${table} FOR EACH STATEMENT EXECUTE FUNCTION cadreflow_reject_change()`,
      );
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE projection_checkpoints`);
    await q.query(`DROP TABLE checkpoints`);
    await q.query(`DROP TABLE events`);
    await q.query(`DROP FUNCTION cadreflow_reject_change()`);
  }
}
