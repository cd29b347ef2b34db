import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import { ApiError } from '../errors/api-error';
import type { AuthenticatedUser } from './authenticated-user';
import { IS_PUBLIC } from './public.decorator';

/** Verified tokens kept at most (the oldest verified goes first). */
const VERIFIED_TOKENS_KEPT = 10_000;

type TokenPayload = AuthenticatedUser & { exp?: number };

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
    // A token without an expiry is verified every time (the library then has the last word on it).
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

/**
 * Every route needs a valid bearer token unless marked {@link Public}. Server-sent events may pass the token as
 * `?access_token=` because browsers' EventSource cannot set headers.
 */
@Injectable()
export class JwtAuthGuard implements CanActivate {
  private readonly verified = new VerifiedTokens();

  constructor(
    private readonly jwt: JwtService,
    private readonly reflector: Reflector,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [context.getHandler(), context.getClass()])) return true;
    const request = context.switchToHttp().getRequest<{
      headers: Record<string, string | undefined>;
      query: Record<string, string | undefined>;
      user?: AuthenticatedUser;
    }>();
    const header = request.headers.authorization;
    const token = header?.startsWith('Bearer ') ? header.slice(7) : request.query.access_token;
    if (!token)
      throw new ApiError(
        401,
        'UNAUTHENTICATED',
        'Sign in first: send "Authorization: Bearer <token>" from POST /auth/login.',
      );
    const known = this.verified.find(token, Date.now());
    if (known) {
      request.user = known;
      return true;
    }
    try {
      request.user = this.verified.keep(token, await this.jwt.verifyAsync<TokenPayload>(token));
    } catch {
      throw new ApiError(401, 'UNAUTHENTICATED', 'Your access token is invalid or expired: sign in again.');
    }
    return true;
  }
}
