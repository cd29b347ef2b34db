import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { INestApplication, LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { RequestHandler } from 'express';
import helmet from 'helmet';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { TrustedKeys } from '@cadreflow/event-store';
import { Logger as PinoLogger } from 'nestjs-pino';
import { ApiModule } from './api.module';
import type { ApiLogOptions } from './observability/api-logging';
import { ApiSettings } from './api-settings';
import { ApiErrorDto } from './errors/api-error.dto';
import { createValidationPipe } from './errors/validation.pipe';
import { jsonBody, requestGuard } from './common/request-guard.middleware';

/**
 * The built web UI (`apps/web/dist`, made by `npm run build:web`), found from the source tree or from a compiled
 * `dist/` copy. Undefined when it was not built (an API-only deployment still starts).
 */
export function webUiFolder(): string | undefined {
  const candidates = [
    join(__dirname, '..', '..', 'web', 'dist'),
    join(__dirname, '..', '..', '..', '..', 'apps', 'web', 'dist'),
  ];
  return candidates.find((folder) => existsSync(join(folder, 'index.html')));
}

/**
 * The web app and /docs run under it: scripts only from the API's own origin; inline styles, which Ant Design's
 * CSS-in-JS and Swagger UI inject; data: images and fonts. No upgrade of requests to https, which would break the
 * plain-HTTP default of `npm start` on localhost (a TLS proxy in front sets its own policy).
 */
const CONTENT_SECURITY_POLICY = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:', 'blob:'],
  fontSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  frameAncestors: ["'none'"],
  upgradeInsecureRequests: null,
};

/** Paths a browser may open that are never the web app's own routes. */
const NOT_APP_ROUTES = /^\/(docs|health|metrics)(\/|-json|$)/;

/**
 * Answers a browser's page load of one of the app's routes (`/procedures/…`, `/tasks/…`) with `index.html`, so a deep
 * link opens in a new tab and after a sign-in. Only page loads (`Accept: text/html`) are answered; the app's own
 * requests ask for JSON and reach the API routes of the same paths.
 */
function appRouteFallback(indexFile: string): RequestHandler {
  return (request, response, next) => {
    const wantsPage = request.method === 'GET' && (request.headers.accept ?? '').includes('text/html');
    if (wantsPage && !NOT_APP_ROUTES.test(request.path)) response.sendFile(indexFile);
    else next();
  };
}

/**
 * Builds the API application (validation, OpenAPI at /docs, the web UI at /); the caller listens and handles
 * signals (the API process enables shutdown hooks; `npm start` stops everything in order itself).
 *
 * @example
 * const app = await createApiApp(settings, trustedKeys);
 * await app.listen(3000);
 */
export async function createApiApp(
  settings: ApiSettings,
  trustedKeys: TrustedKeys,
  logLevels: LogLevel[] = ['error', 'warn', 'log'],
  logs: Omit<ApiLogOptions, 'levels'> = { format: 'json' },
): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(
    ApiModule.forRoot(settings, trustedKeys, { ...logs, levels: logLevels }),
    // Our own JSON parser below, within the limits; no urlencoded bodies (no operation takes one).
    { logger: logLevels, bufferLogs: true, bodyParser: false },
  );
  // Every Nest logger of the process writes through pino from here on, the lines buffered at start too: Nest would
  // write them only once `listen` succeeds, and keep every later line (a failed listen's reason) buffered unseen.
  app.useLogger(app.get(PinoLogger));
  app.flushLogs();
  app.disable('x-powered-by');
  // Behind a load balancer the client's address (sign-in lockouts and rates are per address) is in X-Forwarded-For.
  if (settings.security.trustProxyHops) app.set('trust proxy', settings.security.trustProxyHops);
  app.use(helmet({ contentSecurityPolicy: { useDefaults: true, directives: CONTENT_SECURITY_POLICY } }));
  app.use(requestGuard());
  app.use(jsonBody(settings.security.limits));
  const webUi = webUiFolder();
  // Static files answer first and fall through on a miss, so the API routes and /docs keep working.
  if (webUi) {
    app.useStaticAssets(webUi, { index: 'index.html', fallthrough: true });
    app.use(appRouteFallback(join(webUi, 'index.html')));
  }
  app.useGlobalPipes(createValidationPipe());
  SwaggerModule.setup('docs', app, openApiDocument(app));
  return app;
}

/**
 * The OpenAPI document of the API: every route with its request and response bodies and the error shape. The web
 * client is typed from it (`npm run openapi` writes it to `apps/web/src/api/openapi.json`).
 */
export function openApiDocument(app: INestApplication): OpenAPIObject {
  return SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('cadreflow')
      .setDescription(
        'Congress personnel procedures: launch, queue, decide, audit. Every 4xx answers an ApiError ' +
          '`{ statusCode, code, message, field?, params? }`: `code` is stable and translated by the client.',
      )
      .setVersion('1')
      .addBearerAuth()
      .build(),
    {
      extraModels: [ApiErrorDto],
      operationIdFactory: (controller, method) => `${controller.replace(/Controller$/, '')}_${method}`,
    },
  );
}

/**
 * The document built from the module graph alone, without a database or Temporal: the application is created in
 * preview mode, which resolves the modules and routes but instantiates no provider and opens no connection.
 */
export async function previewOpenApiDocument(): Promise<OpenAPIObject> {
  const settings = new ApiSettings('postgres://unused', 'unused:7233', 'default', 'unused', false, 'unused');
  const app = await NestFactory.create(ApiModule.forRoot(settings, new TrustedKeys([])), {
    preview: true,
    logger: false,
    abortOnError: false,
  });
  try {
    return openApiDocument(app);
  } finally {
    await app.close();
  }
}
