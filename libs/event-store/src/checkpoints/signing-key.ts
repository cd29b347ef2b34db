import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  sign,
  verify,
  type KeyObject,
} from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { signNote } from '../merkle/signed-note';

/** Short, stable name of a public key: the first 16 hex digits of SHA-256 over its DER form. */
export function keyIdOf(publicKey: KeyObject): string {
  return createHash('sha256')
    .update(publicKey.export({ type: 'spki', format: 'der' }))
    .digest('hex')
    .slice(0, 16);
}

/** Signs checkpoints with an Ed25519 private key. */
export class CheckpointSigner {
  readonly publicKey: KeyObject;
  readonly keyId: string;

  constructor(private readonly privateKey: KeyObject) {
    if (privateKey.asymmetricKeyType !== 'ed25519') throw new Error('Checkpoint signing key must be an Ed25519 key.');
    this.publicKey = createPublicKey(privateKey);
    this.keyId = keyIdOf(this.publicKey);
  }

  /** @example const signer = CheckpointSigner.fromPem(process.env.KEY!) */
  static fromPem(pem: string): CheckpointSigner {
    return new CheckpointSigner(createPrivateKey(pem));
  }

  sign(message: string): string {
    return sign(null, Buffer.from(message), this.privateKey).toString('base64');
  }

  /** The log's name in its tree heads (the C2SP checkpoint origin), derived from the key. */
  get origin(): string {
    return `cadreflow/${this.keyId}`;
  }

  /** A tree head body signed as a C2SP note under {@link origin}. */
  signNote(body: string): string {
    return signNote(body, this.origin, this.privateKey);
  }

  /** The public half in PEM form, for inspectors to verify with. */
  publicKeyPem(): string {
    return this.publicKey.export({ type: 'spki', format: 'pem' }).toString();
  }
}

/**
 * What a verifier trusts besides the log's keys: the witnesses whose cosignature every tree head must carry, and
 * tree heads kept outside the database (the anchor files the checkpointer appends to, the verifier's own store of
 * heads it has seen, which verify also extends).
 */
export interface TrustAnchors {
  witnessKeys?: KeyObject[];
  /** Keys of processes that append (and seal their appends) but never sign tree heads: trusted for receipts only. */
  appenderKeys?: KeyObject[];
  anchorFiles?: string[];
  headStore?: string;
}

/** Public keys an inspector trusts, by key id, and where it finds tree heads it trusts. */
export class TrustedKeys {
  private readonly keys = new Map<string, KeyObject>();

  constructor(
    publicKeys: KeyObject[],
    readonly anchors: TrustAnchors = {},
  ) {
    for (const key of publicKeys) this.keys.set(keyIdOf(key), key);
  }

  static fromPems(pems: string[]): TrustedKeys {
    return new TrustedKeys(pems.map((pem) => createPublicKey(pem)));
  }

  has(keyId: string): boolean {
    return this.keys.has(keyId);
  }

  /** The key a tree head's origin names (`cadreflow/<key id>`), if it is trusted. */
  forOrigin(origin: string): KeyObject | undefined {
    return origin.startsWith('cadreflow/') ? this.keys.get(origin.slice('cadreflow/'.length)) : undefined;
  }

  /** Every trusted key. */
  all(): KeyObject[] {
    return [...this.keys.values()];
  }

  verify(keyId: string, message: string, signature: string): boolean {
    const key = this.keys.get(keyId);
    return key !== undefined && verify(null, Buffer.from(message), key, Buffer.from(signature, 'base64'));
  }
}

/**
 * The embedded default keeps its signing key in a file it creates on first use (mode 0600).
 *
 * @returns the key in PKCS#8 PEM form
 */
export async function loadOrCreateSigningKey(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const { privateKey } = generateKeyPairSync('ed25519');
  const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, pem, { mode: 0o600, flag: 'wx' });
  return pem;
}

/**
 * The signer of this deployment: the configured key, or (embedded default) the one kept in the data folder.
 */
export async function resolveSigner(signingKeyPem: string | undefined, dataDir: string): Promise<CheckpointSigner> {
  return CheckpointSigner.fromPem(signingKeyPem ?? (await loadOrCreateSigningKey(join(dataDir, 'signing-key.pem'))));
}
