import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DefaultLogger, Runtime, Worker } from '@temporalio/worker';
import { historiesDir, loadHistories, realTemporalSuffix } from '../../apps/worker/test/history-recorder';
import { bundleProcedureWorkflows } from '../../apps/worker/src/temporal/workflow-bundle';

/**
 * Replays every history recorded by the workflow tests (`test/fixtures/histories`) against today's workflow code:
 * a change that would make running procedures non-deterministic fails here. Use `patched()` for such changes.
 */
describe('recorded procedure histories replay against the current workflow code', () => {
  const histories = loadHistories();

  it('has recorded histories to replay, from the embedded server and from the real Temporal server', () => {
    expect(histories.length).toBeGreaterThanOrEqual(1);
    expect(histories.filter((h) => h.workflowId.endsWith(realTemporalSuffix)).length).toBeGreaterThanOrEqual(1);
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

  it('replays a history file as the SDK reads JSON (Worker.runReplayHistory on the parsed file)', async () => {
    Runtime.install({ logger: new DefaultLogger('ERROR') });
    const workflowBundle = await bundleProcedureWorkflows();
    const file = join(historiesDir, 'election-tie-rounds-ratified.json');
    const json: unknown = JSON.parse(readFileSync(file, 'utf8'));
    await expect(
      Worker.runReplayHistory({ workflowBundle }, json, 'election-tie-rounds-ratified'),
    ).resolves.toBeUndefined();
  });
});
