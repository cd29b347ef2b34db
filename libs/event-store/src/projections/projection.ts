import type { EntityManager } from 'typeorm';
import type { RecordedEvent } from '../types';

/**
 * A read model fed by the log. `apply` runs inside the transaction that also advances the projection's
 * checkpoint, so the read model and its position never disagree.
 */
export interface Projection {
  /** Stable name: the key of its checkpoint. */
  readonly name: string;
  apply(events: RecordedEvent[], tx: EntityManager): Promise<void>;
  /** Empties the read model before a rebuild from position 0. */
  reset(tx: EntityManager): Promise<void>;
  /** Called after a batch's transaction committed, e.g. to notify live listeners of what is now readable. */
  afterCommit?(): void;
}
