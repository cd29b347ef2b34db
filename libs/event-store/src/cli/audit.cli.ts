/**
 * `npm run audit -- <command>`: the inspection committee's tools on the command line.
 *
 *   verify [--stream ID]... [--public-key FILE]... [--witness-key FILE]... [--appender-key FILE]... [--anchor-file FILE]...
 *          [--heads FILE] [--json]
 *       re-derive every hash and the Merkle tree, check them against every tree head the verifier trusts; exit 1
 *       if anything was altered
 *   checkpoint [--witness URL]... [--anchor-file FILE]    sign a tree head (and checkpoint) of the log now
 *   export <procedureId> [--out FILE] [--witness-key FILE]...   write an evidence bundle that verifies offline
 *   public-key                                            print the public key inspectors verify with
 *
 * `verify` trusts only keys given to it: `--public-key`, else the configured CADREFLOW_CHECKPOINT_PUBLIC_KEY or
 * CADREFLOW_SIGNING_KEY. The key file in the data folder is never trusted by default: whoever can write the data
 * folder could have replaced it.
 */
import { createPublicKey, type KeyObject } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { ConfigValidationError, loadConfig } from '@cadreflow/config';
import { writeCheckpoint } from '../checkpoints/checkpoint-writer';
import { TrustedKeys, resolveSigner } from '../checkpoints/signing-key';
import { createDataSource } from '../database/data-source.factory';
import { provideDatabase } from '../database/database-provider';
import { buildEvidence, evidenceScript } from '../evidence/evidence-bundle';
import { AnchorFile } from '../tree/anchor-file';
import { writeTreeHead } from '../tree/tree-head-writer';
import { WitnessClient } from '../tree/witness-client';
import { formatReport } from '../verify/report-format';
import { verifyLog } from '../verify/verifier';

const USAGE = `Usage: npm run audit -- <command>
  verify [--stream ID]... [--public-key FILE]... [--witness-key FILE]... [--appender-key FILE]... [--anchor-file FILE]...
         [--heads FILE] [--json]
                                          check the log, its Merkle tree and every trusted tree head
  checkpoint [--witness URL]... [--anchor-file FILE]
                                          sign a tree head of the log now
  export <procedureId> [--out FILE] [--witness-key FILE]...
                                          write an evidence bundle that an inspector verifies offline
  public-key                              print the checkpoint public key`;

class UsageError extends Error {}

interface Args {
  command: string;
  target?: string;
  streams: string[];
  publicKeys: string[];
  witnessKeys: string[];
  /** Public keys of appenders whose receipts are trusted (processes that append but never sign heads). */
  appenderKeys: string[];
  witnesses: string[];
  anchorFiles: string[];
  heads?: string;
  out?: string;
  json: boolean;
}

function parseArgs(argv: string[]): Args {
  const args: Args = {
    command: argv[0] ?? '',
    streams: [],
    publicKeys: [],
    witnessKeys: [],
    appenderKeys: [],
    witnesses: [],
    anchorFiles: [],
    json: false,
  };
  let i = 1;
  if (args.command === 'export') {
    args.target = argv[1];
    if (args.target === undefined || args.target.startsWith('--')) throw new UsageError('export needs a procedure id.');
    i = 2;
  }
  for (; i < argv.length; i++) {
    const flag = argv[i];
    const value = (): string => {
      const v = argv[++i];
      if (v === undefined || v.startsWith('--')) throw new UsageError(`${flag} needs a value.`);
      return v;
    };
    if (flag === '--stream') args.streams.push(value());
    else if (flag === '--public-key') args.publicKeys.push(value());
    else if (flag === '--witness-key') args.witnessKeys.push(value());
    else if (flag === '--appender-key') args.appenderKeys.push(value());
    else if (flag === '--witness') args.witnesses.push(value());
    else if (flag === '--anchor-file') args.anchorFiles.push(value());
    else if (flag === '--heads') args.heads = value();
    else if (flag === '--out') args.out = value();
    else if (flag === '--json') args.json = true;
    else throw new UsageError(`Unknown option "${flag}".`);
  }
  if (!['verify', 'checkpoint', 'public-key', 'export'].includes(args.command)) {
    throw new UsageError(args.command ? `Unknown command "${args.command}".` : 'No command given.');
  }
  return args;
}

const readKeys = (files: string[]): Promise<KeyObject[]> =>
  Promise.all(files.map(async (f) => createPublicKey(await readFile(f, 'utf8'))));

async function main(argv: string[]): Promise<number> {
  const args = parseArgs(argv);
  const config = loadConfig();
  if (args.command === 'public-key') {
    const signer = await resolveSigner(config.signingKeyPem, config.dataDir);
    process.stdout.write(`key id ${signer.keyId}\n${signer.publicKeyPem()}`);
    return 0;
  }
  const anchorFiles = args.anchorFiles.length > 0 ? args.anchorFiles : [AnchorFile.besideDataDir(config.dataDir).path];
  let pinned: KeyObject[] = [];
  if (args.command !== 'checkpoint') {
    pinned =
      args.publicKeys.length > 0
        ? await readKeys(args.publicKeys)
        : config.checkpointPublicKeyPem
          ? [createPublicKey(config.checkpointPublicKeyPem)]
          : config.signingKeyPem
            ? [createPublicKey(config.signingKeyPem)]
            : [];
    if (pinned.length === 0) {
      throw new UsageError(
        'No trusted key: pin the log key with --public-key FILE (or CADREFLOW_CHECKPOINT_PUBLIC_KEY); the key file in the data folder is not trusted.',
      );
    }
  }
  const database = await provideDatabase(config.database, config.dataDir);
  const dataSource = createDataSource({ url: database.url, poolSize: 2 });
  try {
    await dataSource.initialize();
    await dataSource.runMigrations();
    if (args.command === 'checkpoint') {
      const signer = await resolveSigner(config.signingKeyPem, config.dataDir);
      const head = await writeTreeHead(dataSource, signer, {
        now: new Date(),
        witnesses: args.witnesses.map((u) => new WitnessClient(u)),
        anchor: new AnchorFile(anchorFiles[0]),
      });
      if (head) {
        const checkpoint: { id: string }[] = await dataSource.query(`SELECT max(id) AS id FROM checkpoints`);
        process.stdout.write(
          `checkpoint #${checkpoint[0].id} signed at position ${head.position}\ntree head of ${head.size} events signed\n`,
        );
      } else if ((await writeCheckpoint(dataSource, signer, new Date())) === null) {
        process.stdout.write('nothing new to sign\n');
      }
      return 0;
    }
    const witnessKeys = await readKeys(args.witnessKeys);
    if (args.command === 'export') {
      const outside = (await Promise.all(anchorFiles.map((f) => new AnchorFile(f).notes()))).flat();
      const bundle = await buildEvidence(dataSource, args.target!, { log: pinned[0], witnesses: witnessKeys }, outside);
      const out = args.out ?? `evidence-${args.target!.replace(/[^\w.-]+/g, '_')}.cjs`;
      await writeFile(out, evidenceScript(bundle), { mode: 0o755 });
      process.stdout.write(
        `evidence of ${bundle.events.length} events written to ${out}\nverify it with: node ${out}\n`,
      );
      return 0;
    }
    const appenderKeys = await readKeys(args.appenderKeys);
    const trusted = new TrustedKeys(pinned, { witnessKeys, appenderKeys, anchorFiles, headStore: args.heads });
    const report = await verifyLog(dataSource, {
      trustedKeys: trusted,
      streamIds: args.streams.length > 0 ? args.streams : undefined,
    });
    process.stdout.write(args.json ? `${JSON.stringify(report, null, 2)}\n` : formatReport(report));
    return report.ok ? 0 : 1;
  } finally {
    if (dataSource.isInitialized) await dataSource.destroy();
    await database.release();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof UsageError) process.stderr.write(`${error.message}\n\n${USAGE}\n`);
    else if (error instanceof ConfigValidationError) process.stderr.write(`${error.message}\n`);
    else process.stderr.write(`audit failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(2);
  },
);
