import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { ApiErrorDto } from '../errors/api-error.dto';
import { OrganisationDirectory } from '../organisation/organisation-directory.service';
import { JwtService } from '@nestjs/jwt';
import { ApiError } from '../errors/api-error';
import { LoginDto, MeDto, TokenDto } from './auth.dto';
import type { AuthenticatedUser } from './authenticated-user';
import { Authenticator } from './authenticator';
import { CurrentUser } from './current-user.decorator';
import { Public } from './public.decorator';

const TOKEN_SECONDS = 8 * 60 * 60;

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly authenticator: Authenticator,
    private readonly jwt: JwtService,
    private readonly directory: OrganisationDirectory,
  ) {}

  /** Exchanges a username and password for an access token. */
  @Public()
  @Post('login')
  @HttpCode(200)
  @ApiOkResponse({ type: TokenDto })
  @ApiUnauthorizedResponse({ type: ApiErrorDto, description: 'WRONG_CREDENTIALS' })
  async login(@Body() body: LoginDto): Promise<TokenDto> {
    const user = await this.authenticator.authenticate(body.username, body.password);
    if (!user) throw new ApiError(401, 'WRONG_CREDENTIALS', 'Wrong username or password.');
    const accessToken = await this.jwt.signAsync({ ...user }, { expiresIn: TOKEN_SECONDS });
    return { accessToken, tokenType: 'Bearer', expiresIn: TOKEN_SECONDS };
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
