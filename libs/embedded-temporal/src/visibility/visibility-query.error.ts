/**
 * A list filter that cannot be parsed or does not make sense (unknown syntax, a bad date, a range on a status…).
 * The message is meant to be sent back as-is in a gRPC `INVALID_ARGUMENT`, like Temporal's own
 * `invalid query: …` errors.
 *
 * @example
 * try { parseVisibilityQuery("WorkflowId = 'a' AND AND"); }
 * catch (e) { if (e instanceof VisibilityQueryError) e.position; } // 21
 */
export class VisibilityQueryError extends Error {
  override readonly name = 'VisibilityQueryError';

  /**
   * @param detail what is wrong, without the `invalid query:` prefix or position
   * @param query the whole query text as received
   * @param position 0-based character offset in `query` where the problem starts
   * @param expected what the grammar allowed there, appended as a hint
   */
  constructor(
    readonly detail: string,
    readonly query: string,
    readonly position?: number,
    readonly expected?: string,
  ) {
    const at = position === undefined ? '' : ` at ${position}`;
    super(`invalid query: ${detail}${at}${expected === undefined ? '' : `; expected ${expected}`}`);
  }
}
