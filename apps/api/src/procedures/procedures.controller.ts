import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { RecordedEventRef } from '@cadreflow/workflows/messages';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { CurrentUser } from '../auth/current-user.decorator';
import { requireIdempotencyKey } from '../common/idempotency.service';
import { DossierService } from './dossier.service';
import {
  LaunchProcedureDto,
  ListProceduresQuery,
  ProcedureCommandDto,
  ProgressQuery,
  WithdrawDto,
} from './procedures.dto';
import { ProceduresService } from './procedures.service';

@ApiTags('procedures')
@ApiBearerAuth()
@Controller('procedures')
export class ProceduresController {
  constructor(
    private readonly procedures: ProceduresService,
    private readonly dossiers: DossierService,
  ) {}

  @Post()
  @ApiOperation({ summary: 'Launch a procedure (Organization Committees)' })
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description: 'A retried launch with the same key starts nothing new',
  })
  async launch(
    @CurrentUser() user: AuthenticatedUser,
    @Body() body: LaunchProcedureDto,
    @Headers('idempotency-key') key: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<unknown> {
    const result = await this.procedures.launch(user, body, key === undefined ? undefined : requireIdempotencyKey(key));
    response.status(result.created ? 201 : 200).location(`/procedures/${encodeURIComponent(result.procedureId)}`);
    return result;
  }

  @Get()
  @ApiOperation({ summary: 'Procedures you may see, filtered by type, body, level and status' })
  list(@CurrentUser() user: AuthenticatedUser, @Query() query: ListProceduresQuery): Promise<unknown> {
    return this.procedures.list(user, query);
  }

  @Get('progress')
  @ApiOperation({
    summary:
      'Progress per level: how many organisations (all, or those of a body and under it) have completed a kind of procedure',
  })
  progress(@Query() query: ProgressQuery): Promise<unknown> {
    return this.procedures.progress(query.type ?? 'congress-personnel', query.body);
  }

  @Get(':procedureId')
  @ApiOperation({ summary: 'One procedure with its current state' })
  get(@CurrentUser() user: AuthenticatedUser, @Param('procedureId') procedureId: string): Promise<unknown> {
    return this.procedures.get(user, procedureId);
  }

  @Post(':procedureId/withdraw')
  @HttpCode(200)
  @ApiHeader({ name: 'Idempotency-Key', required: true })
  @ApiOperation({ summary: 'Withdraw a procedure, recording why' })
  withdraw(
    @CurrentUser() user: AuthenticatedUser,
    @Param('procedureId') procedureId: string,
    @Body() body: WithdrawDto,
    @Headers('idempotency-key') key: string | undefined,
  ): Promise<RecordedEventRef[]> {
    return this.procedures.withdraw(user, procedureId, body, requireIdempotencyKey(key));
  }

  @Post(':procedureId/commands')
  @HttpCode(200)
  @ApiHeader({ name: 'Idempotency-Key', required: true })
  @ApiOperation({ summary: 'Send another command of the procedure; answers with the recorded events' })
  command(
    @CurrentUser() user: AuthenticatedUser,
    @Param('procedureId') procedureId: string,
    @Body() body: ProcedureCommandDto,
    @Headers('idempotency-key') key: string | undefined,
  ): Promise<RecordedEventRef[]> {
    return this.procedures.command(user, procedureId, body, requireIdempotencyKey(key));
  }

  @Get(':procedureId/dossiers/:personId')
  @ApiOperation({ summary: "Read a candidate's personnel file; the read is recorded (DossierAccessed)" })
  dossier(
    @CurrentUser() user: AuthenticatedUser,
    @Param('procedureId') procedureId: string,
    @Param('personId') personId: string,
    @Query('purpose') purpose: string | undefined,
  ): Promise<unknown> {
    return this.dossiers.read(user, procedureId, personId, purpose);
  }
}
