import { Column, Entity, PrimaryColumn } from 'typeorm';

const bigintAsNumber = { to: (v: number) => v, from: (v: string) => Number(v) };

/** A signed statement of the log's state at one position; append-only like the log. */
@Entity({ name: 'checkpoints' })
export class CheckpointEntity {
  @PrimaryColumn({ type: 'bigint', transformer: bigintAsNumber })
  id!: number;

  @Column({ type: 'bigint', transformer: bigintAsNumber })
  position!: number;

  @Column({ name: 'event_count', type: 'bigint', transformer: bigintAsNumber })
  eventCount!: number;

  @Column({ name: 'log_hash', type: 'char', length: 64 })
  logHash!: string;

  /** Head (version and hash) of every stream changed since the previous checkpoint. */
  @Column({ name: 'stream_heads', type: 'jsonb' })
  streamHeads!: Record<string, [number, string]>;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'key_id', type: 'text' })
  keyId!: string;

  @Column({ type: 'text' })
  signature!: string;

  /** Digest of the checkpoint before it, which this one signs (null on checkpoints from before the chain). */
  @Column({ name: 'previous_digest', type: 'char', length: 64, nullable: true })
  previousDigest!: string | null;
}
