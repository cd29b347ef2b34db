import * as http2 from 'node:http2';
import type { Socket } from 'node:net';
import { gunzipSync, inflateSync } from 'node:zlib';
import { status } from '@grpc/grpc-js';
import type { PollCancellation } from '../engine/task-matcher';

/** How a call ended when it did not end with a response: a gRPC status, its message and trailers. */
export interface RpcStatus {
  readonly code: status;
  readonly details: string;
  /** Extra trailers, e.g. `grpc-status-details-bin` (binary values base64, as gRPC sends them). */
  readonly trailers?: Readonly<Record<string, string>>;
}

/** One unary RPC: how its messages are read and written, and what answers it. */
export interface UnaryMethod {
  decode(bytes: Uint8Array): unknown;
  encode(message: unknown): Uint8Array;
  /** Answers the request; a rejection becomes the call's status through `statusOf`. */
  handle(request: unknown, cancellation: PollCancellation): Promise<unknown>;
}

/** Options of {@link GrpcTransport}. */
export interface GrpcTransportOptions {
  /** Largest request (after decompression) and response, in bytes. */
  readonly maxMessageBytes: number;
  /** The status a handler's failure is answered with. */
  readonly statusOf: (error: unknown) => RpcStatus;
  /** The status of a path no method is registered for. */
  readonly unknownMethod: (path: string) => RpcStatus;
}

const OK_HEADERS: http2.OutgoingHttpHeaders = {
  ':status': 200,
  'content-type': 'application/grpc+proto',
  'grpc-accept-encoding': 'identity,deflate,gzip',
  'grpc-encoding': 'identity',
};
const OK_TRAILERS: http2.OutgoingHttpHeaders = { 'grpc-status': '0' };
const RESPONSE_OPTIONS: http2.ServerStreamResponseOptions = { waitForTrailers: true };
const ERROR_OPTIONS: http2.ServerStreamResponseOptions = { endStream: true };

/** `grpc-message` encoding: printable ASCII except `%` as is, everything else as percent-encoded UTF-8. */
function encodeGrpcMessage(message: string): string {
  if (/^[\x20-\x24\x26-\x7e]*$/.test(message)) return message;
  let out = '';
  for (const byte of Buffer.from(message, 'utf8')) {
    out +=
      byte >= 0x20 && byte <= 0x7e && byte !== 0x25
        ? String.fromCharCode(byte)
        : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

/**
 * A gRPC server for unary calls on Node's own HTTP/2 server: the wire format (length-prefixed messages,
 * `grpc-status` trailers, trailers-only errors, gzip and deflate requests), nothing else. Temporal's API is
 * unary only, and handling it here directly costs about half the CPU per call of a general-purpose gRPC
 * server (no per-call interceptor chain, and compressed requests are inflated in one synchronous call
 * instead of through a zlib stream).
 */
export class GrpcTransport {
  private readonly server: http2.Http2Server;
  private readonly sessions = new Set<http2.ServerHttp2Session>();

  constructor(
    private readonly methods: ReadonlyMap<string, UnaryMethod>,
    private readonly options: GrpcTransportOptions,
  ) {
    this.server = http2.createServer({
      maxSessionMemory: Number.MAX_SAFE_INTEGER,
      maxSendHeaderBlockLength: Number.MAX_SAFE_INTEGER,
    });
    this.server.on('connection', (socket: Socket) => socket.setNoDelay(true));
    this.server.on('session', (session) => {
      this.sessions.add(session);
      session.on('error', () => undefined);
      session.once('close', () => this.sessions.delete(session));
    });
    this.server.on('sessionError', () => undefined);
    this.server.on('stream', (stream, headers) => this.onStream(stream, headers));
  }

  /** Listens on `host:port` (0: any free port); resolves with the port. */
  listen(host: string, port: number): Promise<number> {
    return new Promise((resolve, reject) => {
      const onError = (error: Error): void => reject(error);
      this.server.once('error', onError);
      this.server.listen(port, host, () => {
        this.server.off('error', onError);
        const address = this.server.address();
        resolve(typeof address === 'object' && address ? address.port : port);
      });
    });
  }

  /**
   * Stops accepting connections and closes the open ones once their calls are answered (HTTP/2 GOAWAY);
   * after `graceMs` the remaining connections are dropped.
   */
  async close(graceMs: number): Promise<void> {
    const stopped = new Promise<void>((resolve) => this.server.close(() => resolve()));
    const sessions = [...this.sessions].map(
      (session) => new Promise<void>((resolve) => session.close(() => resolve())),
    );
    let force: NodeJS.Timeout | undefined;
    const timedOut = new Promise<void>((resolve) => {
      force = setTimeout(() => {
        for (const session of this.sessions) session.destroy();
        resolve();
      }, graceMs);
    });
    await Promise.race([Promise.all(sessions), timedOut]);
    clearTimeout(force);
    await stopped;
  }

  private onStream(stream: http2.ServerHttp2Stream, headers: http2.IncomingHttpHeaders): void {
    stream.on('error', () => undefined);
    const contentType = headers['content-type'];
    if (typeof contentType !== 'string' || !contentType.startsWith('application/grpc')) {
      stream.respond({ ':status': 415 }, ERROR_OPTIONS);
      return;
    }
    const path = headers[':path'] ?? '';
    const method = this.methods.get(path);
    if (!method) {
      stream.resume();
      failStream(stream, this.options.unknownMethod(path));
      return;
    }
    const encoding = headers['grpc-encoding'];
    const call = new UnaryCall(stream, method, typeof encoding === 'string' ? encoding : undefined, this.options);
    call.start();
  }
}

/** Ends a call with a status and no message (a trailers-only response). */
function failStream(stream: http2.ServerHttp2Stream, rpcStatus: RpcStatus): void {
  if (stream.destroyed || stream.closed || stream.headersSent) return;
  try {
    stream.respond(
      {
        ':status': 200,
        'content-type': 'application/grpc+proto',
        'grpc-status': String(rpcStatus.code),
        'grpc-message': encodeGrpcMessage(rpcStatus.details),
        ...rpcStatus.trailers,
      },
      ERROR_OPTIONS,
    );
  } catch {
    // The connection went away meanwhile: nobody is left to answer.
    stream.destroy();
  }
}

/** One unary call: reads the request, runs the handler, writes the response or the status. */
class UnaryCall implements PollCancellation {
  private readonly chunks: Buffer[] = [];
  private received = 0;
  private answered = false;
  private cancelled = false;
  private cancelCallbacks: Array<() => void> | undefined;

  constructor(
    private readonly stream: http2.ServerHttp2Stream,
    private readonly method: UnaryMethod,
    private readonly encoding: string | undefined,
    private readonly options: GrpcTransportOptions,
  ) {}

  start(): void {
    const { stream } = this;
    stream.on('data', (chunk: Buffer) => {
      if (this.answered) return;
      this.received += chunk.length;
      if (this.received > this.options.maxMessageBytes + 5) {
        this.finish({
          code: status.RESOURCE_EXHAUSTED,
          details: `Received message larger than max (${this.received - 5} vs. ${this.options.maxMessageBytes})`,
        });
        return;
      }
      this.chunks.push(chunk);
    });
    stream.once('end', () => this.onRequest());
    stream.once('close', () => {
      if (!this.answered) this.cancel();
    });
  }

  onCancel(callback: () => void): void {
    if (this.cancelled) {
      callback();
      return;
    }
    (this.cancelCallbacks ??= []).push(callback);
  }

  private cancel(): void {
    this.answered = true;
    this.cancelled = true;
    const callbacks = this.cancelCallbacks ?? [];
    this.cancelCallbacks = undefined;
    for (const callback of callbacks) callback();
  }

  private onRequest(): void {
    if (this.answered) return;
    let request: unknown;
    try {
      request = this.method.decode(this.message());
    } catch (error) {
      this.finish(
        error instanceof RequestError
          ? error.status
          : { code: status.INTERNAL, details: 'Error deserializing request' },
      );
      return;
    }
    this.method.handle(request, this).then(
      (response) => this.respond(response),
      (error: unknown) => this.finish(this.options.statusOf(error)),
    );
  }

  /** The one request message, inflated if it came compressed. */
  private message(): Uint8Array {
    const body = this.chunks.length === 1 ? this.chunks[0] : Buffer.concat(this.chunks);
    if (body.length < 5) throw new RequestError(status.INTERNAL, 'Received no request message for a unary call');
    const length = body.readUInt32BE(1);
    if (body.length !== 5 + length) {
      throw new RequestError(status.INTERNAL, 'Expected exactly one request message for a unary call');
    }
    const payload = body.subarray(5);
    if (body[0] === 0) return payload;
    const limit = { maxOutputLength: this.options.maxMessageBytes };
    try {
      switch (this.encoding) {
        case 'gzip':
          return gunzipSync(payload, limit);
        case 'deflate':
          return inflateSync(payload, limit);
        default:
          break;
      }
    } catch (error) {
      throw (error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE'
        ? new RequestError(
            status.RESOURCE_EXHAUSTED,
            `Received message that decompresses to a size larger than ${this.options.maxMessageBytes}`,
          )
        : new RequestError(status.INTERNAL, 'Failed to decompress message');
    }
    throw new RequestError(
      status.UNIMPLEMENTED,
      `Received message compressed with unsupported encoding "${this.encoding ?? 'identity'}"`,
    );
  }

  private respond(response: unknown): void {
    if (this.answered) return;
    let body: Uint8Array;
    try {
      body = this.method.encode(response);
    } catch (error) {
      this.finish(this.options.statusOf(error));
      return;
    }
    if (body.length > this.options.maxMessageBytes) {
      this.finish({
        code: status.RESOURCE_EXHAUSTED,
        details: `Sent message larger than max (${body.length} vs. ${this.options.maxMessageBytes})`,
      });
      return;
    }
    this.answered = true;
    const { stream } = this;
    if (stream.destroyed || stream.closed) return;
    const frame = Buffer.allocUnsafe(5 + body.length);
    frame[0] = 0;
    frame.writeUInt32BE(body.length, 1);
    frame.set(body, 5);
    try {
      stream.respond(OK_HEADERS, RESPONSE_OPTIONS);
      stream.once('wantTrailers', () => stream.sendTrailers(OK_TRAILERS));
      stream.end(frame);
    } catch {
      // The connection went away meanwhile: nobody is left to answer.
      stream.destroy();
    }
  }

  private finish(rpcStatus: RpcStatus): void {
    if (this.answered) return;
    this.answered = true;
    failStream(this.stream, rpcStatus);
  }
}

/** A request that cannot be read, with the status it is answered with. */
class RequestError extends Error {
  readonly status: RpcStatus;

  constructor(code: status, details: string) {
    super(details);
    this.status = { code, details };
  }
}
