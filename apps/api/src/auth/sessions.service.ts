import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { Injectable, Logger, Optional } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { DataSource } from 'typeorm';
import { ApiSettings } from '../api-settings';
import { ApiError } from '../errors/api-error';
import { ApiMetrics } from '../observability/api-metrics';
import type { AuthenticatedUser } from './authenticated-user';
import { toAuthenticatedUser } from './authenticator';
import { UserEntity } from './user.entity';

/**
 * What an access token says: the user, the token version it was issued under, its session (`sid`, the sign-in whose
 * refresh tokens form one family) and that it is an access token. Tokens issued before sessions were named have no
 * `sid`; they expire within minutes.
 */
export type AccessTokenPayload = AuthenticatedUser & {
  sub: string;
  ver: number;
  sid?: string;
  typ: 'access';
  exp?: number;
};

/** Whether an access token may still be used: `version` when the user's access changed, `session` when it ended. */
export type AccessCheck = 'current' | 'version' | 'session';

/** An access token with its refresh token, as sign-in and refresh answer. */
export interface IssuedSession {
  accessToken: string;
  tokenType: 'Bearer';
  expiresIn: number;
  refreshToken: string;
  refreshExpiresIn: number;
}

/** How long a looked-up token version is trusted before it is read again (the revocation delay at most). */
const VERSION_TTL_MS = 1_000;
const STREAM_TICKET_SECONDS = 30;

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

const REFUSALS = {
  REFRESH_TOKEN_INVALID: 'This session has ended or was revoked: sign in again.',
  REFRESH_TOKEN_REUSED:
    'This refresh token was used already: someone else may hold a copy of the session, so it was ended. Sign in again.',
  SESSION_REVOKED: 'This session was ended: sign in again.',
} as const;

/** A 401 refusal of a refresh token, by code. */
function refusal(code: keyof typeof REFUSALS): ApiError {
  return new ApiError(401, code, REFUSALS[code], { field: 'refreshToken' });
}

function sameHash(a: string, b: string): boolean {
  const left = Buffer.from(a, 'hex');
  const right = Buffer.from(b, 'hex');
  return left.length === right.length && timingSafeEqual(left, right);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** What is known of a user's access: their token version (null once deleted) and their revoked sessions. */
interface KnownAccess {
  version: number | null;
  revokedSessions: ReadonlySet<string>;
  readAtMs: number;
}

/**
 * Sessions: short access tokens (JWT, `exp` required), refresh tokens used once each, revocation by the user's token
 * version (raised by the database when a user's roles, person or password change; a deleted user has none) and the
 * single-use tickets of the live-updates stream.
 *
 * The refresh tokens of one sign-in form a family, its session (`auth_sessions`). A spent refresh token presented
 * again means that someone else holds a copy of the session (OAuth 2.0 Security BCP, rotation with reuse detection):
 * the whole session is revoked, its refresh tokens and its access tokens (their `sid` claim), and the reuse is logged
 * and counted. The access tokens are checked against the user's revoked sessions in the same read as the token
 * version, which is cached for a second: no extra round trip per request, and the same delay as a change of roles.
 */
@Injectable()
export class SessionsService {
  private readonly logger = new Logger(SessionsService.name);
  private readonly known = new Map<string, KnownAccess>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly jwt: JwtService,
    private readonly settings: ApiSettings,
    @Optional() private readonly metrics?: ApiMetrics,
  ) {}

  /**
   * A new session for a user who just proved who they are, or the next pair of tokens of `sessionId` on a refresh.
   */
  async issue(user: AuthenticatedUser, knownVersion?: number, sessionId?: string): Promise<IssuedSession> {
    const version = knownVersion ?? (await this.readVersion(user.userId));
    if (version === null) throw new ApiError(401, 'UNAUTHENTICATED', 'This user no longer exists.');
    const { accessTokenSeconds, refreshTokenSeconds } = this.settings.security.session;
    const sid = sessionId ?? randomUUID();
    const payload: Omit<AccessTokenPayload, 'exp'> = {
      sub: user.userId,
      ver: version,
      sid,
      typ: 'access',
      userId: user.userId,
      username: user.username,
      displayName: user.displayName,
      personId: user.personId,
      grants: user.grants,
    };
    const accessToken = await this.jwt.signAsync(payload, { expiresIn: accessTokenSeconds });
    const id = randomUUID();
    const secret = randomBytes(32).toString('base64url');
    // Expired sessions and tokens can do nothing more. Spent tokens are kept until they expire: presented again, they
    // reveal a stolen session.
    await this.dataSource.query(`DELETE FROM auth_sessions WHERE user_id = $1 AND expires_at < now()`, [user.userId]);
    await this.dataSource.query(`DELETE FROM refresh_tokens WHERE user_id = $1 AND expires_at < now()`, [user.userId]);
    await this.dataSource.query(
      `INSERT INTO auth_sessions (id, user_id, expires_at) VALUES ($1, $2, now() + make_interval(secs => $3))
       ON CONFLICT (id) DO UPDATE SET expires_at = EXCLUDED.expires_at`,
      [sid, user.userId, refreshTokenSeconds],
    );
    await this.dataSource.query(
      `INSERT INTO refresh_tokens (id, user_id, secret_hash, token_version, expires_at, session_id)
       VALUES ($1, $2, $3, $4, now() + make_interval(secs => $5), $6)`,
      [id, user.userId, sha256(secret), version, refreshTokenSeconds, sid],
    );
    return {
      accessToken,
      tokenType: 'Bearer',
      expiresIn: accessTokenSeconds,
      refreshToken: `${id}.${secret}`,
      refreshExpiresIn: refreshTokenSeconds,
    };
  }

  /**
   * Exchanges a refresh token for a new pair of the same session; the old one is spent. Refused: a token expired, of
   * an older token version, of a deleted user or of a revoked session (`SESSION_REVOKED`), and a spent token presented
   * again (`REFRESH_TOKEN_REUSED`), which also revokes its whole session.
   */
  async refresh(refreshToken: string): Promise<IssuedSession> {
    const [id = '', secret = ''] = refreshToken.split('.');
    if (!UUID.test(id) || secret.length === 0) throw refusal('REFRESH_TOKEN_INVALID');
    const spent = await this.dataSource.query<
      [{ user_id: string; secret_hash: string; token_version: number; session_id: string }[], number]
    >(
      `UPDATE refresh_tokens t SET used_at = now()
         FROM auth_sessions s
        WHERE t.id = $1 AND t.secret_hash = $2 AND t.used_at IS NULL AND t.expires_at > now()
          AND s.id = t.session_id AND s.revoked_at IS NULL
        RETURNING t.user_id, t.secret_hash, t.token_version, t.session_id`,
      [id, sha256(secret)],
    );
    const row = spent[0][0];
    if (!row) throw await this.whyRefused(id, secret);
    if (!sameHash(row.secret_hash, sha256(secret))) throw refusal('REFRESH_TOKEN_INVALID');
    const entity = await this.dataSource.getRepository(UserEntity).findOneBy({ id: row.user_id });
    const version = await this.readVersion(row.user_id);
    if (!entity || version !== row.token_version) throw refusal('REFRESH_TOKEN_INVALID');
    return this.issue(toAuthenticatedUser(entity), version, row.session_id);
  }

  /**
   * Ends a session: its refresh tokens can no longer be used, and its access tokens are refused within a second. A
   * token whose secret does not match ends nothing.
   */
  async revoke(refreshToken: string): Promise<void> {
    const [id = '', secret = ''] = refreshToken.split('.');
    if (!UUID.test(id)) return;
    const rows = await this.dataSource.query<{ session_id: string; secret_hash: string }[]>(
      `SELECT session_id, secret_hash FROM refresh_tokens WHERE id = $1`,
      [id],
    );
    const row = rows[0];
    if (!row || !sameHash(row.secret_hash, sha256(secret))) return;
    await this.revokeSession(row.session_id, 'signed-out');
  }

  /**
   * Whether an access token may still be used: its version is still the user's, and its session (`sid`) was not
   * revoked. Answered from what was read within the last second.
   */
  async check(
    userId: string,
    version: number,
    sessionId: string | undefined,
    nowMs = Date.now(),
  ): Promise<AccessCheck> {
    let known = this.known.get(userId);
    // Versions only rise, so a token newer than the cached version means the cache is stale (a sign-in right after
    // a change of roles), not that the token is revoked: read it again then.
    if (!known || nowMs - known.readAtMs >= VERSION_TTL_MS || (known.version !== null && version > known.version)) {
      known = await this.readAccess(userId, nowMs);
      if (this.known.size > 10_000) this.known.clear();
      this.known.set(userId, known);
    }
    if (known.version !== version) return 'version';
    if (sessionId !== undefined && known.revokedSessions.has(sessionId)) return 'session';
    return 'current';
  }

  /** A single-use ticket for the live-updates stream, valid for half a minute. */
  async streamTicket(user: AuthenticatedUser): Promise<{ ticket: string; expiresIn: number }> {
    const ticket = randomBytes(24).toString('base64url');
    await this.dataSource.query(`DELETE FROM stream_tickets WHERE expires_at < now()`);
    await this.dataSource.query(
      `INSERT INTO stream_tickets (id, user_id, expires_at) VALUES ($1, $2, now() + make_interval(secs => $3))`,
      [sha256(ticket), user.userId, STREAM_TICKET_SECONDS],
    );
    return { ticket, expiresIn: STREAM_TICKET_SECONDS };
  }

  /** The user a stream ticket was given to; the ticket is spent. */
  async redeemTicket(ticket: string): Promise<AuthenticatedUser> {
    const spent = await this.dataSource.query<[{ user_id: string }[], number]>(
      `DELETE FROM stream_tickets WHERE id = $1 AND expires_at > now() RETURNING user_id`,
      [sha256(ticket)],
    );
    const userId = spent[0][0]?.user_id;
    const user = userId ? await this.dataSource.getRepository(UserEntity).findOneBy({ id: userId }) : null;
    if (!user) {
      throw new ApiError(
        401,
        'STREAM_TICKET_INVALID',
        'Ask for a new live-updates ticket: POST /tasks/events/ticket.',
        {
          field: 'ticket',
        },
      );
    }
    return toAuthenticatedUser(user);
  }

  /**
   * Why a refresh token matched no live row: unknown or expired, of a revoked session (any of its tokens), or spent
   * already. A spent token of a live session presented again (with its secret) revokes the session, with a warning and
   * a count.
   */
  private async whyRefused(id: string, secret: string): Promise<ApiError> {
    const rows = await this.dataSource.query<
      { secret_hash: string; used: boolean; session_id: string; revoked: boolean; username: string }[]
    >(
      `SELECT t.secret_hash, t.used_at IS NOT NULL AS used, t.session_id, s.revoked_at IS NOT NULL AS revoked,
              u.username
         FROM refresh_tokens t JOIN auth_sessions s ON s.id = t.session_id JOIN users u ON u.id = t.user_id
        WHERE t.id = $1 AND t.expires_at > now()`,
      [id],
    );
    const row = rows[0];
    if (!row || !sameHash(row.secret_hash, sha256(secret))) return refusal('REFRESH_TOKEN_INVALID');
    if (row.revoked || !row.used) return refusal('SESSION_REVOKED');
    // Two reuses at once: only the one that revokes warns and counts.
    if (await this.revokeSession(row.session_id, 'refresh-token-reused')) {
      this.logger.warn({
        msg: `refresh token reused: session ${row.session_id} of ${row.username} revoked with all its tokens`,
        event: 'refresh-token-reused',
        user: row.username,
        sessionId: row.session_id,
      });
      this.metrics?.refreshTokenReuses.inc();
    }
    return refusal('REFRESH_TOKEN_REUSED');
  }

  /** Revokes a session and spends its refresh tokens; true when it was live until now. */
  private async revokeSession(sessionId: string, because: 'refresh-token-reused' | 'signed-out'): Promise<boolean> {
    const revoked = await this.dataSource.query<[{ user_id: string }[], number]>(
      `UPDATE auth_sessions SET revoked_at = now(), revoked_because = $2 WHERE id = $1 AND revoked_at IS NULL
        RETURNING user_id`,
      [sessionId, because],
    );
    await this.dataSource.query(`UPDATE refresh_tokens SET used_at = now() WHERE session_id = $1 AND used_at IS NULL`, [
      sessionId,
    ]);
    const userId = revoked[0][0]?.user_id;
    // This process refuses the session's access tokens at once; the others within a second.
    if (userId !== undefined) this.known.delete(userId);
    return userId !== undefined;
  }

  /** The user's token version and the sessions revoked while their access tokens may still be unexpired. */
  private async readAccess(userId: string, nowMs: number): Promise<KnownAccess> {
    const rows = await this.dataSource.query<{ token_version: number; revoked_sessions: string[] }[]>(
      `SELECT u.token_version,
              ARRAY(SELECT s.id::text FROM auth_sessions s
                     WHERE s.user_id = u.id AND s.revoked_at IS NOT NULL AND s.expires_at > now()) AS revoked_sessions
         FROM users u WHERE u.id = $1`,
      [userId],
    );
    const row = rows[0];
    return {
      version: row?.token_version ?? null,
      revokedSessions: new Set(row?.revoked_sessions ?? []),
      readAtMs: nowMs,
    };
  }

  private async readVersion(userId: string): Promise<number | null> {
    const rows = await this.dataSource.query<{ token_version: number }[]>(
      `SELECT token_version FROM users WHERE id = $1`,
      [userId],
    );
    return rows[0]?.token_version ?? null;
  }
}
