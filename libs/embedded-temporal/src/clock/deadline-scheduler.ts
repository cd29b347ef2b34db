import type { ControllableClock } from './clock';

interface Deadline {
  readonly key: string;
  readonly at: number;
  readonly fire: () => void;
}

/**
 * Runs callbacks when the controllable clock reaches their deadline. One entry per key: arming a key
 * again replaces its previous deadline, so callers re-arm from state without bookkeeping. Deadlines are
 * checked on a real timer for the nearest one and again whenever the clock is advanced.
 */
export class DeadlineScheduler {
  private readonly entries = new Map<string, Deadline>();
  private heap: Deadline[] = [];
  private timer: NodeJS.Timeout | undefined;
  private timerAt = Infinity;
  private stopped = false;
  private readonly unsubscribe: () => void;

  constructor(private readonly clock: ControllableClock) {
    this.unsubscribe = clock.onAdvance(() => this.runDue());
  }

  /** Arms (or re-arms) `key` to call `fire` at epoch ms `at` of the clock. */
  arm(key: string, at: number, fire: () => void): void {
    const entry: Deadline = { key, at, fire };
    this.entries.set(key, entry);
    this.push(entry);
    this.reschedule();
  }

  /** Forgets `key`; nothing fires for it. */
  disarm(key: string): void {
    this.entries.delete(key);
  }

  /** Stops every timer; nothing fires afterwards. */
  stop(): void {
    this.stopped = true;
    this.unsubscribe();
    if (this.timer) clearTimeout(this.timer);
    this.entries.clear();
    this.heap = [];
  }

  private runDue(): void {
    if (this.stopped) return;
    const now = this.clock.now();
    while (this.heap.length > 0 && this.heap[0].at <= now) {
      const entry = this.pop();
      if (this.entries.get(entry.key) !== entry) continue;
      this.entries.delete(entry.key);
      entry.fire();
    }
    this.timerAt = Infinity;
    this.reschedule();
  }

  private reschedule(): void {
    if (this.stopped) return;
    while (this.heap.length > 0 && this.entries.get(this.heap[0].key) !== this.heap[0]) this.pop();
    if (this.heap.length === 0) return;
    const next = this.heap[0].at;
    if (next >= this.timerAt) return;
    if (this.timer) clearTimeout(this.timer);
    this.timerAt = next;
    const delay = Math.max(0, Math.min(next - this.clock.now(), 2 ** 31 - 1));
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.timerAt = Infinity;
      this.runDue();
    }, delay);
  }

  private push(entry: Deadline): void {
    const heap = this.heap;
    heap.push(entry);
    let i = heap.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (heap[parent].at <= heap[i].at) break;
      [heap[parent], heap[i]] = [heap[i], heap[parent]];
      i = parent;
    }
  }

  private pop(): Deadline {
    const heap = this.heap;
    const top = heap[0];
    const last = heap.pop() as Deadline;
    if (heap.length > 0) {
      heap[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < heap.length && heap[l].at < heap[m].at) m = l;
        if (r < heap.length && heap[r].at < heap[m].at) m = r;
        if (m === i) break;
        [heap[m], heap[i]] = [heap[i], heap[m]];
        i = m;
      }
    }
    return top;
  }
}
