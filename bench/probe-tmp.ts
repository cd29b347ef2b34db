import { Client } from 'pg';
import { createDataSource } from '@cadreflow/event-store';
async function main() {
  const admin = new Client({ connectionString: 'postgres://postgres@127.0.0.1:5432/postgres' });
  await admin.connect();
  await admin.query('DROP DATABASE IF EXISTS probe WITH (FORCE)');
  await admin.query('CREATE DATABASE probe');
  await admin.end();
  const ds = createDataSource({ url: 'postgres://postgres@127.0.0.1:5432/probe' });
  await ds.initialize();
  await ds.runMigrations();
  const c = new Client({ connectionString: 'postgres://postgres@127.0.0.1:5432/probe' });
  await c.connect();
  const data = { candidateId: 'c', votes: 3, base: 96, step: 3, note: 'x'.repeat(300) };
  const meta = {
    actorId: 'user-17',
    actorRole: 'counting-board',
    bodyId: 'bac-ninh/bch',
    rulebookId: 'rulebook/2025-2030',
  };
  await c.query(
    `INSERT INTO events (stream_id, stream_version, type, data, metadata, recorded_at, prev_hash, hash, log_hash) SELECT 'fill-'||g, 1, 'T', $1, $2, now(), '', '', '' FROM generate_series(1,100000) g`,
    [JSON.stringify(data), JSON.stringify(meta)],
  );
  await c.query('ANALYZE events');
  for (const n of [1, 8]) {
    const t = performance.now();
    for (let i = 0; i < 500; i++) {
      const reqs = Array.from({ length: n }, (_, k) => ({
        s: `s-${i}-${k}-${n}`,
        e: 0,
        k: `k-${i}-${k}-${n}`,
        ev: [{ t: 'T', v: 1, d: data, m: meta }],
      }));
      await c.query('SELECT * FROM cadreflow_append($1::jsonb, $2)', [JSON.stringify(reqs), new Date().toISOString()]);
    }
    console.log(`function batch ${n}: ${((performance.now() - t) / 500).toFixed(3)} ms/call`);
  }
  await c.end();
  await ds.destroy();
}
void main();
