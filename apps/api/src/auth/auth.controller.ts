import { Body, Controller, Get, HttpCode, Post, UnauthorizedException } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { JwtService } from '@nestjs/jwt';
import { LoginDto, TokenDto } from './auth.dto';
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
  ) {}

  /** Exchanges a username and password for an access token. */
  @Public()
  @Post('login')
  @HttpCode(200)
  @ApiOkResponse({ type: TokenDto })
  async login(@Body() body: LoginDto): Promise<TokenDto> {
    const user = await this.authenticator.authenticate(body.username, body.password);
    if (!user) throw new UnauthorizedException('Wrong username or password.');
    const accessToken = await this.jwt.signAsync({ ...user }, { expiresIn: TOKEN_SECONDS });
    return { accessToken, tokenType: 'Bearer', expiresIn: TOKEN_SECONDS };
  }

  /** Who the token belongs to, with the roles and bodies they may act for. */
  @ApiBearerAuth()
  @Get('me')
  me(@CurrentUser() user: AuthenticatedUser): AuthenticatedUser {
    return {
      userId: user.userId,
      username: user.username,
      displayName: user.displayName,
      personId: user.personId,
      grants: user.grants,
    };
  }
}
