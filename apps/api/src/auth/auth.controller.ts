import { Body, Controller, Get, HttpCode, Ip, Post, UseGuards } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiOkResponse,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { Throttle } from '@nestjs/throttler';
import { ApiErrorDto } from '../errors/api-error.dto';
import { OrganisationDirectory } from '../organisation/organisation-directory.service';
import { ApiError } from '../errors/api-error';
import { LoginDto, MeDto, RefreshDto, SignedOutDto, TokenDto } from './auth.dto';
import type { AuthenticatedUser } from './authenticated-user';
import { Authenticator } from './authenticator';
import { CurrentUser } from './current-user.decorator';
import { LoginLockout } from './login-lockout.service';
import { LOGIN_REQUESTS_PER_MINUTE, LoginThrottlerGuard } from './login-throttler.guard';
import { Public } from './public.decorator';
import { SessionsService } from './sessions.service';

const THROTTLE = { login: { limit: LOGIN_REQUESTS_PER_MINUTE, ttl: 60_000 } };

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly authenticator: Authenticator,
    private readonly sessions: SessionsService,
    private readonly lockout: LoginLockout,
    private readonly directory: OrganisationDirectory,
  ) {}

  /**
   * Exchanges a username and password for a short access token and a refresh token. Repeated failures lock the
   * username and the address for a while (429 `TOO_MANY_LOGIN_ATTEMPTS`); any address may send only so many
   * sign-ins a minute (429 `TOO_MANY_REQUESTS`).
   */
  @Public()
  @Post('login')
  @HttpCode(200)
  @UseGuards(LoginThrottlerGuard)
  @Throttle(THROTTLE)
  @ApiOkResponse({ type: TokenDto })
  @ApiUnauthorizedResponse({ type: ApiErrorDto, description: 'WRONG_CREDENTIALS' })
  @ApiTooManyRequestsResponse({ type: ApiErrorDto, description: 'TOO_MANY_LOGIN_ATTEMPTS, TOO_MANY_REQUESTS' })
  async login(@Body() body: LoginDto, @Ip() address: string): Promise<TokenDto> {
    await this.lockout.check(body.username, address);
    const user = await this.authenticator.authenticate(body.username, body.password);
    if (!user) {
      await this.lockout.failed(body.username, address);
      throw new ApiError(401, 'WRONG_CREDENTIALS', 'Wrong username or password.');
    }
    await this.lockout.succeeded(body.username);
    return this.sessions.issue(user);
  }

  /**
   * Exchanges a refresh token (once) for the next pair of its session; refused once the user's access changed or they
   * left. A spent refresh token presented again ends its whole session, every refresh and access token of it
   * (`REFRESH_TOKEN_REUSED`; afterwards `SESSION_REVOKED`).
   */
  @Public()
  @Post('refresh')
  @HttpCode(200)
  @UseGuards(LoginThrottlerGuard)
  @Throttle(THROTTLE)
  @ApiOkResponse({ type: TokenDto })
  @ApiUnauthorizedResponse({
    type: ApiErrorDto,
    description: 'REFRESH_TOKEN_INVALID, REFRESH_TOKEN_REUSED, SESSION_REVOKED',
  })
  @ApiTooManyRequestsResponse({ type: ApiErrorDto, description: 'TOO_MANY_REQUESTS' })
  refresh(@Body() body: RefreshDto): Promise<TokenDto> {
    return this.sessions.refresh(body.refreshToken);
  }

  /** Signs out: the session ends, its refresh tokens at once and its access tokens within a second. */
  @Public()
  @Post('logout')
  @HttpCode(200)
  @ApiOkResponse({ type: SignedOutDto, description: 'Signed out (also when the session had ended already)' })
  async logout(@Body() body: RefreshDto): Promise<SignedOutDto> {
    await this.sessions.revoke(body.refreshToken);
    return { signedOut: true };
  }

  /** Who the token belongs to, with the roles and bodies they may act for. */
  @ApiBearerAuth()
  @Get('me')
  @ApiOkResponse({ type: MeDto })
  @ApiUnauthorizedResponse({ type: ApiErrorDto, description: 'UNAUTHENTICATED' })
  async me(@CurrentUser() user: AuthenticatedUser): Promise<MeDto> {
    const names = await this.directory.names([user.personId, ...user.grants.map((g) => g.bodyId)]);
    return {
      userId: user.userId,
      username: user.username,
      displayName: user.displayName,
      personId: user.personId,
      personName: user.personId ? (names[user.personId] ?? null) : null,
      grants: user.grants.map((g) => ({ role: g.role, bodyId: g.bodyId, bodyName: names[g.bodyId] ?? g.bodyId })),
    };
  }
}
