import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Chains the signed checkpoints: each new one signs the digest of the one before it (`previous_digest`, see
 * `checkpointMessage`). A checkpoint deleted from the middle of the chain is then seen from the next one alone, which
 * lets an evidence bundle prove that it holds every checkpoint since a procedure's last events: the checkpoint that
 * names a stream's newest version can no longer be dropped unseen. Checkpoints written before keep their meaning
 * (the column is null).
 */
export class CheckpointChain1763787100000 implements MigrationInterface {
  name = 'CheckpointChain1763787100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE checkpoints ADD COLUMN IF NOT EXISTS previous_digest char(64)`);
  }

  /** The column stays: the checkpoints signed over it could not be verified without it. */
  async down(): Promise<void> {}
}
