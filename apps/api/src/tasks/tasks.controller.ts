import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query, Sse } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
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
import type { Observable } from 'rxjs';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { StreamTicketDto } from '../auth/auth.dto';
import { CurrentUser } from '../auth/current-user.decorator';
import { StreamTicket } from '../auth/public.decorator';
import { SessionsService } from '../auth/sessions.service';
import { requireIdempotencyKey } from '../common/idempotency.service';
import { ApiErrorDto } from '../errors/api-error.dto';
import type { TaskChange } from '../projections/read-model.projection';
import { DecisionResultDto, TaskChangeDto, TaskDto, TaskPageDto } from './task-views.dto';
import { DecisionDto, TaskQueueQuery } from './tasks.dto';
import { TasksService } from './tasks.service';

@ApiTags('tasks')
@ApiBearerAuth()
@ApiExtraModels(TaskChangeDto)
@ApiBadRequestResponse({ type: ApiErrorDto, description: 'A field is malformed (`field` names it)' })
@Controller('tasks')
export class TasksController {
  constructor(
    private readonly tasks: TasksService,
    private readonly sessions: SessionsService,
  ) {}

  @Get()
  @ApiOperation({ summary: 'My queue: open tasks my roles and bodies may act on' })
  @ApiOkResponse({ type: TaskPageDto })
  queue(@CurrentUser() user: AuthenticatedUser, @Query() query: TaskQueueQuery): Promise<TaskPageDto> {
    return this.tasks.queue(user, query);
  }

  @Post('events/ticket')
  @HttpCode(200)
  @ApiOperation({
    summary: 'A single-use ticket (valid 30 s) that opens the live-updates stream: GET /tasks/events?ticket=',
  })
  @ApiOkResponse({ type: StreamTicketDto })
  ticket(@CurrentUser() user: AuthenticatedUser): Promise<StreamTicketDto> {
    return this.sessions.streamTicket(user);
  }

  @Sse('events')
  @StreamTicket()
  @ApiOperation({
    summary:
      'Live queue changes as server-sent events (`task-opened`, `task-closed`; data: a TaskChange). A browser ' +
      'opens it without headers, with a ticket from POST /tasks/events/ticket (STREAM_TICKET_INVALID otherwise).',
  })
  @ApiQuery({ name: 'ticket', required: true, type: String })
  @ApiOkResponse({
    description: 'An event stream; each event is `event: task-opened|task-closed` with a TaskChange as data',
    content: { 'text/event-stream': { schema: { $ref: getSchemaPath(TaskChangeDto) } } },
  })
  events(@CurrentUser() user: AuthenticatedUser): Observable<{ data: TaskChange; type: string }> {
    return this.tasks.changes(user);
  }

  @Get(':taskId')
  @ApiOperation({ summary: 'One task' })
  @ApiOkResponse({ type: TaskDto })
  @ApiForbiddenResponse({ type: ApiErrorDto })
  @ApiNotFoundResponse({ type: ApiErrorDto })
  get(@CurrentUser() user: AuthenticatedUser, @Param('taskId') taskId: string): Promise<TaskDto> {
    return this.tasks.get(user, taskId);
  }

  @Post(':taskId/claim')
  @HttpCode(200)
  @ApiOperation({ summary: 'Claim a task (recusal and four-eyes are checked)' })
  @ApiOkResponse({ type: TaskDto })
  @ApiForbiddenResponse({ type: ApiErrorDto, description: 'NOT_ALLOWED or RECUSED' })
  @ApiNotFoundResponse({ type: ApiErrorDto })
  @ApiConflictResponse({ type: ApiErrorDto, description: 'TASK_CLAIMED_BY_OTHER, TASK_CLOSED, STEP_NOT_OPEN' })
  claim(@CurrentUser() user: AuthenticatedUser, @Param('taskId') taskId: string): Promise<TaskDto> {
    return this.tasks.claim(user, taskId);
  }

  @Post(':taskId/unclaim')
  @HttpCode(200)
  @ApiOperation({ summary: 'Let a claimed task go' })
  @ApiOkResponse({ type: TaskDto })
  @ApiForbiddenResponse({ type: ApiErrorDto })
  @ApiNotFoundResponse({ type: ApiErrorDto })
  @ApiConflictResponse({ type: ApiErrorDto, description: 'TASK_NOT_CLAIMED, TASK_CLOSED' })
  unclaim(@CurrentUser() user: AuthenticatedUser, @Param('taskId') taskId: string): Promise<TaskDto> {
    return this.tasks.unclaim(user, taskId);
  }

  @Post(':taskId/decision')
  @HttpCode(200)
  @ApiHeader({
    name: 'Idempotency-Key',
    required: true,
    description: 'A retried request returns the first result; a new or corrected request needs a new key',
  })
  @ApiOperation({ summary: 'Decide a task; answers with the recorded events (position and hash)' })
  @ApiOkResponse({ type: DecisionResultDto })
  @ApiForbiddenResponse({ type: ApiErrorDto, description: 'NOT_ALLOWED, RECUSED_* (domain codes)' })
  @ApiNotFoundResponse({ type: ApiErrorDto })
  @ApiConflictResponse({ type: ApiErrorDto, description: 'TASK_CLOSED, TASK_CLAIMED_BY_OTHER, ILLEGAL_TRANSITION' })
  @ApiUnprocessableEntityResponse({
    type: ApiErrorDto,
    description: 'The domain refused the decision (its code and params), or IDEMPOTENCY_KEY_REUSED',
  })
  decide(
    @CurrentUser() user: AuthenticatedUser,
    @Param('taskId') taskId: string,
    @Body() body: DecisionDto,
    @Headers('idempotency-key') key: string | undefined,
  ): Promise<DecisionResultDto> {
    return this.tasks.decide(user, taskId, body, requireIdempotencyKey(key));
  }
}
