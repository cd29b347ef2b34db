import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One row of the append-only log (see the migration for constraints and triggers). */
@Entity({ name: 'events' })
export class EventRecordEntity {
  @PrimaryColumn({ type: 'bigint', transformer: { to: (v: number) => v, from: (v: string) => Number(v) } })
  position!: number;

  @Column({ name: 'stream_id', type: 'text' })
  streamId!: string;

  @Column({ name: 'stream_version', type: 'integer' })
  streamVersion!: number;

  @Column({ type: 'text' })
  type!: string;

  @Column({ name: 'schema_version', type: 'integer' })
  schemaVersion!: number;

  /** `json` holding the jsonb text of the content: the exact text its hash covers. */
  @Column({ type: 'json' })
  data!: Record<string, unknown>;

  @Column({ type: 'json' })
  metadata!: Record<string, unknown>;

  @Column({ name: 'recorded_at', type: 'timestamptz' })
  recordedAt!: Date;

  @Column({ name: 'idempotency_key', type: 'text', nullable: true })
  idempotencyKey!: string | null;

  @Column({ name: 'prev_hash', type: 'char', length: 64 })
  prevHash!: string;

  @Column({ type: 'char', length: 64 })
  hash!: string;

  @Column({ name: 'log_hash', type: 'char', length: 64 })
  logHash!: string;
}
