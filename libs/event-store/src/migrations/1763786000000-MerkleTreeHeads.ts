import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Signed tree heads over the log's Merkle tree (RFC 9162) and the tree's complete nodes.
 *
 * - `tree_heads`: one C2SP checkpoint note a row (signed by the log, cosigned by the witnesses), with the compact
 *   range of the tree at that size, so that the next head is computed from the new events alone.
 * - `merkle_nodes`: every complete subtree's hash, leaves included (level 0, with the event's position), written
 *   by the checkpointer; proofs are read from it. A row altered here only makes proofs fail to verify: every proof
 *   is checked against a signed root.
 *
 * - `append_receipts`: what each append wrote (its range of positions, how many events, the log hash after it),
 *   signed by the appending process with the log's key. The checkpointer signs only events a receipt vouches for,
 *   so an event inserted behind the appenders' back, however well its hashes are computed, is never signed; and
 *   verify names it while it sits in the unsigned tail.
 *
 * All three are append-only in the database, like the log.
 */
export class MerkleTreeHeads1763786000000 implements MigrationInterface {
  name = 'MerkleTreeHeads1763786000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE tree_heads (
        id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        tree_size  bigint      NOT NULL UNIQUE,
        position   bigint      NOT NULL,
        root       bytea       NOT NULL,
        frontier   bytea       NOT NULL,
        note       text        NOT NULL,
        created_at timestamptz NOT NULL
      )`);
    await q.query(`
      CREATE TABLE merkle_nodes (
        level    smallint NOT NULL,
        idx      bigint   NOT NULL,
        hash     bytea    NOT NULL,
        position bigint,
        PRIMARY KEY (level, idx)
      )`);
    await q.query(`
      CREATE TABLE append_receipts (
        first_position bigint   PRIMARY KEY,
        last_position  bigint   NOT NULL,
        event_count    integer  NOT NULL,
        log_hash       char(64) NOT NULL,
        key_id         text     NOT NULL,
        signature      text     NOT NULL
      )`);
    await q.query(`CREATE UNIQUE INDEX merkle_nodes_leaf_position_idx ON merkle_nodes (position) WHERE level = 0`);
    for (const table of ['tree_heads', 'merkle_nodes', 'append_receipts']) {
      await q.query(
        `CREATE TRIGGER ${table}_no_update_delete BEFORE UPDATE OR DELETE ON ${table} FOR EACH ROW EXECUTE FUNCTION cadreflow_reject_change()`,
      );
      await q.query(
        `CREATE TRIGGER ${table}_no_truncate BEFORE TRUNCATE ON ${table} FOR EACH STATEMENT EXECUTE FUNCTION cadreflow_reject_change()`,
      );
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE append_receipts`);
    await q.query(`DROP TABLE merkle_nodes`);
    await q.query(`DROP TABLE tree_heads`);
  }
}
