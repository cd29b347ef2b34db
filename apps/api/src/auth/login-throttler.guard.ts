import { type ExecutionContext, Injectable } from '@nestjs/common';
import { ThrottlerGuard, type ThrottlerLimitDetail } from '@nestjs/throttler';
import { ApiError } from '../errors/api-error';

/** Sign-in requests one address may send per minute (right or wrong), before any password is checked. */
export const LOGIN_REQUESTS_PER_MINUTE = 30;

/**
 * `@nestjs/throttler` on the sign-in routes, answering in the API's error shape: 429 `TOO_MANY_REQUESTS` with the
 * seconds to wait (the `Retry-After` header says the same).
 */
@Injectable()
export class LoginThrottlerGuard extends ThrottlerGuard {
  protected override throwThrottlingException(_context: ExecutionContext, detail: ThrottlerLimitDetail): Promise<void> {
    const seconds = Math.max(1, Math.ceil(detail.timeToBlockExpire));
    throw new ApiError(429, 'TOO_MANY_REQUESTS', `Too many sign-in requests: try again in ${seconds} seconds.`, {
      params: { retryAfterSeconds: seconds },
    });
  }
}
