import { decideUpdate, stateQuery, workflowTypes } from '@cadreflow/workflows/messages';
import {
  startProcedureTestEnvironment,
  type ProcedureTestEnvironment,
} from '../../apps/worker/test/procedure-test-harness';
import { demoActors, planLaunch, provincialPlan, sittingMembers } from './support/demo-launch.fixture';
import { waitFor } from './support/procedure-driver';

const plan = provincialPlan([...sittingMembers, 'person/new-01', 'person/new-02', 'person/new-03']);
const PROCEDURES = 60;
const CACHE = 10;

/** What an update answered, or that it had no answer by the deadline. */
async function answerWithin<T>(work: Promise<T>, ms: number): Promise<T | 'no answer'> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<'no answer'>((resolve) => (timer = setTimeout(() => resolve('no answer'), ms)));
  try {
    return await Promise.race([work, deadline]);
  } finally {
    clearTimeout(timer);
  }
}

describe('a worker with more open procedures than its workflow cache holds', () => {
  let env: ProcedureTestEnvironment;

  beforeAll(async () => {
    env = await startProcedureTestEnvironment();
  });

  afterAll(async () => {
    await env.close();
  });

  it('answers every decision taken at once, each recorded once, while runs are evicted and replayed', async () => {
    const answers = await env.withWorker(
      async (taskQueue) => {
        const handles = await Promise.all(
          Array.from({ length: PROCEDURES }, (_, i) =>
            env.client.workflow.start(workflowTypes['personnel-plan'], {
              workflowId: `plan/cache-${i}`,
              taskQueue,
              args: [planLaunch(`plan/cache-${i}`, plan)],
            }),
          ),
        );
        for (const handle of handles) {
          await waitFor(async () => (await handle.query(stateQuery)).streamVersion === 3);
        }
        return Promise.all(
          handles.map(async (handle) => {
            const refs = await answerWithin(
              handle.executeUpdate(decideUpdate, {
                args: [{ stepId: 'adoption-1', actor: demoActors.standingMember, decision: { kind: 'approve' } }],
              }),
              20_000,
            );
            return [handle.workflowId, refs === 'no answer' ? refs : refs.map((r) => r.type)] as const;
          }),
        );
      },
      undefined,
      { maxCachedWorkflows: CACHE },
    );

    expect(answers).toEqual(
      Array.from({ length: PROCEDURES }, (_, i) => [`plan/cache-${i}`, ['PlanAdopted', 'StepClosed']]),
    );
    for (let i = 0; i < PROCEDURES; i++) {
      expect((await env.store.readStream(`plan/cache-${i}`)).map((e) => e.type)).toEqual([
        'ProcedureLaunched',
        'PlanDrafted',
        'StepOpened',
        'PlanAdopted',
        'StepClosed',
      ]);
    }
  });
});
