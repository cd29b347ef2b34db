import type { DataSource, EntityManager } from 'typeorm';

/** What signs receipts: the log's signer (only its key id and `sign` are needed). */
export interface AppendSealer {
  readonly keyId: string;
  sign(message: string): string;
}

/** A signed statement by an appender: positions [first, last] hold `count` events and end at `logHash`. */
export interface AppendReceipt {
  firstPosition: number;
  lastPosition: number;
  eventCount: number;
  logHash: string;
  keyId: string;
  signature: string;
}

/** The exact text a receipt's signature covers. */
export function receiptMessage(r: Omit<AppendReceipt, 'keyId' | 'signature'>): string {
  return `cadreflow-append-receipt-v1\n${r.firstPosition}\n${r.lastPosition}\n${r.eventCount}\n${r.logHash}`;
}

interface ReceiptRow {
  first_position: string;
  last_position: string;
  event_count: number;
  log_hash: string;
  key_id: string;
  signature: string;
}

/** Receipts of appends that end after `afterPosition`, in log order. */
export async function receiptsAfter(
  target: DataSource | EntityManager,
  afterPosition: number,
): Promise<AppendReceipt[]> {
  const rows: ReceiptRow[] = await target.query(
    `SELECT first_position, last_position, event_count, log_hash, key_id, signature
       FROM append_receipts WHERE last_position > $1 ORDER BY first_position`,
    [afterPosition],
  );
  return rows.map((r) => ({
    firstPosition: Number(r.first_position),
    lastPosition: Number(r.last_position),
    eventCount: r.event_count,
    logHash: r.log_hash,
    keyId: r.key_id,
    signature: r.signature,
  }));
}

/**
 * Follows the log through the receipts: for each event in position order, `check` says whether a valid receipt
 * covers it, and at the end of a receipt's range whether the range held what the receipt says.
 */
export class ReceiptCursor {
  private at = 0;
  private inRange = 0;

  /**
   * @param receipts valid receipts (signature checked), in log order
   * @param from the position after which events are checked; a receipt that starts at or before it is checked for
   *   its log hash only (its first events are not counted)
   */
  constructor(
    private readonly receipts: AppendReceipt[],
    private readonly from = 0,
  ) {}

  /**
   * @returns 'ok', 'unreceipted' (no receipt covers the position) or 'mismatch' (the receipt's range ends here
   *   but holds another number of events or another log hash)
   */
  check(position: number, storedLogHash: string): 'ok' | 'unreceipted' | 'mismatch' {
    while (this.at < this.receipts.length && this.receipts[this.at].lastPosition < position) {
      this.at++;
      this.inRange = 0;
    }
    const r = this.receipts[this.at];
    if (!r || r.firstPosition > position) return 'unreceipted';
    this.inRange++;
    if (position === r.lastPosition) {
      const countOk = r.firstPosition <= this.from || this.inRange === r.eventCount;
      return countOk && storedLogHash === r.logHash ? 'ok' : 'mismatch';
    }
    return 'ok';
  }
}
