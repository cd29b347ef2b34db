import { DefaultLogger, Runtime, Worker } from '@temporalio/worker';
import { loadHistories } from '../../apps/worker/test/history-recorder';
import { bundleProcedureWorkflows } from '../../apps/worker/src/temporal/workflow-bundle';

/**
 * Replays every history recorded by the workflow tests (`test/fixtures/histories`) against today's workflow code:
 * a change that would make running procedures non-deterministic fails here. Use `patched()` for such changes.
 */
describe('recorded procedure histories replay against the current workflow code', () => {
  const histories = loadHistories();

  it('has recorded histories to replay', () => {
    expect(histories.length).toBeGreaterThanOrEqual(1);
  });

  it('replays each of them without a non-determinism error', async () => {
    Runtime.install({ logger: new DefaultLogger('ERROR') });
    const workflowBundle = await bundleProcedureWorkflows();
    const outcomes: Array<{ workflowId: string; error: string | null }> = [];
    for await (const result of Worker.runReplayHistories({ workflowBundle }, histories)) {
      outcomes.push({ workflowId: result.workflowId, error: result.error ? String(result.error) : null });
    }
    expect(outcomes).toEqual(histories.map((h) => ({ workflowId: h.workflowId, error: null })));
  });
});
