import { durationToMs, type IFailure, type IRetryPolicy } from '../proto/temporal-proto';
import type { RetryPolicyState } from './execution-state';

/** The server defaults for a retry policy: 1 s, x2, at most 100x the initial interval, unlimited attempts. */
export function normalizeRetryPolicy(policy: IRetryPolicy | null | undefined): RetryPolicyState {
  const initialIntervalMs = durationToMs(policy?.initialInterval) ?? 1000;
  return {
    initialIntervalMs,
    backoffCoefficient: policy?.backoffCoefficient && policy.backoffCoefficient >= 1 ? policy.backoffCoefficient : 2,
    maximumIntervalMs: durationToMs(policy?.maximumInterval) ?? initialIntervalMs * 100,
    maximumAttempts: policy?.maximumAttempts ?? 0,
    nonRetryableErrorTypes: [...(policy?.nonRetryableErrorTypes ?? [])],
  };
}

/** The retry policy as the API shows it. */
export function retryPolicyToProto(policy: RetryPolicyState): IRetryPolicy {
  return {
    initialInterval: msDuration(policy.initialIntervalMs),
    backoffCoefficient: policy.backoffCoefficient,
    maximumInterval: msDuration(policy.maximumIntervalMs),
    maximumAttempts: policy.maximumAttempts,
    nonRetryableErrorTypes: policy.nonRetryableErrorTypes,
  };
}

function msDuration(ms: number): { seconds: number; nanos: number } {
  return { seconds: Math.floor(ms / 1000), nanos: (ms % 1000) * 1e6 };
}

/** `temporal.api.enums.v1.RetryState` values the server reports. */
export const RetryState = {
  InProgress: 1,
  NonRetryableFailure: 2,
  Timeout: 3,
  MaximumAttemptsReached: 4,
  RetryPolicyNotSet: 5,
} as const;

/**
 * Decides whether a failed attempt is retried and after how long: `{ delayMs }` to retry, or the
 * `retryState` that explains why not. `deadline` is the schedule-to-close (or execution) deadline.
 */
export function nextRetry(
  policy: RetryPolicyState,
  attempt: number,
  failure: IFailure | null | undefined,
  now: number,
  deadline: number | undefined,
): { delayMs: number } | { retryState: number } {
  if (failure?.applicationFailureInfo?.nonRetryable) return { retryState: RetryState.NonRetryableFailure };
  const type = failure?.applicationFailureInfo?.type;
  if (type && policy.nonRetryableErrorTypes.includes(type)) return { retryState: RetryState.NonRetryableFailure };
  if (policy.maximumAttempts > 0 && attempt >= policy.maximumAttempts) {
    return { retryState: RetryState.MaximumAttemptsReached };
  }
  const explicit = durationToMs(failure?.applicationFailureInfo?.nextRetryDelay);
  const computed = Math.min(
    policy.initialIntervalMs * Math.pow(policy.backoffCoefficient, attempt - 1),
    policy.maximumIntervalMs,
  );
  const delayMs = explicit ?? computed;
  if (deadline !== undefined && now + delayMs >= deadline) return { retryState: RetryState.Timeout };
  return { delayMs };
}
