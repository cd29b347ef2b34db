import { hash as sha256 } from 'node:crypto';
import { GENESIS_HASH, eventHash } from '../hashing';
import { eventContentDigest, type EventContent } from '../checkpoints/append-receipt';
import { copyOut } from './copy-out';

/** One event as verify needs it: where it stands, what it claims, and its hash derived again from its content. */
export interface CheckedRow {
  position: number;
  streamId: string;
  streamVersion: number;
  prevHash: string;
  hash: string;
  logHash: string;
  /** SHA-256 of the event's content as stored now (see {@link eventHash}). */
  computedHash: string;
  /** The log hash this event should store, if the reader derived it already (see `logHash`). */
  computedLogHash?: string;
  /** What a sealed append receipt checks, for events after `contentAfter` (see {@link forEachCheckedRow}). */
  content?: EventContent;
}

type LogClient = Parameters<typeof copyOut>[0] & {
  query(config: { text: string; values: unknown[]; rowMode: 'array'; types: unknown }): Promise<{ rows: string[][] }>;
  query(text: string): Promise<unknown>;
};

const COLUMNS = `position, stream_id, stream_version, type, schema_version,
                 to_char(recorded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
                 data::text, metadata::text, prev_hash, hash, log_hash`;
const asText = { getTypeParser: () => (value: string) => value };

/** The fields in the order of {@link COLUMNS}, as text. */
function fromFields(f: string[]): CheckedRow {
  return {
    position: Number(f[0]),
    streamId: f[1],
    streamVersion: Number(f[2]),
    prevHash: f[8],
    hash: f[9],
    logHash: f[10],
    computedHash: eventHash({
      prevHash: f[8],
      streamId: f[1],
      streamVersion: Number(f[2]),
      type: f[3],
      schemaVersion: Number(f[4]),
      recordedAt: f[5],
      dataText: f[6],
      metadataText: f[7],
    }),
  };
}

/** Binary COPY: the file header, and the columns read by {@link BinaryRowParser}, in this order. */
const COPY_SIGNATURE = Buffer.from('PGCOPY\n\xff\r\n\0', 'latin1');
// `::json` costs nothing on the json columns and reads a log still stored as jsonb as its text.
const BINARY_COLUMNS = `position, stream_id, stream_version, type, schema_version, recorded_at, data::json,
                        metadata::json, prev_hash, hash, log_hash`;
const FIELDS = 11;
const NEWLINE = 10;
/** 2000-01-01T00:00:00Z, PostgreSQL's epoch for timestamps, in Unix milliseconds. */
const PG_EPOCH_MS = Date.UTC(2000, 0, 1);
const TRAILER = 'trailer';

/** Copies `from[start, end)` to `to` at `at`; returns where the copy ends. Short runs are copied by hand (cheaper). */
function copyBytes(from: Buffer, start: number, end: number, to: Buffer, at: number): number {
  if (end - start > 96) return at + from.copy(to, at, start, end);
  for (let i = start; i < end; i++) to[at++] = from[i];
  return at;
}

/** Writes an integer's decimal digits at `at`; returns where they end. */
function writeDecimal(out: Buffer, at: number, value: number): number {
  if (value < 0 || value > 0x7fff_ffff) return at + out.write(String(value), at, 'latin1');
  let digits = 1;
  for (let v = value; v >= 10; v = Math.floor(v / 10)) digits++;
  for (let i = at + digits - 1, v = value; i >= at; i--, v = Math.floor(v / 10)) out[i] = 48 + (v % 10);
  return at + digits;
}

/**
 * Reads the rows of a binary COPY of {@link BINARY_COLUMNS} straight from the bytes and hashes each event's content
 * from them. Binary COPY costs PostgreSQL no text conversion of numbers and times, and no escaping of the content;
 * data and metadata are stored as the jsonb text their hash covers, so they are sent as they are stored.
 */
class BinaryRowParser {
  private scratch = Buffer.allocUnsafe(64 * 1024);
  private readonly starts = new Int32Array(FIELDS);
  private readonly ends = new Int32Array(FIELDS);
  private lastMicros = NaN;
  private lastIso = Buffer.alloc(0);

  /** Positions after which each row's {@link EventContent} is derived too. */
  constructor(private readonly contentAfter = Infinity) {}

  private headerRead = false;
  /** Where the row parsed last ends. */
  private rowEnd = 0;
  /** The previous row's stored log hash, then this row's stored hash: the input of the log hash. */
  private readonly logInput = Buffer.from(GENESIS_HASH.repeat(2), 'latin1');
  /** False after a stored log hash that is not 64 bytes long: the verifier then derives the next one itself. */
  private logInputValid = true;

  /** Parses one CopyData payload, `buf[start, end)`: the file header (in the first), a row, or the trailer. */
  parsePayload(buf: Buffer, start: number, end: number): CheckedRow | undefined {
    let at = start;
    if (!this.headerRead) {
      at = readHeader(buf, start, end);
      this.headerRead = true;
      if (at === end) return undefined;
    }
    const row = this.parse(buf, at, end);
    if (row === TRAILER) return undefined;
    if (this.rowEnd !== end) throw new Error(`malformed log row at byte ${at}: ${end - this.rowEnd} bytes too many`);
    return row;
  }

  /** Parses the row at `at` (it ends at {@link rowEnd}), or reads the trailer. */
  private parse(buf: Buffer, at: number, limit: number): CheckedRow | typeof TRAILER {
    if (at + 2 > limit) throw new Error(`malformed log row at byte ${at}: cut short`);
    const count = buf.readInt16BE(at);
    if (count === -1) return TRAILER;
    if (count !== FIELDS) throw new Error(`malformed log row at byte ${at}: ${count} fields`);
    const { starts, ends } = this;
    let p = at + 2;
    for (let i = 0; i < FIELDS; i++) {
      if (p + 4 > limit) throw new Error(`malformed log row at byte ${at}: cut short`);
      const length = buf.readInt32BE(p);
      if (length < 0) throw new Error(`malformed log row at byte ${at}: column ${i + 1} is null`);
      starts[i] = p + 4;
      p += 4 + length;
      if (p > limit) throw new Error(`malformed log row at byte ${at}: cut short`);
      ends[i] = p;
    }
    const streamVersion = buf.readInt32BE(starts[2]);
    const prevHash = buf.toString('latin1', starts[8], ends[8]);
    const input = this.hashInput(buf, streamVersion);
    const row: CheckedRow = {
      position: buf.readUInt32BE(starts[0]) * 0x1_0000_0000 + buf.readUInt32BE(starts[0] + 4),
      streamId: buf.toString('utf8', starts[1], ends[1]),
      streamVersion,
      prevHash,
      hash: buf.toString('latin1', starts[9], ends[9]),
      logHash: buf.toString('latin1', starts[10], ends[10]),
      computedHash: sha256('sha256', input),
      computedLogHash: this.logHashOf(buf),
    };
    if (row.position > this.contentAfter) {
      row.content = {
        digest: eventContentDigest(
          row.streamId,
          buf.toString('utf8', starts[3], ends[3]),
          buf.readInt32BE(starts[4]),
          buf.toString('utf8', starts[6], ends[6]),
          buf.toString('utf8', starts[7], ends[7]),
        ),
        recordedAt: this.lastIso.toString('latin1'),
      };
    }
    this.rowEnd = p;
    return row;
  }

  /**
   * The log hash this row should store, `logHash` of the previous row's stored log hash and this row's stored
   * hash, computed from their bytes; undefined when either is malformed.
   */
  private logHashOf(buf: Buffer): string | undefined {
    const { starts, ends, logInput } = this;
    const wellFormed = this.logInputValid && ends[9] - starts[9] === 64;
    if (wellFormed) copyBytes(buf, starts[9], ends[9], logInput, 64);
    const computed = wellFormed ? sha256('sha256', logInput) : undefined;
    this.logInputValid = ends[10] - starts[10] === 64;
    if (this.logInputValid) copyBytes(buf, starts[10], ends[10], logInput, 0);
    return computed;
  }

  /** The input of {@link eventHash}, assembled from the row's bytes. */
  private hashInput(buf: Buffer, streamVersion: number): Buffer {
    const { starts, ends } = this;
    const recordedAt = this.isoTime(buf.readInt32BE(starts[5]) * 0x1_0000_0000 + buf.readUInt32BE(starts[5] + 4));
    const need =
      ends[8] -
      starts[8] +
      (ends[1] - starts[1]) +
      (ends[3] - starts[3]) +
      (ends[6] - starts[6]) +
      (ends[7] - starts[7]) +
      64;
    if (this.scratch.length < need) this.scratch = Buffer.allocUnsafe(need * 2);
    const out = this.scratch;
    let n = copyBytes(buf, starts[8], ends[8], out, 0);
    out[n++] = NEWLINE;
    n = copyBytes(buf, starts[1], ends[1], out, n);
    out[n++] = NEWLINE;
    n = writeDecimal(out, n, streamVersion);
    out[n++] = NEWLINE;
    n = copyBytes(buf, starts[3], ends[3], out, n);
    out[n++] = NEWLINE;
    n = writeDecimal(out, n, buf.readInt32BE(starts[4]));
    out[n++] = NEWLINE;
    n = copyBytes(recordedAt, 0, recordedAt.length, out, n);
    out[n++] = NEWLINE;
    n = copyBytes(buf, starts[6], ends[6], out, n);
    out[n++] = NEWLINE;
    n = copyBytes(buf, starts[7], ends[7], out, n);
    return out.subarray(0, n);
  }

  /** A timestamp in microseconds since 2000 as `to_char(..., 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')` spells it. */
  private isoTime(micros: number): Buffer {
    if (micros !== this.lastMicros) {
      this.lastMicros = micros;
      this.lastIso = Buffer.from(new Date(PG_EPOCH_MS + Math.floor(micros / 1000)).toISOString(), 'latin1');
    }
    return this.lastIso;
  }
}

/** Checks the binary COPY file header at `start`; returns where the first row starts. */
function readHeader(buf: Buffer, start: number, end: number): number {
  const fixed = start + COPY_SIGNATURE.length + 8;
  if (fixed > end || !buf.subarray(start, start + COPY_SIGNATURE.length).equals(COPY_SIGNATURE)) {
    throw new Error('not a binary COPY stream');
  }
  const first = fixed + buf.readUInt32BE(fixed - 4);
  if (first > end) throw new Error('not a binary COPY stream');
  return first;
}

/**
 * Calls `onRow` with every event of the log in global order, its hash derived again from its content. The whole log
 * comes in one `COPY ... TO STDOUT (FORMAT binary)`, read straight off the connection (see {@link copyOut}); with
 * `streamIds`, just those streams come from an ordinary parameterised query. Rows after position `contentAfter` of
 * the whole log carry their {@link EventContent} as well.
 */
export async function forEachCheckedRow(
  client: LogClient,
  streamIds: string[] | undefined,
  onRow: (row: CheckedRow) => void,
  contentAfter = Infinity,
): Promise<void> {
  if (streamIds !== undefined) {
    const { rows } = await client.query({
      text: `SELECT ${COLUMNS} FROM events WHERE stream_id = ANY($1::text[]) ORDER BY position`,
      values: [streamIds],
      rowMode: 'array',
      types: asText,
    });
    for (const fields of rows) onRow(fromFields(fields));
    return;
  }
  const parser = new BinaryRowParser(contentAfter);
  // Read along the primary key, in the log's physical order: never a sort of the whole log, whatever the planner's
  // statistics say (right after a bulk load or a migration they may be missing).
  await client.query('SET enable_sort = off');
  try {
    await copyOut(
      client,
      `COPY (SELECT ${BINARY_COLUMNS} FROM events ORDER BY position) TO STDOUT (FORMAT binary)`,
      (buf, start, end) => {
        const row = parser.parsePayload(buf, start, end);
        if (row) onRow(row);
      },
    );
  } finally {
    await client.query('RESET enable_sort');
  }
}
