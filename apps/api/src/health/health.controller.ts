import { Controller, Get, Logger, Res, ServiceUnavailableException } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import {
  HealthCheckService,
  HealthIndicatorService,
  type HealthCheckResult,
  type HealthIndicatorResult,
} from '@nestjs/terminus';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { Public } from '../auth/public.decorator';
import { ApiSettings } from '../api-settings';
import { HealthDto } from '../common/views.dto';
import { ProjectionsService } from '../projections/projections.service';
import { TemporalClientHolder } from '../temporal/temporal-client.provider';

/** A dependency that does not answer within this long counts as down: a probe must answer before its own timeout. */
const CHECK_TIMEOUT_MS = 2_000;

/**
 * Liveness and readiness (`@nestjs/terminus`). Liveness says the process answers HTTP (an orchestrator restarts it
 * when it does not); readiness says it can serve: the database answers, the Temporal server answers, and the read
 * models are not further behind the log than `ApiSettings.maxProjectionLagMs` (they resume by themselves after
 * a database restart, and until they have caught up the API is not ready). `/health` answers the readiness check.
 */
@ApiTags('health')
@Controller('health')
export class HealthController {
  private readonly logger = new Logger(HealthController.name);
  private lastProblem = '';

  constructor(
    private readonly health: HealthCheckService,
    private readonly indicator: HealthIndicatorService,
    private readonly dataSource: DataSource,
    private readonly temporal: TemporalClientHolder,
    private readonly projections: ProjectionsService,
    private readonly settings: ApiSettings,
  ) {}

  @Public()
  @Get('live')
  @ApiOperation({ summary: 'Liveness: the process answers (no dependency is checked)' })
  @ApiOkResponse({ type: HealthDto })
  live(): Promise<HealthCheckResult> {
    return this.health.check([]);
  }

  @Public()
  @Get('ready')
  @ApiOperation({ summary: 'Readiness: database, Temporal and read-model lag; 503 names what is down' })
  @ApiOkResponse({ type: HealthDto })
  @ApiServiceUnavailableResponse({ type: HealthDto, description: 'A dependency is down; `error` names it' })
  ready(@Res({ passthrough: true }) response: Response): Promise<HealthCheckResult> {
    return this.readiness(response);
  }

  @Public()
  @Get()
  @ApiOperation({ summary: 'The readiness check (as /health/ready)' })
  @ApiOkResponse({ type: HealthDto })
  @ApiServiceUnavailableResponse({ type: HealthDto, description: 'A dependency is down; `error` names it' })
  check(@Res({ passthrough: true }) response: Response): Promise<HealthCheckResult> {
    return this.readiness(response);
  }

  /** Runs the readiness checks; a failure answers 503 with terminus' result, logged once per change. */
  private async readiness(response: Response): Promise<HealthCheckResult> {
    try {
      const result = await this.health.check([
        () => this.database(),
        () => this.temporalServer(),
        () => this.readModels(),
      ]);
      if (this.lastProblem) this.logger.log('ready again');
      this.lastProblem = '';
      return result;
    } catch (error) {
      if (!(error instanceof ServiceUnavailableException)) throw error;
      const result = error.getResponse() as HealthCheckResult;
      const problem = JSON.stringify(result.error ?? {});
      if (problem !== this.lastProblem) this.logger.warn(`not ready: ${problem}`);
      this.lastProblem = problem;
      response.status(503);
      return result;
    }
  }

  private database(): PromiseLike<HealthIndicatorResult> {
    return this.indicator
      .check('database')
      .attempt(async () => {
        await this.dataSource.query('SELECT 1');
      })
      .withTimeout(CHECK_TIMEOUT_MS);
  }

  private temporalServer(): PromiseLike<HealthIndicatorResult> {
    return this.indicator
      .check('temporal')
      .attempt(async () => {
        const client = await this.temporal.get();
        // The cheapest call the server answers itself, without touching a workflow.
        await client.connection.withDeadline(Date.now() + CHECK_TIMEOUT_MS, () =>
          client.workflowService.getSystemInfo({}),
        );
        return { address: this.settings.temporalAddress, namespace: this.settings.namespace };
      })
      .withTimeout(CHECK_TIMEOUT_MS);
  }

  private async readModels(): Promise<HealthIndicatorResult> {
    const session = this.indicator.check('readModels');
    const maxLagMs = this.settings.maxProjectionLagMs;
    try {
      const lag = await this.projections.lag();
      const details = {
        behind: lag.behind,
        lagMs: lag.lagMs,
        maxLagMs,
        ...(lag.failing ? { failing: lag.failing } : {}),
      };
      return lag.lagMs > maxLagMs ? session.down(details) : session.up(details);
    } catch (error) {
      return session.down({ message: error instanceof Error ? error.message : String(error) });
    }
  }
}
