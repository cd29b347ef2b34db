import { appendFile, mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { KeyObject } from 'node:crypto';
import { keyIdOf, type TrustedKeys } from '../checkpoints/signing-key';
import {
  MalformedNoteError,
  cosignatureTime,
  hasLogSignature,
  parseBody,
  parseNote,
  type TreeHeadBody,
} from '../merkle/signed-note';
import { AnchorFile } from '../tree/anchor-file';
import type { TreeHead } from '../tree/tree-head-writer';

/** Problems the tree heads reveal. */
export type TreeProblemKind =
  | 'tree-head-mismatch'
  | 'tree-head-missing'
  | 'tree-head-rolled-back'
  | 'tree-head-signature'
  | 'tree-head-untrusted-key'
  | 'tree-head-not-cosigned'
  | 'log-truncated';

export interface TreeProblem {
  kind: TreeProblemKind;
  message: string;
  treeSize?: number;
}

/** A tree head and where the verifier found it. */
interface KnownHead {
  head: TreeHeadBody;
  note: string;
  source: string;
}

function describe(k: KnownHead): string {
  return `the tree head of ${k.head.size} events signed at ${k.head.time} (${k.source})`;
}

/** The heads kept in a verifier's own store (a file of notes like an anchor file). */
export async function readHeadStore(path: string): Promise<string[]> {
  return new AnchorFile(path).notes();
}

/**
 * Checks the log against every tree head the verifier knows: those in the database and those kept outside it
 * (anchor files, the verifier's own store). As the log is read, it rebuilds the Merkle tree from each event's
 * recomputed hash and compares the root at each head's size; heads are checked for the log's signature under a
 * pinned key and for every pinned witness's cosignature; an outside head the database no longer holds, a database
 * whose newest head is older than one seen outside, and a log shorter than a head are failures.
 */
export class TreeCheck {
  readonly problems: TreeProblem[] = [];
  private size = 0;
  private readonly bySize = new Map<number, KnownHead[]>();
  private readonly maxSize: number;
  /** Sizes of the database's valid heads, for the report. */
  newestValidSize = 0;

  private constructor(
    private readonly databaseHeads: KnownHead[],
    private readonly outsideHeads: KnownHead[],
    private readonly trust: TrustedKeys,
  ) {
    for (const k of [...databaseHeads, ...outsideHeads]) {
      const list = this.bySize.get(k.head.size) ?? [];
      list.push(k);
      this.bySize.set(k.head.size, list);
    }
    this.maxSize = Math.max(0, ...this.bySize.keys());
  }

  static async open(databaseHeads: TreeHead[], trust: TrustedKeys): Promise<TreeCheck> {
    const malformed: TreeProblem[] = [];
    const parse = (note: string, source: string): KnownHead[] => {
      try {
        return [known(note, source)];
      } catch (error) {
        if (!(error instanceof MalformedNoteError)) throw error;
        malformed.push({
          kind: 'tree-head-signature',
          message: `A tree head in ${source} cannot be read (${error.message}): it was altered.`,
        });
        return [];
      }
    };
    const outside: KnownHead[] = [];
    const anchorNotes = await Promise.all(
      (trust.anchors.anchorFiles ?? []).map(async (f) => ({ f, notes: await new AnchorFile(f).notes() })),
    );
    for (const { f, notes } of anchorNotes) for (const note of notes) outside.push(...parse(note, `anchor file ${f}`));
    if (trust.anchors.headStore) {
      for (const note of await readHeadStore(trust.anchors.headStore)) {
        outside.push(...parse(note, `the verifier's own store ${trust.anchors.headStore}`));
      }
    }
    const check = new TreeCheck(
      databaseHeads.flatMap((h) => parse(h.note, `database tree head #${h.id}`)),
      outside,
      trust,
    );
    check.problems.push(...malformed);
    check.checkSignatures();
    check.checkPresence();
    return check;
  }

  private checkSignatures(): void {
    const witnesses = this.trust.anchors.witnessKeys ?? [];
    for (const k of [...this.databaseHeads, ...this.outsideHeads]) {
      const key = this.trust.forOrigin(k.head.origin);
      if (!key) {
        this.problems.push({
          kind: 'tree-head-untrusted-key',
          treeSize: k.head.size,
          message: `${capital(describe(k))} is signed for "${k.head.origin}", whose key is not a trusted key.`,
        });
        continue;
      }
      if (!hasLogSignature(k.note, k.head.origin, key)) {
        this.problems.push({
          kind: 'tree-head-signature',
          treeSize: k.head.size,
          message: `${capital(describe(k))} has an invalid signature: the tree head itself was altered.`,
        });
      }
      for (const w of witnesses) {
        if (cosignatureTime(k.note, witnessName(w), w) === undefined) {
          this.problems.push({
            kind: 'tree-head-not-cosigned',
            treeSize: k.head.size,
            message: `${capital(describe(k))} has no valid cosignature of ${witnessName(w)}: no witness vouched that it extends the heads before it.`,
          });
        }
      }
    }
  }

  private checkPresence(): void {
    const inDatabase = new Set(this.databaseHeads.map((k) => `${k.head.size}/${k.head.root.toString('hex')}`));
    const newestInDatabase = Math.max(0, ...this.databaseHeads.map((k) => k.head.size));
    for (const k of this.outsideHeads) {
      if (inDatabase.has(`${k.head.size}/${k.head.root.toString('hex')}`)) continue;
      this.problems.push({
        kind: 'tree-head-missing',
        treeSize: k.head.size,
        message: `${capital(describe(k))} is not in the database: signed tree heads were deleted or replaced.`,
      });
    }
    const newestOutside = Math.max(0, ...this.outsideHeads.map((k) => k.head.size));
    if (newestOutside > newestInDatabase) {
      this.problems.push({
        kind: 'tree-head-rolled-back',
        treeSize: newestOutside,
        message: `The database's newest tree head covers ${newestInDatabase} events, but a head of ${newestOutside} events was seen outside it: the log's heads were rolled back.`,
      });
    }
  }

  /** Whether any tree head is known, in the database or outside it: then the log is one that signs heads. */
  knowsAnyHead(): boolean {
    return this.databaseHeads.length + this.outsideHeads.length > 0;
  }

  /**
   * Adds the next event of the log, by its stored log hash. The verifier checks each event's hash against its
   * content and each log hash against the one before, so the log hash at a head's size commits to the recomputed
   * hashes of every event up to there, as the head's root does: comparing it with the log hash the head signs
   * checks the head without rebuilding the tree (the tree's root is what proofs and the witness check).
   */
  leaf(storedLogHash: string): void {
    const size = ++this.size;
    if (size > this.maxSize) return;
    const heads = this.bySize.get(size);
    if (!heads) return;
    for (const k of heads) {
      if (storedLogHash === k.head.logHash) continue;
      this.problems.push({
        kind: 'tree-head-mismatch',
        treeSize: size,
        message: `The first ${size} events of the log no longer hash to the root of ${describe(k)}: events up to there were altered, reordered, inserted or removed, even if their hashes were recomputed.`,
      });
    }
  }

  /** Called once the whole log was read. */
  finish(): void {
    const size = this.size;
    const longer = [...this.databaseHeads, ...this.outsideHeads].filter((k) => k.head.size > size);
    const seen = new Set<string>();
    for (const k of longer) {
      if (seen.has(k.source)) continue;
      seen.add(k.source);
      this.problems.push({
        kind: 'log-truncated',
        treeSize: k.head.size,
        message: `The log has ${size} events, but ${describe(k)} covers ${k.head.size}: events were removed from the end of the log.`,
      });
    }
    if (this.problems.length === 0) this.newestValidSize = Math.max(0, ...this.databaseHeads.map((k) => k.head.size));
  }

  /** The newest database head, once the log matched every head: the one a verifier adds to its own store. */
  newestNote(): string | undefined {
    return this.databaseHeads.find((k) => k.head.size === this.newestValidSize)?.note;
  }

  /** Remembers the newest verified head in the verifier's own store, if it is newer than what the store holds. */
  async remember(): Promise<void> {
    const path = this.trust.anchors.headStore;
    const note = this.newestNote();
    if (!path || !note || this.problems.length > 0) return;
    const stored = this.outsideHeads.filter((k) => k.source.includes(path));
    if (stored.some((k) => k.head.size >= this.newestValidSize)) return;
    await mkdir(dirname(path), { recursive: true });
    await appendFile(path, `${note}%%\n`);
  }
}

function capital(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** A witness's name in its cosignatures, from its key. */
export function witnessName(key: KeyObject): string {
  return `witness/${keyIdOf(key)}`;
}

function known(note: string, source: string): KnownHead {
  return { head: parseBody(parseNote(note).body), note, source };
}
