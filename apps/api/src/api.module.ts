import { createSecretKey } from 'node:crypto';
import { type DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { ThrottlerModule } from '@nestjs/throttler';
import { TerminusModule } from '@nestjs/terminus';
import { DatabaseModule } from '@cadreflow/database';
import { registryMigrations } from '@cadreflow/registry';
import type { TrustedKeys } from '@cadreflow/event-store';
import { ApiSettings } from './api-settings';
import { AuditController } from './audit/audit.controller';
import { AuditKeys } from './audit/audit-keys';
import { AuditService } from './audit/audit.service';
import { DossierAccessLogService } from './audit/dossier-access-log.service';
import { AuthController } from './auth/auth.controller';
import { Authenticator, PasswordAuthenticator } from './auth/authenticator';
import { JwtAuthGuard } from './auth/jwt-auth.guard';
import { LoginLockout } from './auth/login-lockout.service';
import { SessionsService } from './auth/sessions.service';
import { UserEntity } from './auth/user.entity';
import { Visibility } from './auth/visibility';
import { HttpDrain } from './common/http-drain';
import { IdempotencyService } from './common/idempotency.service';
import { ApiErrorFilter } from './errors/api-error.filter';
import { HealthController } from './health/health.controller';
import { type ApiLogOptions, apiLoggerModule } from './observability/api-logging';
import { ApiMetrics } from './observability/api-metrics';
import { LogContextInterceptor } from './observability/log-context.interceptor';
import { TracingInterceptor } from './observability/tracing.interceptor';
import { MetricsController } from './observability/metrics.controller';
import { MetricsInterceptor } from './observability/metrics.interceptor';
import { CreateUsers1763785000000 } from './migrations/1763785000000-CreateUsers';
import { CreateReadModels1763785100000 } from './migrations/1763785100000-CreateReadModels';
import { TaskStepKinds1765000000000 } from './migrations/1765000000000-TaskStepKinds';
import { IdempotencyLease1765100000000 } from './migrations/1765100000000-IdempotencyLease';
import { SessionsAndDossierAudit1766100000000 } from './migrations/1766100000000-SessionsAndDossierAudit';
import { SessionFamiliesAndAccessLog1766200000000 } from './migrations/1766200000000-SessionFamiliesAndAccessLog';
import { OpinionCounts1766300000000 } from './migrations/1766300000000-OpinionCounts';
import { OrganisationDirectory } from './organisation/organisation-directory.service';
import { DossierService } from './procedures/dossier.service';
import { ProceduresController } from './procedures/procedures.controller';
import { ProceduresService } from './procedures/procedures.service';
import { ProgressService } from './procedures/progress.service';
import { AgeChecksService } from './procedures/age-checks.service';
import { ProjectionsService } from './projections/projections.service';
import { RegistryModule } from './registry/registry.module';
import { ReadModelProjection } from './projections/read-model.projection';
import { ReadModelFeed } from './projections/read-model-feed.service';
import { TasksController } from './tasks/tasks.controller';
import { TasksService } from './tasks/tasks.service';
import { TemporalClientHolder } from './temporal/temporal-client.provider';

/** The API's own tables, migrated beside the event store's. */
export const apiEntities = [UserEntity];
export const apiMigrations = [
  CreateUsers1763785000000,
  CreateReadModels1763785100000,
  TaskStepKinds1765000000000,
  IdempotencyLease1765100000000,
  ...registryMigrations,
  SessionsAndDossierAudit1766100000000,
  SessionFamiliesAndAccessLog1766200000000,
  OpinionCounts1766300000000,
];

/** The HTTP API: a Temporal client plus read models; it never writes events itself. */
@Module({})
export class ApiModule {
  static forRoot(
    settings: ApiSettings,
    trustedKeys: TrustedKeys,
    logs: ApiLogOptions = { levels: ['error', 'warn', 'log'], format: 'json' },
  ): DynamicModule {
    // One key object for the life of the process: given the secret as text, the JWT library would first try to
    // read it as a public key on every request, and fail (about 2 ms of CPU per request).
    const jwtKey = createSecretKey(Buffer.from(settings.jwtSecret));
    return {
      module: ApiModule,
      imports: [
        DatabaseModule.forRoot({ url: settings.databaseUrl, entities: apiEntities, migrations: apiMigrations }),
        JwtModule.register({
          secretOrKeyProvider: () => jwtKey,
          signOptions: { algorithm: 'HS256' },
          verifyOptions: { algorithms: ['HS256'] },
        }),
        // Named limits, applied only where a route asks for them (sign-in): see LoginThrottlerGuard.
        ThrottlerModule.forRoot([{ name: 'login', ttl: 60_000, limit: 30 }]),
        RegistryModule,
        apiLoggerModule(logs),
        TerminusModule.forRoot({ logger: false }),
      ],
      controllers: [
        HealthController,
        AuthController,
        ProceduresController,
        TasksController,
        AuditController,
        MetricsController,
      ],
      providers: [
        { provide: ApiSettings, useValue: settings },
        { provide: AuditKeys, useValue: new AuditKeys(trustedKeys) },
        { provide: Authenticator, useClass: PasswordAuthenticator },
        { provide: APP_GUARD, useClass: JwtAuthGuard },
        { provide: APP_FILTER, useClass: ApiErrorFilter },
        { provide: APP_INTERCEPTOR, useClass: TracingInterceptor },
        { provide: APP_INTERCEPTOR, useClass: MetricsInterceptor },
        { provide: APP_INTERCEPTOR, useClass: LogContextInterceptor },
        ApiMetrics,
        OrganisationDirectory,
        Visibility,
        ReadModelProjection,
        ReadModelFeed,
        TemporalClientHolder,
        SessionsService,
        LoginLockout,
        IdempotencyService,
        HttpDrain,
        ProjectionsService,
        ProceduresService,
        ProgressService,
        AgeChecksService,
        DossierService,
        TasksService,
        AuditService,
        DossierAccessLogService,
      ],
    };
  }
}
