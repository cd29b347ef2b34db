import { nextRetry, normalizeRetryPolicy, RetryState } from './retry-policy';

describe('retry policy', () => {
  const policy = normalizeRetryPolicy({
    initialInterval: { seconds: 1 },
    backoffCoefficient: 2,
    maximumAttempts: 4,
    nonRetryableErrorTypes: ['Fatal'],
  });

  it('fills in Temporal defaults', () => {
    expect(normalizeRetryPolicy(undefined)).toEqual({
      initialIntervalMs: 1000,
      backoffCoefficient: 2,
      maximumIntervalMs: 100_000,
      maximumAttempts: 0,
      nonRetryableErrorTypes: [],
    });
  });

  it('backs off exponentially up to the maximum interval', () => {
    expect(nextRetry(policy, 1, { message: 'x' }, 0, undefined)).toEqual({ delayMs: 1000 });
    expect(nextRetry(policy, 3, { message: 'x' }, 0, undefined)).toEqual({ delayMs: 4000 });
    const capped = normalizeRetryPolicy({ initialInterval: { seconds: 1 }, maximumInterval: { seconds: 3 } });
    expect(nextRetry(capped, 10, { message: 'x' }, 0, undefined)).toEqual({ delayMs: 3000 });
  });

  it('stops at the maximum attempts, on non-retryable failures and before the deadline', () => {
    expect(nextRetry(policy, 4, { message: 'x' }, 0, undefined)).toEqual({
      retryState: RetryState.MaximumAttemptsReached,
    });
    expect(nextRetry(policy, 1, { applicationFailureInfo: { type: 'Fatal' } }, 0, undefined)).toEqual({
      retryState: RetryState.NonRetryableFailure,
    });
    expect(nextRetry(policy, 1, { applicationFailureInfo: { nonRetryable: true } }, 0, undefined)).toEqual({
      retryState: RetryState.NonRetryableFailure,
    });
    expect(nextRetry(policy, 1, { message: 'x' }, 0, 500)).toEqual({ retryState: RetryState.Timeout });
  });

  it('honours the delay a failure asks for', () => {
    expect(nextRetry(policy, 1, { applicationFailureInfo: { nextRetryDelay: { seconds: 7 } } }, 0, undefined)).toEqual({
      delayMs: 7000,
    });
  });
});
