/**
 * `npm run test:temporal`: the workflow tests and the HTTP end-to-end journeys against the real Temporal server.
 *
 * Starts `temporal server start-dev` (the official CLI, SQLite in memory, loopback only) on free ports, runs Jest
 * on the files below with `TEMPORAL_ADDRESS` pointing at it (test/support/temporal-server.ts then hands every file
 * the real server instead of an embedded one), stops the server and exits with Jest's code. Leading arguments that
 * are not options narrow the run to those test paths (`npm run test:temporal -- personnel-plan`); the others go to
 * Jest. With `TEMPORAL_ADDRESS` already set, that server is used and none is started.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { Logger } from '@nestjs/common';
import { startTemporalCli, type TemporalCliServer } from './temporal-cli';

/** The tests that run on both servers. */
const suite = [
  'workflows/test/.*\\.e2e-spec\\.ts$',
  'apps/worker/test/.*\\.e2e-spec\\.ts$',
  'test/api/journeys\\.e2e-spec\\.ts$',
  'test/api/congress-journey\\.e2e-spec\\.ts$',
  'test/api/personnel-review-journey\\.e2e-spec\\.ts$',
  'test/api/first-session-journey\\.e2e-spec\\.ts$',
  'test/api/concurrency\\.e2e-spec\\.ts$',
];

/**
 * Tests that run on the embedded server only, each with why: they move the server's clock (`skipTime`), which the
 * real server does not have. They run in `npm test`; here they are not run, and the run says so at its start. A test
 * that skips time and is not listed fails on the real server with `TimeSkippingUnavailableError`.
 */
const embeddedOnlyFiles: ReadonlyArray<{ path: string; reason: string }> = [
  {
    path: 'workflows/test/appointment\\.workflow\\.e2e-spec\\.ts$',
    reason: 'skips 30 working days of server time to reach the deadline of the appointment',
  },
  {
    path: 'workflows/test/worker-crash\\.workflow\\.e2e-spec\\.ts$',
    reason: "skips a minute of server time so the killed worker's activity times out and is retried",
  },
];
const embeddedOnlyTests: ReadonlyArray<{ name: string; reason: string }> = [
  {
    name: 'escalates an overdue adoption step',
    reason: 'personnel-plan.workflow.e2e-spec.ts: skips 45 days of server time past the due date',
  },
];

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

async function main(): Promise<number> {
  const logger = new Logger('test:temporal');
  let server: TemporalCliServer | undefined;
  let address = process.env.TEMPORAL_ADDRESS;
  if (!address) {
    server = await startTemporalCli();
    address = server.address;
    logger.log(`real Temporal server at ${address}\n${server.banner}`);
  } else {
    logger.log(`real Temporal server at ${address} (TEMPORAL_ADDRESS)`);
  }
  for (const { path, reason } of embeddedOnlyFiles) logger.warn(`not run on the real server: ${path} — ${reason}`);
  for (const { name, reason } of embeddedOnlyTests) logger.warn(`not run on the real server: "${name}" — ${reason}`);

  const extra = process.argv.slice(2);
  const firstOption = extra.findIndex((a) => a.startsWith('-'));
  const paths = firstOption === -1 ? extra : extra.slice(0, firstOption);
  const options = firstOption === -1 ? [] : extra.slice(firstOption);
  const args = [
    require.resolve('jest/bin/jest'),
    '--runInBand',
    '--testPathIgnorePatterns',
    '/node_modules/',
    ...embeddedOnlyFiles.map((f) => f.path),
    '--testNamePattern',
    `^(?!.*(${embeddedOnlyTests.map((t) => escape(t.name)).join('|')}))`,
    ...options,
    '--',
    ...(paths.length > 0 ? paths : suite),
  ];
  const jest = spawn(process.execPath, args, { stdio: 'inherit', env: { ...process.env, TEMPORAL_ADDRESS: address } });
  const stop = (signal: NodeJS.Signals): void => {
    jest.kill(signal);
  };
  process.on('SIGINT', stop).on('SIGTERM', stop);
  const [code, signal] = (await once(jest, 'exit')) as [number | null, NodeJS.Signals | null];
  await server?.stop();
  return code ?? (signal ? 1 : 0);
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    new Logger('test:temporal').error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  },
);
