import { hash as sha256 } from 'node:crypto';
import type { Readable } from 'node:stream';
import { to as copyTo } from 'pg-copy-streams';
import { eventHash } from '../hashing';

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
}

interface LogClient {
  query(config: { text: string; values: unknown[]; rowMode: 'array'; types: unknown }): Promise<{ rows: string[][] }>;
  query<T extends Readable>(stream: T): T;
}

const COLUMNS = `position, stream_id, stream_version, type, schema_version,
                 to_char(recorded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
                 data::text, metadata::text, prev_hash, hash, log_hash`;
const asText = { getTypeParser: () => (value: string) => value };
const TAB = 9;
const NEWLINE = 10;
const BACKSLASH = 92;

/** COPY text format escapes; only lines holding a backslash need this. */
function unescapeCopy(field: string): string {
  return field.replace(/\\(.)/g, (_, c: string) => {
    switch (c) {
      case 'n':
        return '\n';
      case 't':
        return '\t';
      case 'r':
        return '\r';
      case 'b':
        return '\b';
      case 'f':
        return '\f';
      case 'v':
        return '\v';
      default:
        return c;
    }
  });
}

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

/**
 * Parses COPY lines straight from the bytes. The hash input is the previous hash, a newline, then the columns
 * from stream id to metadata joined by newlines — which, in a line without escapes, are the same bytes as in the
 * COPY line with its tabs turned into newlines. So the content is hashed without being decoded.
 */
class CopyLineParser {
  private scratch = Buffer.allocUnsafe(64 * 1024);
  private readonly tabs = new Int32Array(10);

  parse(buf: Buffer, start: number, end: number): CheckedRow {
    const backslash = buf.indexOf(BACKSLASH, start);
    if (backslash >= 0 && backslash < end) {
      return fromFields(buf.toString('utf8', start, end).split('\t').map(unescapeCopy));
    }
    const tabs = this.tabs;
    let at = start;
    for (let i = 0; i < 10; i++) {
      at = buf.indexOf(TAB, at);
      if (at < 0 || at >= end) throw new Error(`malformed log row at byte ${start}`);
      tabs[i] = at++;
    }
    const prevHash = buf.toString('latin1', tabs[7] + 1, tabs[8]);
    const contentStart = tabs[0] + 1;
    const contentLength = tabs[7] - contentStart;
    const length = 65 + contentLength;
    if (this.scratch.length < length) this.scratch = Buffer.allocUnsafe(length * 2);
    const input = this.scratch;
    input.write(prevHash, 0, 'latin1');
    input[64] = NEWLINE;
    buf.copy(input, 65, contentStart, tabs[7]);
    for (let i = 1; i < 7; i++) input[65 + tabs[i] - contentStart] = NEWLINE;
    return {
      position: Number(buf.toString('latin1', start, tabs[0])),
      streamId: buf.toString('utf8', contentStart, tabs[1]),
      streamVersion: Number(buf.toString('latin1', tabs[1] + 1, tabs[2])),
      prevHash,
      hash: buf.toString('latin1', tabs[8] + 1, tabs[9]),
      logHash: buf.toString('latin1', tabs[9] + 1, end),
      computedHash: sha256('sha256', input.subarray(0, length)),
    };
  }
}

/**
 * Streams the log in global order with `COPY ... TO STDOUT` (one round trip, a row format cheap to parse) and
 * derives each event's hash again, in batches. With `streamIds` it reads just those streams with an ordinary
 * parameterised query.
 */
export async function* readCheckedRows(client: LogClient, streamIds?: string[]): AsyncGenerator<CheckedRow[]> {
  if (streamIds !== undefined) {
    const { rows } = await client.query({
      text: `SELECT ${COLUMNS} FROM events WHERE stream_id = ANY($1::text[]) ORDER BY position`,
      values: [streamIds],
      rowMode: 'array',
      types: asText,
    });
    yield rows.map(fromFields);
    return;
  }
  const stream: Readable = client.query(copyTo(`COPY (SELECT ${COLUMNS} FROM events ORDER BY position) TO STDOUT`));
  const parser = new CopyLineParser();
  let rest: Buffer | undefined;
  for await (const chunk of stream) {
    const buf = rest ? Buffer.concat([rest, chunk as Buffer]) : (chunk as Buffer);
    const rows: CheckedRow[] = [];
    let start = 0;
    for (let end = buf.indexOf(NEWLINE, start); end >= 0; end = buf.indexOf(NEWLINE, start)) {
      rows.push(parser.parse(buf, start, end));
      start = end + 1;
    }
    rest = start < buf.length ? Buffer.from(buf.subarray(start)) : undefined;
    yield rows;
  }
  if (rest) yield [parser.parse(rest, 0, rest.length)];
}
