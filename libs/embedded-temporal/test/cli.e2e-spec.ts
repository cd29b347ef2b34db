import { type ChildProcessByStdio, spawn } from 'node:child_process';
import { resolve } from 'node:path';
import type { Readable } from 'node:stream';
import { Client, Connection } from '@temporalio/client';
import { workflowId } from './harness';

describe('npm run temporal:dev (the standalone server)', () => {
  let child: ChildProcessByStdio<null, Readable, Readable> | undefined;

  afterEach(() => {
    if (child && child.exitCode === null) child.kill('SIGKILL');
  });

  it('serves clients on the address it prints and stops cleanly on SIGTERM', async () => {
    const root = resolve(__dirname, '../../..');
    child = spawn(
      process.execPath,
      ['-r', './tools/register.js', 'libs/embedded-temporal/src/cli.ts', '--port', '0', '--db', 'memory'],
      {
        cwd: root,
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    const running = child;
    const address = await new Promise<string>((done, fail) => {
      running.once('exit', (code) => fail(new Error(`exited with ${code}`)));
      running.stdout.on('data', (data: Buffer) => {
        const match = /listening on (\S+)/.exec(data.toString());
        if (match) done(match[1]);
      });
    });
    const connection = await Connection.connect({ address });
    try {
      const client = new Client({ connection });
      const handle = await client.workflow.start('anything', {
        taskQueue: 'nobody-polls',
        workflowId: workflowId('cli'),
      });
      expect((await handle.describe()).status.name).toBe('RUNNING');
      await handle.terminate('done');
      expect((await handle.describe()).status.name).toBe('TERMINATED');
    } finally {
      await connection.close();
    }
    const exited = new Promise<number | null>((done) => running.once('exit', (code) => done(code)));
    running.kill('SIGTERM');
    await expect(exited).resolves.toBe(0);
  });

  it('refuses an unknown argument', async () => {
    const root = resolve(__dirname, '../../..');
    child = spawn(
      process.execPath,
      ['-r', './tools/register.js', 'libs/embedded-temporal/src/cli.ts', '--colour', 'blue'],
      {
        cwd: root,
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    const running = child;
    let stderr = '';
    running.stderr.on('data', (data: Buffer) => (stderr += data.toString()));
    const code = await new Promise<number | null>((done) => running.once('exit', (c) => done(c)));
    expect(code).toBe(1);
    expect(stderr).toContain('unknown or incomplete argument: --colour');
  });
});
