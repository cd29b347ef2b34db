import { hash } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';

/** What signs receipts: the log's signer (only its key id and `sign` are needed). */
export interface AppendSealer {
  readonly keyId: string;
  sign(message: string): string;
}

/**
 * A signed statement by an appender about the events stored at positions [first, last]. A receipt written by the
 * append itself (`digests` set) is sealed before the database assigns positions: it vouches for the events' content
 * and time, the events of the range being those `digests` lists (one per event the batch asked to write, in order;
 * requests refused as conflicts or repeats wrote none). An older receipt (signed after its append) vouches for the
 * positions, the count and the log hash after them.
 */
export interface AppendReceipt {
  firstPosition: number;
  lastPosition: number;
  eventCount: number;
  logHash: string;
  keyId: string;
  signature: string;
  /** The batch's time, ISO-8601 UTC with milliseconds (sealed receipts only). */
  recordedAt?: string;
  /** {@link eventContentDigest} of each event the batch asked to write, concatenated (sealed receipts only). */
  digests?: Buffer;
}

/** Bytes of one digest in {@link AppendReceipt.digests}. */
export const DIGEST_BYTES = 32;

/**
 * SHA-256 of what an appender asks to write for one event, before the database gives it a place: the fields of its
 * hash (see `eventHash`) but the previous hash and the version, joined by newlines.
 */
export function eventContentDigest(
  streamId: string,
  type: string,
  schemaVersion: number,
  dataText: string,
  metadataText: string,
): Buffer {
  return hash('sha256', `${streamId}\n${type}\n${schemaVersion}\n${dataText}\n${metadataText}`, 'buffer');
}

/** The exact text a sealed receipt's signature covers: the batch's time and the SHA-256 of its digests. */
export function appendSealMessage(recordedAt: string, digests: Buffer): string {
  return `cadreflow-append-receipt-v2\n${recordedAt}\n${hash('sha256', digests)}`;
}

/** The exact text a receipt's signature covers. */
export function receiptMessage(r: Omit<AppendReceipt, 'keyId' | 'signature'>): string {
  if (r.digests !== undefined) return appendSealMessage(r.recordedAt ?? '', r.digests);
  return `cadreflow-append-receipt-v1\n${r.firstPosition}\n${r.lastPosition}\n${r.eventCount}\n${r.logHash}`;
}

interface ReceiptRow {
  first_position: string;
  last_position: string;
  event_count: number;
  log_hash: string;
  key_id: string;
  signature: string;
  recorded_at: string | null;
  digests: Buffer | null;
}

/** Receipts of appends that end after `afterPosition`, in log order. */
export async function receiptsAfter(
  target: DataSource | EntityManager,
  afterPosition: number,
): Promise<AppendReceipt[]> {
  const rows: ReceiptRow[] = await target.query(
    `SELECT first_position, last_position, event_count, log_hash, key_id, signature, digests,
            to_char(recorded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS recorded_at
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
    ...(r.digests === null ? {} : { digests: r.digests, recordedAt: r.recorded_at ?? '' }),
  }));
}

/** What a sealed receipt checks of an event: its {@link eventContentDigest} and its time. */
export interface EventContent {
  digest: Buffer;
  recordedAt: string;
}

/**
 * Follows the log through the receipts: for each event in position order, `check` says whether a valid receipt
 * covers it, and at the end of a receipt's range whether the range held what the receipt says.
 */
export class ReceiptCursor {
  private at = 0;
  private inRange = 0;
  /** In a sealed receipt, the next digest an event of its range may match. */
  private digestAt = 0;
  private contentMismatch = false;

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
   * @param content the event's content digest and time, asked for only when a sealed receipt covers the event
   * @returns 'ok', 'unreceipted' (no receipt covers the position) or 'mismatch' (the event is not one its sealed
   *   receipt lists, or the receipt's range ends here but holds another number of events or another log hash)
   */
  check(position: number, storedLogHash: string, content: () => EventContent): 'ok' | 'unreceipted' | 'mismatch' {
    while (this.at < this.receipts.length && this.receipts[this.at].lastPosition < position) {
      this.at++;
      this.inRange = 0;
      this.digestAt = 0;
      this.contentMismatch = false;
    }
    const r = this.receipts[this.at];
    if (!r || r.firstPosition > position) return 'unreceipted';
    this.inRange++;
    if (r.digests !== undefined && !this.contentMismatch && !this.matchesNext(r.digests, r.recordedAt, content())) {
      this.contentMismatch = true;
      return 'mismatch';
    }
    // A receipt found not to match is named once, at its first event that does not.
    if (position === r.lastPosition && !this.contentMismatch) {
      const countOk = r.firstPosition <= this.from || this.inRange === r.eventCount;
      return countOk && storedLogHash === r.logHash ? 'ok' : 'mismatch';
    }
    return 'ok';
  }

  /**
   * Whether the event is one the receipt lists after those matched so far. The events of a range are the listed
   * ones in order, less the requests the append refused: a subsequence, matched greedily.
   */
  private matchesNext(digests: Buffer, recordedAt: string | undefined, event: EventContent): boolean {
    if (event.recordedAt !== recordedAt) return false;
    for (let at = this.digestAt * DIGEST_BYTES; at + DIGEST_BYTES <= digests.length; at += DIGEST_BYTES) {
      if (digests.compare(event.digest, 0, DIGEST_BYTES, at, at + DIGEST_BYTES) === 0) {
        this.digestAt = at / DIGEST_BYTES + 1;
        return true;
      }
    }
    return false;
  }
}
