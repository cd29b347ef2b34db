/**
 * A worker process for the crash test: `node -r ./tools/register.js doomed-worker.ts <database url> <temporal address>
 * <task queue> <workflow bundle file> <expected version>`. It records events like the real worker, except that the
 * append at the given expected version, once written, is never answered: it prints `appended` and waits to be killed.
 */
import { NativeConnection, Worker } from '@temporalio/worker';
import { EventStore, createDataSource } from '@cadreflow/event-store';
import { ProcedureActivitiesService } from '../src/activities/procedure.activities';
import { RegistryRelationsSource } from '../src/activities/relations.source';
import { RegistryStore } from '@cadreflow/registry';
import type { ProcedureActivities } from '@cadreflow/workflows/activities';

async function main(): Promise<void> {
  const [databaseUrl, address, taskQueue, codePath, dyingVersion] = process.argv.slice(2);
  const dataSource = createDataSource({ url: databaseUrl, poolSize: 2 });
  await dataSource.initialize();
  const store = new EventStore(dataSource);
  const real = new ProcedureActivitiesService(store, new RegistryRelationsSource(new RegistryStore(dataSource, store)));
  const activities: ProcedureActivities = {
    declaredRelations: (input) => real.declaredRelations(input),
    readStreamAfter: (input) => real.readStreamAfter(input),
    async recordEvents(input) {
      const refs = await real.recordEvents(input);
      if (input.expectedVersion !== Number(dyingVersion)) return refs;
      process.stdout.write('appended\n');
      return new Promise(() => undefined);
    },
  };
  const connection = await NativeConnection.connect({ address });
  const worker = await Worker.create({ connection, taskQueue, workflowBundle: { codePath }, activities });
  process.stdout.write('ready\n');
  await worker.run();
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
