import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Users of the API: password hash, the person they are, the roles they hold in which bodies. */
export class CreateUsers1763785000000 implements MigrationInterface {
  name = 'CreateUsers1763785000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE users (
        id            text PRIMARY KEY,
        username      text NOT NULL UNIQUE,
        password_hash text NOT NULL,
        display_name  text NOT NULL,
        person_id     text,
        grants        jsonb NOT NULL DEFAULT '[]',
        created_at    timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE users`);
  }
}
