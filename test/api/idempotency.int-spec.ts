import { ConflictException } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { apiMigrations } from '@cadreflow/api';
import { createDataSource } from '@cadreflow/event-store';
import {
  IDEMPOTENCY_LEASE_MS,
  IdempotencyService,
  type LoggedAnswer,
} from '../../apps/api/src/common/idempotency.service';
import { ApiError } from '../../apps/api/src/errors/api-error';
import { createEmptyDatabase } from '../setup/database';

interface Answer {
  events: string[];
}

/** A log of answers the test fills itself: what `recall` finds once the first request has recorded something. */
class FakeLog implements LoggedAnswer<Answer> {
  readonly held = new Map<string, Answer>();
  recalls = 0;

  constructor(private readonly key: string) {}

  isLogged(answer: Answer): boolean {
    return answer.events.length > 0;
  }

  recall(): Promise<Answer | undefined> {
    this.recalls++;
    return Promise.resolve(this.held.get(this.key));
  }
}

describe('IdempotencyService (real PostgreSQL)', () => {
  let drop: () => Promise<void>;
  let dataSource: DataSource;
  let service: IdempotencyService;
  let n = 0;
  const newKey = (): string => `key-${++n}`;
  const stored = async (key: string): Promise<{ status_code: number | null; response: unknown }[]> =>
    dataSource.query(`SELECT status_code, response FROM api_requests WHERE idempotency_key = $1`, [key]);

  beforeAll(async () => {
    const db = await createEmptyDatabase('idem');
    drop = db.drop;
    // One connection, so that every statement below runs on the connection the claims ran on.
    dataSource = createDataSource({ url: db.url, poolSize: 1, extraMigrations: apiMigrations });
    await dataSource.initialize();
    await dataSource.runMigrations();
    service = new IdempotencyService(dataSource);
  });
  afterAll(async () => {
    await dataSource?.destroy();
    await drop?.();
  });

  it('stores an answer the log does not hold and returns it to a retry without running the request again', async () => {
    const key = newKey();
    let runs = 0;
    const work = (): Promise<Answer> => Promise.resolve({ events: [], run: ++runs } as Answer);
    const first = await service.run('user/a', key, { taskId: 't1' }, work, new FakeLog(key));
    const again = await service.run('user/a', key, { taskId: 't1' }, work, new FakeLog(key));
    expect(again).toEqual(first);
    expect(runs).toBe(1);
    expect(await stored(key)).toEqual([{ status_code: 200, response: first }]);
  });

  it('does not store an answer the log holds: a retry recalls it from the log', async () => {
    const key = newKey();
    const log = new FakeLog(key);
    let runs = 0;
    const work = (): Promise<Answer> => {
      runs++;
      const answer = { events: ['PlanAdopted'] };
      log.held.set(key, answer);
      return Promise.resolve(answer);
    };
    const first = await service.run('user/a', key, { taskId: 't2' }, work, log);
    expect(await stored(key)).toEqual([{ status_code: null, response: null }]);
    expect(log.recalls).toBe(0);
    const again = await service.run('user/a', key, { taskId: 't2' }, work, log);
    expect(again).toEqual(first);
    expect(runs).toBe(1);
    expect(log.recalls).toBe(1);
  });

  it('answers a retry that arrives while the first request runs once the log holds its answer', async () => {
    const key = newKey();
    const log = new FakeLog(key);
    let finish: (answer: Answer) => void = () => undefined;
    const first = service.run(
      'user/a',
      key,
      { taskId: 't3' },
      () => new Promise<Answer>((resolve) => (finish = resolve)),
      log,
    );
    await new Promise((resolve) => setTimeout(resolve, 50));
    const retry = service.run('user/a', key, { taskId: 't3' }, () => Promise.reject(new Error('ran twice')), log);
    await new Promise((resolve) => setTimeout(resolve, 250));
    expect(log.recalls).toBeGreaterThan(0);
    const answer = { events: ['PlanAdopted', 'StepClosed'] };
    log.held.set(key, answer);
    finish(answer);
    await expect(first).resolves.toEqual(answer);
    await expect(retry).resolves.toEqual(answer);
  });

  it('runs a failed request again under its key, refuses the key for another request, and keys per user', async () => {
    const key = newKey();
    await expect(
      service.run('user/a', key, { taskId: 't4' }, () => Promise.reject(new ConflictException('closed'))),
    ).rejects.toBeInstanceOf(ConflictException);
    expect(await stored(key)).toEqual([{ status_code: 409, response: null }]);
    const answer = await service.run('user/a', key, { taskId: 't4' }, () => Promise.resolve({ events: [] }));
    expect(answer).toEqual({ events: [] });
    await expect(
      service.run('user/a', key, { taskId: 'another' }, () => Promise.resolve({ events: [] })),
    ).rejects.toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED' });
    const other = await service.run('user/b', key, { taskId: 'another' }, () => Promise.resolve({ events: ['X'] }));
    expect(other).toEqual({ events: ['X'] });
  });

  it('answers a corrected request under the key of a refused one with IDEMPOTENCY_KEY_REUSED, not the first error', async () => {
    const key = newKey();
    const refused = new ApiError(422, 'VALIDATION', 'the tally does not add up');
    await expect(service.run('user/a', key, { taskId: 't6', votes: 10 }, () => Promise.reject(refused))).rejects.toBe(
      refused,
    );
    let ran = false;
    const corrected = service.run('user/a', key, { taskId: 't6', votes: 9 }, () => {
      ran = true;
      return Promise.resolve({ events: ['TallyRecorded'] });
    });
    await expect(corrected).rejects.toMatchObject({
      code: 'IDEMPOTENCY_KEY_REUSED',
      extra: { field: 'Idempotency-Key' },
    });
    expect(ran).toBe(false);
    expect(await stored(key)).toEqual([{ status_code: 422, response: null }]);
  });

  it('claims a key without waiting for the disk only in the claim’s own transaction', async () => {
    const key = newKey();
    // Durable commits on this connection (the test server's default is not: it runs without fsync).
    await dataSource.query(`SET synchronous_commit = on`);
    await service.run('user/a', key, { taskId: 't5' }, () => Promise.resolve({ events: [] }));
    const [setting] = await dataSource.query<{ synchronous_commit: string }[]>(`SHOW synchronous_commit`);
    expect(setting.synchronous_commit).toBe('on');
  });

  describe('a request that never finished (its process was killed after claiming the key)', () => {
    /** What a killed request leaves: its claim, unfinished, claimed `agoMs` before now. */
    const leftByCrash = async (key: string, request: unknown, agoMs: number): Promise<void> => {
      await dataSource.query(
        `INSERT INTO api_requests (idempotency_key, user_id, request_hash, claimed_at)
         VALUES ($1, 'user/a', encode(sha256(convert_to($2, 'UTF8')), 'hex'), now() - make_interval(secs => $3))`,
        [key, JSON.stringify(request), agoMs / 1000],
      );
    };

    it('is run again by a retry once its lease has expired', async () => {
      const key = newKey();
      await leftByCrash(key, { taskId: 't7' }, IDEMPOTENCY_LEASE_MS + 1_000);
      let runs = 0;
      const answer = await service.run('user/a', key, { taskId: 't7' }, () =>
        Promise.resolve({ events: [], run: ++runs }),
      );
      expect({ answer, runs }).toEqual({ answer: { events: [], run: 1 }, runs: 1 });
      expect(await stored(key)).toEqual([{ status_code: 200, response: answer }]);
    });

    it('is answered from the log, without running again, when it recorded its events before it died', async () => {
      const key = newKey();
      await leftByCrash(key, { taskId: 't8' }, IDEMPOTENCY_LEASE_MS + 1_000);
      const log = new FakeLog(key);
      log.held.set(key, { events: ['PlanAdopted'] });
      let runs = 0;
      const answer = await service.run(
        'user/a',
        key,
        { taskId: 't8' },
        () => Promise.resolve({ events: [`run ${++runs}`] }),
        log,
      );
      expect({ answer, runs }).toEqual({ answer: { events: ['PlanAdopted'] }, runs: 0 });
    });

    it('makes a retry within the lease wait for it to expire, then run the request: the retry ends', async () => {
      const key = newKey();
      await leftByCrash(key, { taskId: 't9' }, IDEMPOTENCY_LEASE_MS - 1_000);
      let runs = 0;
      const answer = await service.run('user/a', key, { taskId: 't9' }, () =>
        Promise.resolve({ events: [], run: ++runs }),
      );
      expect({ answer, runs }).toEqual({ answer: { events: [], run: 1 }, runs: 1 });
    });

    it('is taken over by one of several simultaneous retries; the others get its answer', async () => {
      const key = newKey();
      await leftByCrash(key, { taskId: 't10' }, IDEMPOTENCY_LEASE_MS + 1_000);
      let runs = 0;
      const work = (): Promise<Answer> => Promise.resolve({ events: [], run: ++runs } as Answer);
      const answers = await Promise.all(
        Array.from({ length: 5 }, () => service.run('user/a', key, { taskId: 't10' }, work)),
      );
      expect(runs).toBe(1);
      expect(answers).toEqual(Array.from({ length: 5 }, () => ({ events: [], run: 1 })));
    });

    it('is answered from the log when the retry fails because the first request recorded its events meanwhile', async () => {
      const key = newKey();
      await leftByCrash(key, { taskId: 't12' }, IDEMPOTENCY_LEASE_MS + 1_000);
      const log = new FakeLog(key);
      // The killed request's Update is applied while the retry runs: the retry finds its task closed.
      const work = (): Promise<Answer> => {
        log.held.set(key, { events: ['PlanAdopted', 'StepClosed'] });
        return Promise.reject(new ApiError(409, 'TASK_CLOSED', 'This task is already closed (approved).'));
      };
      const answer = await service.run('user/a', key, { taskId: 't12' }, work, log);
      expect(answer).toEqual({ events: ['PlanAdopted', 'StepClosed'] });
      // No answer stored beside the log, no failure either: the next retry recalls it from the log too.
      expect(await stored(key)).toEqual([{ status_code: null, response: null }]);
      await expect(
        service.run('user/a', key, { taskId: 't12' }, () => Promise.reject(new Error('not run again')), log),
      ).resolves.toEqual(answer);
    });

    it('still refuses another request under its key', async () => {
      const key = newKey();
      await leftByCrash(key, { taskId: 't11' }, IDEMPOTENCY_LEASE_MS + 1_000);
      await expect(
        service.run('user/a', key, { taskId: 't11', other: true }, () => Promise.resolve({ events: [] })),
      ).rejects.toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED' });
    });
  });
});
