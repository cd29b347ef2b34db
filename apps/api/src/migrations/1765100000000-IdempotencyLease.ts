import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A claimed Idempotency-Key remembers when it was claimed: a claim whose request never finished (its process was
 * killed) is a lease that expires, and a retry then takes the key over instead of waiting for ever.
 */
export class IdempotencyLease1765100000000 implements MigrationInterface {
  name = 'IdempotencyLease1765100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE api_requests ADD COLUMN claimed_at timestamptz NOT NULL DEFAULT now()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE api_requests DROP COLUMN claimed_at`);
  }
}
