import type { Socket } from 'node:net';

/** The parts of node-postgres's connection that a COPY reader takes over while the COPY runs. */
interface PgConnection {
  stream: Socket;
  query(text: string): void;
}

/** A node-postgres client, which runs any object with a `submit` method as its active query. */
interface PgClient {
  query(submittable: CopyOut): unknown;
}

const COPY_DATA = 0x64; // 'd'
const COPY_DONE = 0x63; // 'c'
const ERROR_RESPONSE = 0x45; // 'E'
const HEADER = 5; // message type byte and int32 length

/**
 * `COPY ... TO STDOUT` read straight off the connection: each CopyData message's payload (for a COPY, one row per
 * message) is handed to `onData` as a range of the received chunk, without copying it. Only a message split between
 * two chunks is copied, to join its parts. Everything from CopyDone (or an error) on is handed back to node-postgres,
 * which completes the query as usual.
 */
class CopyOut {
  private connection?: PgConnection;
  private pgOnData?: (chunk: Buffer) => void;
  private readonly ownOnData = (chunk: Buffer): void => this.receive(chunk);
  /** The parts received so far of a message split between chunks. */
  private parts: Buffer[] = [];
  private partsLength = 0;
  private failure?: Error;
  readonly done: Promise<void>;
  private settle!: (error?: Error) => void;

  constructor(
    private readonly text: string,
    private readonly onData: (buf: Buffer, start: number, end: number) => void,
  ) {
    this.done = new Promise<void>((resolve, reject) => {
      this.settle = (error) => (error === undefined ? resolve() : reject(error));
    });
  }

  submit(connection: PgConnection): void {
    this.connection = connection;
    const listeners = connection.stream.listeners('data') as ((chunk: Buffer) => void)[];
    if (listeners.length !== 1) throw new Error('unexpected PostgreSQL connection state for COPY');
    this.pgOnData = listeners[0];
    connection.stream.removeListener('data', this.pgOnData);
    connection.stream.on('data', this.ownOnData);
    connection.query(this.text);
  }

  /** node-postgres drops the query as soon as the server reports an error: no ReadyForQuery call follows. */
  handleError(error: Error): void {
    this.settle(error);
  }

  handleCommandComplete(): void {}

  handleReadyForQuery(): void {
    this.settle(this.failure);
  }

  private receive(chunk: Buffer): void {
    let at = 0;
    if (this.partsLength > 0) {
      const joined = this.completeSplitMessage(chunk);
      if (joined === undefined) return;
      at = joined.usedFromChunk;
      if (!this.handle(joined.message, 0, joined.message.length, chunk, at)) return;
    }
    while (at < chunk.length) {
      const total = chunk.length - at >= HEADER ? 1 + chunk.readUInt32BE(at + 1) : Infinity;
      if (chunk.length - at < total) {
        this.parts = [chunk.subarray(at)];
        this.partsLength = chunk.length - at;
        return;
      }
      if (!this.handle(chunk, at, at + total, chunk, at + total)) return;
      at += total;
    }
  }

  /** Adds to the split message what it needs of `chunk`; the message once whole, with the bytes it took. */
  private completeSplitMessage(chunk: Buffer): { message: Buffer; usedFromChunk: number } | undefined {
    let used = 0;
    if (this.partsLength < HEADER) {
      used = Math.min(HEADER - this.partsLength, chunk.length);
      this.parts.push(chunk.subarray(0, used));
      this.partsLength += used;
      if (this.partsLength < HEADER) return undefined;
    }
    const head = Buffer.concat(this.parts, HEADER);
    const total = 1 + head.readUInt32BE(1);
    const take = Math.min(total - this.partsLength, chunk.length - used);
    this.parts.push(chunk.subarray(used, used + take));
    this.partsLength += take;
    used += take;
    if (this.partsLength < total) {
      // One buffer for the parts so far, so that a long message is not kept as many small pieces.
      this.parts = [Buffer.concat(this.parts, this.partsLength)];
      return undefined;
    }
    const message = Buffer.concat(this.parts, total);
    this.parts = [];
    this.partsLength = 0;
    return { message, usedFromChunk: used };
  }

  /**
   * Handles the message at `buf[start, end)`. Returns false once the connection has been handed back: then
   * `rest[restAt...]` has been passed on with it, starting at this message for CopyDone and ErrorResponse.
   */
  private handle(buf: Buffer, start: number, end: number, rest: Buffer, restAt: number): boolean {
    const type = buf[start];
    if (type === COPY_DATA) {
      if (this.failure === undefined) {
        try {
          this.onData(buf, start + HEADER, end);
        } catch (error) {
          // Read on to the end of the COPY so that the connection stays usable, then reject.
          this.failure = error instanceof Error ? error : new Error('the COPY row handler failed', { cause: error });
        }
      }
      return true;
    }
    if (type === COPY_DONE || type === ERROR_RESPONSE) {
      const handBack =
        buf === rest ? rest.subarray(start) : Buffer.concat([buf.subarray(start, end), rest.subarray(restAt)]);
      const connection = this.connection!;
      connection.stream.removeListener('data', this.ownOnData);
      connection.stream.on('data', this.pgOnData!);
      this.pgOnData!(handBack);
      return false;
    }
    // CopyOutResponse, and notices or parameter changes the server may send at any time: nothing to do.
    return true;
  }
}

/**
 * Runs `COPY (...) TO STDOUT` and calls `onData` with each CopyData payload, `buf[start, end)`, synchronously as the
 * bytes arrive (the payload's memory is only valid during the call). Resolves once the COPY is complete; rejects with
 * PostgreSQL's error, or with the first error `onData` threw (the rest of the COPY is then read and dropped).
 */
export function copyOut(
  client: PgClient,
  text: string,
  onData: (buf: Buffer, start: number, end: number) => void,
): Promise<void> {
  const copy = new CopyOut(text, onData);
  client.query(copy);
  return copy.done;
}
