import { createHash } from 'node:crypto';
import { BadRequestException, ConflictException, Injectable, UnprocessableEntityException } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { preparedQuery } from '@cadreflow/event-store';

/** Reads and checks the `Idempotency-Key` header a state-changing request must carry. */
export function requireIdempotencyKey(value: string | undefined): string {
  if (!value || value.trim().length === 0) {
    throw new BadRequestException({
      message:
        'Send an Idempotency-Key header (e.g. a UUID) with every decision, so a retried request is applied once.',
      code: 'VALIDATION',
    });
  }
  if (value.length > 200 || !/^[\x21-\x7e]+$/.test(value)) {
    throw new BadRequestException({
      message: 'Idempotency-Key must be at most 200 visible ASCII characters.',
      code: 'VALIDATION',
    });
  }
  return value;
}

/**
 * An answer the event log holds: a request that records events can be answered again from the log, so its answer
 * need not be stored beside the request as well.
 */
export interface LoggedAnswer<T> {
  /** Whether the log holds `answer` (it names recorded events). */
  isLogged(answer: T): boolean;
  /** The first request's answer as the log holds it; `undefined` while the log holds none. */
  recall(): Promise<T | undefined>;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Runs a request once per (user, Idempotency-Key): a retry returns the first answer; the same key with another
 * request body is refused; a failed request leaves no trace, so it can be retried with the same key.
 *
 * Claiming a key does not wait for the disk: whatever the request goes on to record (its events, its stored answer,
 * or the claim's removal when it fails) is committed durably afterwards to the same write-ahead log, which makes the
 * claim durable with it; a claim lost in a database crash before that had led to nothing yet.
 */
@Injectable()
export class IdempotencyService {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Runs `work` unless the key was used before. With `logged`, an answer the log holds is not stored again: a retry
   * recalls it from the log.
   */
  async run<T>(
    userId: string,
    key: string,
    request: unknown,
    work: () => Promise<T>,
    logged?: LoggedAnswer<T>,
  ): Promise<T> {
    const requestHash = createHash('sha256').update(JSON.stringify(request)).digest('hex');
    const claimed = await preparedQuery(
      this.dataSource,
      `INSERT INTO api_requests (idempotency_key, user_id, request_hash)
       SELECT $1, $2, $3 FROM (SELECT set_config('synchronous_commit', 'off', true)) AS without_waiting_for_disk
       ON CONFLICT DO NOTHING RETURNING 1`,
      [key, userId, requestHash],
    );
    if (claimed.length === 0) return this.previous<T>(userId, key, requestHash, logged);
    try {
      const result = await work();
      if (!logged?.isLogged(result)) {
        await preparedQuery(
          this.dataSource,
          `UPDATE api_requests SET status_code = 200, response = $3 WHERE user_id = $1 AND idempotency_key = $2`,
          [userId, key, JSON.stringify(result)],
        );
      }
      return result;
    } catch (error) {
      await preparedQuery(this.dataSource, `DELETE FROM api_requests WHERE user_id = $1 AND idempotency_key = $2`, [
        userId,
        key,
      ]);
      throw error;
    }
  }

  private async previous<T>(
    userId: string,
    key: string,
    requestHash: string,
    logged: LoggedAnswer<T> | undefined,
  ): Promise<T> {
    for (let attempt = 0; attempt < 100; attempt++) {
      const rows = await preparedQuery<{ request_hash: string; status_code: number | null; response: T }>(
        this.dataSource,
        `SELECT request_hash, status_code, response FROM api_requests WHERE user_id = $1 AND idempotency_key = $2`,
        [userId, key],
      );
      const row = rows[0];
      if (!row) {
        throw new ConflictException({
          message: 'The first request with this Idempotency-Key failed; send it again.',
          code: 'CONFLICT',
        });
      }
      if (row.request_hash !== requestHash) {
        throw new UnprocessableEntityException({
          message: 'This Idempotency-Key was used for a different request; use a new key for a new decision.',
          code: 'VALIDATION',
        });
      }
      if (row.status_code !== null) return row.response;
      const recalled = await logged?.recall();
      if (recalled !== undefined) return recalled;
      await sleep(100);
    }
    throw new ConflictException({
      message: 'The first request with this Idempotency-Key is still running; retry shortly.',
      code: 'CONFLICT',
    });
  }
}
