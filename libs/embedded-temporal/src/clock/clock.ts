/**
 * The server's notion of time. Every timestamp the server writes and every deadline it keeps (timers,
 * timeouts, retry backoff) reads this clock, so tests can skip time instead of waiting for it.
 */
export interface Clock {
  /** Epoch milliseconds. */
  now(): number;
}

/**
 * Wall-clock time plus an offset that only grows: {@link ControllableClock.advance} moves time forward
 * (a 30-day SLA timer fires at once) and listeners re-check their deadlines.
 *
 * @example
 * const clock = new ControllableClock();
 * clock.advance(30 * 24 * 3600_000);
 */
export class ControllableClock implements Clock {
  private offsetMs = 0;
  private readonly listeners = new Set<() => void>();

  now(): number {
    return Date.now() + this.offsetMs;
  }

  /** How far this clock runs ahead of the wall clock. */
  get skippedMs(): number {
    return this.offsetMs;
  }

  /** Moves time forward by `ms` and lets listeners fire whatever became due. */
  advance(ms: number): void {
    if (ms <= 0) return;
    this.offsetMs += ms;
    for (const listener of this.listeners) listener();
  }

  /** Registers a callback run after every {@link advance}; returns a function that removes it. */
  onAdvance(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
