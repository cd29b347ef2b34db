import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query, Sse } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Observable } from 'rxjs';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { CurrentUser } from '../auth/current-user.decorator';
import { requireIdempotencyKey } from '../common/idempotency.service';
import { DecisionDto, TaskQueueQuery } from './tasks.dto';
import { TasksService, type TaskView } from './tasks.service';

@ApiTags('tasks')
@ApiBearerAuth()
@Controller('tasks')
export class TasksController {
  constructor(private readonly tasks: TasksService) {}

  @Get()
  @ApiOperation({ summary: 'My queue: open tasks my roles and bodies may act on' })
  queue(@CurrentUser() user: AuthenticatedUser, @Query() query: TaskQueueQuery): Promise<unknown> {
    return this.tasks.queue(user, query);
  }

  @Sse('events')
  @ApiOperation({ summary: 'Live queue changes as server-sent events (token in ?access_token= for EventSource)' })
  events(@CurrentUser() user: AuthenticatedUser): Observable<{ data: unknown; type: string }> {
    return this.tasks.changes(user);
  }

  @Get(':taskId')
  get(@CurrentUser() user: AuthenticatedUser, @Param('taskId') taskId: string): Promise<TaskView> {
    return this.tasks.get(user, taskId);
  }

  @Post(':taskId/claim')
  @HttpCode(200)
  @ApiOperation({ summary: 'Claim a task (recusal and four-eyes are checked)' })
  claim(@CurrentUser() user: AuthenticatedUser, @Param('taskId') taskId: string): Promise<TaskView> {
    return this.tasks.claim(user, taskId);
  }

  @Post(':taskId/unclaim')
  @HttpCode(200)
  unclaim(@CurrentUser() user: AuthenticatedUser, @Param('taskId') taskId: string): Promise<TaskView> {
    return this.tasks.unclaim(user, taskId);
  }

  @Post(':taskId/decision')
  @HttpCode(200)
  @ApiHeader({ name: 'Idempotency-Key', required: true, description: 'A retried request returns the first result' })
  @ApiOperation({ summary: 'Decide a task; answers with the recorded events (position and hash)' })
  decide(
    @CurrentUser() user: AuthenticatedUser,
    @Param('taskId') taskId: string,
    @Body() body: DecisionDto,
    @Headers('idempotency-key') key: string | undefined,
  ): Promise<unknown> {
    return this.tasks.decide(user, taskId, body, requireIdempotencyKey(key));
  }
}
