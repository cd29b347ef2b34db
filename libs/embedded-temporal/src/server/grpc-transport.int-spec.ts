import * as http2 from 'node:http2';
import * as grpc from '@grpc/grpc-js';
import { GrpcTransport, type UnaryMethod } from './grpc-transport';

/** A method over UTF-8 text: the handler sees and returns strings. */
function textMethod(handle: UnaryMethod['handle']): UnaryMethod {
  return {
    decode: (bytes) => Buffer.from(bytes).toString('utf8'),
    encode: (message) => Buffer.from(String(message), 'utf8'),
    handle,
  };
}

class Refused extends Error {}

describe('GrpcTransport (real HTTP/2, real grpc-js client)', () => {
  let transport: GrpcTransport;
  let address: string;
  const cancelled: string[] = [];
  let releaseHeld: (() => void) | undefined;

  beforeAll(async () => {
    const methods = new Map<string, UnaryMethod>([
      ['/test.Echo/Echo', textMethod((request) => Promise.resolve(`echo: ${String(request)}`))],
      ['/test.Echo/Fail', textMethod(() => Promise.reject(new Refused('refused: 100% sure, naïve café\nsecond line')))],
      [
        '/test.Echo/Hold',
        textMethod(
          (request, cancellation) =>
            new Promise((resolve) => {
              cancellation.onCancel(() => cancelled.push(String(request)));
              releaseHeld = () => resolve('released');
            }),
        ),
      ],
    ]);
    transport = new GrpcTransport(methods, {
      maxMessageBytes: 64 * 1024,
      statusOf: (error) =>
        error instanceof Refused
          ? {
              code: grpc.status.FAILED_PRECONDITION,
              details: error.message,
              trailers: { 'x-detail-bin': Buffer.from([1, 2, 3]).toString('base64') },
            }
          : { code: grpc.status.INTERNAL, details: String(error) },
      unknownMethod: (path) => ({ code: grpc.status.UNIMPLEMENTED, details: `no method ${path}` }),
    });
    const port = await transport.listen('127.0.0.1', 0);
    address = `127.0.0.1:${port}`;
  });

  afterAll(async () => {
    await transport.close(1_000);
  });

  function client(options: grpc.ClientOptions = {}): grpc.Client {
    return new grpc.Client(address, grpc.credentials.createInsecure(), options);
  }

  function call(
    c: grpc.Client,
    path: string,
    text: string,
    options: grpc.CallOptions = {},
  ): { response: Promise<string>; call: grpc.ClientUnaryCall } {
    let unary!: grpc.ClientUnaryCall;
    const response = new Promise<string>((resolve, reject) => {
      unary = c.makeUnaryRequest(
        path,
        (value: string) => Buffer.from(value, 'utf8'),
        (bytes: Buffer) => bytes.toString('utf8'),
        text,
        new grpc.Metadata(),
        options,
        (error, value) => (error ? reject(error) : resolve(value ?? '')),
      );
    });
    return { response, call: unary };
  }

  it('answers a unary call', async () => {
    const c = client();
    await expect(call(c, '/test.Echo/Echo', 'hello').response).resolves.toBe('echo: hello');
    c.close();
  });

  it.each([
    ['gzip', 2],
    ['deflate', 1],
  ])('reads %s-compressed requests', async (_name, algorithm) => {
    const c = client({ 'grpc.default_compression_algorithm': algorithm });
    const text = 'compressible '.repeat(200);
    await expect(call(c, '/test.Echo/Echo', text).response).resolves.toBe(`echo: ${text}`);
    c.close();
  });

  it('answers a failure with its status, percent-encoded message and trailers', async () => {
    const c = client();
    const error = await call(c, '/test.Echo/Fail', 'x').response.catch((e: unknown) => e as grpc.ServiceError);
    expect(error).toMatchObject({
      code: grpc.status.FAILED_PRECONDITION,
      details: 'refused: 100% sure, naïve café\nsecond line',
    });
    expect((error as grpc.ServiceError).metadata.get('x-detail-bin')).toEqual([Buffer.from([1, 2, 3])]);
    c.close();
  });

  it('answers an unknown method with UNIMPLEMENTED', async () => {
    const c = client();
    await expect(call(c, '/test.Echo/Nope', 'x').response).rejects.toMatchObject({
      code: grpc.status.UNIMPLEMENTED,
      details: 'no method /test.Echo/Nope',
    });
    c.close();
  });

  it('refuses a request larger than the limit, also once inflated', async () => {
    const c = client({ 'grpc.default_compression_algorithm': 2 });
    await expect(call(c, '/test.Echo/Echo', 'a'.repeat(100 * 1024)).response).rejects.toMatchObject({
      code: grpc.status.RESOURCE_EXHAUSTED,
    });
    const plain = client();
    await expect(call(plain, '/test.Echo/Echo', 'b'.repeat(100 * 1024)).response).rejects.toMatchObject({
      code: grpc.status.RESOURCE_EXHAUSTED,
    });
    c.close();
    plain.close();
  });

  it('tells the handler when the caller cancels, and answers later calls normally', async () => {
    const c = client();
    const held = call(c, '/test.Echo/Hold', 'first');
    await new Promise((resolve) => setTimeout(resolve, 100));
    held.call.cancel();
    await expect(held.response).rejects.toMatchObject({ code: grpc.status.CANCELLED });
    await waitFor(() => cancelled.includes('first'));
    releaseHeld?.();
    const second = call(c, '/test.Echo/Hold', 'second');
    await new Promise((resolve) => setTimeout(resolve, 100));
    releaseHeld?.();
    await expect(second.response).resolves.toBe('released');
    expect(cancelled).toEqual(['first']);
    c.close();
  });

  it('answers a request that is not gRPC with HTTP 415', async () => {
    const session = http2.connect(`http://${address}`);
    const status = await new Promise<number | undefined>((resolve, reject) => {
      const stream = session.request({ ':method': 'POST', ':path': '/test.Echo/Echo', 'content-type': 'text/plain' });
      stream.on('response', (headers) => resolve(headers[':status']));
      stream.on('error', reject);
      stream.end('hello');
    });
    session.close();
    expect(status).toBe(415);
  });
});

async function waitFor(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 100 && !condition(); i++) await new Promise((resolve) => setTimeout(resolve, 20));
  expect(condition()).toBe(true);
}

describe('GrpcTransport.close', () => {
  it('drops calls still open after the grace period and refuses new connections', async () => {
    let cancelledCalls = 0;
    const transport = new GrpcTransport(
      new Map([
        [
          '/test.Echo/Hold',
          textMethod(
            (_request, cancellation) =>
              new Promise(() => {
                cancellation.onCancel(() => cancelledCalls++);
              }),
          ),
        ],
      ]),
      {
        maxMessageBytes: 1024,
        statusOf: () => ({ code: grpc.status.INTERNAL, details: 'unexpected' }),
        unknownMethod: () => ({ code: grpc.status.UNIMPLEMENTED, details: 'unknown' }),
      },
    );
    const port = await transport.listen('127.0.0.1', 0);
    const c = new grpc.Client(`127.0.0.1:${port}`, grpc.credentials.createInsecure());
    const held = new Promise<unknown>((resolve) => {
      c.makeUnaryRequest(
        '/test.Echo/Hold',
        (value: string) => Buffer.from(value),
        (bytes: Buffer) => bytes.toString(),
        'x',
        (error) => resolve(error),
      );
    });
    await new Promise((resolve) => setTimeout(resolve, 100));
    const started = Date.now();
    await transport.close(300);
    expect(Date.now() - started).toBeGreaterThanOrEqual(250);
    await expect(held).resolves.toMatchObject({ code: grpc.status.UNAVAILABLE });
    expect(cancelledCalls).toBe(1);
    const refused = await new Promise<unknown>((resolve) => {
      c.makeUnaryRequest(
        '/test.Echo/Hold',
        (value: string) => Buffer.from(value),
        (bytes: Buffer) => bytes.toString(),
        'y',
        new grpc.Metadata(),
        { deadline: Date.now() + 1_000 },
        (error) => resolve(error),
      );
    });
    expect(refused).toMatchObject({ code: grpc.status.UNAVAILABLE });
    c.close();
  });
});
