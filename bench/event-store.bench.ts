/**
 * Event store benchmarks on a real PostgreSQL (embedded unless TEST_DATABASE_URL is set):
 * - appends/s with 8 concurrent writers over 10k streams, ~500-byte events, against plain INSERTs of the same
 *   rows into an unchained table in the same run (target ratio >= 0.8);
 * - the same appends sealed with append receipts, as `npm start` and the worker run them;
 * - verify throughput on one core (target >= 250k events/s), with the Merkle tree rebuilt and checked against a
 *   signed tree head;
 * - the first tree head over the whole log, inclusion proofs (generation from the stored nodes, and check) per
 *   event, and the cost of a witness's cosignature per tree head against signing without one;
 * - subscriber catch-up, events/s.
 */
import { generateKeyPairSync } from 'node:crypto';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import {
  CheckpointSigner,
  EventStore,
  TrustedKeys,
  WitnessClient,
  createDataSource,
  hashHexLeaf,
  inclusionProofs,
  subscribe,
  verifyInclusion,
  verifyLog,
  writeTreeHead,
  type NewEvent,
} from '@cadreflow/event-store';
import { Witness, serveWitness } from '@cadreflow/witness';
import { startTestPostgres } from '../test/setup/postgres';
import { summarise, table, type ResultRow } from './lib/stats';

const WRITERS = 8;
const STREAMS = 10_000;
const ROUNDS = 5;
const EVENTS_PER_ROUND = 4_000;
const VERIFY_EVENTS = 200_000;

function payload(i: number): NewEvent {
  return {
    type: 'TallyRecorded',
    data: { candidateId: `cand-${i % 480}`, votes: i % 97, base: 96, step: 3, note: 'x'.repeat(300) },
    metadata: {
      actorId: 'user-17',
      actorRole: 'counting-board',
      bodyId: 'bac-ninh/bch',
      rulebookId: 'rulebook/2025-2030',
    },
  };
}

async function timeRound(
  work: (writer: number, latencies: number[]) => Promise<void>,
): Promise<{ perSecond: number; latencies: number[] }> {
  const latencies: number[] = [];
  const start = performance.now();
  await Promise.all(Array.from({ length: WRITERS }, (_, w) => work(w, latencies)));
  return { perSecond: EVENTS_PER_ROUND / ((performance.now() - start) / 1000), latencies };
}

export async function runEventStoreBench(): Promise<string> {
  const server = await startTestPostgres({ durable: true });
  const admin = new Client({ connectionString: server.adminUrl });
  await admin.connect();
  await admin.query('DROP DATABASE IF EXISTS bench_event_store WITH (FORCE)');
  await admin.query('CREATE DATABASE bench_event_store');
  await admin.end();
  const url = new URL(server.adminUrl);
  url.pathname = '/bench_event_store';
  const dataSource = createDataSource({ url: url.toString(), poolSize: WRITERS + 4 });
  await dataSource.initialize();
  await dataSource.runMigrations();
  await dataSource.query(`CREATE TABLE plain_events (LIKE events INCLUDING DEFAULTS)`);
  await dataSource.query(`ALTER TABLE plain_events DROP COLUMN prev_hash, DROP COLUMN hash, DROP COLUMN log_hash`);
  await dataSource.query(`ALTER TABLE plain_events ADD PRIMARY KEY (position), ADD UNIQUE (stream_id, stream_version)`);
  await dataSource.query(`ALTER TABLE plain_events ALTER COLUMN position ADD GENERATED ALWAYS AS IDENTITY`);

  const store = new EventStore(dataSource);
  const signer = new CheckpointSigner(generateKeyPairSync('ed25519').privateKey);
  const sealed = new EventStore(dataSource);
  sealed.sealWith(signer);
  const versions = new Map<string, number>();
  const plainVersions = new Map<string, number>();
  let seq = 0;
  const perWriter = EVENTS_PER_ROUND / WRITERS;

  const storeRounds: number[] = [];
  const sealedRounds: number[] = [];
  const plainRounds: number[] = [];
  const storeLatency: number[] = [];
  const sealedLatency: number[] = [];
  const plainLatency: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    // Alternate the two so that neither gets a warmer cache or a fuller table.
    const plain = await timeRound(async (w, latencies) => {
      for (let i = 0; i < perWriter; i++) {
        const n = seq++;
        const stream = `stream-${(n * 7919) % STREAMS}`;
        const version = (plainVersions.get(stream) ?? 0) + 1;
        plainVersions.set(stream, version);
        const e = payload(n);
        const t = performance.now();
        await dataSource.query(
          `INSERT INTO plain_events (stream_id, stream_version, type, schema_version, data, metadata, recorded_at)
           VALUES ($1, $2, $3, 1, $4, $5, now())`,
          [stream, version, e.type, JSON.stringify(e.data), JSON.stringify(e.metadata)],
        );
        latencies.push(performance.now() - t);
      }
      void w;
    });
    const chained = await timeRound(async (_w, latencies) => {
      for (let i = 0; i < perWriter; i++) {
        const n = seq++;
        const stream = `stream-${(n * 7919) % STREAMS}`;
        const expected = versions.get(stream) ?? 0;
        versions.set(stream, expected + 1);
        const t = performance.now();
        await store.append(stream, expected, [payload(n)], { idempotencyKey: `bench-${n}` });
        latencies.push(performance.now() - t);
      }
    });
    const receipted = await timeRound(async (_w, latencies) => {
      for (let i = 0; i < perWriter; i++) {
        const n = seq++;
        const stream = `stream-${(n * 7919) % STREAMS}`;
        const expected = versions.get(stream) ?? 0;
        versions.set(stream, expected + 1);
        const t = performance.now();
        await sealed.append(stream, expected, [payload(n)], { idempotencyKey: `bench-${n}` });
        latencies.push(performance.now() - t);
      }
    });
    plainRounds.push(plain.perSecond);
    storeRounds.push(chained.perSecond);
    sealedRounds.push(receipted.perSecond);
    plainLatency.push(...plain.latencies);
    storeLatency.push(...chained.latencies);
    sealedLatency.push(...receipted.latencies);
  }

  // Fill the log for verify and catch-up.
  const have = Number((await dataSource.query<{ n: string }[]>(`SELECT count(*) AS n FROM events`))[0].n);
  const batch: Promise<unknown>[] = [];
  for (let n = have; n < VERIFY_EVENTS; n += 100) {
    batch.push(
      store.append(
        `fill-${n % STREAMS}`,
        'any',
        Array.from({ length: 100 }, (_, k) => payload(n + k)),
      ),
    );
    if (batch.length >= 16) await Promise.all(batch.splice(0));
  }
  await Promise.all(batch);
  const headStart = performance.now();
  const firstHead = await writeTreeHead(dataSource, signer, { now: new Date() });
  const firstHeadMs = performance.now() - headStart;
  const total = Number((await dataSource.query<{ n: string }[]>(`SELECT count(*) AS n FROM events`))[0].n);

  const verifyRates: number[] = [];
  // The verifier's own core: events per second of this process's CPU time (PostgreSQL runs on the other core).
  const verifyCpuRates: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t = performance.now();
    const cpu = process.cpuUsage();
    const report = await verifyLog(dataSource, { trustedKeys: new TrustedKeys([signer.publicKey]) });
    const used = process.cpuUsage(cpu);
    if (!report.ok || report.eventsChecked !== total || report.verifiedTreeSize !== total)
      throw new Error(`verify failed in the benchmark: ${JSON.stringify(report.problems[0])}`);
    verifyRates.push(total / ((performance.now() - t) / 1000));
    verifyCpuRates.push(total / ((used.user + used.system) / 1e6));
  }

  const catchUpRates: number[] = [];
  for (let i = 0; i < 3; i++) {
    let received = 0;
    const t = performance.now();
    const head = await store.headPosition();
    const sub = await subscribe(
      dataSource,
      store,
      (events) => {
        received += events.length;
        return Promise.resolve();
      },
      { batchSize: 2000 },
    );
    await sub.waitFor(head);
    catchUpRates.push(received / ((performance.now() - t) / 1000));
    await sub.stop();
  }

  // Inclusion proofs: generated from the stored nodes (one event a call, and 100 events a call), then checked.
  const size = firstHead!.size;
  const positions: number[] = (
    await dataSource.query<{ position: string }[]>(`SELECT position FROM events ORDER BY random() LIMIT 2000`)
  ).map((r) => Number(r.position));
  const hashOf = new Map(
    (
      await dataSource.query<{ position: string; hash: string }[]>(
        `SELECT position, hash FROM events WHERE position = ANY($1::bigint[])`,
        [positions],
      )
    ).map((r) => [Number(r.position), r.hash]),
  );
  const proveOne: number[] = [];
  for (const p of positions.slice(0, 500)) {
    const t = performance.now();
    await inclusionProofs(dataSource, [p], size);
    proveOne.push((performance.now() - t) * 1000);
  }
  const proveBatch: number[] = [];
  for (let i = 0; i < positions.length; i += 100) {
    const t = performance.now();
    await inclusionProofs(dataSource, positions.slice(i, i + 100), size);
    proveBatch.push(((performance.now() - t) * 1000) / 100);
  }
  const proofs = await inclusionProofs(dataSource, positions, size);
  const check: number[] = [];
  for (let round = 0; round < 5; round++) {
    const t = performance.now();
    for (const p of proofs)
      verifyInclusion(p.leafIndex, size, hashHexLeaf(hashOf.get(p.position)!), p.proof, firstHead!.root);
    check.push(((performance.now() - t) * 1000) / proofs.length);
  }

  // A tree head every 100 appended events, signed alone (baseline) and cosigned by a witness over HTTP.
  const witness = await serveWitness(
    await Witness.open(join(await mkdtemp(join(tmpdir(), 'cadreflow-bench-witness-')), 'store'), [signer.publicKey]),
    0,
  );
  const client = new WitnessClient(witness.url);
  const signOnly: number[] = [];
  const cosigned: number[] = [];
  const headOf100 = async (i: number, witnesses: WitnessClient[], into: number[]): Promise<void> => {
    await sealed.append(
      `head-${i}`,
      'any',
      Array.from({ length: 100 }, (_, k) => payload(k)),
    );
    const t = performance.now();
    await writeTreeHead(dataSource, signer, { now: new Date(), requireReceipts: true, witnesses });
    into.push(performance.now() - t);
  };
  for (let i = 0; i < 40; i++) await headOf100(i, [], signOnly);
  // The witness catches up once (from nothing to the whole log), then cosigns each head from the one before.
  await headOf100(40, [client], []);
  for (let i = 41; i < 81; i++) await headOf100(i, [client], cosigned);
  await witness.stop();

  await dataSource.destroy();
  await server.stop();

  const plainS = summarise(plainRounds);
  const storeS = summarise(storeRounds);
  const plainL = summarise(plainLatency);
  const storeL = summarise(storeLatency);
  const rows: ResultRow[] = [
    { benchmark: 'plain INSERT, 8 writers (baseline)', unit: 'events/s', median: plainS.median, p95: plainS.p95 },
    {
      benchmark: 'EventStore.append, 8 writers',
      unit: 'events/s',
      median: storeS.median,
      p95: storeS.p95,
      ratio: storeS.median / plainS.median,
      target: 'ratio >= 0.8',
    },
    {
      benchmark: 'EventStore.append sealed (receipts), 8 writers',
      unit: 'events/s',
      median: summarise(sealedRounds).median,
      p95: summarise(sealedRounds).p95,
      ratio: summarise(sealedRounds).median / plainS.median,
      target: 'ratio >= 0.8',
    },
    { benchmark: 'plain INSERT latency (baseline)', unit: 'ms', median: plainL.median, p95: plainL.p95 },
    {
      benchmark: 'EventStore.append latency',
      unit: 'ms',
      median: storeL.median,
      p95: storeL.p95,
      ratio: storeL.median / plainL.median,
    },
    {
      benchmark: 'EventStore.append sealed latency',
      unit: 'ms',
      median: summarise(sealedLatency).median,
      p95: summarise(sealedLatency).p95,
      ratio: summarise(sealedLatency).median / plainL.median,
    },
    {
      benchmark: `verify, ${total} events, one core`,
      unit: 'events/s',
      median: summarise(verifyRates).median,
      p95: summarise(verifyRates).p95,
      target: '>= 250000',
    },
    {
      benchmark: `verify, per CPU-second of the verifying process`,
      unit: 'events/s',
      median: summarise(verifyCpuRates).median,
      p95: summarise(verifyCpuRates).p95,
    },
    { benchmark: `first tree head over ${total} events`, unit: 'ms', median: firstHeadMs, p95: firstHeadMs },
    {
      benchmark: 'inclusion proof, generated, one event a query',
      unit: 'µs/event',
      median: summarise(proveOne).median,
      p95: summarise(proveOne).p95,
    },
    {
      benchmark: 'inclusion proof, generated, 100 events a query',
      unit: 'µs/event',
      median: summarise(proveBatch).median,
      p95: summarise(proveBatch).p95,
    },
    {
      benchmark: 'inclusion proof, checked',
      unit: 'µs/event',
      median: summarise(check).median,
      p95: summarise(check).p95,
    },
    {
      benchmark: 'tree head of 100 new events, signed (baseline)',
      unit: 'ms',
      median: summarise(signOnly).median,
      p95: summarise(signOnly).p95,
    },
    {
      benchmark: 'tree head of 100 new events, cosigned by a witness',
      unit: 'ms',
      median: summarise(cosigned).median,
      p95: summarise(cosigned).p95,
      ratio: summarise(cosigned).median / summarise(signOnly).median,
    },
    {
      benchmark: `subscriber catch-up, ${total} events`,
      unit: 'events/s',
      median: summarise(catchUpRates).median,
      p95: summarise(catchUpRates).p95,
    },
  ];
  return table(`Event store (${ROUNDS} rounds of ${EVENTS_PER_ROUND} events; p95 of throughput is over rounds)`, rows);
}
