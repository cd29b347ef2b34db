import type { INestApplication, LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { TrustedKeys } from '@cadreflow/event-store';
import { ApiModule } from './api.module';
import type { ApiSettings } from './api-settings';
import { createValidationPipe } from './errors/validation.pipe';

/**
 * Builds the API application (validation, OpenAPI at /docs, shutdown hooks); the caller listens.
 *
 * @example
 * const app = await createApiApp(settings, trustedKeys);
 * await app.listen(3000);
 */
export async function createApiApp(
  settings: ApiSettings,
  trustedKeys: TrustedKeys,
  logLevels: LogLevel[] = ['error', 'warn', 'log'],
): Promise<INestApplication> {
  const app = await NestFactory.create(ApiModule.forRoot(settings, trustedKeys), { logger: logLevels });
  app.useGlobalPipes(createValidationPipe());
  app.enableShutdownHooks();
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('cadreflow')
      .setDescription('Congress personnel procedures: launch, queue, decide, audit')
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup('docs', app, document);
  return app;
}
