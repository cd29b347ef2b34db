/**
 * Writes the API's OpenAPI document to `apps/web/src/api/openapi.json`, which the web client is typed from
 * (`npm run openapi`). Needs no database or Temporal: the document comes from the module graph.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Logger } from '@nestjs/common';
import { format, resolveConfig } from 'prettier';
import { previewOpenApiDocument } from '../apps/api/src/bootstrap';

/** Where the web app reads the document from. */
export const OPENAPI_PATH = join(__dirname, '..', 'apps', 'web', 'src', 'api', 'openapi.json');

/** The document as committed: JSON laid out by Prettier with the repository's settings, as `prettier --write` would. */
export async function formatDocument(document: unknown): Promise<string> {
  const options = (await resolveConfig(OPENAPI_PATH)) ?? {};
  return format(JSON.stringify(document, null, 2), { ...options, parser: 'json' });
}

async function main(): Promise<void> {
  writeFileSync(OPENAPI_PATH, await formatDocument(await previewOpenApiDocument()));
  new Logger('openapi').log(`wrote ${OPENAPI_PATH}`);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    new Logger('openapi').error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exit(1);
  });
}
