import type { KeyObject } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { listCheckpoints } from '../checkpoints/checkpoint-writer';
import { parseBody, parseNote } from '../merkle/signed-note';
import { listTreeHeads } from '../tree/tree-head-writer';
import { NotInTreeError, inclusionProofs, type InclusionProof } from '../tree/proofs';
import { offlineVerify, type BundleEvent, type EvidenceBundle } from './offline-verifier';

/** The procedure has no events: there is nothing to give evidence of. */
export class NoSuchProcedureError extends Error {
  constructor(readonly procedureId: string) {
    super(`no events of procedure "${procedureId}"`);
    this.name = 'NoSuchProcedureError';
  }
}

/**
 * Gathers a procedure's events (its stream and its stages' streams, `<id>/…`), their inclusion proofs in the
 * newest signed tree head, that head with its cosignatures, and the signed checkpoints that name its streams.
 * The newest head is the newest of the database's and of `outsideHeads` (from the anchor file or a witness): a
 * database whose heads were rolled back then yields proofs that fail, or none, and the offline verifier says so.
 */
export async function buildEvidence(
  dataSource: DataSource,
  procedureId: string,
  keys: { log: KeyObject; witnesses: KeyObject[] },
  outsideHeads: string[] = [],
  now = new Date(),
): Promise<EvidenceBundle> {
  const rows: {
    position: string;
    stream_id: string;
    stream_version: number;
    type: string;
    schema_version: number;
    recorded_at: string;
    data: string;
    metadata: string;
    prev_hash: string;
    hash: string;
  }[] = await dataSource.query(
    `SELECT position, stream_id, stream_version, type, schema_version,
            to_char(recorded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS recorded_at,
            data::text AS data, metadata::text AS metadata, prev_hash, hash
       FROM events WHERE stream_id = $1 OR stream_id LIKE $2 ORDER BY position`,
    [procedureId, `${procedureId.replace(/[\\%_]/g, '\\$&')}/%`],
  );
  if (rows.length === 0) throw new NoSuchProcedureError(procedureId);
  const candidates = [
    ...(await listTreeHeads(dataSource)).map((h) => h.note),
    ...outsideHeads.filter((note) => {
      try {
        return parseBody(parseNote(note).body).origin.length > 0;
      } catch {
        return false;
      }
    }),
  ].map((note) => ({ note, body: parseBody(parseNote(note).body) }));
  const head = candidates.sort((a, b) => a.body.size - b.body.size).at(-1);
  const proofs = new Map<number, InclusionProof>();
  if (head) {
    for (const r of rows) {
      const position = Number(r.position);
      if (position > head.body.position) continue;
      try {
        const [p] = await inclusionProofs(dataSource, [position], head.body.size);
        proofs.set(position, p);
      } catch (error) {
        // The event is not where the tree had it: the bundle carries no proof, and the verifier names it.
        if (!(error instanceof NotInTreeError) && !(error instanceof Error && /is not stored/.test(error.message))) {
          throw error;
        }
      }
    }
  }
  const streamIds = new Set(rows.map((r) => r.stream_id));
  const companion = head?.body.checkpoint?.id;
  const all = await listCheckpoints(dataSource);
  // Every checkpoint from the one before the procedure's streams last changed up to the head's: the chain that shows
  // the offline verifier that none naming a newer version of its streams is left out.
  const lastOfStream = new Map<string, number>();
  for (const r of rows)
    if (!head || Number(r.position) <= head.body.position) lastOfStream.set(r.stream_id, Number(r.position));
  const since = Math.min(...lastOfStream.values());
  const chainStart = all.findLastIndex((c) => c.position < since);
  const companionAt = all.findIndex((c) => c.id === companion);
  const chain = new Set(companionAt < 0 ? [] : all.slice(Math.max(0, chainStart), companionAt + 1));
  const checkpoints = all.filter(
    (c) =>
      chain.has(c) ||
      c.id === companion ||
      ((head === undefined || c.position <= head.body.position) &&
        Object.keys(c.streamHeads).some((s) => streamIds.has(s))),
  );
  const events: BundleEvent[] = rows.map((r) => {
    const p = proofs.get(Number(r.position));
    return {
      position: Number(r.position),
      streamId: r.stream_id,
      streamVersion: r.stream_version,
      type: r.type,
      schemaVersion: r.schema_version,
      recordedAt: r.recorded_at,
      data: r.data,
      metadata: r.metadata,
      prevHash: r.prev_hash,
      hash: r.hash,
      leafIndex: p?.leafIndex ?? null,
      proof: p ? p.proof.map((h) => h.toString('base64')) : null,
    };
  });
  const pem = (k: KeyObject): string => k.export({ type: 'spki', format: 'pem' }).toString();
  return {
    format: 'cadreflow-evidence-v1',
    procedureId,
    exportedAt: now.toISOString(),
    treeHead: head?.note ?? '',
    logPublicKeyPem: pem(keys.log),
    witnessPublicKeyPems: keys.witnesses.map(pem),
    events,
    checkpoints,
  };
}

/**
 * The bundle as one file an inspector runs with Node alone: `node evidence-<id>.cjs [--public-key FILE]
 * [--witness-key FILE]` prints "intact" or the first bad event and exits 0 or 1.
 */
export function evidenceScript(bundle: EvidenceBundle): string {
  return [
    '#!/usr/bin/env node',
    `// Bằng chứng toàn vẹn của thủ tục / Evidence of integrity for procedure ${JSON.stringify(bundle.procedureId)}.`,
    '// Chạy / Run: node <this file> [--public-key LOG_KEY.pem] [--witness-key WITNESS_KEY.pem]',
    "'use strict';",
    `const BUNDLE = ${JSON.stringify(bundle, null, 1)};`,
    `const offlineVerify = ${offlineVerify.toString()};`,
    'process.exitCode = offlineVerify(BUNDLE, process.argv.slice(2), (line) => process.stdout.write(line + "\\n"));',
    '',
  ].join('\n');
}
