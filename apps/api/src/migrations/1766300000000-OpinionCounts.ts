import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An opinion-on-cadres procedure keeps how many cadres it was asked about and how many opinions its body gave
 * (favourable among them), so progress counts the opinions given without reading the log. Procedures recorded before
 * are counted from their own streams once, here.
 */
export class OpinionCounts1766300000000 implements MigrationInterface {
  name = 'OpinionCounts1766300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE procedure_summaries
         ADD COLUMN opinions_requested integer NOT NULL DEFAULT 0,
         ADD COLUMN opinions_given integer NOT NULL DEFAULT 0,
         ADD COLUMN opinions_favourable integer NOT NULL DEFAULT 0`,
    );
    await q.query(
      `UPDATE procedure_summaries s SET
         opinions_requested = COALESCE((SELECT sum(json_array_length(e.data::json -> 'personIds')) FROM events e
                                         WHERE e.stream_id = s.procedure_id AND e.type = 'OpinionRequested'), 0),
         opinions_given = (SELECT count(*) FROM events e
                            WHERE e.stream_id = s.procedure_id AND e.type = 'OpinionGiven'),
         opinions_favourable = (SELECT count(*) FROM events e
                                 WHERE e.stream_id = s.procedure_id AND e.type = 'OpinionGiven'
                                   AND e.data->>'favourable' = 'true')
       WHERE s.kind = 'cadre-opinion'`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE procedure_summaries
         DROP COLUMN opinions_favourable, DROP COLUMN opinions_given, DROP COLUMN opinions_requested`,
    );
  }
}
