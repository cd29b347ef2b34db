import { StringDecoder } from 'node:string_decoder';
import type { Readable } from 'node:stream';
import { to as copyTo } from 'pg-copy-streams';

/** One event as verify reads it: every column as PostgreSQL spells it in text. */
export type LogRow = [
  position: string,
  streamId: string,
  streamVersion: string,
  type: string,
  schemaVersion: string,
  recordedAt: string,
  data: string,
  metadata: string,
  prevHash: string,
  hash: string,
  logHash: string,
];

interface LogClient {
  query(config: { text: string; values: unknown[]; rowMode: 'array'; types: unknown }): Promise<{ rows: LogRow[] }>;
  query<T extends Readable>(stream: T): T;
}

const COLUMNS = `position, stream_id, stream_version, type, schema_version,
                 to_char(recorded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
                 data::text, metadata::text, prev_hash, hash, log_hash`;
const asText = { getTypeParser: () => (value: string) => value };

/** COPY text format escapes; only fields holding a backslash need this. */
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

/**
 * Streams the log in global order with `COPY ... TO STDOUT`: one round trip and a row format far cheaper to parse
 * than the query protocol, which is what lets verify run at hundreds of thousands of events a second on one core.
 * With `streamIds` it reads just those streams with an ordinary parameterised query.
 */
export async function* readLogRows(client: LogClient, streamIds?: string[]): AsyncGenerator<LogRow[]> {
  if (streamIds !== undefined) {
    const { rows } = await client.query({
      text: `SELECT ${COLUMNS} FROM events WHERE stream_id = ANY($1::text[]) ORDER BY position`,
      values: [streamIds],
      rowMode: 'array',
      types: asText,
    });
    yield rows;
    return;
  }
  const stream: Readable = client.query(copyTo(`COPY (SELECT ${COLUMNS} FROM events ORDER BY position) TO STDOUT`));
  const decoder = new StringDecoder('utf8');
  let rest = '';
  for await (const chunk of stream) {
    const text = rest + decoder.write(chunk as Buffer);
    const lines = text.split('\n');
    rest = lines.pop()!;
    yield lines.map(toRow);
  }
  rest += decoder.end();
  if (rest.length > 0) yield [toRow(rest)];
}

function toRow(line: string): LogRow {
  const fields = line.split('\t');
  for (let i = 0; i < fields.length; i++) {
    if (fields[i].includes('\\')) fields[i] = unescapeCopy(fields[i]);
  }
  return fields as LogRow;
}
