import { getHeapStatistics } from 'node:v8';
import { CACHED_RUN_BUDGET_BYTES, MAX_CACHED_RUNS, defaultMaxCachedWorkflows } from './workflow-cache';

describe('defaultMaxCachedWorkflows', () => {
  it('sets aside the per-run budget of the heap limit for cached runs', () => {
    expect(defaultMaxCachedWorkflows(256 * 1024 ** 2)).toBe(1_024);
    expect(defaultMaxCachedWorkflows(10 * CACHED_RUN_BUDGET_BYTES + 1)).toBe(100);
    expect(defaultMaxCachedWorkflows(1000 * CACHED_RUN_BUDGET_BYTES + CACHED_RUN_BUDGET_BYTES - 1)).toBe(1000);
  });

  it('keeps at most 3,000 runs however large the heap, as the SDK walks all of them on every workflow task', () => {
    expect(MAX_CACHED_RUNS).toBe(3_000);
    expect(defaultMaxCachedWorkflows(MAX_CACHED_RUNS * CACHED_RUN_BUDGET_BYTES)).toBe(3_000);
    expect(defaultMaxCachedWorkflows(MAX_CACHED_RUNS * CACHED_RUN_BUDGET_BYTES - 1)).toBe(2_999);
    expect(defaultMaxCachedWorkflows(4 * 1024 ** 3)).toBe(3_000);
    expect(defaultMaxCachedWorkflows(64 * 1024 ** 3)).toBe(3_000);
  });

  it('keeps at least 100 runs on a small heap', () => {
    expect(defaultMaxCachedWorkflows(64 * 1024 ** 2)).toBe(256);
    expect(defaultMaxCachedWorkflows(16 * 1024 ** 2)).toBe(100);
    expect(defaultMaxCachedWorkflows(0)).toBe(100);
  });

  it("reads this process's heap limit when none is given", () => {
    const limit = getHeapStatistics().heap_size_limit;
    expect(defaultMaxCachedWorkflows()).toBe(
      Math.min(3_000, Math.max(100, Math.floor(limit / CACHED_RUN_BUDGET_BYTES))),
    );
  });
});
