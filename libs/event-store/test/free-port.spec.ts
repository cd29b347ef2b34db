import { readFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { freePort } from '../src';

async function ephemeralRange(): Promise<[number, number]> {
  const [low, high] = (await readFile('/proc/sys/net/ipv4/ip_local_port_range', 'utf8')).trim().split(/\s+/);
  return [Number(low), Number(high)];
}

function listenOn(port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(port, () => {
      const bound = (server.address() as { port: number }).port;
      server.close(() => resolve(bound));
    });
  });
}

describe('freePort', () => {
  it('hands out free ports outside the range the OS gives outgoing connections, which could take them meanwhile', async () => {
    const [low, high] = await ephemeralRange();
    const ports = [];
    for (let i = 0; i < 30; i += 1) ports.push(await freePort());
    expect(ports.filter((port) => port >= low && port <= high)).toEqual([]);
    for (const port of ports) expect(await listenOn(port)).toBe(port);
  });
});
