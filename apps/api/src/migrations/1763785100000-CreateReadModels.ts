import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Read models of the API, fed from the event log by projections (and rebuildable from it), plus the API's own
 * operational tables: task claims live on the task rows; idempotent requests in `api_requests`.
 */
export class CreateReadModels1763785100000 implements MigrationInterface {
  name = 'CreateReadModels1763785100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE procedure_summaries (
        procedure_id  text PRIMARY KEY,
        root_id       text NOT NULL,
        kind          text NOT NULL,
        body_id       text NOT NULL,
        level_kind    text,
        status        text NOT NULL,
        rulebook_id   text NOT NULL,
        launched_by   text NOT NULL,
        launched_at   timestamptz NOT NULL,
        ended_at      timestamptz,
        outcome       text,
        last_position bigint NOT NULL
      )`);
    await q.query(`CREATE INDEX procedure_summaries_filter_idx ON procedure_summaries (kind, level_kind, status)`);
    await q.query(`CREATE INDEX procedure_summaries_root_idx ON procedure_summaries (root_id)`);
    await q.query(`
      CREATE TABLE tasks (
        task_id       text PRIMARY KEY,
        procedure_id  text NOT NULL,
        root_id       text NOT NULL,
        procedure_kind text,
        step_id       text NOT NULL,
        title         text NOT NULL,
        body_id       text NOT NULL,
        role          text NOT NULL,
        decision      text NOT NULL,
        due_date      date NOT NULL,
        subject_ids   jsonb NOT NULL,
        status        text NOT NULL,
        outcome       text,
        escalated     boolean NOT NULL DEFAULT false,
        opened_at     timestamptz NOT NULL,
        closed_at     timestamptz,
        opened_position bigint NOT NULL,
        claimed_by    text,
        claimed_at    timestamptz,
        UNIQUE (procedure_id, step_id)
      )`);
    await q.query(`CREATE INDEX tasks_queue_idx ON tasks (role, body_id, due_date, task_id) WHERE status = 'open'`);
    await q.query(`
      CREATE TABLE api_requests (
        idempotency_key text NOT NULL,
        user_id         text NOT NULL,
        request_hash    text NOT NULL,
        status_code     integer,
        response        jsonb,
        created_at      timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (user_id, idempotency_key)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE api_requests`);
    await q.query(`DROP TABLE tasks`);
    await q.query(`DROP TABLE procedure_summaries`);
  }
}
