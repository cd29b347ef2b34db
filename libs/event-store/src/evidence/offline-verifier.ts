/**
 * The verifier an evidence bundle carries: plain JavaScript once compiled, run by Node alone (no database, no
 * install). It is embedded in the bundle as source text (`offlineVerify.toString()`), so it imports nothing at
 * module level and reaches Node's crypto through `require` at run time.
 *
 * It checks, for every event of the bundle: its hash recomputed from its content, its chain to the previous event
 * of its stream, and its inclusion proof up to the root of the tree head; and the head's signature by the log's
 * key and cosignature by each witness. The keys are those pinned on the command line (`--public-key FILE`,
 * `--witness-key FILE`), else those in the bundle (printed, so the inspector compares them with the ones published).
 */

/** An event as the bundle carries it. */
export interface BundleEvent {
  position: number;
  streamId: string;
  streamVersion: number;
  type: string;
  schemaVersion: number;
  recordedAt: string;
  /** Data and metadata as the exact text their hash covers. */
  data: string;
  metadata: string;
  prevHash: string;
  hash: string;
  /** Its leaf index and inclusion proof (base64 hashes), or null when no signed head covers it. */
  leafIndex: number | null;
  proof: string[] | null;
}

/** A signed checkpoint as stored: it names the version and hash each changed stream had reached. */
export interface BundleCheckpoint {
  id: number;
  position: number;
  eventCount: number;
  logHash: string;
  streamHeads: Record<string, [number, string]>;
  createdAt: string;
  keyId: string;
  signature: string;
  /** The digest of the checkpoint before it, which it signs (absent on checkpoints from before the chain). */
  previousDigest?: string;
}

export interface EvidenceBundle {
  format: 'cadreflow-evidence-v1';
  procedureId: string;
  exportedAt: string;
  /** The signed, cosigned C2SP tree head every proof leads to. */
  treeHead: string;
  /** The log's public key and the witnesses' (PEM), as the exporting system knows them. */
  logPublicKeyPem: string;
  witnessPublicKeyPems: string[];
  events: BundleEvent[];
  /**
   * The signed checkpoints (up to the tree head) that name one of the procedure's streams, and every checkpoint from
   * the one before its streams last changed up to the tree head's: each says which version the streams it names had
   * reached, and each signs the digest of the one before, so that events removed from the end of a stream are
   * missed even when the checkpoints that named them were deleted too.
   */
  checkpoints: BundleCheckpoint[];
}

/** Verifies a bundle; returns the exit code (0 intact, 1 not). Prints its findings in Vietnamese and English. */
export function offlineVerify(bundle: EvidenceBundle, argv: string[], print: (line: string) => void): number {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const crypto = require('node:crypto') as typeof import('node:crypto');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const fs = require('node:fs') as typeof import('node:fs');
  const sha256 = (data: Buffer | string): Buffer => crypto.createHash('sha256').update(data).digest();
  const fail = (what: string): number => {
    print(`KHÔNG TOÀN VẸN / TAMPERED: ${what}`);
    return 1;
  };
  const pinned = (flag: string): string[] => {
    const files: string[] = [];
    argv.forEach((a, i) => {
      if (a === flag && argv[i + 1] !== undefined) files.push(fs.readFileSync(argv[i + 1], 'utf8'));
    });
    return files;
  };
  const raw = (pem: string): Buffer => {
    const der = crypto.createPublicKey(pem).export({ type: 'spki', format: 'der' });
    return der.subarray(der.length - 32);
  };
  const keyId = (pem: string): string =>
    sha256(crypto.createPublicKey(pem).export({ type: 'spki', format: 'der' }))
      .toString('hex')
      .slice(0, 16);
  const noteKeyHash = (name: string, alg: number, pem: string): Buffer =>
    sha256(Buffer.concat([Buffer.from(`${name}\n`), Buffer.from([alg]), raw(pem)])).subarray(0, 4);

  const logKeys = pinned('--public-key');
  const witnessKeys = pinned('--witness-key');
  const logPem = logKeys[0] ?? bundle.logPublicKeyPem;
  const witnessPems = witnessKeys.length > 0 ? witnessKeys : bundle.witnessPublicKeyPems;
  print(
    logKeys.length > 0
      ? `Khóa của nhật ký (đã ghim) / log key (pinned): ${keyId(logPem)}`
      : `Khóa của nhật ký trong gói, hãy đối chiếu / log key from the bundle, compare it with the published one: ${keyId(logPem)}`,
  );
  for (const w of witnessPems) print(`Khóa nhân chứng / witness key: ${keyId(w)}`);

  // The tree head: five body lines, a blank line, signature lines.
  const note = bundle.treeHead;
  const split = note.lastIndexOf('\n\n');
  const body = note.slice(0, split + 1);
  const lines = body.split('\n');
  const origin = lines[0];
  const size = Number(lines[1]);
  const root = Buffer.from(lines[2] ?? '', 'base64');
  const signatures = note
    .slice(split + 2, -1)
    .split('\n')
    .map((l) => {
      const m = /^\u2014 (\S+) (\S+)$/.exec(l);
      return m ? { name: m[1], bytes: Buffer.from(m[2], 'base64') } : undefined;
    })
    .filter((s) => s !== undefined);
  if (origin !== `cadreflow/${keyId(logPem)}`) {
    return fail(`the tree head belongs to "${origin}", not to the log key ${keyId(logPem)}`);
  }
  const logSigned = signatures.some(
    (s) =>
      s.name === origin &&
      s.bytes.length === 68 &&
      s.bytes.subarray(0, 4).equals(noteKeyHash(origin, 1, logPem)) &&
      crypto.verify(null, Buffer.from(body), logPem, s.bytes.subarray(4)),
  );
  if (!logSigned) return fail('the tree head is not validly signed by the log key');
  for (const w of witnessPems) {
    const name = `witness/${keyId(w)}`;
    const cosigned = signatures.some((s) => {
      if (s.name !== name || s.bytes.length !== 76 || !s.bytes.subarray(0, 4).equals(noteKeyHash(name, 4, w))) {
        return false;
      }
      const time = s.bytes.readBigUInt64BE(4);
      return crypto.verify(null, Buffer.from(`cosignature/v1\ntime ${time}\n${body}`), w, s.bytes.subarray(12));
    });
    if (!cosigned) return fail(`the tree head has no valid cosignature of ${name}`);
  }

  const leafHash = (hex: string): Buffer => sha256(Buffer.concat([Buffer.from([0]), Buffer.from(hex, 'hex')]));
  const node = (l: Buffer, r: Buffer): Buffer => sha256(Buffer.concat([Buffer.from([1]), l, r]));
  const rootFrom = (index: number, proof: Buffer[], leaf: Buffer): Buffer | undefined => {
    let fn = index;
    let sn = size - 1;
    let r = leaf;
    for (const p of proof) {
      if (sn === 0 || p.length !== 32) return undefined;
      if (fn % 2 === 1 || fn === sn) {
        r = node(p, r);
        while (fn % 2 === 0 && fn !== 0) {
          fn = Math.floor(fn / 2);
          sn = Math.floor(sn / 2);
        }
      } else {
        r = node(r, p);
      }
      fn = Math.floor(fn / 2);
      sn = Math.floor(sn / 2);
    }
    return sn === 0 ? r : undefined;
  };

  const heads = new Map<string, { version: number; hash: string }>();
  for (const e of bundle.events) {
    const where = `sự kiện / event "${e.streamId}" v${e.streamVersion} (position ${e.position}, ${e.type})`;
    const computed = sha256(
      `${e.prevHash}\n${e.streamId}\n${e.streamVersion}\n${e.type}\n${e.schemaVersion}\n${e.recordedAt}\n${e.data}\n${e.metadata}`,
    ).toString('hex');
    if (computed !== e.hash) return fail(`${where}: its content was altered (its hash does not match)`);
    const before = heads.get(e.streamId) ?? { version: 0, hash: '0'.repeat(64) };
    if (e.streamVersion !== before.version + 1 || e.prevHash !== before.hash) {
      return fail(
        `${where}: does not follow version ${before.version} of its stream (an event is missing or was moved)`,
      );
    }
    heads.set(e.streamId, { version: e.streamVersion, hash: e.hash });
    if (e.leafIndex === null || e.proof === null || e.leafIndex >= size) {
      return fail(`${where}: is not covered by the signed tree head of ${size} events`);
    }
    const r = rootFrom(
      e.leafIndex,
      e.proof.map((p) => Buffer.from(p, 'base64')),
      leafHash(e.hash),
    );
    if (!r || !r.equals(root))
      return fail(`${where}: is not in the log the tree head signed (its inclusion proof fails)`);
  }
  const headPosition = Number(/^position (\d+)$/.exec(lines[3] ?? '')?.[1] ?? 0);
  const ownStream = (s: string): boolean => s === bundle.procedureId || s.startsWith(`${bundle.procedureId}/`);
  const companion = /^checkpoint (\d+) ([0-9a-f]{64})$/.exec(lines.find((l) => l.startsWith('checkpoint ')) ?? '');
  let companionFound = companion === null;
  const digests = new Map<number, string>();
  for (const c of bundle.checkpoints) {
    const sorted = Object.entries(c.streamHeads).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    const digest = sha256(JSON.stringify(sorted)).toString('hex');
    const fields = [c.position, c.eventCount, c.logHash, digest, c.createdAt, c.keyId];
    const message =
      c.previousDigest === undefined
        ? JSON.stringify(['cadreflow-checkpoint-v1', ...fields])
        : JSON.stringify(['cadreflow-checkpoint-v2', ...fields, c.previousDigest]);
    digests.set(c.id, sha256(message).toString('hex'));
    if (
      c.keyId !== keyId(logPem) ||
      !crypto.verify(null, Buffer.from(message), logPem, Buffer.from(c.signature, 'base64'))
    ) {
      return fail(`checkpoint #${c.id} is not validly signed by the log key (it was altered)`);
    }
    if (companion && Number(companion[1]) === c.id) {
      if (digests.get(c.id) !== companion[2]) {
        return fail(`checkpoint #${c.id} is not the one the tree head vouches for: checkpoints were replaced`);
      }
      companionFound = true;
    }
    if (c.position > headPosition) continue;
    for (const [streamId, [version, hash]] of Object.entries(c.streamHeads)) {
      if (!ownStream(streamId)) continue;
      const held = bundle.events.find((e) => e.streamId === streamId && e.streamVersion === version);
      if (heads.has(streamId) || bundle.events.some((e) => e.streamId === streamId)) {
        if (!held || held.hash !== hash) {
          return fail(
            `checkpoint #${c.id} signed version ${version} of "${streamId}", which the log no longer has as signed: events were removed or replaced`,
          );
        }
      } else {
        return fail(
          `checkpoint #${c.id} signed version ${version} of "${streamId}", but the bundle has none of its events: they were removed`,
        );
      }
    }
  }
  if (!companionFound) {
    return fail(
      `checkpoint #${companion![1]}, which the tree head vouches for, is missing: signed checkpoints were deleted`,
    );
  }
  // From the tree head's checkpoint back along the chain to one from before the procedure's streams last changed:
  // every checkpoint since is in the bundle, so each later version of its streams would be named by one of them.
  if (companion) {
    const byDigest = new Map(bundle.checkpoints.map((c) => [digests.get(c.id), c]));
    const lastOfStream = new Map<string, number>();
    for (const e of bundle.events) if (e.position <= headPosition) lastOfStream.set(e.streamId, e.position);
    const lastChange = Math.min(...lastOfStream.values());
    let at = bundle.checkpoints.find((c) => c.id === Number(companion[1]));
    while (at && at.previousDigest !== undefined && at.position >= lastChange && at.previousDigest !== '0'.repeat(64)) {
      const before = byDigest.get(at.previousDigest);
      if (!before) {
        return fail(
          `the signed checkpoint before checkpoint #${at.id} is missing: signed checkpoints were deleted, and with them what they said of the procedure's streams`,
        );
      }
      at = before;
    }
  }
  print(
    `TOÀN VẸN / intact: ${bundle.events.length} sự kiện của / events of "${bundle.procedureId}" khớp cây đã ký / match the signed tree of ${size} events.`,
  );
  return 0;
}
