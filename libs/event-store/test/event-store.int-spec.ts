import { createTestDatabase, type TestDatabase } from '../../../test/setup/database';
import { EventStore } from '../src/event-store';
import { ExpectedVersionConflictError, IdempotencyKeyMismatchError, InvalidAppendError } from '../src/errors';
import { GENESIS_HASH } from '../src/hashing';
import { eventReference } from '../src/event-reference';
import { event, meta } from './fixtures';

describe('EventStore (real PostgreSQL)', () => {
  let db: TestDatabase;
  let store: EventStore;

  beforeAll(async () => {
    db = await createTestDatabase();
    store = new EventStore(db.dataSource);
  });
  afterAll(async () => {
    await db.drop();
  });

  const count = async (): Promise<number> =>
    Number((await db.dataSource.query<{ n: string }[]>(`SELECT count(*) AS n FROM events`))[0].n);

  it('appends to a new stream and chains hashes', async () => {
    const result = await store.append('proc-chain', 'no-stream', [event('ProcedureLaunched'), event('StepOpened')]);
    expect(result.nextExpectedVersion).toBe(2);
    expect(result.duplicate).toBe(false);
    const [first, second] = result.events;
    expect(first.streamVersion).toBe(1);
    expect(first.prevHash).toBe(GENESIS_HASH);
    expect(second.prevHash).toBe(first.hash);
    expect(second.position).toBeGreaterThan(first.position);
    expect(await store.readStream('proc-chain')).toEqual(result.events);
  });

  it('reads what one command caused on a stream, and references events as their writers answer', async () => {
    const caused = (type: string, causationId: string) => ({ ...event(type), metadata: meta({ causationId }) });
    await store.append('proc-caused', 'no-stream', [caused('ProcedureLaunched', 'launch')]);
    const decided = await store.append('proc-caused', 1, [
      caused('PlanAdopted', 'decide:user/a:k1'),
      caused('StepClosed', 'decide:user/a:k1'),
    ]);
    await store.append('proc-caused', 3, [caused('PlanSubmitted', 'command:user/b:k1')]);
    await store.append('proc-elsewhere', 'no-stream', [caused('PlanAdopted', 'decide:user/a:k1')]);

    const found = await store.readCausedBy('proc-caused', 'decide:user/a:k1');
    expect(found).toEqual(decided.events);
    expect(found.map(eventReference)).toEqual([
      {
        position: decided.events[0].position,
        streamVersion: 2,
        type: 'PlanAdopted',
        hash: decided.events[0].hash,
        recordedAt: decided.events[0].recordedAt.toISOString(),
      },
      {
        position: decided.events[1].position,
        streamVersion: 3,
        type: 'StepClosed',
        hash: decided.events[1].hash,
        recordedAt: decided.events[1].recordedAt.toISOString(),
      },
    ]);
    expect(await store.readCausedBy('proc-caused', 'decide:user/a:other')).toEqual([]);
  });

  it('lets exactly one of two racing writers win', async () => {
    await store.append('proc-race', 0, [event('ProcedureLaunched')]);
    const outcomes = await Promise.allSettled([
      store.append('proc-race', 1, [event('StepDecided', { by: 'a' })]),
      store.append('proc-race', 1, [event('StepDecided', { by: 'b' })]),
    ]);
    const won = outcomes.filter((o) => o.status === 'fulfilled');
    const lost = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect(lost[0].reason).toBeInstanceOf(ExpectedVersionConflictError);
    expect((lost[0].reason as ExpectedVersionConflictError).actual).toBe(2);
    expect(await store.streamVersion('proc-race')).toBe(2);
  });

  it('lets one of two racing writers win across separate connections and store instances', async () => {
    const other = new EventStore(db.dataSource);
    await store.append('proc-race-2', 0, [event('ProcedureLaunched')]);
    const outcomes = await Promise.allSettled([
      store.append('proc-race-2', 1, [event('StepDecided')]),
      other.append('proc-race-2', 1, [event('StepDecided')]),
    ]);
    expect(outcomes.map((o) => o.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect(await store.streamVersion('proc-race-2')).toBe(2);
  });

  it('writes a retried append with the same idempotency key once', async () => {
    const before = await count();
    const first = await store.append('proc-idem', 0, [event('TallyRecorded', { votes: 30 })], {
      idempotencyKey: 'k-1',
    });
    const retry = await store.append('proc-idem', 0, [event('TallyRecorded', { votes: 30 })], {
      idempotencyKey: 'k-1',
    });
    const concurrent = await Promise.all([
      store.append('proc-idem', 1, [event('StepOpened')], { idempotencyKey: 'k-2' }),
      store.append('proc-idem', 1, [event('StepOpened')], { idempotencyKey: 'k-2' }),
    ]);
    expect(retry.duplicate).toBe(true);
    expect(retry.events).toEqual(first.events);
    expect(concurrent[0].events).toEqual(concurrent[1].events);
    expect(concurrent.filter((r) => r.duplicate)).toHaveLength(1);
    expect(await count()).toBe(before + 2);
  });

  it('refuses an idempotency key reused for a different append', async () => {
    await store.append('proc-idem-2', 0, [event('StepOpened')], { idempotencyKey: 'k-3' });
    await expect(
      store.append('proc-other', 0, [event('StepOpened')], { idempotencyKey: 'k-3' }),
    ).rejects.toBeInstanceOf(IdempotencyKeyMismatchError);
  });

  it.each([
    ['an empty stream id', () => store.append('', 0, [event('A')]), 'streamId'],
    ['a negative expected version', () => store.append('s', -1, [event('A')]), 'expectedVersion'],
    ['no events', () => store.append('s', 0, []), 'events'],
    [
      'data with a function',
      () => store.append('s', 0, [{ type: 'A', data: { f: (() => 1) as never }, metadata: {} }]),
      'events[0].data.f',
    ],
    [
      'data with a BigInt',
      () => store.append('s', 0, [{ type: 'A', data: { n: 1n as never }, metadata: {} }]),
      'events[0].data.n',
    ],
    ['data with NaN', () => store.append('s', 0, [{ type: 'A', data: { n: NaN }, metadata: {} }]), 'events[0].data.n'],
    [
      'a Date instance',
      () => store.append('s', 0, [{ type: 'A', data: { d: new Date() as never }, metadata: {} }]),
      'events[0].data.d',
    ],
    [
      'a circular object',
      () => {
        const data: Record<string, unknown> = {};
        data.self = data;
        return store.append('s', 0, [{ type: 'A', data: data as never, metadata: {} }]);
      },
      'events[0].data.self',
    ],
  ])('rejects %s with a typed error and writes nothing', async (_label, act, field) => {
    const before = await count();
    const error: unknown = await act().then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(InvalidAppendError);
    expect((error as InvalidAppendError).field).toBe(field);
    expect(await count()).toBe(before);
  });

  it.each([
    ['UPDATE', `UPDATE events SET type = 'Forged'`],
    ['DELETE', `DELETE FROM events`],
    ['TRUNCATE', `TRUNCATE events`],
  ])('rejects %s on the events table in the database itself', async (_op, sql) => {
    await store.append('proc-immutable', 'any', [event('ProcedureLaunched')]);
    const before = await count();
    await expect(db.dataSource.query(sql)).rejects.toThrow(/append-only/);
    expect(await count()).toBe(before);
  });
});
