/**
 * `npm run audit -- <command>`: the inspection committee's tools on the command line.
 *
 *   verify [--stream ID]... [--public-key FILE]... [--json]   re-derive every hash; exit 1 if anything was altered
 *   checkpoint                                                  sign a checkpoint of the log now
 *   public-key                                                  print the public key inspectors verify with
 */
import { readFile } from 'node:fs/promises';
import { ConfigValidationError, loadConfig } from '@cadreflow/config';
import { writeCheckpoint } from '../checkpoints/checkpoint-writer';
import { TrustedKeys, resolveSigner } from '../checkpoints/signing-key';
import { createDataSource } from '../database/data-source.factory';
import { provideDatabase } from '../database/database-provider';
import { formatReport } from '../verify/report-format';
import { verifyLog } from '../verify/verifier';

const USAGE = `Usage: npm run audit -- <command>
  verify [--stream ID]... [--public-key FILE]... [--json]   check the log and its signed checkpoints
  checkpoint                                                  sign a checkpoint of the log now
  public-key                                                  print the checkpoint public key`;

class UsageError extends Error {}

interface Args {
  command: string;
  streams: string[];
  publicKeys: string[];
  json: boolean;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { command: argv[0] ?? '', streams: [], publicKeys: [], json: false };
  for (let i = 1; i < argv.length; i++) {
    const flag = argv[i];
    const value = (): string => {
      const v = argv[++i];
      if (v === undefined || v.startsWith('--')) throw new UsageError(`${flag} needs a value.`);
      return v;
    };
    if (flag === '--stream') args.streams.push(value());
    else if (flag === '--public-key') args.publicKeys.push(value());
    else if (flag === '--json') args.json = true;
    else throw new UsageError(`Unknown option "${flag}".`);
  }
  if (!['verify', 'checkpoint', 'public-key'].includes(args.command)) {
    throw new UsageError(args.command ? `Unknown command "${args.command}".` : 'No command given.');
  }
  return args;
}

async function main(argv: string[]): Promise<number> {
  const args = parseArgs(argv);
  const config = loadConfig();
  const signer = await resolveSigner(config.signingKeyPem, config.dataDir);
  if (args.command === 'public-key') {
    process.stdout.write(`key id ${signer.keyId}\n${signer.publicKeyPem()}`);
    return 0;
  }
  const database = await provideDatabase(config.database, config.dataDir);
  const dataSource = createDataSource({ url: database.url, poolSize: 2 });
  try {
    await dataSource.initialize();
    await dataSource.runMigrations();
    if (args.command === 'checkpoint') {
      const checkpoint = await writeCheckpoint(dataSource, signer, new Date());
      process.stdout.write(
        checkpoint
          ? `checkpoint #${checkpoint.id} signed at position ${checkpoint.position}\n`
          : 'nothing new to sign\n',
      );
      return 0;
    }
    const trusted =
      args.publicKeys.length > 0
        ? TrustedKeys.fromPems(await Promise.all(args.publicKeys.map((file) => readFile(file, 'utf8'))))
        : new TrustedKeys([signer.publicKey]);
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
