import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Tasks keep what their step is as a code and its params (from `StepOpened.kind` / `params`), which the web app
 * translates instead of the English title; steps opened before have neither.
 */
export class TaskStepKinds1765000000000 implements MigrationInterface {
  name = 'TaskStepKinds1765000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE tasks ADD COLUMN step_kind text, ADD COLUMN step_params jsonb`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE tasks DROP COLUMN step_params, DROP COLUMN step_kind`);
  }
}
