import type { EventStore, RecordedEvent } from '@cadreflow/event-store';
import { catchUpSignal } from '@cadreflow/workflows/messages';
import type { TemporalClientHolder } from '../temporal/temporal-client.provider';
import { recordedAnswer } from './recorded-answer';

/** An event of the log as `readCausedBy` returns it. */
function logged(position: number, type: string): RecordedEvent {
  return {
    position,
    streamId: 'proc-1',
    streamVersion: position,
    type,
    schemaVersion: 1,
    data: {},
    metadata: { causationId: 'decide:user/a:key-1' },
    recordedAt: new Date('2026-12-07T00:00:00.000Z'),
    idempotencyKey: `proc-1/${position - 1}`,
    prevHash: '0'.repeat(64),
    hash: String(position).repeat(64).slice(0, 64),
    logHash: '0'.repeat(64),
  };
}

/** A log holding `events` for the Update, and a Temporal client whose signals do what `signal` does. */
function fakes(
  events: RecordedEvent[],
  signal: (workflowId: string, name: string) => Promise<void>,
): { store: EventStore; temporal: TemporalClientHolder } {
  const store = { readCausedBy: () => Promise.resolve(events) } as unknown as EventStore;
  const client = {
    workflow: {
      getHandle: (workflowId: string) => ({
        signal: (definition: { name: string }) => signal(workflowId, definition.name),
      }),
    },
  };
  const temporal = { get: () => Promise.resolve(client) } as unknown as TemporalClientHolder;
  return { store, temporal };
}

describe('recordedAnswer', () => {
  const updateId = 'decide:user/a:key-1';

  it('answers with the events the log holds for the Update and asks the procedure to catch up', async () => {
    const signalled: string[] = [];
    const { store, temporal } = fakes([logged(4, 'PlanAdopted'), logged(5, 'StepClosed')], (id, name) => {
      signalled.push(`${name} → ${id}`);
      return Promise.resolve();
    });
    const answer = await recordedAnswer(store, () => Promise.resolve('proc-1'), updateId, temporal).recall();
    expect(answer?.map((e) => [e.type, e.position])).toEqual([
      ['PlanAdopted', 4],
      ['StepClosed', 5],
    ]);
    expect(signalled).toEqual([`${catchUpSignal.name} → proc-1`]);
  });

  it('answers nothing and signals nothing when the log holds nothing for the Update', async () => {
    const signalled: string[] = [];
    const { store, temporal } = fakes([], (id) => {
      signalled.push(id);
      return Promise.resolve();
    });
    await expect(
      recordedAnswer(store, () => Promise.resolve('proc-1'), updateId, temporal).recall(),
    ).resolves.toBeUndefined();
    expect(signalled).toEqual([]);
  });

  it('answers from the log when the signal fails or never gets through (a Temporal server down)', async () => {
    const failing = fakes([logged(4, 'PlanAdopted')], () => Promise.reject(new Error('UNAVAILABLE')));
    const hanging = fakes([logged(4, 'PlanAdopted')], () => new Promise<void>(() => undefined));
    for (const { store, temporal } of [failing, hanging]) {
      const answer = await recordedAnswer(store, () => Promise.resolve('proc-1'), updateId, temporal).recall();
      expect(answer?.map((e) => e.type)).toEqual(['PlanAdopted']);
    }
  });
});
