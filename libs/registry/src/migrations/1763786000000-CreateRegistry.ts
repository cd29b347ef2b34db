import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Read models of the organisation registry, a projection of the registry stream (rebuildable from it): records of
 * levels, organisations, bodies, posts and people with the dates they hold from and to (`valid_from` NULL: since
 * the registry's first import; `valid_to` NULL: still), memberships, declared relatives, the stream version the
 * tables reflect, and the previews of imports waiting for confirmation. Names are searched through their folded
 * form (no diacritics, lower case) with a trigram index, so a search for part of a name is an index scan.
 */
export class CreateRegistry1763786000000 implements MigrationInterface {
  name = 'CreateRegistry1763786000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await q.query(`
      CREATE TABLE registry_records (
        row_id           bigserial PRIMARY KEY,
        kind             text NOT NULL,
        id               text NOT NULL,
        valid_from       date,
        valid_to         date,
        parent_id        text,
        name             text NOT NULL,
        name_folded      text NOT NULL,
        data             jsonb NOT NULL,
        recorded_version integer NOT NULL
      )`);
    await q.query(
      `CREATE UNIQUE INDEX registry_records_current_idx ON registry_records (kind, id) WHERE valid_to IS NULL`,
    );
    await q.query(`CREATE INDEX registry_records_id_idx ON registry_records (id, valid_from)`);
    await q.query(`CREATE INDEX registry_records_parent_idx ON registry_records (kind, parent_id)`);
    await q.query(`CREATE INDEX registry_records_name_idx ON registry_records USING gin (name_folded gin_trgm_ops)`);
    await q.query(`
      CREATE TABLE registry_memberships (
        row_id           bigserial PRIMARY KEY,
        person_id        text NOT NULL,
        body_id          text NOT NULL,
        post_id          text,
        from_date        date NOT NULL,
        to_date          date,
        recorded_version integer NOT NULL
      )`);
    await q.query(
      `CREATE UNIQUE INDEX registry_memberships_key_idx ON registry_memberships (person_id, body_id, (coalesce(post_id, '')), from_date)`,
    );
    await q.query(`CREATE INDEX registry_memberships_body_idx ON registry_memberships (body_id, from_date)`);
    await q.query(
      `CREATE INDEX registry_memberships_post_idx ON registry_memberships (post_id) WHERE post_id IS NOT NULL`,
    );
    await q.query(`
      CREATE TABLE registry_relations (
        row_id           bigserial PRIMARY KEY,
        person_id        text NOT NULL,
        relative_id      text NOT NULL,
        kind             text NOT NULL,
        declared_on      date NOT NULL,
        valid_to         date,
        recorded_version integer NOT NULL
      )`);
    await q.query(`CREATE INDEX registry_relations_person_idx ON registry_relations (person_id)`);
    await q.query(`CREATE INDEX registry_relations_relative_idx ON registry_relations (relative_id)`);
    await q.query(`
      CREATE TABLE registry_position (
        stream_id text PRIMARY KEY,
        version   integer NOT NULL
      )`);
    await q.query(`
      CREATE TABLE registry_imports (
        import_id         text PRIMARY KEY,
        file_name         text NOT NULL,
        created_by        text NOT NULL,
        created_at        timestamptz NOT NULL,
        stream_id         text NOT NULL,
        base_version      integer NOT NULL,
        valid             boolean NOT NULL,
        errors            jsonb NOT NULL,
        changes           jsonb NOT NULL,
        events            jsonb NOT NULL,
        confirmed_version integer
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      `DROP TABLE registry_imports, registry_position, registry_relations, registry_memberships, registry_records`,
    );
  }
}
