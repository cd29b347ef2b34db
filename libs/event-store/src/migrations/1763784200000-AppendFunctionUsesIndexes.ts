import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `cadreflow_append` runs under the global append lock, and PL/pgSQL keeps the plans of its lookups for the life
 * of a connection. A plan made while the log was small (a sequential scan is cheapest then) stays in use as the log
 * grows, and one append then scans the whole log. Every lookup in the function has an index made for it, so the
 * function never scans sequentially.
 */
export class AppendFunctionUsesIndexes1763784200000 implements MigrationInterface {
  name = 'AppendFunctionUsesIndexes1763784200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER FUNCTION cadreflow_append(jsonb, timestamptz) SET enable_seqscan = off`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER FUNCTION cadreflow_append(jsonb, timestamptz) RESET enable_seqscan`);
  }
}
