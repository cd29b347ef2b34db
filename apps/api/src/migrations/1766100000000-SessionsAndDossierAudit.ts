import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Sessions that can be revoked, sign-in lockout, live-stream tickets and the dossier refusals' audit rows.
 *
 * - `users.token_version`: every access and refresh token names the version it was issued under; a change of the
 *   user's roles, person or password raises it (a trigger, so a change made in SQL revokes as well), and a deleted
 *   user has none, so their tokens stop working at once.
 * - `refresh_tokens`: only a hash of each token, used once (rotation).
 * - `login_failures`: failed sign-ins per user and per address, shared by every API process.
 * - `stream_tickets`: single-use tickets for the live-updates stream, which a browser's EventSource opens without
 *   headers.
 * - `dossier_access_refusals`: append-only, like the event log; reads are events of the procedure (DossierAccessed).
 */
export class SessionsAndDossierAudit1766100000000 implements MigrationInterface {
  name = 'SessionsAndDossierAudit1766100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE users ADD COLUMN token_version integer NOT NULL DEFAULT 1`);
    await q.query(`
      CREATE FUNCTION cadreflow_bump_token_version() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.grants IS DISTINCT FROM OLD.grants OR NEW.person_id IS DISTINCT FROM OLD.person_id
           OR NEW.password_hash IS DISTINCT FROM OLD.password_hash OR NEW.username IS DISTINCT FROM OLD.username THEN
          NEW.token_version := OLD.token_version + 1;
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(
      `CREATE TRIGGER users_token_version BEFORE UPDATE ON users FOR EACH ROW EXECUTE FUNCTION cadreflow_bump_token_version()`,
    );
    await q.query(`
      CREATE TABLE refresh_tokens (
        id            uuid        PRIMARY KEY,
        user_id       text        NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        secret_hash   text        NOT NULL,
        token_version integer     NOT NULL,
        expires_at    timestamptz NOT NULL,
        used_at       timestamptz
      )`);
    await q.query(`CREATE INDEX refresh_tokens_user ON refresh_tokens (user_id)`);
    await q.query(`
      CREATE TABLE login_failures (
        key          text        PRIMARY KEY,
        failures     integer     NOT NULL,
        locked_until timestamptz,
        last_at      timestamptz NOT NULL
      )`);
    await q.query(`
      CREATE TABLE stream_tickets (
        id          text        PRIMARY KEY,
        user_id     text        NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        expires_at  timestamptz NOT NULL
      )`);
    await q.query(`
      CREATE TABLE dossier_access_refusals (
        id           bigserial   PRIMARY KEY,
        at           timestamptz NOT NULL DEFAULT now(),
        user_id      text        NOT NULL,
        actor_id     text,
        procedure_id text        NOT NULL,
        subject_id   text        NOT NULL,
        code         text        NOT NULL,
        purpose      text        NOT NULL,
        roles        jsonb       NOT NULL
      )`);
    await q.query(
      `CREATE TRIGGER dossier_access_refusals_no_update_delete BEFORE UPDATE OR DELETE ON dossier_access_refusals FOR EACH ROW EXECUTE FUNCTION cadreflow_reject_change()`,
    );
    await q.query(
      `CREATE TRIGGER dossier_access_refusals_no_truncate BEFORE TRUNCATE ON dossier_access_refusals FOR EACH STATEMENT EXECUTE FUNCTION cadreflow_reject_change()`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE dossier_access_refusals`);
    await q.query(`DROP TABLE stream_tickets`);
    await q.query(`DROP TABLE login_failures`);
    await q.query(`DROP TABLE refresh_tokens`);
    await q.query(`DROP TRIGGER users_token_version ON users`);
    await q.query(`DROP FUNCTION cadreflow_bump_token_version()`);
    await q.query(`ALTER TABLE users DROP COLUMN token_version`);
  }
}
