import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(__dirname, '..', '..', '..');

describe('startEmbeddedPostgres (the real binaries, in a process of their own)', () => {
  it('stops, and removes a temporary folder, when Ctrl-C has already stopped the server', async () => {
    const dataDir = join(await mkdtemp(join(tmpdir(), 'cadreflow-embedded-')), 'data');
    const child = spawn(
      process.execPath,
      ['-r', './tools/register.js', 'libs/event-store/test/embedded-postgres-ctrl-c.ts', dataDir],
      { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(output).toMatch(/server \d+ gone/);
    expect(output).toContain('stopped');
    expect(code).toBe(0);
    expect(existsSync(dataDir)).toBe(false);
  });
});
