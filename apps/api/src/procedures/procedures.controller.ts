import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiBody,
  ApiCreatedResponse,
  ApiExtraModels,
  ApiForbiddenResponse,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiQuery,
  ApiTags,
  ApiUnprocessableEntityResponse,
  getSchemaPath,
} from '@nestjs/swagger';
import type { Response } from 'express';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { CurrentUser } from '../auth/current-user.decorator';
import { requireIdempotencyKey } from '../common/idempotency.service';
import { RecordedEventRefDto } from '../common/views.dto';
import { ApiErrorDto } from '../errors/api-error.dto';
import { DossierService } from './dossier.service';
import { LaunchFormPipe } from './launch-form.pipe';
import {
  AppointmentLaunchDto,
  CongressPersonnelLaunchDto,
  CadreOpinionLaunchDto,
  ClassificationLaunchDto,
  ConfidenceVoteLaunchDto,
  ElectionLaunchDto,
  FirstSessionLaunchDto,
  IntroductionLaunchDto,
  LAUNCH_FORMS,
  PersonnelPlanLaunchDto,
  VettingLaunchDto,
  type LaunchForm,
} from './launch.dto';
import {
  DossierDto,
  LaunchResultDto,
  LevelProgressDto,
  ProcedureDetailDto,
  ProcedurePageDto,
} from './procedure-views.dto';
import { ListProceduresQuery, ProcedureCommandDto, ProgressQuery, WithdrawDto } from './procedures.dto';
import { ProceduresService } from './procedures.service';
import { ProgressService } from './progress.service';
import { AgeCheckDto, AgeChecksQuery } from './age-checks.dto';
import { AgeChecksService } from './age-checks.service';

@ApiTags('procedures')
@ApiBearerAuth()
@ApiExtraModels(
  CongressPersonnelLaunchDto,
  PersonnelPlanLaunchDto,
  IntroductionLaunchDto,
  VettingLaunchDto,
  ElectionLaunchDto,
  ConfidenceVoteLaunchDto,
  ClassificationLaunchDto,
  CadreOpinionLaunchDto,
  AppointmentLaunchDto,
  FirstSessionLaunchDto,
)
@ApiBadRequestResponse({ type: ApiErrorDto, description: 'A field is malformed (`field` names it)' })
@Controller('procedures')
export class ProceduresController {
  constructor(
    private readonly procedures: ProceduresService,
    private readonly progressOf: ProgressService,
    private readonly ageChecks: AgeChecksService,
    private readonly dossiers: DossierService,
  ) {}

  @Post()
  @ApiOperation({
    summary: 'Launch a procedure from its form (Organization Committees)',
    description:
      'The body is a form by `kind` (a discriminated union): the organisation from the registry and the fields of ' +
      'that kind. The API builds the launch from the registry and pins the snapshot; a launch the rules refuse is ' +
      'answered 422 and starts nothing.',
  })
  @ApiBody({
    schema: {
      oneOf: Object.values(LAUNCH_FORMS).map((form) => ({ $ref: getSchemaPath(form) })),
      discriminator: {
        propertyName: 'kind',
        mapping: Object.fromEntries(Object.entries(LAUNCH_FORMS).map(([kind, form]) => [kind, getSchemaPath(form)])),
      },
    },
  })
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description: 'A retried launch with the same key starts nothing new',
  })
  @ApiCreatedResponse({ type: LaunchResultDto, description: 'Launched' })
  @ApiOkResponse({ type: LaunchResultDto, description: 'A retried launch: the procedure its key started' })
  @ApiForbiddenResponse({ type: ApiErrorDto, description: 'Not the Organization Committee of the organisation' })
  @ApiUnprocessableEntityResponse({ type: ApiErrorDto, description: 'The rules refuse the launch; nothing started' })
  async launch(
    @CurrentUser() user: AuthenticatedUser,
    @Body(LaunchFormPipe) body: LaunchForm,
    @Headers('idempotency-key') key: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<LaunchResultDto> {
    const result = await this.procedures.launch(user, body, key === undefined ? undefined : requireIdempotencyKey(key));
    response.status(result.created ? 201 : 200).location(`/procedures/${encodeURIComponent(result.procedureId)}`);
    return result;
  }

  @Get()
  @ApiOperation({ summary: 'Procedures you may see, filtered by type, body, level and status' })
  @ApiOkResponse({ type: ProcedurePageDto })
  list(@CurrentUser() user: AuthenticatedUser, @Query() query: ListProceduresQuery): Promise<ProcedurePageDto> {
    return this.procedures.list(user, query);
  }

  @Get('age-checks')
  @ApiOperation({
    summary:
      "The rulebook's age rule for the people a launch form lists: months of service left before retirement age at the congress, on the track the introduction will give them",
  })
  @ApiOkResponse({ type: [AgeCheckDto] })
  @ApiUnprocessableEntityResponse({ type: ApiErrorDto, description: 'Unknown organisation' })
  ageChecksOf(@Query() query: AgeChecksQuery): Promise<AgeCheckDto[]> {
    return this.ageChecks.check(query.organisationId, query.congressDate, query.personIds.split(','), query.launchDate);
  }

  @Get('progress')
  @ApiOperation({
    summary:
      'Progress per level: how many organisations (all, or those of a body and under it) have completed a kind of procedure',
  })
  @ApiOkResponse({ type: [LevelProgressDto] })
  @ApiUnprocessableEntityResponse({ type: ApiErrorDto, description: 'Unknown body' })
  progress(@Query() query: ProgressQuery): Promise<LevelProgressDto[]> {
    return this.progressOf.progress(query.type ?? 'congress-personnel', query.body);
  }

  @Get(':procedureId')
  @ApiOperation({ summary: 'One procedure with its current state' })
  @ApiOkResponse({ type: ProcedureDetailDto })
  @ApiForbiddenResponse({ type: ApiErrorDto })
  @ApiNotFoundResponse({ type: ApiErrorDto })
  get(@CurrentUser() user: AuthenticatedUser, @Param('procedureId') procedureId: string): Promise<ProcedureDetailDto> {
    return this.procedures.get(user, procedureId);
  }

  @Post(':procedureId/withdraw')
  @HttpCode(200)
  @ApiHeader({ name: 'Idempotency-Key', required: true })
  @ApiOperation({ summary: 'Withdraw a procedure, recording why' })
  @ApiOkResponse({ type: [RecordedEventRefDto], description: 'The recorded events' })
  @ApiForbiddenResponse({ type: ApiErrorDto })
  @ApiNotFoundResponse({ type: ApiErrorDto })
  @ApiUnprocessableEntityResponse({ type: ApiErrorDto, description: 'IDEMPOTENCY_KEY_REUSED' })
  withdraw(
    @CurrentUser() user: AuthenticatedUser,
    @Param('procedureId') procedureId: string,
    @Body() body: WithdrawDto,
    @Headers('idempotency-key') key: string | undefined,
  ): Promise<RecordedEventRefDto[]> {
    return this.procedures.withdraw(user, procedureId, body, requireIdempotencyKey(key));
  }

  @Post(':procedureId/commands')
  @HttpCode(200)
  @ApiHeader({ name: 'Idempotency-Key', required: true })
  @ApiOperation({ summary: 'Send another command of the procedure; answers with the recorded events' })
  @ApiOkResponse({ type: [RecordedEventRefDto], description: 'The recorded events' })
  @ApiForbiddenResponse({ type: ApiErrorDto })
  @ApiNotFoundResponse({ type: ApiErrorDto })
  @ApiUnprocessableEntityResponse({ type: ApiErrorDto, description: 'The domain refused the command' })
  command(
    @CurrentUser() user: AuthenticatedUser,
    @Param('procedureId') procedureId: string,
    @Body() body: ProcedureCommandDto,
    @Headers('idempotency-key') key: string | undefined,
  ): Promise<RecordedEventRefDto[]> {
    return this.procedures.command(user, procedureId, body, requireIdempotencyKey(key));
  }

  @Get(':procedureId/dossiers/:personId')
  @ApiOperation({ summary: "Read a candidate's personnel file; the read is recorded (DossierAccessed)" })
  @ApiQuery({
    name: 'purpose',
    type: String,
    required: true,
    description: 'Why you read it (recorded), at least 3 characters',
  })
  @ApiOkResponse({ type: DossierDto })
  @ApiForbiddenResponse({ type: ApiErrorDto })
  @ApiNotFoundResponse({ type: ApiErrorDto })
  dossier(
    @CurrentUser() user: AuthenticatedUser,
    @Param('procedureId') procedureId: string,
    @Param('personId') personId: string,
    @Query('purpose') purpose: string | undefined,
  ): Promise<DossierDto> {
    return this.dossiers.read(user, procedureId, personId, purpose);
  }
}
