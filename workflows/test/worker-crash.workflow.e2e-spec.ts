import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RecordedEventRef } from '@cadreflow/workflows/activities';
import { decideUpdate, stateQuery, withdrawUpdate, workflowTypes } from '@cadreflow/workflows/messages';
import { keepHistory } from '../../apps/worker/test/history-recorder';
import {
  startProcedureTestEnvironment,
  type ProcedureTestEnvironment,
} from '../../apps/worker/test/procedure-test-harness';
import { demoActors, planLaunch, provincialPlan, sittingMembers } from './support/demo-launch.fixture';
import { waitFor } from './support/procedure-driver';

const plan = provincialPlan([
  ...sittingMembers,
  'person/new-01',
  'person/new-02',
  'person/new-03',
  'person/new-04',
  'person/new-05',
]);

describe('a worker killed in the middle of recording events', () => {
  let env: ProcedureTestEnvironment;

  beforeAll(async () => {
    env = await startProcedureTestEnvironment();
  });

  afterAll(async () => {
    await env.close();
  });

  it('leaves no duplicate event: the retry on a new worker finds the first append by its idempotency key', async () => {
    const taskQueue = `procedures-${randomUUID()}`;
    const procedureId = 'plan/worker-killed';
    const handle = env.client.workflow.getHandle(procedureId);
    let adoption: Promise<RecordedEventRef[]> = Promise.resolve([]);
    // The first worker runs in a process of its own: once the adoption's events are written, it is killed
    // before it can answer (SIGKILL: nothing of it runs after that).
    const dir = mkdtempSync(join(tmpdir(), 'doomed-worker-'));
    const codePath = join(dir, 'workflows.js');
    writeFileSync(codePath, env.bundle.code);
    const doomed = spawn(
      process.execPath,
      [
        '-r',
        './tools/register.js',
        'apps/worker/test/doomed-worker.ts',
        env.database.url,
        env.temporal.address,
        taskQueue,
        codePath,
        '3',
      ],
      { cwd: join(__dirname, '..', '..'), stdio: ['ignore', 'pipe', 'inherit'] },
    );
    const exited = new Promise((resolve) => doomed.once('exit', resolve));
    let output = '';
    const printed = (line: string): Promise<void> =>
      new Promise((resolve, reject) => {
        const check = (): void => {
          if (output.includes(`${line}\n`)) resolve();
        };
        doomed.stdout.on('data', (data: Buffer) => {
          output += data.toString();
          check();
        });
        doomed.once('exit', (code) => reject(new Error(`the doomed worker exited (${code}) before "${line}"`)));
        check();
      });
    try {
      await printed('ready');
      await env.client.workflow.start(workflowTypes['personnel-plan'], {
        workflowId: procedureId,
        taskQueue,
        args: [planLaunch(procedureId, plan)],
      });
      await waitFor(async () => (await handle.query(stateQuery).catch(() => null))?.streamVersion === 3);
      adoption = handle.executeUpdate(decideUpdate, {
        args: [{ stepId: 'adoption-1', actor: demoActors.standingMember, decision: { kind: 'approve' } }],
      });
      adoption.catch(() => undefined);
      await printed('appended');
    } finally {
      doomed.kill('SIGKILL');
      await exited;
      rmSync(dir, { recursive: true, force: true });
    }
    expect((await env.store.readStream(procedureId)).map((e) => e.type).slice(3)).toEqual([
      'PlanAdopted',
      'StepClosed',
    ]);

    await env.withWorker(async () => {
      // The attempt the dead worker held times out on the server; the new worker retries it.
      env.temporal.skipTime('1 minute');
      const refs = await adoption;
      expect(refs.map((r) => [r.type, r.streamVersion])).toEqual([
        ['PlanAdopted', 4],
        ['StepClosed', 5],
      ]);
      await handle.executeUpdate(withdrawUpdate, {
        args: [{ actor: demoActors.organizationOfficer, reason: 'Test over' }],
      });
      await handle.result();
    }, taskQueue);

    const stream = await env.store.readStream(procedureId);
    expect(stream.map((e) => e.type)).toEqual([
      'ProcedureLaunched',
      'PlanDrafted',
      'StepOpened',
      'PlanAdopted',
      'StepClosed',
      'ProcedureWithdrawn',
    ]);
    const keys = stream.map((e) => e.idempotencyKey);
    expect(new Set(keys).size).toBe(3);
    // Events are recorded by a scheduled activity: one per append. The attempt the dead worker held timed out and
    // its retry repeated the append, which the idempotency key answered with the first result.
    const history = await handle.fetchHistory();
    const scheduled = history.events?.filter((e) => e.activityTaskScheduledEventAttributes) ?? [];
    expect(scheduled).toHaveLength(3);
    const attempts = (history.events ?? []).flatMap((e) =>
      e.activityTaskStartedEventAttributes ? [e.activityTaskStartedEventAttributes.attempt] : [],
    );
    expect(attempts).toEqual([1, 2, 1]);
    expect(
      history.events?.filter((e) => e.markerRecordedEventAttributes?.markerName === 'core_local_activity') ?? [],
    ).toHaveLength(0);
    await keepHistory(handle, 'personnel-plan-worker-killed-mid-append-by-activity');
  });
});
