import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';

const root = join(__dirname, '..', '..');

/** Runs `code` as a TypeScript file's body would run: `node -r ./tools/register.js`, then prints what it returns. */
async function underRegister(code: string): Promise<unknown> {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ['-r', './tools/register.js', '-e', `process.stdout.write(JSON.stringify((() => { ${code} })()))`],
    { cwd: root },
  );
  return JSON.parse(stdout) as unknown;
}

describe('tools/register.js (how npm start, the API, the worker and the Temporal server load their TypeScript)', () => {
  it('leaves Node’s domain module unloaded, so that EventEmitters are not slowed down for every process', async () => {
    await expect(
      underRegister(
        `return { domain: process.moduleLoadList.some((m) => m.includes('domain')), usingDomains: require('node:events').usingDomains };`,
      ),
    ).resolves.toEqual({ domain: false, usingDomains: false });
  });

  it('loads the API, the worker and the embedded Temporal server with their path aliases, still without domain', async () => {
    await expect(
      underRegister(
        `for (const m of ['@cadreflow/api', '@cadreflow/worker', '@cadreflow/embedded-temporal']) require(m);
         return { api: typeof require('@cadreflow/api').DEMO_PASSWORD, usingDomains: require('node:events').usingDomains };`,
      ),
    ).resolves.toEqual({ api: 'string', usingDomains: false });
  });
});
