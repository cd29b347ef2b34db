import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { DataSource } from 'typeorm';
import { ApiSettings } from '../api-settings';
import { ApiError } from '../errors/api-error';
import type { AuthenticatedUser } from './authenticated-user';
import { toAuthenticatedUser } from './authenticator';
import { UserEntity } from './user.entity';

/** What an access token says: the user, the token version it was issued under, and that it is an access token. */
export type AccessTokenPayload = AuthenticatedUser & { sub: string; ver: number; typ: 'access'; exp?: number };

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

function sameHash(a: string, b: string): boolean {
  const left = Buffer.from(a, 'hex');
  const right = Buffer.from(b, 'hex');
  return left.length === right.length && timingSafeEqual(left, right);
}

/**
 * Sessions: short access tokens (JWT, `exp` required), refresh tokens used once each, revocation by the user's token
 * version (raised by the database when a user's roles, person or password change; a deleted user has none) and the
 * single-use tickets of the live-updates stream.
 */
@Injectable()
export class SessionsService {
  private readonly versions = new Map<string, { version: number | null; readAtMs: number }>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly jwt: JwtService,
    private readonly settings: ApiSettings,
  ) {}

  /** A new session for a user who just proved who they are. */
  async issue(user: AuthenticatedUser, knownVersion?: number): Promise<IssuedSession> {
    const version = knownVersion ?? (await this.readVersion(user.userId));
    if (version === null) throw new ApiError(401, 'UNAUTHENTICATED', 'This user no longer exists.');
    const { accessTokenSeconds, refreshTokenSeconds } = this.settings.security.session;
    const payload: Omit<AccessTokenPayload, 'exp'> = {
      sub: user.userId,
      ver: version,
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
    // The user's spent and expired refresh tokens can do nothing more.
    await this.dataSource.query(
      `DELETE FROM refresh_tokens WHERE user_id = $1 AND (expires_at < now() OR used_at < now() - interval '1 day')`,
      [user.userId],
    );
    await this.dataSource.query(
      `INSERT INTO refresh_tokens (id, user_id, secret_hash, token_version, expires_at)
       VALUES ($1, $2, $3, $4, now() + make_interval(secs => $5))`,
      [id, user.userId, sha256(secret), version, refreshTokenSeconds],
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
   * Exchanges a refresh token for a new session; the old one is spent. A token used twice, expired, of an older token
   * version or of a deleted user is refused.
   */
  async refresh(refreshToken: string): Promise<IssuedSession> {
    const invalid = (): ApiError =>
      new ApiError(401, 'REFRESH_TOKEN_INVALID', 'This session has ended or was revoked: sign in again.', {
        field: 'refreshToken',
      });
    const [id = '', secret = ''] = refreshToken.split('.');
    if (!/^[0-9a-f-]{36}$/.test(id) || secret.length === 0) throw invalid();
    const spent = await this.dataSource.query<
      [{ user_id: string; secret_hash: string; token_version: number }[], number]
    >(
      `UPDATE refresh_tokens SET used_at = now()
        WHERE id = $1 AND used_at IS NULL AND expires_at > now()
        RETURNING user_id, secret_hash, token_version`,
      [id],
    );
    const row = spent[0][0];
    if (!row || !sameHash(row.secret_hash, sha256(secret))) throw invalid();
    const entity = await this.dataSource.getRepository(UserEntity).findOneBy({ id: row.user_id });
    const version = await this.readVersion(row.user_id);
    if (!entity || version !== row.token_version) throw invalid();
    return this.issue(toAuthenticatedUser(entity), version);
  }

  /** Ends a session: its refresh token can no longer be used (the access token expires by itself). */
  async revoke(refreshToken: string): Promise<void> {
    const [id = ''] = refreshToken.split('.');
    if (!/^[0-9a-f-]{36}$/.test(id)) return;
    await this.dataSource.query(`UPDATE refresh_tokens SET used_at = now() WHERE id = $1 AND used_at IS NULL`, [id]);
  }

  /** Whether an access token's version is still the user's (false once their roles changed or they were deleted). */
  async isCurrent(userId: string, version: number, nowMs = Date.now()): Promise<boolean> {
    const known = this.versions.get(userId);
    // Versions only rise, so a token newer than the cached version means the cache is stale (a sign-in right after
    // a change of roles), not that the token is revoked: read it again then.
    if (known && nowMs - known.readAtMs < VERSION_TTL_MS && (known.version === null || version <= known.version)) {
      return known.version === version;
    }
    const current = await this.readVersion(userId);
    if (this.versions.size > 10_000) this.versions.clear();
    this.versions.set(userId, { version: current, readAtMs: nowMs });
    return current === version;
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

  private async readVersion(userId: string): Promise<number | null> {
    const rows = await this.dataSource.query<{ token_version: number }[]>(
      `SELECT token_version FROM users WHERE id = $1`,
      [userId],
    );
    return rows[0]?.token_version ?? null;
  }
}
