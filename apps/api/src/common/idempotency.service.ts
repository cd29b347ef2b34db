import { createHash } from 'node:crypto';
import { HttpException, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { preparedQuery } from '@cadreflow/event-store';
import { ApiError } from '../errors/api-error';

/** Reads and checks the `Idempotency-Key` header a state-changing request must carry. */
export function requireIdempotencyKey(value: string | undefined): string {
  if (!value || value.trim().length === 0) {
    throw new ApiError(
      400,
      'IDEMPOTENCY_KEY_REQUIRED',
      'Send an Idempotency-Key header (e.g. a UUID) with every decision, so a retried request is applied once.',
      { field: 'Idempotency-Key' },
    );
  }
  if (value.length > 200 || !/^[\x21-\x7e]+$/.test(value)) {
    throw new ApiError(
      400,
      'IDEMPOTENCY_KEY_INVALID',
      'Idempotency-Key must be at most 200 visible ASCII characters.',
      { field: 'Idempotency-Key', params: { max: 200 } },
    );
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
 * How long a claimed key belongs to the request that claimed it. A request that has not finished by then is taken
 * for dead (its process was killed), and a retry takes the key over. Taking over is safe even if the first request
 * was only slow: a retry first recalls what the log holds, and otherwise sends the same Temporal Update id, which the
 * workflow answers with the first outcome instead of applying twice.
 */
export const IDEMPOTENCY_LEASE_MS = 15_000;

/** A retry waits this long at most for the first request before answering IDEMPOTENCY_KEY_PENDING. */
const RETRY_WAIT_MS = IDEMPOTENCY_LEASE_MS + 5_000;

/**
 * Runs a request once per (user, Idempotency-Key): a retry returns the first answer; the same key with another
 * request body is refused (`IDEMPOTENCY_KEY_REUSED`), also after the first failed, so a corrected request, which needs
 * a new key, never gets the first request's error back; the same request after a failure runs again. A retry of a
 * request that never finished (its process died) takes the key over once the claim's lease
 * ({@link IDEMPOTENCY_LEASE_MS}) has expired: it answers from the log if the first request recorded its events, and
 * otherwise runs the request again; so a retry always ends.
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
    const execute = (): Promise<T> => this.execute(userId, key, work, logged);
    if (claimed.length === 0 && !(await this.reclaimFailed(userId, key, requestHash))) {
      return this.previous<T>(userId, key, requestHash, logged, execute);
    }
    return execute();
  }

  /** Runs the request under the key this process holds, and records how it ended. */
  private async execute<T>(userId: string, key: string, work: () => Promise<T>, logged?: LoggedAnswer<T>): Promise<T> {
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
      // A request can fail after its events were recorded: the Temporal server restarted under it, or a retry found
      // its task closed by the very decision a killed process had sent. The log holds the answer then; the key keeps
      // no stored answer, so every later retry recalls it from the log as well.
      const recalled = await logged?.recall().catch(() => undefined);
      if (recalled !== undefined) return recalled;
      // The key stays bound to this request: the same request may run again, another one is refused.
      await preparedQuery(
        this.dataSource,
        `UPDATE api_requests SET status_code = $3, response = NULL WHERE user_id = $1 AND idempotency_key = $2`,
        [userId, key, error instanceof HttpException && error.getStatus() >= 400 ? error.getStatus() : 500],
      );
      throw error;
    }
  }

  /** Takes back the key of a failed request for the same request, to run it again. */
  private async reclaimFailed(userId: string, key: string, requestHash: string): Promise<boolean> {
    const rows = await preparedQuery(
      this.dataSource,
      `UPDATE api_requests SET status_code = NULL, response = NULL, claimed_at = now()
        WHERE user_id = $1 AND idempotency_key = $2 AND request_hash = $3 AND status_code >= 400 RETURNING 1`,
      [userId, key, requestHash],
    );
    return rows.length > 0;
  }

  /**
   * Takes over the key of a request still unfinished after its lease: one retry wins (the update is atomic) and
   * holds a new lease.
   */
  private async takeOverExpired(userId: string, key: string, requestHash: string): Promise<boolean> {
    const rows = await preparedQuery(
      this.dataSource,
      `UPDATE api_requests SET claimed_at = now()
        WHERE user_id = $1 AND idempotency_key = $2 AND request_hash = $3 AND status_code IS NULL
          AND claimed_at < now() - make_interval(secs => $4) RETURNING 1`,
      [userId, key, requestHash, IDEMPOTENCY_LEASE_MS / 1000],
    );
    return rows.length > 0;
  }

  private async previous<T>(
    userId: string,
    key: string,
    requestHash: string,
    logged: LoggedAnswer<T> | undefined,
    execute: () => Promise<T>,
  ): Promise<T> {
    for (const deadline = Date.now() + RETRY_WAIT_MS; Date.now() < deadline;) {
      const rows = await preparedQuery<{ request_hash: string; status_code: number | null; response: T }>(
        this.dataSource,
        `SELECT request_hash, status_code, response FROM api_requests WHERE user_id = $1 AND idempotency_key = $2`,
        [userId, key],
      );
      const row = rows[0];
      if (!row) {
        throw new ApiError(
          409,
          'IDEMPOTENCY_KEY_FAILED',
          'The first request with this Idempotency-Key failed; send it again.',
        );
      }
      if (row.request_hash !== requestHash) {
        throw new ApiError(
          422,
          'IDEMPOTENCY_KEY_REUSED',
          'This Idempotency-Key was used for a different request; use a new key for a new or corrected request.',
          { field: 'Idempotency-Key' },
        );
      }
      if (row.status_code === 200) return row.response;
      if (row.status_code !== null) {
        throw new ApiError(
          409,
          'IDEMPOTENCY_KEY_FAILED',
          'The first request with this Idempotency-Key failed; send it again.',
        );
      }
      const recalled = await logged?.recall();
      if (recalled !== undefined) return recalled;
      if (await this.takeOverExpired(userId, key, requestHash)) return execute();
      await sleep(100);
    }
    throw new ApiError(
      409,
      'IDEMPOTENCY_KEY_PENDING',
      'The first request with this Idempotency-Key is still running; retry shortly.',
    );
  }
}
