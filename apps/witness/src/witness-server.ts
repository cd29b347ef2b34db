import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Witness, WitnessRefusal } from './witness';

/** A running witness server. */
export interface RunningWitness {
  witness: Witness;
  url: string;
  stop(): Promise<void>;
}

const MAX_REQUEST_BYTES = 64 * 1024;

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_REQUEST_BYTES) throw new WitnessRefusal(413, 'the request is too large');
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * Serves a witness over HTTP (c2sp.org/tlog-witness's add-checkpoint, plus reads for verifiers):
 * - `POST /add-checkpoint`: cosigns a tree head that extends the last one (200 with the cosignature line);
 *   409 with the witness's size when the log's "old" size is not it; 409/422 for a rollback or a fork;
 * - `GET /checkpoint/<origin>`: the newest head it cosigned for that log;
 * - `GET /public-key`: its name, verifier key and PEM public key.
 */
export async function serveWitness(witness: Witness, port: number, host = '127.0.0.1'): Promise<RunningWitness> {
  const server: Server = createServer((req, res) => {
    const send = (status: number, text: string): void => {
      res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' });
      res.end(text);
    };
    const handle = async (): Promise<void> => {
      const url = new URL(req.url ?? '/', 'http://witness');
      if (req.method === 'POST' && url.pathname === '/add-checkpoint') {
        send(200, await witness.addCheckpoint(await readBody(req)));
      } else if (req.method === 'GET' && url.pathname.startsWith('/checkpoint/')) {
        const note = await witness.latest(decodeURIComponent(url.pathname.slice('/checkpoint/'.length)));
        if (note === undefined) send(404, 'no tree head cosigned for this log\n');
        else send(200, note);
      } else if (req.method === 'GET' && url.pathname === '/public-key') {
        const d = witness.describe();
        send(200, `${d.name}\n${d.verifierKey}\n${d.publicKeyPem}`);
      } else {
        send(404, 'not found\n');
      }
    };
    handle().catch((error: unknown) => {
      if (error instanceof WitnessRefusal) send(error.status, error.message);
      else send(500, error instanceof Error ? error.message : String(error));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  return {
    witness,
    url: `http://${host}:${address.port}`,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
