import { createHash } from 'node:crypto';
import {
  CompactRange,
  EMPTY_ROOT,
  ProofError,
  consistencyRanges,
  hashLeaf,
  hashRanges,
  inclusionRanges,
  rootOf,
  verifyConsistency,
  verifyInclusion,
  type NodeId,
  type NodeReader,
} from '../src/merkle/merkle-tree';
import vectors from './fixtures/rfc9162-vectors.json';

const hex = (b: Buffer): string => b.toString('hex');
const unhex = (s: string): Buffer => Buffer.from(s, 'hex');

/** Every complete node of a tree, as the store keeps them, read back by id. */
function memoryTree(leafHashes: Buffer[]): NodeReader {
  const nodes = new Map<string, Buffer>();
  const range = CompactRange.empty();
  for (const h of leafHashes) range.push(h, (n) => nodes.set(`${n.level}/${n.index}`, n.hash));
  return (ids: NodeId[]) => Promise.resolve(ids.map((n) => nodes.get(`${n.level}/${n.index}`)!));
}

const leafHashes = vectors.leaves.map((l) => hashLeaf(unhex(l)));

describe('Merkle tree (RFC 9162 test vectors)', () => {
  it('computes the published roots of every prefix, and the empty root', () => {
    expect(hex(EMPTY_ROOT)).toBe(vectors.emptyRoot);
    for (let size = 1; size <= 8; size++) expect(hex(rootOf(leafHashes.slice(0, size)))).toBe(vectors.roots[size - 1]);
  });

  it('generates the published inclusion proofs and verifies them', async () => {
    for (const v of vectors.inclusion) {
      const proof = await hashRanges(inclusionRanges(v.leaf - 1, v.size), memoryTree(leafHashes.slice(0, v.size)));
      expect(proof.map(hex)).toEqual(v.proof);
      expect(() =>
        verifyInclusion(v.leaf - 1, v.size, leafHashes[v.leaf - 1], proof, unhex(vectors.roots[v.size - 1])),
      ).not.toThrow();
    }
  });

  it('generates the published consistency proofs and verifies them', async () => {
    for (const v of vectors.consistency) {
      const proof = await hashRanges(consistencyRanges(v.size1, v.size2), memoryTree(leafHashes.slice(0, v.size2)));
      expect(proof.map(hex)).toEqual(v.proof);
      const [root1, root2] = [unhex(vectors.roots[v.size1 - 1]), unhex(vectors.roots[v.size2 - 1])];
      expect(() => verifyConsistency(v.size1, v.size2, proof, root1, root2)).not.toThrow();
    }
  });

  it('rejects corrupted proofs: wrong index, size, leaf or root, a flipped bit, a missing or an extra hash', () => {
    const v = vectors.inclusion[2];
    const proof = v.proof.map(unhex);
    const root = unhex(vectors.roots[7]);
    const leaf = leafHashes[v.leaf - 1];
    const flipped = proof.map((p, i) => (i === 1 ? Buffer.from(p.map((b, j) => (j === 0 ? b ^ 8 : b))) : p));
    for (const bad of [
      () => verifyInclusion(v.leaf, 8, leaf, proof, root),
      () => verifyInclusion(v.leaf - 1, 16, leaf, proof, root),
      () => verifyInclusion(v.leaf - 1, 8, leafHashes[0], proof, root),
      () => verifyInclusion(v.leaf - 1, 8, leaf, proof, EMPTY_ROOT),
      () => verifyInclusion(v.leaf - 1, 8, leaf, flipped, root),
      () => verifyInclusion(v.leaf - 1, 8, leaf, proof.slice(0, 2), root),
      () => verifyInclusion(v.leaf - 1, 8, leaf, [...proof, root], root),
    ])
      expect(bad).toThrow(ProofError);
    const c = vectors.consistency[2];
    const cproof = c.proof.map(unhex);
    const [r1, r2] = [unhex(vectors.roots[5]), unhex(vectors.roots[7])];
    for (const bad of [
      () => verifyConsistency(5, 8, cproof, r1, r2),
      () => verifyConsistency(6, 8, cproof, r2, r1),
      () => verifyConsistency(6, 8, [], r1, r2),
      () => verifyConsistency(6, 8, cproof.slice(1), r1, r2),
      () => verifyConsistency(6, 8, [...cproof, r1], r1, r2),
      () => verifyConsistency(8, 6, cproof, r2, r1),
    ])
      expect(bad).toThrow(ProofError);
  });

  it('proves every leaf and every pair of sizes of trees up to 70 leaves, from stored nodes', async () => {
    const leaves = Array.from({ length: 70 }, (_, i) => hashLeaf(createHash('sha256').update(`event ${i}`).digest()));
    const read = memoryTree(leaves);
    const roots = [EMPTY_ROOT, ...leaves.map((_, i) => rootOf(leaves.slice(0, i + 1)))];
    for (let size = 1; size <= 70; size += 3) {
      for (let i = 0; i < size; i++) {
        const proof = await hashRanges(inclusionRanges(i, size), read);
        expect(() => verifyInclusion(i, size, leaves[i], proof, roots[size])).not.toThrow();
      }
      for (let old = 0; old <= size; old++) {
        const proof = await hashRanges(consistencyRanges(old, size), read);
        expect(() => verifyConsistency(old, size, proof, roots[old], roots[size])).not.toThrow();
      }
    }
  });

  it('extends a tree from its persisted compact range (O(log n) hashes) to the same root', () => {
    const leaves = Array.from({ length: 300 }, (_, i) => hashLeaf(Buffer.from(`leaf ${i}`)));
    const first = CompactRange.empty();
    leaves.slice(0, 137).forEach((h) => first.push(h));
    expect(first.frontier()).toHaveLength(3); // 137 = 128 + 8 + 1: one hash per one bit of the size
    const resumed = CompactRange.of(137, first.frontier());
    leaves.slice(137).forEach((h) => resumed.push(h));
    expect(hex(resumed.root())).toBe(hex(rootOf(leaves)));
    expect(() => CompactRange.of(137, first.frontier().slice(1))).toThrow(RangeError);
  });
});
