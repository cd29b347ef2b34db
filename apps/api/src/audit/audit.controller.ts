import { Controller, Get, HttpCode, Param, ParseIntPipe, Post, Query, StreamableFile } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { VerificationReport } from '@cadreflow/event-store';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { CurrentUser } from '../auth/current-user.decorator';
import { ApiErrorDto } from '../errors/api-error.dto';
import { AuditStateDto, AuditTrailDto, LogVerificationDto } from './audit.dto';
import { AuditService, type AuditTrail } from './audit.service';
import { DossierAccessPageDto, DossierAccessQuery } from './dossier-access-log.dto';
import { DossierAccessLogService } from './dossier-access-log.service';

@ApiTags('audit')
@ApiBearerAuth()
@Controller()
export class AuditController {
  constructor(
    private readonly audit: AuditService,
    private readonly dossierAccess: DossierAccessLogService,
  ) {}

  @Get('procedures/:procedureId/audit')
  @ApiOperation({ summary: "A procedure's event trail, with the verdict of re-deriving every hash of it" })
  @ApiOkResponse({ type: AuditTrailDto })
  @ApiForbiddenResponse({ type: ApiErrorDto })
  @ApiNotFoundResponse({ type: ApiErrorDto })
  trail(@CurrentUser() user: AuthenticatedUser, @Param('procedureId') procedureId: string): Promise<AuditTrail> {
    return this.audit.trail(user, procedureId);
  }

  @Get('procedures/:procedureId/audit/state')
  @ApiOperation({ summary: 'The state of the procedure as of one event (time travel)' })
  @ApiOkResponse({ type: AuditStateDto })
  @ApiForbiddenResponse({ type: ApiErrorDto })
  @ApiNotFoundResponse({ type: ApiErrorDto })
  @ApiUnprocessableEntityResponse({ type: ApiErrorDto, description: 'No single procedure launched by that position' })
  stateAt(
    @CurrentUser() user: AuthenticatedUser,
    @Param('procedureId') procedureId: string,
    @Query('position', ParseIntPipe) position: number,
  ): Promise<AuditStateDto> {
    return this.audit.stateAt(user, procedureId, position);
  }

  @Get('procedures/:procedureId/evidence')
  @ApiOperation({
    summary:
      'A procedure\'s evidence bundle: one Node script holding its events, their inclusion proofs and the signed, cosigned tree head, that prints "intact" or the first bad event when run offline (inspection committees)',
  })
  @ApiProduces('application/javascript')
  async evidence(
    @CurrentUser() user: AuthenticatedUser,
    @Param('procedureId') procedureId: string,
  ): Promise<StreamableFile> {
    const { fileName, script } = await this.audit.evidence(user, procedureId);
    return new StreamableFile(Buffer.from(script), {
      type: 'application/javascript; charset=utf-8',
      disposition: `attachment; filename="${fileName}"`,
    });
  }

  @Post('audit/verify')
  @HttpCode(200)
  @ApiOperation({ summary: 'Verify the whole log and its signed checkpoints (inspection committees)' })
  @ApiOkResponse({ type: LogVerificationDto })
  @ApiForbiddenResponse({ type: ApiErrorDto, description: 'Not an inspection committee' })
  verify(@CurrentUser() user: AuthenticatedUser): Promise<VerificationReport> {
    return this.audit.verifyAll(user);
  }

  @Get('audit/dossier-access')
  @ApiOperation({
    summary:
      'The dossier access log: every read of a personnel file and every refusal, newest first, with names (inspection committees and Organization Committees)',
  })
  @ApiOkResponse({ type: DossierAccessPageDto })
  @ApiBadRequestResponse({ type: ApiErrorDto, description: 'DATE_RANGE_REVERSED, or a malformed filter' })
  @ApiForbiddenResponse({ type: ApiErrorDto, description: 'NOT_ALLOWED: neither committee' })
  dossierAccessLog(
    @CurrentUser() user: AuthenticatedUser,
    @Query() query: DossierAccessQuery,
  ): Promise<DossierAccessPageDto> {
    return this.dossierAccess.list(user, query);
  }
}
