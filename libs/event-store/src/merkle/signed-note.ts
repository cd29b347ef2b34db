import { createHash, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';

/**
 * Tree heads as C2SP signed notes (c2sp.org/signed-note, c2sp.org/tlog-checkpoint, c2sp.org/tlog-cosignature):
 *
 *   <origin>\n<tree size>\n<base64 root>\n[extension lines]\n\n— <signer name> <base64(key hash[4] || signature)>\n
 *
 * The log signs the body with Ed25519; a witness adds a cosignature line over "cosignature/v1\ntime <t>\n" followed
 * by the body. Any tool that reads C2SP checkpoints reads these; the extension lines carry what the log adds (the
 * last global position the head covers, and the time it was signed).
 */

const SIGNATURE_ALG_ED25519 = 0x01;
const SIGNATURE_ALG_COSIGNATURE_V1 = 0x04;
const EM_DASH = '\u2014';

/** A tree head as signed: what the log claims about itself at one moment. */
export interface TreeHeadBody {
  origin: string;
  size: number;
  /** 32-byte RFC 9162 root. */
  root: Buffer;
  /** Last global position among the `size` events. */
  position: number;
  /** When the head was signed, ISO-8601 UTC. */
  time: string;
  /**
   * The log hash at `position` (the running hash over every event hash in order): it commits to the same
   * sequence of event hashes as the root, and lets a verifier that reads the log in order check the head at no
   * extra cost per event.
   */
  logHash: string;
  /** The signed checkpoint of the same events (its id and the SHA-256 of its signed message), if any. */
  checkpoint?: { id: number; digest: string };
}

/** One signature line of a note. */
export interface NoteSignature {
  name: string;
  keyHash: Buffer;
  /** For a cosignature: the witness's time (seconds); 0 for a log signature. */
  timestamp: number;
  signature: Buffer;
}

/** A note whose text does not parse; the message says where. */
export class MalformedNoteError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MalformedNoteError';
  }
}

function rawPublicKey(key: KeyObject): Buffer {
  const der = key.export({ type: 'spki', format: 'der' });
  return der.subarray(der.length - 32);
}

/** Ed25519 public key from its 32 raw bytes. */
export function ed25519PublicKey(raw: Buffer): KeyObject {
  return createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: raw.toString('base64url') }, format: 'jwk' });
}

function keyHash(name: string, alg: number, key: KeyObject): Buffer {
  return createHash('sha256')
    .update(`${name}\n`)
    .update(Buffer.from([alg]))
    .update(rawPublicKey(key))
    .digest()
    .subarray(0, 4);
}

/** The verifier key text of c2sp.org/signed-note, `<name>+<hex key hash>+<base64(0x01 || key)>`. */
export function verifierKey(name: string, key: KeyObject): string {
  const hash = keyHash(name, SIGNATURE_ALG_ED25519, key).toString('hex');
  return `${name}+${hash}+${Buffer.concat([Buffer.from([SIGNATURE_ALG_ED25519]), rawPublicKey(key)]).toString('base64')}`;
}

/** The checkpoint body text. */
export function formatBody(head: TreeHeadBody): string {
  const checkpoint = head.checkpoint ? `checkpoint ${head.checkpoint.id} ${head.checkpoint.digest}\n` : '';
  return `${head.origin}\n${head.size}\n${head.root.toString('base64')}\nposition ${head.position}\ntime ${head.time}\nlog ${head.logHash}\n${checkpoint}`;
}

/** @throws MalformedNoteError */
export function parseBody(body: string): TreeHeadBody {
  const lines = body.split('\n');
  if ((lines.length !== 7 && lines.length !== 8) || lines.at(-1) !== '') {
    throw new MalformedNoteError('a tree head has six or seven lines');
  }
  const [origin, size, root, position, time, logLine, checkpointLine] = lines;
  const rootBytes = Buffer.from(root, 'base64');
  if (!origin || !/^\d+$/.test(size) || rootBytes.length !== 32 || rootBytes.toString('base64') !== root) {
    throw new MalformedNoteError('a tree head starts with its origin, size and base64 root');
  }
  const p = /^position (\d+)$/.exec(position);
  const t = /^time (\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z)$/.exec(time);
  if (!p || !t) throw new MalformedNoteError('a tree head names its last position and time');
  const log = /^log ([0-9a-f]{64})$/.exec(logLine);
  if (!log) throw new MalformedNoteError('the sixth line of a tree head is its log hash');
  const c = lines.length === 8 ? /^checkpoint (\d+) ([0-9a-f]{64})$/.exec(checkpointLine) : undefined;
  if (c === null) throw new MalformedNoteError('the seventh line of a tree head names its checkpoint');
  return {
    origin,
    size: Number(size),
    root: rootBytes,
    position: Number(p[1]),
    time: t[1],
    logHash: log[1],
    ...(c ? { checkpoint: { id: Number(c[1]), digest: c[2] } } : {}),
  };
}

/** The body signed by the log's key, as note text. */
export function signNote(body: string, name: string, privateKey: KeyObject): string {
  const publicKey = createPublicKey(privateKey);
  const sig = sign(null, Buffer.from(body), privateKey);
  const line = Buffer.concat([keyHash(name, SIGNATURE_ALG_ED25519, publicKey), sig]).toString('base64');
  return `${body}\n${EM_DASH} ${name} ${line}\n`;
}

function cosignedMessage(body: string, timestamp: number): Buffer {
  return Buffer.from(`cosignature/v1\ntime ${timestamp}\n${body}`);
}

/** A witness's cosignature line for the body (c2sp.org/tlog-cosignature). */
export function cosignatureLine(body: string, name: string, privateKey: KeyObject, timestamp: number): string {
  const publicKey = createPublicKey(privateKey);
  const ts = Buffer.alloc(8);
  ts.writeBigUInt64BE(BigInt(timestamp));
  const sig = sign(null, cosignedMessage(body, timestamp), privateKey);
  const bytes = Buffer.concat([keyHash(name, SIGNATURE_ALG_COSIGNATURE_V1, publicKey), ts, sig]);
  return `${EM_DASH} ${name} ${bytes.toString('base64')}\n`;
}

/** Splits a note into its body and signature lines. @throws MalformedNoteError */
export function parseNote(text: string): { body: string; signatures: NoteSignature[] } {
  const at = text.lastIndexOf('\n\n');
  if (at < 0 || !text.endsWith('\n')) throw new MalformedNoteError('a note is a body, a blank line and signatures');
  const body = text.slice(0, at + 1);
  const signatures = text
    .slice(at + 2, -1)
    .split('\n')
    .map((line): NoteSignature => {
      const m = /^\u2014 (\S+) ([A-Za-z0-9+/=]+)$/.exec(line);
      if (!m) throw new MalformedNoteError(`not a signature line: "${line}"`);
      const bytes = Buffer.from(m[2], 'base64');
      if (bytes.length === 68) {
        return { name: m[1], keyHash: bytes.subarray(0, 4), timestamp: 0, signature: bytes.subarray(4) };
      }
      if (bytes.length === 76) {
        const timestamp = Number(bytes.readBigUInt64BE(4));
        return { name: m[1], keyHash: bytes.subarray(0, 4), timestamp, signature: bytes.subarray(12) };
      }
      throw new MalformedNoteError(`signature of ${m[1]} has ${bytes.length} bytes`);
    });
  return { body, signatures };
}

/** Whether the note carries a valid signature of this log key. */
export function hasLogSignature(text: string, name: string, key: KeyObject): boolean {
  const { body, signatures } = parseNote(text);
  const hash = keyHash(name, SIGNATURE_ALG_ED25519, key);
  return signatures.some(
    (s) =>
      s.name === name &&
      s.keyHash.equals(hash) &&
      s.timestamp === 0 &&
      verify(null, Buffer.from(body), key, s.signature),
  );
}

/** The witness's time (seconds) if the note carries its valid cosignature, else undefined. */
export function cosignatureTime(text: string, name: string, key: KeyObject): number | undefined {
  const { body, signatures } = parseNote(text);
  const hash = keyHash(name, SIGNATURE_ALG_COSIGNATURE_V1, key);
  const found = signatures.find(
    (s) =>
      s.name === name &&
      s.keyHash.equals(hash) &&
      s.timestamp > 0 &&
      verify(null, cosignedMessage(body, s.timestamp), key, s.signature),
  );
  return found?.timestamp;
}
