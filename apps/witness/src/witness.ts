import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { appendFile, mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  MalformedNoteError,
  ProofError,
  cosignatureLine,
  hasLogSignature,
  keyIdOf,
  parseBody,
  parseNote,
  verifierKey,
  verifyConsistency,
} from '@cadreflow/event-store';

/** Why the witness did not cosign; `status` is the HTTP status c2sp.org/tlog-witness gives it. */
export class WitnessRefusal extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'WitnessRefusal';
  }
}

/**
 * A witness: it cosigns a log's tree head only after checking, with a consistency proof, that the new tree extends
 * the last one it cosigned for that log. It refuses a rollback (a smaller tree) and a fork (another root for a tree
 * it has seen, or a tree that does not extend it). It keeps its own Ed25519 key and its own store on disk, apart
 * from the log's database, so that whoever administers the database cannot make it forget what it cosigned.
 *
 * Store layout: `witness-key.pem` (0600), `logs/<sha256 of origin>.note` (the newest cosigned head of each log),
 * and `cosigned.log` (every head it ever cosigned, appended).
 */
export class Witness {
  readonly name: string;
  readonly publicKey: KeyObject;
  /** Serialises the requests of one log: each reads and replaces that log's newest head. */
  private readonly queues = new Map<string, Promise<unknown>>();

  private constructor(
    private readonly store: string,
    private readonly privateKey: KeyObject,
    private readonly logKeys: Map<string, KeyObject>,
  ) {
    this.publicKey = createPublicKey(privateKey);
    this.name = `witness/${keyIdOf(this.publicKey)}`;
  }

  /**
   * Opens (or creates) the witness's store and key.
   *
   * @param logKeys public keys of the logs it witnesses; a log's origin is `cadreflow/<key id>`
   */
  static async open(store: string, logKeys: KeyObject[]): Promise<Witness> {
    await mkdir(join(store, 'logs'), { recursive: true });
    const keyFile = join(store, 'witness-key.pem');
    let pem: string;
    try {
      pem = await readFile(keyFile, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      pem = generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
      await writeFile(keyFile, pem, { mode: 0o600, flag: 'wx' });
    }
    return new Witness(store, createPrivateKey(pem), new Map(logKeys.map((k) => [`cadreflow/${keyIdOf(k)}`, k])));
  }

  /** The witness's verifier key (c2sp.org/signed-note) and public key in PEM, for inspectors to pin. */
  describe(): { name: string; verifierKey: string; publicKeyPem: string } {
    return {
      name: this.name,
      verifierKey: verifierKey(this.name, this.publicKey),
      publicKeyPem: this.publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    };
  }

  private file(origin: string): string {
    return join(this.store, 'logs', `${createHash('sha256').update(origin).digest('hex')}.note`);
  }

  /** The newest head this witness cosigned for the log, with its cosignature; undefined if none. */
  async latest(origin: string): Promise<string | undefined> {
    try {
      return await readFile(this.file(origin), 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
  }

  /**
   * Handles an add-checkpoint request: `old <size>`, the proof's base64 lines, a blank line, the signed note.
   *
   * @returns the cosignature line
   * @throws WitnessRefusal
   */
  async addCheckpoint(request: string, now = new Date()): Promise<string> {
    const split = request.indexOf('\n\n');
    if (split < 0) throw new WitnessRefusal(400, 'the request is "old <size>", the proof, a blank line and the note');
    const [oldLine, ...proofLines] = request.slice(0, split).split('\n');
    const note = request.slice(split + 2);
    const old = /^old (\d+)$/.exec(oldLine);
    if (!old) throw new WitnessRefusal(400, 'the request starts with "old <size>"');
    const proof = proofLines.map((l) => Buffer.from(l, 'base64'));
    let head: ReturnType<typeof parseBody>;
    try {
      head = parseBody(parseNote(note).body);
    } catch (error) {
      if (error instanceof MalformedNoteError) throw new WitnessRefusal(400, error.message);
      throw error;
    }
    const key = this.logKeys.get(head.origin);
    if (!key) throw new WitnessRefusal(404, `this witness does not witness the log "${head.origin}"`);
    if (!hasLogSignature(note, head.origin, key)) {
      throw new WitnessRefusal(403, `the tree head is not signed by the key of "${head.origin}"`);
    }
    const previous = this.queues.get(head.origin) ?? Promise.resolve();
    const run = previous.catch(() => undefined).then(() => this.extend(head, note, Number(old[1]), proof, now));
    this.queues.set(head.origin, run);
    return run;
  }

  private async extend(
    head: ReturnType<typeof parseBody>,
    note: string,
    old: number,
    proof: Buffer[],
    now: Date,
  ): Promise<string> {
    const stored = await this.latest(head.origin);
    const last = stored ? parseBody(parseNote(stored).body) : undefined;
    const lastSize = last?.size ?? 0;
    if (head.size < lastSize) {
      throw new WitnessRefusal(
        409,
        `rollback: this witness already cosigned a tree of ${lastSize} events; it will not cosign one of ${head.size}`,
      );
    }
    if (old !== lastSize) throw new WitnessRefusal(409, `${lastSize}\n`);
    try {
      verifyConsistency(lastSize, head.size, proof, last?.root ?? Buffer.alloc(32), head.root);
    } catch (error) {
      if (error instanceof ProofError) {
        throw new WitnessRefusal(
          422,
          `fork: the tree of ${head.size} events does not extend the tree of ${lastSize} this witness cosigned (${error.message})`,
        );
      }
      throw error;
    }
    const body = parseNote(note).body;
    const line = cosignatureLine(body, this.name, this.privateKey, Math.floor(now.getTime() / 1000));
    const cosigned = `${note}${line}`;
    const file = this.file(head.origin);
    await appendFile(join(this.store, 'cosigned.log'), `${cosigned}%%\n`);
    await writeFile(`${file}.tmp`, cosigned);
    await rename(`${file}.tmp`, file);
    return line;
  }
}
