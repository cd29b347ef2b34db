import type { MigrationInterface, QueryRunner } from 'typeorm';
import { appendFunctionSql } from './append-function.sql';

/**
 * Events keep their data and metadata as `json` holding exactly the jsonb text their hash covers, instead of as
 * `jsonb`. The content is still canonicalised on the way in (the append function receives it as jsonb), but reading
 * it back no longer re-serialises it: `verify` reads the very bytes it hashes, and PostgreSQL's share of a full
 * verification drops by half. Existing events keep their hashes: a jsonb value cast to json is its jsonb text.
 */
export class EventContentAsHashedText1763784300000 implements MigrationInterface {
  name = 'EventContentAsHashedText1763784300000';

  async up(q: QueryRunner): Promise<void> {
    await this.convert(q, 'json');
  }

  async down(q: QueryRunner): Promise<void> {
    await this.convert(q, 'jsonb');
  }

  private async convert(q: QueryRunner, content: 'json' | 'jsonb'): Promise<void> {
    await q.query(`DROP FUNCTION cadreflow_append(jsonb, timestamptz)`);
    await q.query(
      `ALTER TABLE events ALTER COLUMN data TYPE ${content} USING data::${content},
                          ALTER COLUMN metadata TYPE ${content} USING metadata::${content}`,
    );
    await q.query(appendFunctionSql(content));
    await q.query(`ALTER FUNCTION cadreflow_append(jsonb, timestamptz) SET enable_seqscan = off`);
  }
}
