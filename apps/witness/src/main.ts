/**
 * A witness for cadreflow logs, run by whoever must be able to tell a rewritten log (an inspection committee):
 *
 *   node -r ./tools/register.js apps/witness/src/main.ts --store DIR --log-key LOG_PUBLIC_KEY.pem [--port 4105]
 *
 * It keeps its key and what it cosigned in DIR, which should be on a machine the log's database administrators do
 * not control; it prints the public key that verifiers pin (`npm run audit -- verify --witness-key FILE`).
 *
 *   node … apps/witness/src/main.ts --store DIR --public-key-out FILE
 *
 * creates the key in DIR if it has none (as the first start would), writes its public key (PEM) to FILE and exits: a
 * deployment runs it once before the witness and hands FILE to the processes that pin the key
 * (`CADREFLOW_WITNESS_PUBLIC_KEY_FILE`), so the key is pinned by the deployment, never copied by hand.
 */
import { createPublicKey } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { Logger } from '@nestjs/common';
import { Witness } from './witness';
import { serveWitness } from './witness-server';

class UsageError extends Error {}

async function main(argv: string[]): Promise<void> {
  let store: string | undefined;
  let port = 4105;
  let host = '127.0.0.1';
  let publicKeyOut: string | undefined;
  const logKeys: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const value = (): string => {
      const v = argv[++i];
      if (v === undefined) throw new UsageError(`${argv[i - 1]} needs a value`);
      return v;
    };
    if (argv[i] === '--store') store = value();
    else if (argv[i] === '--port') port = Number(value());
    else if (argv[i] === '--host') host = value();
    else if (argv[i] === '--log-key') logKeys.push(value());
    else if (argv[i] === '--public-key-out') publicKeyOut = value();
    else throw new UsageError(`unknown option ${argv[i]}`);
  }
  if (store && publicKeyOut) {
    const { publicKeyPem } = (await Witness.open(store, [])).describe();
    await mkdir(dirname(publicKeyOut), { recursive: true });
    await writeFile(publicKeyOut, publicKeyPem, { mode: 0o644 });
    new Logger('witness').log(`public key written to ${publicKeyOut}`);
    return;
  }
  if (!store || logKeys.length === 0 || !Number.isInteger(port)) {
    throw new UsageError(
      'usage: witness --store DIR --log-key FILE [--log-key FILE]... [--port N] [--host H]\n' +
        '       witness --store DIR --public-key-out FILE',
    );
  }
  const keys = await Promise.all(logKeys.map(async (f) => createPublicKey(await readFile(f, 'utf8'))));
  const running = await serveWitness(await Witness.open(store, keys), port, host);
  const d = running.witness.describe();
  const logger = new Logger('witness');
  logger.log(`${d.name} listening on ${running.url}`);
  logger.log(`verifier key: ${d.verifierKey}`);
  process.stdout.write(d.publicKeyPem);
  const stop = (): void => void running.stop().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(2);
});
