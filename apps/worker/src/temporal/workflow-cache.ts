import { getHeapStatistics } from 'node:v8';

/**
 * Memory set aside per cached procedure run when sizing the worker's workflow cache: about twice the 70–130 KB a
 * cached procedure adds to the worker process's resident memory (measured with 2,000 to 8,000 open procedures;
 * `npm run bench -- worker-cache`), as a margin for procedures with longer histories.
 */
export const CACHED_RUN_BUDGET_BYTES = 256 * 1024;

/** Never fewer runs than this, whatever the heap (the SDK needs at least 2). */
const MIN_CACHED_RUNS = 100;

/**
 * Never more runs than this, whatever the heap. The SDK's core walks its whole run cache after every input of its
 * workflow stream (`reconcile_buffered` in sdk-core's `workflow_stream.rs`, 1.24: a new task, a completion, the end of
 * an activation), so every workflow task costs CPU in proportion to the runs cached, not only to the run at hand.
 * Measured with 8,000 open procedures (`npm run bench -- worker-cache`): the core's thread spent 4.9 ms per decision
 * with all of them cached, 2.1 ms with 2,000 and 0.95 ms with 500, about 0.5 µs per cached run; a decision whose run
 * had been evicted cost about 5.4 ms more to replay (worker and Temporal server). Caching every open procedure is
 * therefore the cheaper choice up to about 10,000 of them, and a small cache beyond. A cap of C costs at worst
 * replay ÷ 2 − C × walk more than the better choice (with twice C open), and C × walk (with far more open): both are
 * smallest near replay ÷ (4 × walk), about 2,600 for the benchmark's procedures, whose histories are short (a longer
 * one costs more to replay). With 3,000 that is at most about 1.6 ms per decision, against about 6 ms for a cache of
 * 16,000 with 32,000 open.
 */
export const MAX_CACHED_RUNS = 3_000;

/**
 * The number of open procedures a worker keeps in memory when `TEMPORAL_MAX_CACHED_WORKFLOWS` is not set: the heap
 * limit of the process divided by {@link CACHED_RUN_BUDGET_BYTES}, at most {@link MAX_CACHED_RUNS} (reached from a
 * heap of 750 MB; Node sizes the limit from the memory it sees, and `--max-old-space-size` sets it). With more open
 * procedures than the cache holds, a decision on a run that was evicted first replays its history: with a cache of a
 * quarter of 2,000 open procedures, the worker spent 1.4–1.7 times the CPU per decision and the Temporal server 1.2
 * times.
 *
 * @example
 * defaultMaxCachedWorkflows(4 * 1024 ** 3); // 3000
 * defaultMaxCachedWorkflows(256 * 1024 ** 2); // 1024
 */
export function defaultMaxCachedWorkflows(heapLimitBytes: number = getHeapStatistics().heap_size_limit): number {
  return Math.min(MAX_CACHED_RUNS, Math.max(MIN_CACHED_RUNS, Math.floor(heapLimitBytes / CACHED_RUN_BUDGET_BYTES)));
}
