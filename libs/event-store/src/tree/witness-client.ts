/**
 * The log's side of c2sp.org/tlog-witness: it sends a witness a new tree head with a consistency proof from the
 * last head the witness cosigned, and gets back the witness's cosignature line.
 *
 *   POST <witness>/add-checkpoint
 *   old <size the witness last cosigned>\n<base64 proof hash>\n…\n\n<signed checkpoint note>
 *
 * 200 answers the cosignature line(s); 409 answers the size the witness has, and the log retries once with a proof
 * from that size; anything else is a refusal (a fork, a rollback, a bad signature), which the log reports and does
 * not get past.
 */
export class WitnessRefusedError extends Error {
  constructor(
    readonly witness: string,
    readonly status: number,
    readonly reason: string,
  ) {
    super(`witness ${witness} refused the tree head (${status}): ${reason}`);
    this.name = 'WitnessRefusedError';
  }
}

export class WitnessClient {
  constructor(
    readonly url: string,
    private readonly timeoutMs = 10_000,
  ) {}

  /**
   * Asks for a cosignature of `note` (a tree of `size`), proving consistency from whatever size the witness has.
   *
   * @param proofFrom the consistency proof from an older size to `size`
   * @returns the cosignature line(s) to add to the note
   */
  async cosign(note: string, oldSize: number, proofFrom: (oldSize: number) => Promise<Buffer[]>): Promise<string> {
    let old = oldSize;
    for (let attempt = 0; attempt < 2; attempt++) {
      const proof = await proofFrom(old);
      const body = `old ${old}\n${proof.map((p) => `${p.toString('base64')}\n`).join('')}\n${note}`;
      const response = await fetch(`${this.url}/add-checkpoint`, {
        method: 'POST',
        body,
        headers: { 'content-type': 'text/plain; charset=utf-8' },
        signal: AbortSignal.timeout(this.timeoutMs),
      });
      const text = await response.text();
      if (response.status === 200) return text;
      if (response.status === 409 && attempt === 0 && /^\d+\n?$/.test(text)) {
        old = Number(text.trim());
        continue;
      }
      throw new WitnessRefusedError(this.url, response.status, text.trim());
    }
    throw new WitnessRefusedError(this.url, 409, 'the witness kept another size');
  }

  /** The newest head the witness cosigned for this log (the note with its cosignature), if any. */
  async latest(origin: string): Promise<string | undefined> {
    const response = await fetch(`${this.url}/checkpoint/${encodeURIComponent(origin)}`, {
      signal: AbortSignal.timeout(this.timeoutMs),
    });
    if (response.status === 404) return undefined;
    if (response.status !== 200) throw new WitnessRefusedError(this.url, response.status, await response.text());
    return response.text();
  }
}
