import type { MigrationInterface, QueryRunner } from 'typeorm';
import { appendFunctionSql } from './append-function.sql';

/** Creates `cadreflow_append` over jsonb data and metadata columns (see {@link appendFunctionSql}). */
export class AppendFunction1763784100000 implements MigrationInterface {
  name = 'AppendFunction1763784100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(appendFunctionSql('jsonb'));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION cadreflow_append(jsonb, timestamptz)`);
  }
}
