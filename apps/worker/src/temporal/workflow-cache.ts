import { getHeapStatistics } from 'node:v8';

/**
 * Memory set aside per cached procedure run when sizing the worker's workflow cache: about twice the 100–130 KB a
 * cached procedure adds to the worker process's resident memory (92–128 KB per run with 2,000 to 8,000 open
 * procedures; `npm run bench -- worker-cache`), as a margin for procedures with longer histories.
 */
export const CACHED_RUN_BUDGET_BYTES = 256 * 1024;

/** Never fewer runs than this, whatever the heap (the SDK needs at least 2). */
const MIN_CACHED_RUNS = 100;

/**
 * The number of open procedures a worker keeps in memory when `TEMPORAL_MAX_CACHED_WORKFLOWS` is not set: the heap
 * limit of the process divided by {@link CACHED_RUN_BUDGET_BYTES}, about 16,000 on a 4 GB heap. Node sizes that
 * limit from the memory it sees, and `--max-old-space-size` sets it, so the cache follows both. The SDK's own default
 * assumes about 1.7 MB per run (600 per GB of heap, about 2,300 on 4 GB), 13 to 17 times what a procedure takes: with
 * more open procedures than that, a decision on a run that was evicted first replays its history: with a cache of a
 * quarter of the open procedures, the worker spent 1.4–1.7 times the CPU per decision and the Temporal server 1.2
 * times (`npm run bench -- worker-cache`, and the API benchmark run with `TEMPORAL_MAX_CACHED_WORKFLOWS=500`).
 *
 * @example
 * defaultMaxCachedWorkflows(4 * 1024 ** 3); // 16384
 */
export function defaultMaxCachedWorkflows(heapLimitBytes: number = getHeapStatistics().heap_size_limit): number {
  return Math.max(MIN_CACHED_RUNS, Math.floor(heapLimitBytes / CACHED_RUN_BUDGET_BYTES));
}
