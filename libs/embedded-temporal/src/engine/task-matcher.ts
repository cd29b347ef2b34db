/** A long poll waiting for a task; `alive()` turns false when the caller went away. */
export interface PollCancellation {
  /** Registers a callback for when the caller cancels the poll. */
  onCancel(callback: () => void): void;
}

interface Waiter<T> {
  readonly resolve: (task: T | null) => void;
  done: boolean;
}

interface Queue<T> {
  tasks: T[];
  waiters: Waiter<T>[];
  lastPollAt: number;
}

/**
 * Matches tasks with long polls, per task queue name: a task goes to the oldest waiting poll, or waits
 * in FIFO order for the next one. Tasks are references; whoever takes one re-checks it against the
 * current state (a stale task is simply skipped), so nothing here has to be removed when state changes.
 */
export class TaskMatcher<T> {
  private readonly queues = new Map<string, Queue<T>>();
  private closed = false;

  /** Hands `task` to a waiting poll or queues it. */
  offer(queueName: string, task: T): void {
    const queue = this.queue(queueName);
    for (;;) {
      const waiter = queue.waiters.shift();
      if (!waiter) break;
      if (waiter.done) continue;
      waiter.done = true;
      waiter.resolve(task);
      return;
    }
    queue.tasks.push(task);
  }

  /** Waits up to `timeoutMs` for a task; `null` on timeout, cancellation or shutdown. */
  poll(queueName: string, timeoutMs: number, cancellation?: PollCancellation): Promise<T | null> {
    const queue = this.queue(queueName);
    queue.lastPollAt = Date.now();
    if (this.closed) return Promise.resolve(null);
    const ready = queue.tasks.shift();
    if (ready !== undefined) return Promise.resolve(ready);
    return new Promise<T | null>((resolve) => {
      const waiter: Waiter<T> = {
        done: false,
        resolve: (task) => {
          clearTimeout(timer);
          queue.lastPollAt = Date.now();
          resolve(task);
        },
      };
      const giveUp = (): void => {
        if (waiter.done) return;
        waiter.done = true;
        const index = queue.waiters.indexOf(waiter);
        if (index >= 0) queue.waiters.splice(index, 1);
        waiter.resolve(null);
      };
      const timer = setTimeout(giveUp, timeoutMs);
      cancellation?.onCancel(giveUp);
      queue.waiters.push(waiter);
    });
  }

  /** Whether some poll is waiting on, or recently polled, this queue (within `withinMs`). */
  isPolled(queueName: string, withinMs: number): boolean {
    const queue = this.queues.get(queueName);
    if (!queue) return false;
    return queue.waiters.some((w) => !w.done) || Date.now() - queue.lastPollAt <= withinMs;
  }

  /** Removes and returns the queued tasks of a queue (a sticky queue whose worker left). */
  drain(queueName: string): T[] {
    const queue = this.queues.get(queueName);
    if (!queue) return [];
    const tasks = queue.tasks;
    queue.tasks = [];
    queue.lastPollAt = 0;
    return tasks;
  }

  /** Number of tasks waiting for a poll on this queue. */
  backlog(queueName: string): number {
    return this.queues.get(queueName)?.tasks.length ?? 0;
  }

  /** Answers every waiting poll with nothing and refuses new ones. */
  close(): void {
    this.closed = true;
    for (const queue of this.queues.values()) {
      for (const waiter of queue.waiters.splice(0)) {
        if (waiter.done) continue;
        waiter.done = true;
        waiter.resolve(null);
      }
    }
  }

  private queue(name: string): Queue<T> {
    let queue = this.queues.get(name);
    if (!queue) {
      queue = { tasks: [], waiters: [], lastPollAt: 0 };
      this.queues.set(name, queue);
    }
    return queue;
  }
}
