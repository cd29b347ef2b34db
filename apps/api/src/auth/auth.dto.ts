import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

export class LoginDto {
  @ApiProperty({ example: 'tochuc' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  username!: string;

  @ApiProperty({ example: 'cadreflow-demo' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  password!: string;
}

export class TokenDto {
  @ApiProperty({ description: 'Send as `Authorization: Bearer <accessToken>`; short-lived' })
  accessToken!: string;

  @ApiProperty({ example: 'Bearer' })
  tokenType!: 'Bearer';

  @ApiProperty({ description: 'Seconds until the access token expires' })
  expiresIn!: number;

  @ApiProperty({ description: 'Exchanged once for a new session at POST /auth/refresh' })
  refreshToken!: string;

  @ApiProperty({ description: 'Seconds until the refresh token expires' })
  refreshExpiresIn!: number;
}

export class RefreshDto {
  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  refreshToken!: string;
}

export class SignedOutDto {
  @ApiProperty({ example: true })
  signedOut!: true;
}

/** A single-use ticket that opens the live-updates stream (`GET /tasks/events?ticket=`). */
export class StreamTicketDto {
  @ApiProperty()
  ticket!: string;

  @ApiProperty({ description: 'Seconds until the ticket expires unused' })
  expiresIn!: number;
}

/** A role the user may act in, for one body, with the body's name. */
export class GrantViewDto {
  @ApiProperty({ example: 'standing-committee', description: 'Role code' })
  role!: string;

  @ApiProperty({ example: 'body/bn-btv' })
  bodyId!: string;

  @ApiProperty({ example: 'Ban Thường vụ Tỉnh ủy' })
  bodyName!: string;
}

/** Who the token belongs to. */
export class MeDto {
  @ApiProperty({ example: 'user/tochuc' })
  userId!: string;

  @ApiProperty({ example: 'tochuc' })
  username!: string;

  @ApiProperty({ example: 'Trịnh Văn Tổ (Ban Tổ chức)' })
  displayName!: string;

  @ApiProperty({ type: String, nullable: true, description: 'The person in the registry (null: a service account)' })
  personId!: string | null;

  @ApiProperty({ type: String, nullable: true })
  personName!: string | null;

  @ApiProperty({ type: [GrantViewDto] })
  grants!: GrantViewDto[];
}
