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

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Runs a request once per (user, Idempotency-Key): a retry returns the first answer; the same key with another
 * request body is refused; a failed request leaves no trace, so it can be retried with the same key.
 */
@Injectable()
export class IdempotencyService {
  constructor(private readonly dataSource: DataSource) {}

  async run<T>(userId: string, key: string, request: unknown, work: () => Promise<T>): Promise<T> {
    const requestHash = createHash('sha256').update(JSON.stringify(request)).digest('hex');
    const claimed = await preparedQuery(
      this.dataSource,
      `INSERT INTO api_requests (idempotency_key, user_id, request_hash) VALUES ($1, $2, $3)
       ON CONFLICT DO NOTHING RETURNING 1`,
      [key, userId, requestHash],
    );
    if (claimed.length === 0) return this.previous<T>(userId, key, requestHash);
    try {
      const result = await work();
      await preparedQuery(
        this.dataSource,
        `UPDATE api_requests SET status_code = 200, response = $3 WHERE user_id = $1 AND idempotency_key = $2`,
        [userId, key, JSON.stringify(result)],
      );
      return result;
    } catch (error) {
      await preparedQuery(this.dataSource, `DELETE FROM api_requests WHERE user_id = $1 AND idempotency_key = $2`, [
        userId,
        key,
      ]);
      throw error;
    }
  }

  private async previous<T>(userId: string, key: string, requestHash: string): Promise<T> {
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
      await sleep(100);
    }
    throw new ConflictException({
      message: 'The first request with this Idempotency-Key is still running; retry shortly.',
      code: 'CONFLICT',
    });
  }
}
