/**
 * Runs the proxy of docker/compose.yaml (docker/nginx.conf) with the machine's nginx in front of a stand-in for the API
 * and checks it in use: the live-updates stream reaches the client event by event while the answer is still open, a
 * request reaches the API with the address nginx saw in `X-Forwarded-For` (never the client's own claim, which the API
 * would believe) and its `X-Request-Id`, and `/metrics` stays inside. Offline, as docker/validate.sh runs it: the
 * replicas' name stands for the stand-in's address, and `resolve` (nginx 1.27.3, which the image has; Debian's 1.22
 * predates it) is left out. The 24-hour read timeout of the stream is not waited out here.
 *
 * Usage: node -r ./tools/register.js tools/check-proxy.ts [nginx binary, default nginx]
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Logger } from '@nestjs/common';

const logger = new Logger('check-proxy');

class ProxyCheckFailed extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ProxyCheckFailed';
  }
}

/**
 * The stand-in: on the stream one event at once and one 300 ms later, the answer open for 3 s; any other path echoes
 * the headers the proxy passed on.
 */
function standIn(): Server {
  return createServer((request: IncomingMessage, response) => {
    if (request.url === '/tasks/events') {
      response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
      response.write('event: task-opened\ndata: {"taskId":"t1"}\n\n');
      setTimeout(() => response.write('event: task-closed\ndata: {"taskId":"t1"}\n\n'), 300);
      setTimeout(() => response.end(), 3_000);
      return;
    }
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(
      JSON.stringify({ forwardedFor: request.headers['x-forwarded-for'], requestId: request.headers['x-request-id'] }),
    );
  });
}

async function listen(server: Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

/** A free port on the loopback interface. */
async function freePort(): Promise<number> {
  const probe = createServer();
  const port = await listen(probe);
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

/** Reads the stream until its second event arrives; how long that took, and whether the answer had ended by then. */
async function twoEvents(url: string): Promise<{ ms: number; events: string; ended: boolean }> {
  const started = performance.now();
  const response = await fetch(url, { headers: { accept: 'text/event-stream' } });
  if (!response.body) throw new ProxyCheckFailed(`the stream answered ${response.status} without a body`);
  const reader = response.body.getReader();
  let text = '';
  for (;;) {
    const { value, done } = (await reader.read()) as { value?: Uint8Array; done: boolean };
    if (value) text += Buffer.from(value).toString();
    if (text.split('\n\n').length > 2 || done) {
      const result = { ms: Math.round(performance.now() - started), events: text, ended: done };
      await reader.cancel();
      return result;
    }
  }
}

async function main(): Promise<void> {
  const nginx = process.argv[2] ?? 'nginx';
  const api = standIn();
  const apiPort = await listen(api);
  const proxyPort = await freePort();
  const prefix = await mkdtemp(join(tmpdir(), 'cadreflow-proxy-'));
  const config = (await readFile(join(__dirname, '..', 'docker', 'nginx.conf'), 'utf8'))
    .replace(/server api:3000 resolve /, `server 127.0.0.1:${apiPort} `)
    .replace(/listen 80;/, `listen 127.0.0.1:${proxyPort};`)
    .replace(/pid [^;]+;/, `pid ${join(prefix, 'nginx.pid')};`)
    .replace(/access_log \/dev\/stdout json;/, `access_log ${join(prefix, 'access.log')} json;`);
  if (!config.includes(`server 127.0.0.1:${apiPort} `) || !config.includes(`listen 127.0.0.1:${proxyPort};`)) {
    throw new ProxyCheckFailed(
      'docker/nginx.conf no longer has the upstream server or listen line this check rewrites',
    );
  }
  await writeFile(join(prefix, 'nginx.conf'), config);
  const proxy = spawn(nginx, ['-e', 'stderr', '-p', prefix, '-c', join(prefix, 'nginx.conf'), '-g', 'daemon off;'], {
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  try {
    let ready = false;
    for (let i = 0; i < 50 && !ready; i++) {
      ready = await fetch(`http://127.0.0.1:${proxyPort}/nginx-health`).then(
        (r) => r.ok,
        () => false,
      );
      if (!ready) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    if (!ready) throw new ProxyCheckFailed('nginx did not answer /nginx-health');

    const stream = await twoEvents(`http://127.0.0.1:${proxyPort}/tasks/events`);
    if (stream.ended || !stream.events.includes('event: task-closed') || stream.ms > 2_000) {
      throw new ProxyCheckFailed(
        `the live-updates stream was held back by the proxy (two events after ${stream.ms} ms, answer ended: ${stream.ended})`,
      );
    }
    const passed = (await (
      await fetch(`http://127.0.0.1:${proxyPort}/auth/me`, {
        headers: { 'x-forwarded-for': '203.0.113.9', 'x-request-id': 'check-proxy-1' },
      })
    ).json()) as { forwardedFor?: string; requestId?: string };
    // The client's own claim is replaced with the address nginx saw; the request id is passed on.
    if (passed.forwardedFor !== '127.0.0.1' || passed.requestId !== 'check-proxy-1') {
      throw new ProxyCheckFailed(
        `the API got X-Forwarded-For ${passed.forwardedFor} and X-Request-Id ${passed.requestId}`,
      );
    }
    const metrics = await fetch(`http://127.0.0.1:${proxyPort}/metrics`);
    if (metrics.status !== 404) throw new ProxyCheckFailed(`/metrics answered ${metrics.status} through the proxy`);
    logger.log(`nginx.conf: the stream's two events after ${stream.ms} ms with the answer open; headers passed on`);
  } finally {
    const exited = new Promise((resolve) => proxy.once('exit', resolve));
    proxy.kill('SIGQUIT');
    await exited;
    api.closeAllConnections();
    await new Promise((resolve) => api.close(resolve));
    await rm(prefix, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  logger.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
