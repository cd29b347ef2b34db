import { NoopSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { DefaultLogger, Runtime, Worker } from '@temporalio/worker';
import { SHARED_MODULES, bundleProcedureWorkflows, workflowSpanSink } from '@cadreflow/worker';
import { loadHistories } from '../../apps/worker/test/history-recorder';

/**
 * The production build bundles the workflows with OpenTelemetry's workflow interceptors: every recorded history
 * (`test/fixtures/histories`, from the embedded and the real Temporal server) replays against that bundle too, so
 * that turning tracing on or off never makes a running procedure non-deterministic.
 */
describe('the traced workflow bundle of the production build', () => {
  it('replays every recorded history without a non-determinism error', async () => {
    Runtime.install({ logger: new DefaultLogger('ERROR') });
    const histories = loadHistories();
    expect(histories.length).toBeGreaterThan(0);
    const workflowBundle = await bundleProcedureWorkflows(SHARED_MODULES, { tracing: true });
    const sinks = { exporter: workflowSpanSink(new NoopSpanProcessor()) };
    const outcomes: Array<{ workflowId: string; error: string | null }> = [];
    for await (const result of Worker.runReplayHistories({ workflowBundle, sinks }, histories)) {
      outcomes.push({ workflowId: result.workflowId, error: result.error ? String(result.error) : null });
    }
    expect(outcomes).toEqual(histories.map((h) => ({ workflowId: h.workflowId, error: null })));
  });
});
