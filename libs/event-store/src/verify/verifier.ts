import type { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import { GENESIS_DIGEST, checkpointDigest, checkpointMessage, type Checkpoint } from '../checkpoints/checkpoint';
import { listCheckpoints } from '../checkpoints/checkpoint-writer';
import { TrustedKeys } from '../checkpoints/signing-key';
import { GENESIS_HASH, logHash } from '../hashing';
import { ReceiptCursor, receiptMessage, receiptsAfter } from '../checkpoints/append-receipt';
import { listTreeHeads } from '../tree/tree-head-writer';
import { forEachCheckedRow, type CheckedRow } from './log-rows';
import { TreeCheck, type TreeProblemKind } from './tree-check';

/** What kind of damage verification found. */
export type ProblemKind =
  | 'content-altered'
  | 'chain-broken'
  | 'version-gap'
  | 'log-chain-broken'
  | 'checkpoint-mismatch'
  | 'checkpoint-signature'
  | 'checkpoint-untrusted-key'
  | 'event-not-receipted'
  | 'receipt-mismatch'
  | TreeProblemKind;

export interface VerificationProblem {
  kind: ProblemKind;
  /** A sentence a person can act on. */
  message: string;
  streamId?: string;
  streamVersion?: number;
  position?: number;
  checkpointId?: number;
  /** The size of the tree head a tree problem is about. */
  treeSize?: number;
}

export interface VerificationReport {
  ok: boolean;
  eventsChecked: number;
  streamsChecked: number;
  checkpointsChecked: number;
  /** Highest position covered by a valid checkpoint; events after it are protected by hash chains only. */
  lastCheckpointPosition: number;
  /** Signed tree heads checked: the database's and those kept outside it. */
  treeHeadsChecked: number;
  /** Size of the newest tree head the whole log matched (0 when none, or when anything failed). */
  verifiedTreeSize: number;
  problems: VerificationProblem[];
}

export interface VerifyOptions {
  trustedKeys: TrustedKeys;
  /** Verify only the events of these streams (and skip log-wide checks). */
  streamIds?: string[];
}

interface StreamState {
  version: number;
  hash: string;
  /** Once a stream has a problem only its first one is reported. */
  broken: boolean;
}

/** Where an event stands, for a problem's message (spelled out only for a problem: verify checks every event). */
function eventPlace(streamId: string, version: number, position: number): string {
  return `Stream "${streamId}" version ${version} (position ${position})`;
}

/**
 * Re-derives every hash of the log and checks it against the stored chain and the signed checkpoints. Names, per
 * stream, the first event that does not match, and every checkpoint the log no longer agrees with: edited data or
 * metadata, deleted, reordered, inserted or forged events, and a truncated tail.
 *
 * @example
 * const report = await verifyLog(dataSource, { trustedKeys: TrustedKeys.fromPems([publicPem]) });
 * if (!report.ok) for (const p of report.problems) logger.warn(p.message);
 */
export async function verifyLog(dataSource: DataSource, options: VerifyOptions): Promise<VerificationReport> {
  const wholeLog = options.streamIds === undefined;
  const problems: VerificationProblem[] = [];
  const streams = new Map<string, StreamState>();
  const checkpoints = wholeLog ? await listCheckpoints(dataSource) : [];
  const treeHeads = wholeLog ? await listTreeHeads(dataSource) : [];
  const tree = wholeLog ? await TreeCheck.open(treeHeads, options.trustedKeys) : undefined;
  const appenders = new TrustedKeys([
    ...options.trustedKeys.all(),
    ...(options.trustedKeys.anchors.appenderKeys ?? []),
  ]);
  // Events after the newest head are vouched for by the appenders' receipts alone, in a log that signs heads.
  const tailFrom = Math.max(0, ...treeHeads.map((h) => h.position));
  const receipts = tree?.knowsAnyHead()
    ? new ReceiptCursor(
        (await receiptsAfter(dataSource, tailFrom)).filter((r) =>
          appenders.verify(r.keyId, receiptMessage(r), r.signature),
        ),
        tailFrom,
      )
    : undefined;
  let nextCheckpoint = 0;
  let eventsChecked = 0;
  let prevLog = GENESIS_HASH;
  let logBroken = false;
  let lastCheckpointPosition = 0;

  const checkCheckpoint = (cp: Checkpoint, previous: Checkpoint | undefined): void => {
    const before = problems.length;
    if (!options.trustedKeys.has(cp.keyId)) {
      problems.push({
        kind: 'checkpoint-untrusted-key',
        checkpointId: cp.id,
        message: `Checkpoint #${cp.id} is signed by key ${cp.keyId}, which is not a trusted key.`,
      });
    } else if (!options.trustedKeys.verify(cp.keyId, checkpointMessage(cp), cp.signature)) {
      problems.push({
        kind: 'checkpoint-signature',
        checkpointId: cp.id,
        message: `Checkpoint #${cp.id} (position ${cp.position}) has an invalid signature: the checkpoint itself was altered.`,
      });
    }
    if (
      cp.previousDigest !== undefined &&
      cp.previousDigest !== (previous ? checkpointDigest(previous) : GENESIS_DIGEST)
    ) {
      problems.push({
        kind: 'checkpoint-mismatch',
        checkpointId: cp.id,
        position: cp.position,
        message: `Checkpoint #${cp.id} signs another checkpoint before it than the log has: signed checkpoints before it were deleted or replaced.`,
      });
    }
    if (eventsChecked !== cp.eventCount) {
      problems.push({
        kind: 'checkpoint-mismatch',
        checkpointId: cp.id,
        position: cp.position,
        message: `Checkpoint #${cp.id} signed ${cp.eventCount} events up to position ${cp.position}; the log now has ${eventsChecked}: events were ${eventsChecked < cp.eventCount ? 'deleted' : 'inserted'}.`,
      });
    }
    if (prevLog !== cp.logHash) {
      problems.push({
        kind: 'checkpoint-mismatch',
        checkpointId: cp.id,
        position: cp.position,
        message: `Checkpoint #${cp.id}: the log up to position ${cp.position} no longer hashes to the signed value: events before it were altered, reordered, inserted or removed.`,
      });
    }
    for (const [streamId, [version, hash]] of Object.entries(cp.streamHeads)) {
      const state = streams.get(streamId);
      if (state?.version === version && state.hash === hash) continue;
      problems.push({
        kind: 'checkpoint-mismatch',
        checkpointId: cp.id,
        streamId,
        streamVersion: version,
        message: state
          ? `Stream "${streamId}": checkpoint #${cp.id} signed version ${version} (hash ${hash.slice(0, 12)}…) but the log has version ${state.version} (hash ${state.hash.slice(0, 12)}…) at that point.`
          : `Stream "${streamId}": checkpoint #${cp.id} signed version ${version} but the log has no event of this stream up to position ${cp.position}: its events were removed.`,
      });
    }
    if (problems.length === before) lastCheckpointPosition = cp.position;
  };

  const [client, release] = (await (dataSource.driver as PostgresDriver).obtainMasterConnection()) as [
    Parameters<typeof forEachCheckedRow>[0],
    () => void,
  ];
  try {
    await forEachCheckedRow(
      client,
      options.streamIds,
      (row) => {
        const position = row.position;
        while (nextCheckpoint < checkpoints.length && checkpoints[nextCheckpoint].position < position) {
          checkCheckpoint(checkpoints[nextCheckpoint], checkpoints[nextCheckpoint++ - 1]);
        }
        checkEvent(row, position);
      },
      receipts ? tailFrom : Infinity,
    );
    while (nextCheckpoint < checkpoints.length)
      checkCheckpoint(checkpoints[nextCheckpoint], checkpoints[nextCheckpoint++ - 1]);
  } finally {
    release();
  }
  if (tree) {
    tree.finish();
    for (const p of tree.problems) problems.push(p);
    if (problems.length === 0) await tree.remember();
  }

  function checkEvent(row: CheckedRow, position: number): void {
    eventsChecked++;
    tree?.leaf(row.logHash);
    if (receipts && position > tailFrom) {
      const receipt = receipts.check(position, row.logHash, () => row.content!);
      if (receipt === 'unreceipted') {
        problems.push({
          kind: 'event-not-receipted',
          position,
          streamId: row.streamId,
          streamVersion: row.streamVersion,
          message: `${eventPlace(row.streamId, row.streamVersion, position)}: no append receipt vouches for it and no tree head covers it: it was written into the database without going through the log (a forged event).`,
        });
      } else if (receipt === 'mismatch') {
        problems.push({
          kind: 'receipt-mismatch',
          position,
          streamId: row.streamId,
          streamVersion: row.streamVersion,
          message: `${eventPlace(row.streamId, row.streamVersion, position)}: is not what the signed receipt of its append vouches for (another content, time, order or number of events): events of that append were altered, added or removed.`,
        });
      }
    }
    const { streamId, streamVersion: version, prevHash, hash, logHash: storedLog } = row;
    let state = streams.get(streamId);
    if (state === undefined) {
      state = { version: 0, hash: GENESIS_HASH, broken: false };
      streams.set(streamId, state);
    }
    if (wholeLog && !logBroken) {
      const expectedLog = row.computedLogHash ?? logHash(prevLog, hash);
      if (expectedLog !== storedLog) {
        logBroken = true;
        problems.push({
          kind: 'log-chain-broken',
          position,
          streamId,
          streamVersion: version,
          message: `Event at position ${position} ("${streamId}" v${version}) does not follow the event before it in the log: an event was removed, inserted or moved here.`,
        });
      }
    }
    // Carry the stored log hash forward so one break is reported once, not at every later event.
    prevLog = storedLog;
    if (!state.broken) {
      let problem: VerificationProblem | undefined;
      if (version !== state.version + 1) {
        problem = {
          kind: 'version-gap',
          message:
            version > state.version + 1
              ? `${eventPlace(streamId, version, position)}: versions ${state.version + 1}–${version - 1} are missing: events were deleted.`
              : `${eventPlace(streamId, version, position)}: comes after version ${state.version}: events were reordered or duplicated.`,
        };
      } else if (prevHash !== state.hash) {
        problem = {
          kind: 'chain-broken',
          message: `${eventPlace(streamId, version, position)}: does not chain to the stream's previous event: an event was inserted, removed or replaced before it.`,
        };
      } else {
        const computed = row.computedHash;
        if (computed !== hash) {
          problem = {
            kind: 'content-altered',
            message: `${eventPlace(streamId, version, position)}: its content (type, data, metadata or time) was altered after it was recorded.`,
          };
        }
      }
      if (problem) {
        state.broken = true;
        problems.push({ ...problem, streamId, streamVersion: version, position });
      }
    }
    state.version = version;
    state.hash = hash;
  }

  return {
    ok: problems.length === 0,
    eventsChecked,
    streamsChecked: streams.size,
    checkpointsChecked: checkpoints.length,
    lastCheckpointPosition,
    treeHeadsChecked: treeHeads.length,
    verifiedTreeSize: problems.length === 0 ? (tree?.newestValidSize ?? 0) : 0,
    problems,
  };
}
