import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ApiSettings } from '../api-settings';
import { ApiError } from '../errors/api-error';

/** An address may fail this many times more often than one username (a whole office signs in from one address). */
const ADDRESS_FACTOR = 4;

/**
 * Locks sign-in after repeated failures, per username and per address, in PostgreSQL so that every API process
 * counts the same failures. The throttler (`@nestjs/throttler`) limits the rate of any sign-in request; this counts
 * wrong passwords, which a rate alone does not stop when they come slowly.
 */
@Injectable()
export class LoginLockout {
  constructor(
    private readonly dataSource: DataSource,
    private readonly settings: ApiSettings,
  ) {}

  private keys(username: string, address: string): { key: string; max: number }[] {
    const max = this.settings.security.session.loginMaxFailures;
    return [
      { key: `user:${username.toLowerCase()}`, max },
      { key: `address:${address}`, max: max * ADDRESS_FACTOR },
    ];
  }

  /** Refuses (429 `TOO_MANY_LOGIN_ATTEMPTS`) while the username or the address is locked. */
  async check(username: string, address: string): Promise<void> {
    const rows = await this.dataSource.query<{ seconds: number | null }[]>(
      `SELECT ceil(extract(epoch FROM max(locked_until) - now()))::int AS seconds
         FROM login_failures WHERE key = ANY($1) AND locked_until > now()`,
      [this.keys(username, address).map((k) => k.key)],
    );
    const seconds = rows[0]?.seconds;
    if (seconds !== null && seconds !== undefined) throw locked(seconds);
  }

  /** Counts a failed sign-in; the failure that reaches the limit locks for the configured time. */
  async failed(username: string, address: string): Promise<void> {
    const lockout = this.settings.security.session.loginLockoutSeconds;
    // Counts that can no longer lock anything go, so that guessed usernames do not pile up.
    await this.dataSource.query(
      `DELETE FROM login_failures
        WHERE last_at < now() - make_interval(secs => $1) AND (locked_until IS NULL OR locked_until < now())`,
      [lockout],
    );
    for (const { key, max } of this.keys(username, address)) {
      // A count older than the lockout, or one whose lock has ended, starts again: a few mistakes a day never lock.
      const counted = await this.dataSource.query<{ failures: number }[]>(
        `INSERT INTO login_failures AS f (key, failures, last_at) VALUES ($1, 1, now())
         ON CONFLICT (key) DO UPDATE SET
           failures = CASE WHEN f.last_at < now() - make_interval(secs => $2) OR f.locked_until <= now()
                           THEN 1 ELSE f.failures + 1 END,
           locked_until = CASE WHEN f.locked_until <= now() THEN NULL ELSE f.locked_until END,
           last_at = now()
         RETURNING failures`,
        [key, lockout],
      );
      if ((counted[0]?.failures ?? 0) >= max) {
        await this.dataSource.query(
          `UPDATE login_failures SET locked_until = now() + make_interval(secs => $2) WHERE key = $1`,
          [key, lockout],
        );
      }
    }
  }

  /** A successful sign-in clears the username's count (the address keeps its own). */
  async succeeded(username: string): Promise<void> {
    await this.dataSource.query(`DELETE FROM login_failures WHERE key = $1`, [`user:${username.toLowerCase()}`]);
  }
}

/** The refusal while locked, with the seconds until the lock ends. */
export function locked(seconds: number): ApiError {
  return new ApiError(429, 'TOO_MANY_LOGIN_ATTEMPTS', `Too many failed sign-ins: try again in ${seconds} seconds.`, {
    params: { retryAfterSeconds: seconds },
  });
}
