import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import type { RoleKind } from '@cadreflow/domain';

/** A role a user may act in, in one body (e.g. standing-committee of body/bn-btv). */
export interface Grant {
  role: RoleKind;
  bodyId: string;
}

/** A person who signs in. `personId` links them to the organisation model (recusal, four-eyes). */
@Entity({ name: 'users' })
export class UserEntity {
  @PrimaryColumn({ type: 'text' })
  id!: string;

  @Column({ type: 'text', unique: true })
  username!: string;

  @Column({ name: 'password_hash', type: 'text' })
  passwordHash!: string;

  @Column({ name: 'display_name', type: 'text' })
  displayName!: string;

  @Column({ name: 'person_id', type: 'text', nullable: true })
  personId!: string | null;

  @Column({ type: 'jsonb' })
  grants!: Grant[];

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
