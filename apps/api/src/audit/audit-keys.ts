import type { TrustedKeys } from '@cadreflow/event-store';

/** The public keys checkpoints are verified with; provided once at boot (a class, so it is its own DI token). */
export class AuditKeys {
  constructor(readonly trusted: TrustedKeys) {}
}
