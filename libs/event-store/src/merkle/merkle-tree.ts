import { createHash, hash as digest } from 'node:crypto';

/**
 * The Merkle tree of RFC 9162 (Certificate Transparency v2, §2.1) over the global log: leaf hash
 * SHA-256(0x00 || leaf), interior node SHA-256(0x01 || left || right), the left subtree of every node the largest
 * power of two below its size. Written here because no maintained npm package offers the parts the log needs
 * together (compact ranges, proofs from stored nodes, consistency proofs); it is tested against the published
 * vectors of the RFC's reference implementations.
 *
 * A node is named by its level (0 for leaves) and its index at that level: node (level, index) covers the leaves
 * [index·2^level, (index+1)·2^level). Only such complete nodes are ever stored.
 */

const LEAF_PREFIX = Buffer.from([0]);
/** One input buffer per kind, so that each hash is one call over one buffer (half the cost of three updates). */
const leafInput = Buffer.alloc(33);
const nodeInput = Buffer.from([1, ...new Array<number>(64).fill(0)]);

/** SHA-256(0x00 || leaf). */
export function hashLeaf(leaf: Uint8Array): Buffer {
  if (leaf.length !== 32) return createHash('sha256').update(LEAF_PREFIX).update(leaf).digest();
  leafInput.set(leaf, 1);
  return digest('sha256', leafInput, 'buffer');
}

/** SHA-256(0x00 || leaf) of a 32-byte leaf given in hex (an event hash as stored). */
export function hashHexLeaf(leafHex: string): Buffer {
  leafInput.write(leafHex, 1, 32, 'hex');
  return digest('sha256', leafInput, 'buffer');
}

/** SHA-256(0x01 || left || right). */
export function hashChildren(left: Uint8Array, right: Uint8Array): Buffer {
  if (left.length !== 32 || right.length !== 32) {
    return createHash('sha256')
      .update(Buffer.from([1]))
      .update(left)
      .update(right)
      .digest();
  }
  nodeInput.set(left, 1);
  nodeInput.set(right, 33);
  return digest('sha256', nodeInput, 'buffer');
}

/** The root of an empty tree: SHA-256 of nothing. */
export const EMPTY_ROOT = createHash('sha256').digest();

/** A complete subtree: level 0 for a leaf. */
export interface NodeId {
  level: number;
  index: number;
}

/** A complete node computed while the tree grew, for storage. */
export interface NewNode extends NodeId {
  hash: Buffer;
}

/**
 * The complete subtrees whose concatenation is the range [lo, hi), largest first, when `lo` is a multiple of the
 * largest of them (always so for ranges a proof asks for). Their hashes folded from the right give the range's
 * RFC 9162 hash.
 */
export function rangeNodes(lo: number, hi: number): NodeId[] {
  const nodes: NodeId[] = [];
  let at = lo;
  while (at < hi) {
    let level = Math.floor(Math.log2(hi - at));
    while (level > 0 && at % 2 ** level !== 0) level--;
    nodes.push({ level, index: at / 2 ** level });
    at += 2 ** level;
  }
  return nodes;
}

/** Folds the hashes of {@link rangeNodes} from the right into the hash of the range. */
export function foldRange(hashes: Buffer[]): Buffer {
  if (hashes.length === 0) return EMPTY_ROOT;
  let h = hashes[hashes.length - 1];
  for (let i = hashes.length - 2; i >= 0; i--) h = hashChildren(hashes[i], h);
  return h;
}

/** Largest power of two strictly below `n` (n ≥ 2). */
function split(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

/** A proof element: the hash of leaves [lo, hi). */
export interface ProofRange {
  lo: number;
  hi: number;
}

/** The ranges whose hashes form the inclusion proof of leaf `index` in a tree of `size` leaves (RFC 9162 §2.1.3.1). */
export function inclusionRanges(index: number, size: number): ProofRange[] {
  if (!(index >= 0 && index < size)) throw new RangeError(`leaf ${index} is not in a tree of ${size}`);
  const ranges: ProofRange[] = [];
  const path = (m: number, lo: number, hi: number): void => {
    const n = hi - lo;
    if (n === 1) return;
    const k = split(n);
    if (m < k) {
      path(m, lo, lo + k);
      ranges.push({ lo: lo + k, hi });
    } else {
      path(m - k, lo + k, hi);
      ranges.push({ lo, hi: lo + k });
    }
  };
  path(index, 0, size);
  return ranges;
}

/** The ranges whose hashes form the consistency proof from `size1` to `size2` leaves (RFC 9162 §2.1.4.1). */
export function consistencyRanges(size1: number, size2: number): ProofRange[] {
  if (!(size1 >= 0 && size1 <= size2)) throw new RangeError(`no consistency proof from ${size1} to ${size2}`);
  if (size1 === 0 || size1 === size2) return [];
  const ranges: ProofRange[] = [];
  const subproof = (m: number, lo: number, hi: number, complete: boolean): void => {
    const n = hi - lo;
    if (m === n) {
      if (!complete) ranges.push({ lo, hi });
      return;
    }
    const k = split(n);
    if (m <= k) {
      subproof(m, lo, lo + k, complete);
      ranges.push({ lo: lo + k, hi });
    } else {
      subproof(m - k, lo + k, hi, false);
      ranges.push({ lo, hi: lo + k });
    }
  };
  subproof(size1, 0, size2, true);
  return ranges;
}

/** Reads the hashes of complete nodes, all at once (from storage, or from leaves in memory). */
export type NodeReader = (nodes: NodeId[]) => Promise<Buffer[]>;

/** Turns proof ranges into their hashes with one read of the complete nodes they are made of. */
export async function hashRanges(ranges: ProofRange[], read: NodeReader): Promise<Buffer[]> {
  const parts = ranges.map((r) => rangeNodes(r.lo, r.hi));
  const hashes = await read(parts.flat());
  let at = 0;
  return parts.map((p) => foldRange(hashes.slice(at, (at += p.length))));
}

/** Raised when a proof does not hold; the message says which check failed. */
export class ProofError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ProofError';
  }
}

function equal(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && Buffer.compare(a, b) === 0;
}

/** The root an inclusion proof leads to (RFC 9162 §2.1.3.2). */
export function rootFromInclusionProof(index: number, size: number, leafHash: Uint8Array, proof: Uint8Array[]): Buffer {
  if (!(index >= 0 && index < size)) throw new ProofError(`leaf index ${index} is outside a tree of ${size}`);
  if (leafHash.length !== 32) throw new ProofError('the leaf hash is not 32 bytes');
  let fn = index;
  let sn = size - 1;
  let r: Buffer = Buffer.from(leafHash);
  for (const p of proof) {
    if (p.length !== 32) throw new ProofError('a proof hash is not 32 bytes');
    if (sn === 0) throw new ProofError('the proof is longer than the path to the root');
    if (fn % 2 === 1 || fn === sn) {
      r = hashChildren(p, r);
      if (fn % 2 === 0) {
        while (fn % 2 === 0 && fn !== 0) {
          fn = Math.floor(fn / 2);
          sn = Math.floor(sn / 2);
        }
      }
    } else {
      r = hashChildren(r, p);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  if (sn !== 0) throw new ProofError('the proof is shorter than the path to the root');
  return r;
}

/** @throws ProofError unless the leaf is at `index` of the tree with `root`. */
export function verifyInclusion(
  index: number,
  size: number,
  leafHash: Uint8Array,
  proof: Uint8Array[],
  root: Uint8Array,
): void {
  if (!equal(rootFromInclusionProof(index, size, leafHash, proof), root)) {
    throw new ProofError(`the inclusion proof of leaf ${index} does not lead to the root of the tree of ${size}`);
  }
}

/** @throws ProofError unless the tree of `size1` with `root1` is a prefix of the tree of `size2` with `root2`. */
export function verifyConsistency(
  size1: number,
  size2: number,
  proof: Uint8Array[],
  root1: Uint8Array,
  root2: Uint8Array,
): void {
  if (size2 < size1) throw new ProofError(`a tree of ${size2} cannot extend one of ${size1}`);
  if (size1 === size2) {
    if (proof.length > 0) throw new ProofError('a proof between equal sizes must be empty');
    if (!equal(root1, root2)) throw new ProofError(`two different roots for the tree of ${size1}`);
    return;
  }
  if (size1 === 0) {
    if (proof.length > 0) throw new ProofError('a proof from the empty tree must be empty');
    return;
  }
  if (proof.length === 0) throw new ProofError('the consistency proof is empty');
  if (proof.some((p) => p.length !== 32)) throw new ProofError('a proof hash is not 32 bytes');
  let fn = size1 - 1;
  let sn = size2 - 1;
  while (fn % 2 === 1) {
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  const path = [...proof];
  if (Number.isInteger(Math.log2(size1))) path.unshift(root1);
  let fr: Buffer = Buffer.from(path[0]);
  let sr: Buffer = Buffer.from(path[0]);
  for (const c of path.slice(1)) {
    if (sn === 0) throw new ProofError('the consistency proof is too long');
    if (fn % 2 === 1 || fn === sn) {
      fr = hashChildren(c, fr);
      sr = hashChildren(c, sr);
      if (fn % 2 === 0) {
        while (fn % 2 === 0 && fn !== 0) {
          fn = Math.floor(fn / 2);
          sn = Math.floor(sn / 2);
        }
      }
    } else {
      sr = hashChildren(sr, c);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  if (sn !== 0) throw new ProofError('the consistency proof is too short');
  if (!equal(fr, root1)) throw new ProofError(`the consistency proof does not lead to the old root (tree of ${size1})`);
  if (!equal(sr, root2)) throw new ProofError(`the consistency proof does not lead to the new root (tree of ${size2})`);
}

/**
 * The right edge of a growing tree: the roots of its maximal complete subtrees, largest first (a "compact range"
 * [0, size), at most log2(size)+1 hashes). Persisted with each tree head, it lets the next head be computed from
 * the new leaves alone; `push` reports every complete node it finishes, for storage.
 */
export class CompactRange {
  private constructor(
    private size: number,
    private readonly hashes: Buffer[],
  ) {}

  static empty(): CompactRange {
    return new CompactRange(0, []);
  }

  /** @throws RangeError when the hashes do not match what a tree of `size` leaves has. */
  static of(size: number, hashes: Buffer[]): CompactRange {
    const expected = rangeNodes(0, size).length;
    if (hashes.length !== expected) {
      throw new RangeError(`a compact range of ${size} leaves has ${expected} hashes, not ${hashes.length}`);
    }
    return new CompactRange(size, [...hashes]);
  }

  get leaves(): number {
    return this.size;
  }

  /** The current hashes, largest subtree first. */
  frontier(): Buffer[] {
    return [...this.hashes];
  }

  /** Adds one leaf by its leaf hash; `onNode` gets the leaf and each node it completes. */
  push(leafHash: Buffer, onNode?: (node: NewNode) => void): void {
    let hash = leafHash;
    let index = this.size;
    let level = 0;
    onNode?.({ level, index, hash });
    // One merge per trailing one bit of the old size: the new leaf closes those subtrees.
    for (let s = this.size; s % 2 === 1; s = Math.floor(s / 2)) {
      hash = hashChildren(this.hashes.pop()!, hash);
      index = Math.floor(index / 2);
      level++;
      onNode?.({ level, index, hash });
    }
    this.hashes.push(hash);
    this.size++;
  }

  /** The RFC 9162 root of the tree so far. */
  root(): Buffer {
    return foldRange(this.hashes);
  }
}

/** The RFC 9162 root of a list of leaf hashes (for tests and small trees). */
export function rootOf(leafHashes: Buffer[]): Buffer {
  const range = CompactRange.empty();
  for (const h of leafHashes) range.push(h);
  return range.root();
}
