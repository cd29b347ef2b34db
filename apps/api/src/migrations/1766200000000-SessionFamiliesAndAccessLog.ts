import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Refresh tokens in families, one per sign-in (`auth_sessions`), so that a reused refresh token ends its whole session
 * (refresh token rotation with reuse detection, OAuth 2.0 Security BCP §4.14): a spent token presented again means
 * that two parties hold the session, and the server cannot tell which one is the user.
 *
 * - `auth_sessions`: one row per sign-in; `revoked_at` and `revoked_because` (`refresh-token-reused`, `signed-out`)
 *   end it. Access tokens name their session (`sid`), and a revoked session's access tokens are refused as well; the
 *   row stays until the session's last refresh token has expired, which is after its last access token has.
 * - `refresh_tokens.session_id`: the family of each token; the tokens issued before this migration each become a
 *   session of their own.
 * - `dossier_accessed_idx` and `dossier_access_refusals_at`: the dossier access log (`GET /audit/dossier-access`)
 *   reads the `DossierAccessed` events and the refusals by time without scanning the log.
 */
export class SessionFamiliesAndAccessLog1766200000000 implements MigrationInterface {
  name = 'SessionFamiliesAndAccessLog1766200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE auth_sessions (
        id              uuid        PRIMARY KEY,
        user_id         text        NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        started_at      timestamptz NOT NULL DEFAULT now(),
        expires_at      timestamptz NOT NULL,
        revoked_at      timestamptz,
        revoked_because text
      )`);
    await q.query(`CREATE INDEX auth_sessions_user ON auth_sessions (user_id)`);
    await q.query(`ALTER TABLE refresh_tokens ADD COLUMN session_id uuid`);
    await q.query(
      `INSERT INTO auth_sessions (id, user_id, expires_at, revoked_at)
       SELECT id, user_id, expires_at, used_at FROM refresh_tokens`,
    );
    await q.query(`UPDATE refresh_tokens SET session_id = id`);
    await q.query(`ALTER TABLE refresh_tokens ALTER COLUMN session_id SET NOT NULL`);
    await q.query(
      `ALTER TABLE refresh_tokens ADD CONSTRAINT refresh_tokens_session
         FOREIGN KEY (session_id) REFERENCES auth_sessions(id) ON DELETE CASCADE`,
    );
    await q.query(`CREATE INDEX refresh_tokens_session ON refresh_tokens (session_id)`);
    await q.query(`CREATE INDEX dossier_accessed_idx ON events (recorded_at, position) WHERE type = 'DossierAccessed'`);
    await q.query(`CREATE INDEX dossier_access_refusals_at ON dossier_access_refusals (at, id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX dossier_access_refusals_at`);
    await q.query(`DROP INDEX dossier_accessed_idx`);
    await q.query(`ALTER TABLE refresh_tokens DROP COLUMN session_id`);
    await q.query(`DROP TABLE auth_sessions`);
  }
}
