import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import { ApiError } from '../errors/api-error';
import type { AuthenticatedUser } from './authenticated-user';
import { IS_PUBLIC, STREAM_TICKET } from './public.decorator';
import { SessionsService, type AccessTokenPayload } from './sessions.service';

/** Verified tokens kept at most (the oldest verified goes first). */
const VERIFIED_TOKENS_KEPT = 10_000;

type TokenPayload = AccessTokenPayload;

/**
 * Tokens this process has verified, until they expire. A signed token never changes, so verifying it again on each
 * request of a session (decoding, HMAC, claims) only repeats work: about a quarter of a millisecond of CPU per
 * request, against a lookup. The payload is frozen, as requests share it.
 */
class VerifiedTokens {
  private readonly byToken = new Map<string, { user: TokenPayload; expiresAtMs: number }>();

  find(token: string, nowMs: number): TokenPayload | undefined {
    const entry = this.byToken.get(token);
    if (entry === undefined) return undefined;
    if (nowMs < entry.expiresAtMs) return entry.user;
    this.byToken.delete(token);
    return undefined;
  }

  keep(token: string, user: TokenPayload): TokenPayload {
    const frozen = deepFreeze(user);
    if (typeof user.exp !== 'number') return frozen;
    if (this.byToken.size >= VERIFIED_TOKENS_KEPT) this.byToken.delete(this.byToken.keys().next().value!);
    this.byToken.set(token, { user: frozen, expiresAtMs: user.exp * 1000 });
    return frozen;
  }
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}

const unauthenticated = (message: string): ApiError => new ApiError(401, 'UNAUTHENTICATED', message);

/**
 * Every route needs a valid bearer token in the `Authorization` header unless marked {@link Public} (never in the
 * query string, where it would end up in logs and browser history): an access token (`typ: access`) that has an
 * expiry and the user's current token version. The live-updates stream, which a browser's EventSource opens without
 * headers, takes a single-use ticket instead ({@link StreamTicket}).
 */
@Injectable()
export class JwtAuthGuard implements CanActivate {
  private readonly verified = new VerifiedTokens();

  constructor(
    private readonly jwt: JwtService,
    private readonly reflector: Reflector,
    private readonly sessions: SessionsService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const request = context.switchToHttp().getRequest<{
      headers: Record<string, string | undefined>;
      query: Record<string, unknown>;
      user?: AuthenticatedUser;
    }>();
    if (this.reflector.getAllAndOverride<boolean>(STREAM_TICKET, targets)) {
      const ticket = request.query.ticket;
      if (typeof ticket !== 'string' || ticket.length === 0 || ticket.length > 100) {
        throw new ApiError(
          401,
          'STREAM_TICKET_INVALID',
          'Open the stream with ?ticket= from POST /tasks/events/ticket.',
          {
            field: 'ticket',
          },
        );
      }
      request.user = await this.sessions.redeemTicket(ticket);
      return true;
    }
    const header = request.headers.authorization;
    const token = header?.startsWith('Bearer ') ? header.slice(7).trim() : undefined;
    if (!token) {
      throw unauthenticated('Sign in first: send "Authorization: Bearer <token>" from POST /auth/login.');
    }
    const user = this.verified.find(token, Date.now()) ?? (await this.verify(token));
    const access = await this.sessions.check(user.userId, user.ver, user.sid);
    if (access === 'session') throw new ApiError(401, 'SESSION_REVOKED', 'This session was ended: sign in again.');
    if (access !== 'current') throw unauthenticated('Your access was changed or revoked: sign in again.');
    request.user = user;
    return true;
  }

  private async verify(token: string): Promise<TokenPayload> {
    let payload: TokenPayload;
    try {
      payload = await this.jwt.verifyAsync<TokenPayload>(token);
    } catch {
      throw unauthenticated('Your access token is invalid or expired: sign in again.');
    }
    // A token that never expires, or a token of another kind (a refresh token or ticket), is never an access token.
    if (typeof payload.exp !== 'number' || payload.typ !== 'access' || typeof payload.ver !== 'number') {
      throw unauthenticated('This is not an access token that expires: sign in again.');
    }
    return this.verified.keep(token, payload);
  }
}
