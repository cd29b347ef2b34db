import { decodeEvent, EventType, type IHistoryEvent, WorkflowExecutionStatus } from '../proto/temporal-proto';
import { Execution } from './execution';
import type { ExecutionState } from './execution-state';

function runState(): ExecutionState {
  return {
    namespace: 'default',
    workflowId: 'wf',
    runId: 'run',
    firstRunId: 'run',
    workflowType: 'updatable',
    taskQueue: 'tq',
    status: WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING,
    startTime: 0,
    requestIds: [],
    nextEventId: 4,
    lastCompletedWftStartedId: 3,
    wftAttempt: 1,
    wftTimeoutMs: 10_000,
    activities: {},
    timers: {},
    children: {},
    cancelRequested: false,
    searchAttributes: {},
    memo: {},
    updates: {},
    buffered: [],
    historySizeBytes: 0,
  };
}

function signalled(name: string, provisional: number): IHistoryEvent {
  return {
    eventId: provisional,
    eventType: EventType.EVENT_TYPE_WORKFLOW_EXECUTION_SIGNALED,
    workflowExecutionSignaledEventAttributes: { signalName: name },
  };
}

/** The signal names of the buffered events as the saved state holds them. */
function savedSignals(state: ExecutionState): string[] {
  return state.buffered.map(
    (b64) => decodeEvent(Buffer.from(b64, 'base64')).workflowExecutionSignaledEventAttributes?.signalName ?? '',
  );
}

describe('Execution.syncBufferedToState', () => {
  it('saves the buffered events in order as they grow, and nothing once the buffer is replaced', () => {
    const exec = new Execution(runState(), [], 3);
    exec.buffered.push(signalled('first', -1));
    exec.syncBufferedToState();
    expect(savedSignals(exec.state)).toEqual(['first']);

    exec.buffered.push(signalled('second', -2));
    exec.syncBufferedToState();
    expect(savedSignals(exec.state)).toEqual(['first', 'second']);

    exec.buffered = [];
    exec.syncBufferedToState();
    expect(exec.state.buffered).toEqual([]);

    exec.buffered.push(signalled('third', -1));
    exec.syncBufferedToState();
    expect(savedSignals(exec.state)).toEqual(['third']);
  });

  it('a run loaded from its saved state keeps its buffered events and saves new ones after them', () => {
    const saved = new Execution(runState(), [], 3);
    saved.buffered.push(signalled('before restart', -1));
    saved.syncBufferedToState();

    const loaded = new Execution(JSON.parse(JSON.stringify(saved.state)) as ExecutionState, [], 3);
    expect(loaded.buffered.map((e) => e.workflowExecutionSignaledEventAttributes?.signalName)).toEqual([
      'before restart',
    ]);
    loaded.buffered.push(signalled('after restart', -2));
    loaded.syncBufferedToState();
    expect(savedSignals(loaded.state)).toEqual(['before restart', 'after restart']);
  });

  it('a saved state is a copy: later buffering does not change what was handed to the store', () => {
    const exec = new Execution(runState(), [], 3);
    exec.buffered.push(signalled('first', -1));
    exec.syncBufferedToState();
    const handedOver = exec.state.buffered;
    exec.buffered.push(signalled('second', -2));
    exec.syncBufferedToState();
    expect(handedOver).toHaveLength(1);
  });
});
