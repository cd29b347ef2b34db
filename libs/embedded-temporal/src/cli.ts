/**
 * `npm run temporal:dev -- --port 7233 --db memory|<postgres url>`: the embedded server on its own,
 * like `temporal server start-dev`. Stops cleanly on SIGINT/SIGTERM.
 */
import { startEmbeddedTemporal } from './embedded-temporal';

/** Command-line options of the standalone server. */
interface CliOptions {
  port: number;
  host: string;
  db: string;
}

/** A command line the server cannot start with. */
class CliUsageError extends Error {
  constructor(readonly argument: string) {
    super(
      `unknown or incomplete argument: ${argument}\nusage: temporal:dev [--port 7233] [--host 127.0.0.1] [--db memory|postgres://…]`,
    );
    this.name = 'CliUsageError';
  }
}

function parseArgs(argv: string[]): CliOptions {
  const options: CliOptions = { port: 7233, host: '127.0.0.1', db: 'memory' };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split('=', 2);
    const value = inline ?? argv[i + 1];
    if (inline === undefined) i++;
    if (value === undefined) throw new CliUsageError(argv[i - 1] ?? flag);
    if (flag === '--port' && /^\d+$/.test(value)) options.port = Number(value);
    else if (flag === '--host') options.host = value;
    else if (flag === '--db') options.db = value;
    else throw new CliUsageError(argv[i - (inline === undefined ? 1 : 0)]);
  }
  return options;
}

function write(line: string): void {
  process.stdout.write(`${line}\n`);
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  const server = await startEmbeddedTemporal({
    port: options.port,
    host: options.host,
    store: options.db,
    logger: { warn: (m) => process.stderr.write(`warn: ${m}\n`), error: (m) => process.stderr.write(`error: ${m}\n`) },
  });
  const store = options.db === 'memory' ? 'memory' : 'PostgreSQL';
  write(`Embedded Temporal server listening on ${server.address} (namespace "default", ${store} store)`);
  const shutdown = (): void => {
    write('stopping…');
    server.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
